import { BULLETIN_LOG_SHEET, MEETING_LOG_SHEET } from "../../core/docs/logs";
import { headerScore } from "../../core/header/recognize";
import { REGISTRY_SHEET } from "../../core/plan";
import { isReportSheet } from "../../core/outputSheets";
import { fromExcelValue } from "./cellValues";

export { isReportSheet };
import type { SheetHead } from "./readSheets";

export interface SheetInfo {
  name: string;
  position: number;
}

/** What one sync tells of the workbook: its sheets, the active one, its date system and its name. */
export interface WorkbookInfo {
  sheets: SheetInfo[];
  active: string;
  dateSystem: 1900 | 1904;
  /** The file name where Excel knows it (ExcelApi 1.7), for 数据来源. */
  name: string;
}

/** DATE(2000,1,1) in each date system: Office.js has no property for the 1904 setting. */
const Y2000_1900 = 36526;
const Y2000_1904 = 35064;

/**
 * Reads the workbook's sheets and settings in one sync. Office.js does not expose the 1904 date
 * system (Workbook has no date1904 property at any API level), so it is probed: DATE(2000,1,1)
 * through workbook.functions (ExcelApi 1.2, computed by Excel without touching a cell) is 36526 in
 * the 1900 system and 35064 in the 1904 one; anything else (an error) counts as 1900.
 */
export async function readWorkbookInfo(context: Excel.RequestContext): Promise<WorkbookInfo> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/position");
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  const probe = context.workbook.functions.date(2000, 1, 1);
  probe.load("value");
  context.workbook.load("name");
  await context.sync();
  const value = probe.value;
  return {
    sheets: sheets.items
      .map((s) => ({ name: s.name, position: s.position }))
      .sort((a, b) => a.position - b.position),
    active: active.name,
    dateSystem: value === Y2000_1904 ? 1904 : value === Y2000_1900 ? 1900 : 1900,
    name: context.workbook.name || "本工作簿",
  };
}

export function hasSheet(info: WorkbookInfo, name: string): boolean {
  return info.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
}

export function sheetNamed(info: WorkbookInfo, name: string): SheetInfo | undefined {
  return info.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** Sheets this add-in writes (reports, logs, printed records, summaries): never taken for a registry. */
export function isOutputSheet(name: string): boolean {
  return isReportSheet(name) || name === MEETING_LOG_SHEET || name === BULLETIN_LOG_SHEET;
}

const headGrid = (h: SheetHead) => h.values.map((r) => r.map(fromExcelValue));

/**
 * The registry among the sheets: 成员名册 where it has a registry header (after 规范化 it is the
 * registry the user keeps); else, as the exceljs host does, the sheet whose header names most
 * registry fields (ties: the active sheet, then tab order); else the active sheet.
 */
export function pickRegistrySheet(heads: readonly SheetHead[], active: string): SheetHead | null {
  const candidates = heads.filter((h) => !isOutputSheet(h.name));
  const scored = candidates.map((h) => ({ h, score: headerScore(headGrid(h)) }));
  const named = scored.find((s) => s.h.name === REGISTRY_SHEET && s.score > 0);
  if (named) return named.h;
  let best: { h: SheetHead; score: number } | null = null;
  for (const s of scored) {
    if (s.score === 0) continue;
    if (!best || s.score > best.score || (s.score === best.score && s.h.name === active)) best = s;
  }
  return best?.h ?? candidates.find((h) => h.name === active) ?? candidates[0] ?? null;
}

import type ExcelJS from "exceljs";
import { REGISTRY_SHEET } from "../../core/plan";
import { type RegistryResult, normalizeRegistry } from "../../core/registry";
import {
  CHANGE_LOG_SHEET,
  REPORT_SHEET,
  changeLogSheet,
  problemReportSheet,
} from "../../core/report";
import type { Locale } from "../../core/types";
import { FileError } from "./fileError";
import { DEFAULT_MAX_CELLS } from "./input/limits";
import { findRegistrySheet } from "./registrySheet";
import { dateSystemOf, worksheetRows } from "./sheetRows";
import { orderOf, replaceSheet, writeRegistrySheet, writeReportSheet } from "./writeRegistry";

export interface NormalizeWorkbookOptions {
  /** The file's name, for messages. */
  file: string;
  sheet?: string;
  locale: Locale;
  asOf?: Date;
  maxCells?: number;
}

export { DEFAULT_MAX_CELLS };

/**
 * Runs the engine over the registry sheet of a workbook held in memory (Node or browser): finds the
 * sheet, checks the cell limit, normalises. Changes nothing; throws FileError when there is no registry.
 */
export function validateWorkbook(
  wb: ExcelJS.Workbook,
  o: NormalizeWorkbookOptions
): { sheet: ExcelJS.Worksheet; result: RegistryResult } {
  const ws = findRegistrySheet(wb, o.file, o.sheet);
  const maxCells = o.maxCells ?? DEFAULT_MAX_CELLS;
  if (ws.rowCount * Math.max(1, ws.columnCount) > maxCells)
    throw new FileError("too-many-cells", { file: o.file, sheet: ws.name, limit: maxCells });
  const result = normalizeRegistry(worksheetRows(ws), {
    locale: o.locale,
    dateSystem: dateSystemOf(wb),
    asOf: o.asOf,
  });
  if (result.header === null) throw new FileError("no-registry-sheet", { file: o.file });
  return { sheet: ws, result };
}

/** The sheet a defined name's range is on: 'It''s'!$A$1 → It's, 名册!$B$2:$B$9 → 名册. */
export function rangeSheet(range: string): string {
  const sheet = range.slice(0, Math.max(0, range.lastIndexOf("!")));
  return /^'.*'$/.test(sheet) ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/**
 * Replaces the registry sheet by 成员名册 (same place in the tab order) and writes 校验报告 and 变更记录.
 * Other sheets, the workbook's defined names and every sheet's column widths stay as they are;
 * names pointing into the sheets replaced here are dropped (their cells are gone or moved), as the
 * streaming path does.
 */
export function applyNormalized(
  wb: ExcelJS.Workbook,
  source: ExcelJS.Worksheet,
  result: RegistryResult,
  locale: Locale
): void {
  const replaced = new Set([source.name, REGISTRY_SHEET, REPORT_SHEET, CHANGE_LOG_SHEET]);
  const names = wb.definedNames.model;
  if (names.some((n) => n.ranges.some((r) => replaced.has(rangeSheet(r)))))
    wb.definedNames.model = names
      .map((n) => ({ ...n, ranges: n.ranges.filter((r) => !replaced.has(rangeSheet(r))) }))
      .filter((n) => n.ranges.length > 0);
  const at = orderOf(source);
  wb.removeWorksheet(source.id);
  writeRegistrySheet(replaceSheet(wb, REGISTRY_SHEET, at), result.plan, result.rows);
  writeReportSheet(replaceSheet(wb, REPORT_SHEET), problemReportSheet(result, locale));
  writeReportSheet(
    replaceSheet(wb, CHANGE_LOG_SHEET),
    changeLogSheet(result.changes, result.dropped, locale)
  );
}

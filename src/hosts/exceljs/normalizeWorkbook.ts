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

export const DEFAULT_MAX_CELLS = 30_000_000;

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

/** Replaces the registry sheet by 成员名册 (same place in the tab order) and writes 校验报告 and 变更记录. */
export function applyNormalized(
  wb: ExcelJS.Workbook,
  source: ExcelJS.Worksheet,
  result: RegistryResult,
  locale: Locale
): void {
  const at = orderOf(source);
  wb.removeWorksheet(source.id);
  writeRegistrySheet(replaceSheet(wb, REGISTRY_SHEET, at), result.plan, result.rows);
  writeReportSheet(replaceSheet(wb, REPORT_SHEET), problemReportSheet(result, locale));
  writeReportSheet(
    replaceSheet(wb, CHANGE_LOG_SHEET),
    changeLogSheet(result.changes, result.dropped, locale)
  );
}

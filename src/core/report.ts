import type { RegistryResult } from "./registry";
import {
  CHANGE_LOG_WIDTHS,
  PROBLEM_REPORT_WIDTHS,
  ProblemTally,
  changeLogHeader,
  changeRow,
  droppedRowCells,
  problemReportHead,
  problemRow,
} from "./reportRows";
import type { CellValue, Change, DroppedRow, Locale } from "./types";

export const REPORT_SHEET = "校验报告";
export const CHANGE_LOG_SHEET = "变更记录";

export interface ReportSheet {
  /** Rows of the sheet, top to bottom. */
  rows: CellValue[][];
  /** 0-based row indexes of header rows (to be styled). */
  headerRows: number[];
  widths: number[];
}

/** 校验报告: a short count by problem type on top, then one row per problem, sorted by row. */
export function problemReportSheet(result: RegistryResult, locale: Locale): ReportSheet {
  const tally = new ProblemTally();
  for (const p of result.problems) tally.add(p);
  const { rows, headerRows } = problemReportHead(result.counts, tally, locale);
  const sorted = [...result.problems].sort(
    (a, b) => a.row - b.row || a.sourceColumn - b.sourceColumn
  );
  for (const p of sorted) rows.push(problemRow(p, locale));
  return { rows, headerRows, widths: [...PROBLEM_REPORT_WIDTHS] };
}

/** 变更记录: every changed cell (old → new), then every removed row, cell by cell, so that nothing is lost. */
export function changeLogSheet(
  changes: readonly Change[],
  dropped: readonly DroppedRow[],
  locale: Locale
): ReportSheet {
  const rows: CellValue[][] = [changeLogHeader(locale)];
  for (const c of changes) rows.push(changeRow(c));
  for (const d of dropped) rows.push(...droppedRowCells(d, locale));
  return { rows, headerRows: [0], widths: [...CHANGE_LOG_WIDTHS] };
}

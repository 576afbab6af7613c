import type ExcelJS from "exceljs";
import {
  type Quarter,
  type SummaryInput,
  type SummarySource,
  type UnreadableRow,
  quarterRangeText,
  quarterSummarySheet,
  summarizeQuarter,
  summarizeYear,
  summaryNotesSheet,
  yearSummarySheet,
} from "../../core/summary";
import { renderDoc } from "./docs/renderDoc";
import { replaceSheet } from "./writeRegistry";
import { dateSystemOf, worksheetRows } from "./sheetRows";

/** A workbook in memory as a summary source (every sheet's rows). */
export function workbookSource(
  wb: ExcelJS.Workbook,
  file: string,
  skip: readonly string[] = []
): SummarySource {
  return {
    file,
    dateSystem: dateSystemOf(wb),
    sheets: wb.worksheets
      .filter((ws) => !skip.includes(ws.name))
      .map((ws) => ({ name: ws.name, rows: [...worksheetRows(ws)] })),
  };
}

/** Adds (or replaces) 季度汇总-2026Q3 / 年度汇总-2026 and 汇总说明 in a workbook. */
export function addSummarySheets(
  wb: ExcelJS.Workbook,
  sources: readonly SummaryInput[],
  period: { quarter: Quarter } | { year: number },
  madeAt = new Date()
): { sheet: string; unreadable: UnreadableRow[] } {
  if ("quarter" in period) {
    const s = summarizeQuarter(sources, period.quarter);
    const doc = quarterSummarySheet(s, madeAt);
    renderDoc(replaceSheet(wb, doc.name), doc);
    const notes = summaryNotesSheet(quarterRangeText(period.quarter), s.files, s.unreadable);
    renderDoc(replaceSheet(wb, notes.name), notes);
    return { sheet: doc.name, unreadable: s.unreadable };
  }
  const y = summarizeYear(sources, period.year);
  const doc = yearSummarySheet(y, madeAt);
  renderDoc(replaceSheet(wb, doc.name), doc);
  const notes = summaryNotesSheet(
    `${period.year}-01-01 至 ${period.year}-12-31`,
    y.files,
    y.unreadable
  );
  renderDoc(replaceSheet(wb, notes.name), notes);
  return { sheet: doc.name, unreadable: y.unreadable };
}

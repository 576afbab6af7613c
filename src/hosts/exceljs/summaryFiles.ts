import ExcelJS from "exceljs";
import path from "node:path";
import { type FileErrorCode, fileErrorMessage } from "../../core/fileErrors";
import type { Locale } from "../../core/types";
import {
  type Quarter,
  type SummarySource,
  type UnreadableRow,
  quarterRangeText,
  quarterSummarySheet,
  summarizeQuarter,
  summarizeYear,
  summaryNotesSheet,
  yearSummarySheet,
} from "../../core/summary";
import { writeAtomic } from "./atomicWrite";
import { renderDoc } from "./docs/renderDoc";
import { isFileError } from "./fileError";
import { openWorkbook } from "./input/openWorkbook";
import { dateSystemOf, worksheetRows } from "./sheetRows";

export interface SourceFailure {
  input: string;
  code: FileErrorCode;
  message: string;
}

/** Reads every workbook as plain rows for the core; a file that cannot be read is reported and skipped. */
export async function readSources(
  inputs: readonly string[],
  locale: Locale
): Promise<{ sources: SummarySource[]; failures: SourceFailure[] }> {
  const sources: SummarySource[] = [];
  const failures: SourceFailure[] = [];
  for (const input of inputs) {
    try {
      const { workbook } = await openWorkbook(input);
      sources.push({
        file: path.basename(input),
        dateSystem: dateSystemOf(workbook),
        sheets: workbook.worksheets.map((ws) => ({ name: ws.name, rows: [...worksheetRows(ws)] })),
      });
    } catch (e) {
      if (!isFileError(e)) throw e;
      failures.push({ input, code: e.code, message: fileErrorMessage(e, locale) });
    }
  }
  return { sources, failures };
}

export interface SummaryWritten {
  sheet: string;
  unreadable: UnreadableRow[];
}

/** Writes the summary workbook (季度汇总-2026Q3 or 年度汇总-2026, and 汇总说明), atomically. */
export async function writeSummary(
  sources: readonly SummarySource[],
  period: { quarter: Quarter } | { year: number },
  out: string,
  madeAt = new Date()
): Promise<SummaryWritten> {
  const wb = new ExcelJS.Workbook();
  let result: SummaryWritten;
  if ("quarter" in period) {
    const s = summarizeQuarter(sources, period.quarter);
    const doc = quarterSummarySheet(s, madeAt);
    renderDoc(wb.addWorksheet(doc.name), doc);
    const notes = summaryNotesSheet(quarterRangeText(period.quarter), s.files, s.unreadable);
    renderDoc(wb.addWorksheet(notes.name), notes);
    result = { sheet: doc.name, unreadable: s.unreadable };
  } else {
    const y = summarizeYear(sources, period.year);
    const doc = yearSummarySheet(y, madeAt);
    renderDoc(wb.addWorksheet(doc.name), doc);
    const notes = summaryNotesSheet(
      `${period.year}-01-01 至 ${period.year}-12-31`,
      y.files,
      y.unreadable
    );
    renderDoc(wb.addWorksheet(notes.name), notes);
    result = { sheet: doc.name, unreadable: y.unreadable };
  }
  await writeAtomic(out, (tmp) => wb.xlsx.writeFile(tmp));
  return result;
}

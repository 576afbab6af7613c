import ExcelJS from "exceljs";
import path from "node:path";
import { type FileErrorCode, fileErrorMessage } from "../../core/fileErrors";
import type { Locale } from "../../core/types";
import type { Quarter, SummarySource, UnreadableRow } from "../../core/summary";
import { writeAtomic } from "./atomicWrite";
import { isFileError } from "./fileError";
import { openWorkbook } from "./input/openWorkbook";
import { addSummarySheets, workbookSource } from "./summarySheets";

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
      sources.push(workbookSource(workbook, path.basename(input)));
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
  const result = addSummarySheets(wb, sources, period, madeAt);
  await writeAtomic(out, (tmp) => wb.xlsx.writeFile(tmp));
  return result;
}

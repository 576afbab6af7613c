import ExcelJS from "exceljs";
import path from "node:path";
import { type FileErrorCode, fileErrorMessage } from "../../core/fileErrors";
import type { Locale } from "../../core/types";
import {
  type Quarter,
  type SummaryInput,
  type UnreadableRow,
  type SummarySource,
  digestSource,
} from "../../core/summary";
import { writeAtomic } from "./atomicWrite";
import { isFileError } from "./fileError";
import { openWorkbook } from "./input/openWorkbook";
import { readSourceStreaming } from "./stream/readSource";
import { DEFAULT_MAX_UNCOMPRESSED_BYTES } from "./input/limits";
import { readSmallInputFile } from "./input/readBytes";
import { isZipBytes, isZipFile, streamThreshold } from "./stream/threshold";
import { addSummarySheets, workbookSource } from "./summarySheets";

export interface SourceFailure {
  input: string;
  code: FileErrorCode;
  message: string;
}

/** One workbook read for the summary: its rows (or their digest), or why it could not be read. */
export type SourceRead = { source: SummaryInput } | { failure: SourceFailure };

/**
 * Reads one workbook as plain rows for the core; a file that cannot be read comes back as a
 * failure. With `digest`, what the summary keeps of it is worked out here (core's digestSource):
 * a worker thread reading for the summary hands over that, not the rows.
 */
export async function readSource(
  input: string,
  locale: Locale,
  options: { digest?: boolean } = {}
): Promise<SourceRead> {
  const read = await readSourceRows(input, locale);
  return options.digest && "source" in read ? { source: digestSource(read.source) } : read;
}

async function readSourceRows(
  input: string,
  locale: Locale
): Promise<{ source: SummarySource } | { failure: SourceFailure }> {
  const file = path.basename(input);
  try {
    // An .xlsx is read in one pass, as rows (the streaming reader; a small one read once, into
    // memory); anything else (CSV, .xls through LibreOffice, a damaged zip) takes the full load,
    // which says what is wrong with it.
    const bytes = readSmallInputFile(
      input,
      file,
      DEFAULT_MAX_UNCOMPRESSED_BYTES,
      streamThreshold()
    );
    if (bytes ? isZipBytes(bytes) : await isZipFile(input)) {
      try {
        return { source: await readSourceStreaming(input, { file, bytes: bytes ?? undefined }) };
      } catch (e) {
        if (isFileError(e) && e.code !== "corrupt-workbook") throw e;
      }
    }
    const { workbook } = await openWorkbook(input);
    return { source: workbookSource(workbook, file) };
  } catch (e) {
    if (!isFileError(e)) throw e;
    return { failure: { input, code: e.code, message: fileErrorMessage(e, locale) } };
  }
}

/** Reads every workbook in turn; those that cannot be read are reported and skipped. */
export async function readSources(
  inputs: readonly string[],
  locale: Locale
): Promise<{ sources: SummaryInput[]; failures: SourceFailure[] }> {
  const reads: SourceRead[] = [];
  for (const input of inputs) reads.push(await readSource(input, locale));
  return splitReads(reads);
}

/** The sources read, and the failures, each in input order. */
export function splitReads(reads: readonly SourceRead[]): {
  sources: SummaryInput[];
  failures: SourceFailure[];
} {
  const sources: SummaryInput[] = [];
  const failures: SourceFailure[] = [];
  for (const r of reads) {
    if ("source" in r) sources.push(r.source);
    else failures.push(r.failure);
  }
  return { sources, failures };
}

export interface SummaryWritten {
  sheet: string;
  unreadable: UnreadableRow[];
}

/** Writes the summary workbook (季度汇总-2026Q3 or 年度汇总-2026, and 汇总说明), atomically. */
export async function writeSummary(
  sources: readonly SummaryInput[],
  period: { quarter: Quarter } | { year: number },
  out: string,
  madeAt = new Date()
): Promise<SummaryWritten> {
  const wb = new ExcelJS.Workbook();
  const result = addSummarySheets(wb, sources, period, madeAt);
  await writeAtomic(out, (tmp) => wb.xlsx.writeFile(tmp));
  return result;
}

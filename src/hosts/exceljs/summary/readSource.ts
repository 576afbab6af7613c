import { type FileErrorCode, fileErrorMessage } from "../../../core/fileErrors";
import { type SummaryInput, type SummarySource, digestSource } from "../../../core/summary";
import type { Locale, RawRow } from "../../../core/types";
import { DEFAULT_MAX_CELLS } from "../convert/convertWorkbook";
import { FileError, isFileError } from "../fileError";
import { openInput } from "../read/openInput";
import { sheetRows } from "../read/sheetValues";
import type { WorkbookPackage } from "../xlsx/workbookPackage";
import { checkMerges, scanSheets } from "../convert/registrySheetPick";

export interface SourceFailure {
  input: string;
  code: FileErrorCode;
  message: string;
}

/** One workbook read for the summary: its rows (or their digest), or why it could not be read. */
export type SourceRead = { source: SummaryInput } | { failure: SourceFailure };

/**
 * A workbook as a summary source: every worksheet's rows (merged cells filled in), read as they
 * inflate. The cells are counted as they come (`too-many-cells` past maxCells in all).
 */
export async function packageSource(
  pkg: WorkbookPackage,
  options: { maxCells?: number; skip?: readonly string[] } = {}
): Promise<SummarySource> {
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const scans = await scanSheets(pkg);
  for (const s of scans) checkMerges(s, pkg.file);
  const sheets: SummarySource["sheets"] = [];
  let cells = 0;
  for (const { sheet, merges } of scans) {
    if (options.skip?.includes(sheet.name)) continue;
    const rows: RawRow[] = [];
    for await (const row of await sheetRows(pkg, sheet, merges)) {
      cells += row.values.length;
      if (cells > maxCells)
        throw new FileError("too-many-cells", {
          file: pkg.file,
          sheet: sheet.name,
          limit: maxCells,
        });
      rows.push(row);
    }
    sheets.push({ name: sheet.name, rows });
  }
  return { file: pkg.file, sheets, dateSystem: pkg.dateSystem };
}

/**
 * Reads one workbook (of any kind: .xlsx, .xls, CSV) as plain rows for the core; a file that
 * cannot be read comes back as a failure. With `digest`, what the summary keeps of it is worked
 * out here (core's digestSource): a worker thread reading for the summary hands over that, not
 * the rows.
 */
export async function readSource(
  input: string,
  locale: Locale,
  options: { digest?: boolean } = {}
): Promise<SourceRead> {
  try {
    const opened = await openInput(input);
    try {
      const source = await packageSource(opened.pkg);
      return { source: options.digest ? digestSource(source) : source };
    } finally {
      await opened.close();
    }
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

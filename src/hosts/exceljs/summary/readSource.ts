import { type FileErrorInfo, fileErrorData } from "../../../core/fileErrors";
import { type SummaryInput, digestSource } from "../../../core/summary";
import { isFileError } from "../fileError";
import { openInput } from "../read/openInput";
import { packageSource } from "./packageSource";

/** A workbook that could not be read: its path, and the error as data (rendered where shown). */
export type SourceFailure = { input: string } & FileErrorInfo;

/** One workbook read for the summary: its rows (or their digest), or why it could not be read. */
export type SourceRead = { source: SummaryInput } | { failure: SourceFailure };

/**
 * Reads one workbook (of any kind: .xlsx, .xls, CSV) as plain rows for the core; a file that
 * cannot be read comes back as a failure. With `digest`, what the summary keeps of it is worked
 * out here (core's digestSource): a worker thread reading for the summary hands over that, not
 * the rows.
 */
export async function readSource(
  input: string,
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
    return { failure: { input, ...fileErrorData(e) } };
  }
}

/** Reads every workbook in turn; those that cannot be read are reported and skipped. */
export async function readSources(
  inputs: readonly string[]
): Promise<{ sources: SummaryInput[]; failures: SourceFailure[] }> {
  const reads: SourceRead[] = [];
  for (const input of inputs) reads.push(await readSource(input));
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

import path from "node:path";
import { type FileErrorCode, fileErrorMessage } from "../../core/fileErrors";
import type { RegistryCounts } from "../../core/registry";
import type { Locale, Problem } from "../../core/types";
import { isOneOf, writeAtomic } from "./atomicWrite";
import { FileError, isFileError } from "./fileError";
import { openWorkbook } from "./input/openWorkbook";
import { convertStreaming } from "./stream/convertStreaming";
import { takesStreamingPath } from "./stream/threshold";
import { applyNormalized, validateWorkbook } from "./normalizeWorkbook";
import { failedOutcome } from "./outcome";

export interface ConvertOptions {
  /** Where to write the standard workbook; null: validate only (check). */
  output: string | null;
  /** Every input of the batch: an output never overwrites one. */
  inputs?: readonly string[];
  sheet?: string;
  locale: Locale;
  dryRun?: boolean;
  asOf?: Date;
  maxUncompressedBytes?: number;
  maxCells?: number;
  /** .xlsx/.xlsm files bigger than this (bytes) are streamed (default: UF_LEDGER_STREAM_ABOVE, else 6 MB: about 50,000 rows). */
  streamAboveBytes?: number;
}

/** The detail of a write-failed error that is not the disk's: the workbook held what cannot be written. */
export const UNWRITABLE_CONTENT = "工作簿中有无法写出的内容";
/** The detail of an error the readers did not foresee (a bug, which the fuzz tests look for). */
export const UNEXPECTED_ERROR = "读取时出现意外错误";

export type FileStatus = "ok" | "problems" | "failed";

/** What happened to one input file: plain data for the console table and report.json. */
export interface FileOutcome {
  input: string;
  output: string | null;
  sheet: string | null;
  status: FileStatus;
  counts: RegistryCounts | null;
  problems: Problem[];
  error: { code: FileErrorCode; message: string } | null;
}

/** Converts one workbook to the standard layout (or only checks it). Never throws: failures come back as data. */
export async function convertFile(input: string, options: ConvertOptions): Promise<FileOutcome> {
  // Large workbooks stream (flat memory); their outcome keeps the first 10,000 problems, exact counts.
  if (await takesStreamingPath(input, options.streamAboveBytes))
    return convertStreaming(input, options);
  const file = path.basename(input);
  try {
    const opened = await openWorkbook(input, {
      maxUncompressedBytes: options.maxUncompressedBytes,
      maxCells: options.maxCells,
    });
    const wb = opened.workbook;
    const { sheet: ws, result } = validateWorkbook(wb, {
      file,
      sheet: options.sheet,
      locale: options.locale,
      asOf: options.asOf,
      maxCells: options.maxCells,
    });
    const outcome: FileOutcome = {
      input,
      output: null,
      sheet: ws.name,
      status: result.counts.errors > 0 ? "problems" : "ok",
      counts: result.counts,
      problems: result.problems,
      error: null,
    };
    if (options.output === null || options.dryRun) return outcome;
    if (await isOneOf(options.output, [input, ...(options.inputs ?? [])]))
      throw new FileError("output-is-input", { file: path.basename(options.output) });
    applyNormalized(wb, ws, result, options.locale);
    const out = options.output;
    try {
      await writeAtomic(out, (tmp) => wb.xlsx.writeFile(tmp));
    } catch (e) {
      // An errno code is the disk's or the folder's; without one, exceljs could not write what it read.
      const code = (e as NodeJS.ErrnoException).code;
      throw new FileError("write-failed", {
        file: path.basename(out),
        detail: typeof code === "string" ? code : UNWRITABLE_CONTENT,
      });
    }
    return { ...outcome, output: out };
  } catch (e) {
    if (isFileError(e)) return failedOutcome(input, e.code, fileErrorMessage(e, options.locale));
    // Never the error's own text (a JavaScript message, or a stack) in front of the user.
    const err = { code: "corrupt-workbook" as const, params: { file, detail: UNEXPECTED_ERROR } };
    return failedOutcome(input, err.code, fileErrorMessage(err, options.locale));
  }
}

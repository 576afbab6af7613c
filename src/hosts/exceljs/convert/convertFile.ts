import path from "node:path";
import type { Locale } from "../../../core/types";
import { isOneOf } from "../node/atomicWrite";
import { FileError, isFileError } from "../fileError";
import { nodePlatform } from "../node/nodePlatform";
import type { Platform } from "../platform";
import { openInput } from "../read/openInput";
import { writeWorkbookFile } from "../node/writeWorkbookFile";
import type { WorkbookPackage } from "../xlsx/workbookPackage";
import { type ConvertedRegistry, convertWorkbook } from "./convertWorkbook";
import { type FileOutcome, UNEXPECTED_ERROR, failedOutcome } from "./outcome";

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
  /**
   * Called once the output is complete in its temp file, before it takes the output's name (a run
   * killed after that leaves an output whose record is already there: --resume's journal).
   */
  beforeRename?: (tmp: string, outcome: FileOutcome) => Promise<void>;
}

/**
 * Converts one workbook to the standard layout (or only checks it), whatever its size or kind:
 * opened as a package (openInput), converted in one pass (convertWorkbook), written to a temp file
 * and renamed over the output. Never throws: failures come back as data.
 */
export async function convertFile(input: string, options: ConvertOptions): Promise<FileOutcome> {
  const file = path.basename(input);
  const target = options.dryRun ? null : options.output;
  try {
    if (target !== null && (await isOneOf(target, [input, ...(options.inputs ?? [])])))
      throw new FileError("output-is-input", { file: path.basename(target) });
    const opened = await openInput(input, {
      maxUncompressedBytes: options.maxUncompressedBytes,
      maxCells: options.maxCells,
    });
    let platform: Platform | null = null;
    try {
      platform = await nodePlatform(file);
      const run = await convert(opened.pkg, options, platform, file, target, (r) =>
        outcomeOf(input, target, r)
      );
      return outcomeOf(input, target, run);
    } finally {
      await platform?.dispose();
      await opened.close();
    }
  } catch (e) {
    if (isFileError(e)) return failedOutcome(input, e);
    // Never the error's own text (a JavaScript message, or a stack) in front of the user.
    return failedOutcome(input, {
      code: "corrupt-workbook",
      params: { file, reason: UNEXPECTED_ERROR },
    });
  }
}

function outcomeOf(input: string, target: string | null, run: ConvertedRegistry): FileOutcome {
  return {
    input,
    output: target,
    sheet: run.sheet,
    status: run.counts.errors > 0 ? "problems" : "ok",
    counts: run.counts,
    problems: run.problems,
    error: null,
  };
}

async function convert(
  pkg: WorkbookPackage,
  options: ConvertOptions,
  platform: Platform,
  file: string,
  target: string | null,
  outcome: (run: ConvertedRegistry) => FileOutcome
): Promise<ConvertedRegistry> {
  const o = {
    file,
    sheet: options.sheet,
    locale: options.locale,
    asOf: options.asOf,
    maxCells: options.maxCells,
  };
  if (target === null) return convertWorkbook(pkg, o, platform, null);
  const before = options.beforeRename;
  return writeWorkbookFile(
    pkg,
    target,
    (out) => convertWorkbook(pkg, o, platform, out),
    before && ((tmp, run) => before(tmp, outcome(run)))
  );
}

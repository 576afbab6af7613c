import { type FileErrorInfo, type FileErrorReason, fileErrorData } from "../../../core/fileErrors";
import type { RegistryCounts } from "../../../core/registry";
import type { Problem } from "../../../core/problem";

/** The reason of a write-failed error that is not the disk's: the workbook held what cannot be written. */
export const UNWRITABLE_CONTENT: FileErrorReason<"unwritable-content"> = {
  kind: "unwritable-content",
};
/** The reason of an error the readers did not foresee (a bug, which the fuzz tests look for). */
export const UNEXPECTED_ERROR: FileErrorReason<"unexpected-error"> = { kind: "unexpected-error" };

export type FileStatus = "ok" | "problems" | "failed";

/** What happened to one input file: plain data for the console table and report.json. */
export interface FileOutcome {
  input: string;
  output: string | null;
  sheet: string | null;
  status: FileStatus;
  counts: RegistryCounts | null;
  /** The first 10,000 problems, in the order of 校验报告; the counts are exact. */
  problems: Problem[];
  /** Why it could not be read or written, as data: rendered where it is shown. */
  error: FileErrorInfo | null;
}

/** The outcome of a file that could not be read or written: no counts, the error as data. */
export function failedOutcome(input: string, error: FileErrorInfo): FileOutcome {
  return {
    input,
    output: null,
    sheet: null,
    status: "failed",
    counts: null,
    problems: [],
    error: fileErrorData(error),
  };
}

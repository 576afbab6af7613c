import type { FileErrorCode } from "../../../core/fileErrors";
import type { RegistryCounts } from "../../../core/registry";
import type { Problem } from "../../../core/problem";

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
  /** The first 10,000 problems, in the order of 校验报告; the counts are exact. */
  problems: Problem[];
  error: { code: FileErrorCode; message: string } | null;
}

/** The outcome of a file that could not be read or written: no counts, the error as data. */
export function failedOutcome(input: string, code: FileErrorCode, message: string): FileOutcome {
  return {
    input,
    output: null,
    sheet: null,
    status: "failed",
    counts: null,
    problems: [],
    error: { code, message },
  };
}

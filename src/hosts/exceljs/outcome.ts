import type { FileErrorCode } from "../../core/fileErrors";
import type { FileOutcome } from "./convertFile";

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

import path from "node:path";
import { type FileErrorInfo, fileErrorData } from "../../src/core/fileErrors";
import { isFileError } from "../../src/hosts/exceljs";

/**
 * What went wrong writing `file`, as data the messages render: the host's own file error, or a
 * system error (no room, no permission, a folder in the way) as write-failed. Null for anything
 * else (a bug, to be thrown on).
 */
export function writeFailure(e: unknown, file: string): FileErrorInfo | null {
  if (isFileError(e)) return fileErrorData(e);
  const errno = (e as NodeJS.ErrnoException).code;
  return typeof errno === "string"
    ? {
        code: "write-failed",
        params: { file: path.basename(file), reason: { kind: "errno", code: errno } },
      }
    : null;
}

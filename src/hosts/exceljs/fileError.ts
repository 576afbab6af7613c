import type { FileErrorCode, FileErrorInfo } from "../../core/fileErrors";

/** Thrown by the file readers and writers; carries a code and parameters, never a prose message. */
export class FileError extends Error implements FileErrorInfo {
  readonly code: FileErrorCode;
  readonly params: FileErrorInfo["params"];

  constructor(code: FileErrorCode, params: FileErrorInfo["params"]) {
    super(code);
    this.name = "FileError";
    this.code = code;
    this.params = params;
  }
}

export function isFileError(e: unknown): e is FileError {
  return e instanceof FileError;
}

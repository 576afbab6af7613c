import type { FileErrorCode, FileErrorParams } from "../../core/fileErrors";

/**
 * Thrown by the file readers and writers; carries a code and that code's parameters (checked
 * against the code's), never a prose message: src/core/fileErrors.ts renders it where it is shown.
 */
export class FileError<C extends FileErrorCode = FileErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly params: FileErrorParams[C]
  ) {
    super(code);
    this.name = "FileError";
  }
}

/** A file error of any code, as a union discriminated on code: e.code narrows e.params. */
export type AnyFileError = { [C in FileErrorCode]: FileError<C> }[FileErrorCode];

export function isFileError(e: unknown): e is AnyFileError {
  return e instanceof FileError;
}

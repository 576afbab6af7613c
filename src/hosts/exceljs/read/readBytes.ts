import { FileError } from "../fileError";

function errnoCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** The FileError for a failed open, stat or read of an input file. */
export function readError(e: unknown, file: string): FileError {
  const code = errnoCode(e);
  if (code === "ENOENT" || code === "ENOTDIR") return new FileError("file-not-found", { file });
  if (code === "EISDIR")
    return new FileError("file-unreadable", { file, reason: { kind: "is-folder" } });
  if (code === "EACCES" || code === "EPERM" || code === "EBUSY")
    return new FileError("file-unreadable", { file });
  if (code === "ENAMETOOLONG")
    return new FileError("file-unreadable", { file, reason: { kind: "name-too-long" } });
  return new FileError("file-unreadable", {
    file,
    reason: code ? { kind: "errno", code } : { kind: "read-error" },
  });
}

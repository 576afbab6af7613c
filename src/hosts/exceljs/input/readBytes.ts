import * as fs from "fs";
import { FileError } from "../fileError";
import { formatBytes } from "./limits";

function errnoCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** The FileError for a failed open, stat or read of an input file. */
export function readError(e: unknown, file: string): FileError {
  const code = errnoCode(e);
  if (code === "ENOENT" || code === "ENOTDIR") return new FileError("file-not-found", { file });
  if (code === "EISDIR")
    return new FileError("file-unreadable", { file, detail: "这是一个文件夹" });
  if (code === "EACCES" || code === "EPERM" || code === "EBUSY")
    return new FileError("file-unreadable", { file });
  if (code === "ENAMETOOLONG")
    return new FileError("file-unreadable", { file, detail: "文件名太长" });
  return new FileError("file-unreadable", { file, detail: code ?? "读取出错" });
}

/**
 * Reads a whole input file, read-only (it is never written, renamed or kept open). A file larger
 * than `maxBytes` is refused with `too-large` before it is read.
 */
export async function readInputFile(
  filePath: string,
  file: string,
  maxBytes: number
): Promise<Buffer> {
  return (await readInputFileUpTo(filePath, file, maxBytes, Infinity))!;
}

/**
 * As {@link readInputFile}, but only a file of at most `upTo` bytes is read; for a larger one
 * (to be read in parts), null.
 */
export async function readInputFileUpTo(
  filePath: string,
  file: string,
  maxBytes: number,
  upTo: number
): Promise<Buffer | null> {
  try {
    const stat = await fs.promises.stat(filePath);
    if (stat.isDirectory())
      throw new FileError("file-unreadable", { file, detail: "这是一个文件夹" });
    if (!stat.isFile()) throw new FileError("not-a-spreadsheet", { file });
    if (stat.size > maxBytes)
      throw new FileError("too-large", { file, limit: formatBytes(maxBytes) });
    if (stat.size > upTo) return null;
    return await fs.promises.readFile(filePath, { flag: "r" });
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw readError(e, file);
  }
}

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

/** Files up to this size are read in one synchronous call (see {@link readSmallInputFile}). */
const READ_AT_ONCE = 8 * 1024 * 1024;

/**
 * Reads a whole input file, read-only (it is never written, renamed or kept open). A file larger
 * than `maxBytes` is refused with `too-large` before it is read.
 */
export async function readInputFile(
  filePath: string,
  file: string,
  maxBytes: number
): Promise<Buffer> {
  const small = readSmallInputFile(filePath, file, maxBytes, READ_AT_ONCE);
  if (small) return small;
  try {
    return await fs.promises.readFile(filePath, { flag: "r" });
  } catch (e) {
    throw readError(e, file);
  }
}

/**
 * As {@link readInputFile}, for a file of at most `upTo` bytes (a small one); for a larger one
 * (to be read in parts), null. Synchronous: for many small files, the thread pool's round trips
 * (stat, open, read, close) cost more than the reading (a fifth of the time of a summary of 100
 * branch workbooks went waiting for them), and a read of a few megabytes holds up nothing.
 */
export function readSmallInputFile(
  filePath: string,
  file: string,
  maxBytes: number,
  upTo: number
): Buffer | null {
  try {
    const stat = fs.statSync(filePath);
    checkInputStat(stat, file, maxBytes);
    if (stat.size > upTo) return null;
    return fs.readFileSync(filePath, { flag: "r" });
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw readError(e, file);
  }
}

function checkInputStat(stat: fs.Stats, file: string, maxBytes: number): void {
  if (stat.isDirectory())
    throw new FileError("file-unreadable", { file, detail: "这是一个文件夹" });
  if (!stat.isFile()) throw new FileError("not-a-spreadsheet", { file });
  if (stat.size > maxBytes)
    throw new FileError("too-large", { file, limit: formatBytes(maxBytes) });
}

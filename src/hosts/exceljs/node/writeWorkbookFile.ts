import path from "node:path";
import { FileError, isFileError } from "../fileError";
import { PackageWriter } from "../xlsx/packageWriter";
import type { WorkbookPackage } from "../xlsx/workbookPackage";
import { ZipWriter } from "../zip/zipWriter";
import { writeAtomic } from "./atomicWrite";
import { FileSink } from "./fileSink";
import { nodeCodec } from "./nodeCodec";

/**
 * Writes a workbook as a change to `base` (write adds and removes sheets and finishes the output)
 * to `target`: through a temp file beside it, renamed over it once complete, so that a reader sees
 * the old file or the new one, never half of one. `beforeRename` runs once the output is written,
 * with the temp file and what `write` returned (an input read in place is closed then, or the
 * output recorded, before the output takes its name). Errors of the disk
 * or folder (no room, no permission) come out as `write-failed` naming the output.
 */
export async function writeWorkbookFile<T>(
  base: WorkbookPackage,
  target: string,
  write: (out: PackageWriter) => Promise<T>,
  beforeRename?: (tmp: string, value: T) => Promise<void>
): Promise<T> {
  const name = path.basename(target);
  let result: { value: T } | null = null;
  try {
    await writeAtomic(target, async (tmp) => {
      const sink = new FileSink(tmp);
      try {
        const out = await PackageWriter.create(base, new ZipWriter(sink, nodeCodec, name));
        result = { value: await write(out) };
        await sink.end();
      } catch (e) {
        await sink.abort();
        throw e;
      }
      await beforeRename?.(tmp, result.value);
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!isFileError(e) && typeof code === "string")
      throw new FileError("write-failed", { file: name, reason: { kind: "errno", code } });
    throw e;
  }
  return result!.value;
}

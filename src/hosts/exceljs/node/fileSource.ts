import { promises as fs } from "node:fs";
import type { ByteSource } from "../zip/byteSource";

/** A file read at random, through one open handle (read-only: inputs are never written). */
export async function fileSource(path: string): Promise<ByteSource> {
  const handle = await fs.open(path, "r");
  try {
    const { size } = await handle.stat();
    return {
      size,
      async read(offset, length) {
        const n = Math.max(0, Math.min(length, size - offset));
        const buf = Buffer.allocUnsafe(n);
        let got = 0;
        while (got < n) {
          const { bytesRead } = await handle.read(buf, got, n - got, offset + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        return got === n ? buf : buf.subarray(0, got);
      },
      close: () => handle.close(),
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** Files up to this size are read into memory at once: fewer reads, and entries inflated in one call. */
export const READ_WHOLE_UP_TO = 8 * 1024 * 1024;

import { Readable, type Transform } from "node:stream";
import zlib from "node:zlib";
import type { Codec } from "../zip/codec";

/** Pipes an async source through a zlib stream, yielding its output; stopping early tears both down. */
async function* through(
  input: AsyncIterable<Uint8Array>,
  z: Transform
): AsyncGenerator<Uint8Array> {
  const source = Readable.from(input);
  source.on("error", (e) => z.destroy(e));
  source.pipe(z);
  try {
    for await (const chunk of z) yield chunk as Buffer;
  } finally {
    source.destroy();
    z.destroy();
  }
}

/** Node's zlib: native inflate and deflate, and its CRC-32. */
export const nodeCodec: Codec = {
  inflate: (input) => through(input, zlib.createInflateRaw()),
  inflateWhole(data, maxOutput) {
    try {
      // One byte more than allowed is enough to tell that the data holds more.
      return zlib.inflateRawSync(data, { maxOutputLength: maxOutput + 1 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
        return new Uint8Array(maxOutput + 1);
      throw e;
    }
  },
  // Room for a megabyte each way: the next piece is made while zlib deflates this one on its
  // thread (with the default 16 KB, each piece waited for the last to be deflated). Level 4: half
  // the time of the default 6 for sheet XML, for files about 5% larger (measured on a 140 MB
  // 变更记录: 466 ms and 15.5 MB against 981 ms and 14.6 MB).
  deflate: (input) =>
    through(
      input,
      zlib.createDeflateRaw({
        level: 4,
        chunkSize: 256 * 1024,
        writableHighWaterMark: 1 << 20,
        readableHighWaterMark: 1 << 20,
      } as zlib.ZlibOptions)
    ),
  crc32: (data, crc) => zlib.crc32(data, crc),
};

import { type Codec, crc32 } from "../zip/codec";

/**
 * Feeds an async source into a transform stream (CompressionStream, DecompressionStream) and
 * yields what comes out. Stopping early cancels the stream and ends the source.
 */
async function* through(
  input: AsyncIterable<Uint8Array>,
  transform: { readable: ReadableStream<Uint8Array>; writable: WritableStream<BufferSource> }
): AsyncGenerator<Uint8Array> {
  const writer = transform.writable.getWriter();
  const reader = transform.readable.getReader();
  const source = input[Symbol.asyncIterator]();
  let stopped = false;
  const pump = (async () => {
    try {
      for (let r = await source.next(); !r.done && !stopped; r = await source.next())
        await writer.write(r.value as BufferSource);
      if (!stopped) await writer.close();
    } catch (e) {
      await writer.abort(e).catch(() => undefined);
      throw e;
    } finally {
      if (stopped) await source.return?.(undefined);
    }
  })();
  // The pump's failure is read below, through the reader (or not at all once stopped).
  pump.catch(() => undefined);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
    await pump;
  } finally {
    stopped = true;
    await reader.cancel().catch(() => undefined);
  }
}

/** The browser's CompressionStream and DecompressionStream ("deflate-raw"); CRC-32 in JavaScript. */
export const webCodec: Codec = {
  inflate: (input) => through(input, new DecompressionStream("deflate-raw")),
  deflate: (input) => through(input, new CompressionStream("deflate-raw")),
  crc32: (data, crc) => crc32(data, crc),
};

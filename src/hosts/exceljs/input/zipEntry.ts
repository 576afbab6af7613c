import { inflateRawSync } from "node:zlib";
import * as yauzl from "yauzl";

/** Where a zip's bytes are: read from its file as needed, or all in memory (a small file, read once). */
export interface ZipBytes {
  /** The whole file, when it was read into memory; undefined: entries are read from the file. */
  bytes?: Buffer;
}

/** yauzl's words for it, which the callers know. */
const tooMany = () => new Error("too many bytes in the stream");

/**
 * An entry of a zip held in memory, unpacked in one synchronous inflate. yauzl's read stream
 * would inflate it on libuv's thread pool chunk by chunk, and for the many small parts of many
 * small workbooks the round trips cost more than the inflating (half the time of a summary of
 * 100 branch workbooks was spent waiting for them). The same checks as yauzl's stream: the
 * entry may not be encrypted or compressed otherwise than stored or deflated, and must unpack to
 * exactly the size the directory declares (never more is inflated: a zip bomb stops there).
 */
export async function unpackEntry(
  zip: yauzl.ZipFile,
  bytes: Buffer,
  entry: yauzl.Entry
): Promise<Buffer> {
  if (entry.isEncrypted()) throw new Error("entry is encrypted");
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    throw new Error(`unsupported compression method: ${entry.compressionMethod}`);
  const { fileDataStart: start } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new Error("unexpected end of file");
  if (entry.compressionMethod === 0) return data;
  // One byte more than declared is enough to tell that an entry holds more than it says (zlib
  // stops there, with ERR_BUFFER_TOO_LARGE).
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooMany();
    throw e;
  }
  if (out.length > entry.uncompressedSize) throw tooMany();
  if (out.length < entry.uncompressedSize) throw new Error("too few bytes in the stream");
  return out;
}

/** The largest entry unpacked in memory at once; a larger one is inflated as a stream. */
export const MAX_ENTRY_IN_MEMORY = 64 * 1024 * 1024;

/**
 * An entry's unpacked bytes: from a zip held in memory, as one chunk (see {@link unpackEntry})
 * unless it unpacks to more than MAX_ENTRY_IN_MEMORY; otherwise as the chunks of yauzl's read
 * stream. Either way, an entry that unpacks to more or fewer bytes than declared fails.
 */
export async function entryChunks(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  source: ZipBytes
): Promise<AsyncIterable<Buffer> | Iterable<Buffer>> {
  if (source.bytes && entry.uncompressedSize <= MAX_ENTRY_IN_MEMORY)
    return [await unpackEntry(zip, source.bytes, entry)];
  return (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>;
}

/**
 * Opens a zip by its central directory, from memory when its bytes are given, else from its file
 * (read at random, nothing held whole). Names are not decoded: yauzl would refuse odd ones
 * (absolute paths, ".."), which do no harm here. autoClose is off: the caller closes it.
 */
export function openZip(path: string, source: ZipBytes): Promise<yauzl.ZipFile> {
  const options = {
    lazyEntries: true,
    autoClose: false,
    decodeStrings: false,
    validateEntrySizes: true,
  };
  return source.bytes
    ? yauzl.fromBufferPromise(source.bytes, options)
    : yauzl.openPromise(path, options);
}

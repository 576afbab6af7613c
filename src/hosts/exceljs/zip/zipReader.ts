/**
 * Reads a zip (an .xlsx is one) by its central directory, from a random-access source: on disk
 * (nothing held whole) or in memory. Entries are inflated as they are read, with the checks that
 * keep a damaged or hostile file from costing more than it says: the number of entries and their
 * declared total are limited before anything is inflated, and an entry that inflates to more than
 * its directory declares stops right there (a zip bomb ends at its own lie), one that inflates to
 * less or to other bytes (its CRC-32) is damaged.
 *
 * Why not a library: yauzl reads this way but only in Node; fflate cannot read at random and
 * inflates in JavaScript (7 times slower than zlib here); zip.js brings WebAssembly codecs and
 * workers that the page's Content-Security-Policy does not allow. The zip format's directory is
 * small and fixed (APPNOTE.TXT 4.3); the inflating is the platform's own (codec.ts).
 */
import { FileError } from "../fileError";
import type { ByteSource } from "./byteSource";
import type { Codec } from "./codec";

/** One entry of the central directory. */
export interface ZipEntry {
  /** The name as stored (decoded as UTF-8). */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** The file's name, for errors. */
  file: string;
  /** Most entries (a real .xlsx has tens, a few thousand with many images). */
  maxEntries: number;
  /** Largest total the entries may declare they unpack to. */
  maxUncompressedBytes: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes and a comment of up to 65,535. */
const MAX_TAIL = 22 + 0xffff;
/** Compressed bytes read from the source at a time. */
const READ_CHUNK = 256 * 1024;
/** Entries up to this size are inflated in one call where the platform can (fewer round trips). */
const WHOLE_UP_TO = 8 * 1024 * 1024;
/** Most bytes the central directory may take (about 40 bytes an entry plus names). */
const MAX_DIRECTORY = 64 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8");

/** The canonical key of a part name: no leading slash, forward slashes, case folded (OPC part names are case-insensitive). */
export const partKey = (name: string): string =>
  name.replace(/\\/g, "/").replace(/^\//, "").toLowerCase();

export class ZipReader {
  private readonly byKey = new Map<string, ZipEntry>();
  private readonly dataOffsets = new Map<ZipEntry, number>();

  private constructor(
    readonly source: ByteSource,
    readonly entries: readonly ZipEntry[],
    private readonly codec: Codec,
    private readonly file: string
  ) {
    // The first of two entries of one name wins, as Excel reads them.
    for (const e of entries)
      if (!this.byKey.has(partKey(e.name))) this.byKey.set(partKey(e.name), e);
  }

  /** Reads the central directory and checks it against the limits; nothing is inflated yet. */
  static async open(source: ByteSource, codec: Codec, limits: ZipLimits): Promise<ZipReader> {
    const { file } = limits;
    const corrupt = () => new FileError("corrupt-workbook", { file });
    const tailStart = Math.max(0, source.size - MAX_TAIL);
    const tail = await source.read(tailStart, source.size - tailStart);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--)
      if (u32(tail, i) === EOCD) {
        at = i;
        break;
      }
    if (at < 0) throw corrupt();
    let count = u16(tail, at + 10);
    let dirSize = u32(tail, at + 12);
    let dirOffset = u32(tail, at + 16);
    if (u16(tail, at + 4) !== 0 || u16(tail, at + 6) !== 0) throw corrupt(); // split archives
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      // Zip64: a locator just before the end record points at the zip64 end record.
      const loc = at - 20;
      if (loc < 0 || u32(tail, loc) !== EOCD64_LOCATOR) throw corrupt();
      const recAt = u64(tail, loc + 8);
      const rec = await source.read(recAt, 56);
      if (rec.length < 56 || u32(rec, 0) !== EOCD64) throw corrupt();
      count = u64(rec, 32);
      dirSize = u64(rec, 40);
      dirOffset = u64(rec, 48);
    }
    if (count > limits.maxEntries)
      throw new FileError("too-large", { file, limit: { files: limits.maxEntries } });
    if (dirSize > MAX_DIRECTORY || dirOffset + dirSize > source.size) throw corrupt();
    const dir = await source.read(dirOffset, dirSize);
    const entries: ZipEntry[] = [];
    let total = 0;
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > dir.length || u32(dir, p) !== CENTRAL) throw corrupt();
      const flags = u16(dir, p + 8);
      const method = u16(dir, p + 10);
      const crc = u32(dir, p + 16);
      let compressedSize = u32(dir, p + 20);
      let uncompressedSize = u32(dir, p + 24);
      const nameLength = u16(dir, p + 28);
      const extraLength = u16(dir, p + 30);
      const commentLength = u16(dir, p + 32);
      let localHeaderOffset = u32(dir, p + 42);
      const end = p + 46 + nameLength + extraLength + commentLength;
      if (end > dir.length) throw corrupt();
      const name = utf8.decode(dir.subarray(p + 46, p + 46 + nameLength));
      // Zip64 extended information: the 8-byte values of the fields that are 0xFFFFFFFF, in order.
      let x = p + 46 + nameLength;
      const extraEnd = x + extraLength;
      while (x + 4 <= extraEnd) {
        const id = u16(dir, x);
        const size = u16(dir, x + 2);
        if (id === 0x0001) {
          let f = x + 4;
          if (uncompressedSize === 0xffffffff && f + 8 <= x + 4 + size) {
            uncompressedSize = u64(dir, f);
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= x + 4 + size) {
            compressedSize = u64(dir, f);
            f += 8;
          }
          if (localHeaderOffset === 0xffffffff && f + 8 <= x + 4 + size)
            localHeaderOffset = u64(dir, f);
        }
        x += 4 + size;
      }
      total += uncompressedSize;
      if (total > limits.maxUncompressedBytes)
        throw new FileError("too-large", { file, limit: { bytes: limits.maxUncompressedBytes } });
      if (localHeaderOffset + 30 + compressedSize > source.size) throw corrupt();
      entries.push({
        name,
        method,
        flags,
        crc32: crc,
        compressedSize,
        uncompressedSize,
        localHeaderOffset,
      });
      p = end;
    }
    return new ZipReader(source, entries, codec, file);
  }

  /** The entry of a part name (leading slash, backslashes and case do not matter), if any. */
  get(name: string): ZipEntry | undefined {
    return this.byKey.get(partKey(name));
  }

  has(name: string): boolean {
    return this.byKey.has(partKey(name));
  }

  /** Where an entry's data starts (after its local header, whose name and extra field may differ from the directory's). */
  private async dataOffset(entry: ZipEntry): Promise<number> {
    let offset = this.dataOffsets.get(entry);
    if (offset === undefined) {
      const head = await this.source.read(entry.localHeaderOffset, 30);
      if (head.length < 30 || u32(head, 0) !== LOCAL)
        throw new FileError("corrupt-workbook", { file: this.file });
      offset = entry.localHeaderOffset + 30 + u16(head, 26) + u16(head, 28);
      if (offset + entry.compressedSize > this.source.size)
        throw new FileError("corrupt-workbook", { file: this.file });
      this.dataOffsets.set(entry, offset);
    }
    return offset;
  }

  /** The entry's data as stored (compressed), to copy it into another zip unchanged. */
  async *raw(entry: ZipEntry): AsyncGenerator<Uint8Array> {
    const start = await this.dataOffset(entry);
    for (let at = 0; at < entry.compressedSize; at += READ_CHUNK) {
      const n = Math.min(READ_CHUNK, entry.compressedSize - at);
      const chunk = await this.source.read(start + at, n);
      if (chunk.length < n) throw new FileError("corrupt-workbook", { file: this.file });
      yield chunk;
    }
  }

  /**
   * The entry's bytes, inflated as they are read. Fails (`corrupt-workbook`) for an encrypted
   * entry, one compressed otherwise than stored or deflated, damaged data, or one that inflates to
   * other bytes than its CRC-32 says; and as soon as it inflates past its declared size.
   */
  async *open(entry: ZipEntry): AsyncGenerator<Uint8Array> {
    const damaged = (
      kind: "unsupported-compression" | "entry-size-mismatch" | "compressed-data-damaged"
    ) => new FileError("corrupt-workbook", { file: this.file, reason: { kind } });
    if (entry.flags & 1) throw new FileError("password-protected", { file: this.file });
    if (entry.method !== 0 && entry.method !== 8) throw damaged("unsupported-compression");
    const expected = entry.uncompressedSize;
    let total = 0;
    let crc = 0;
    const check = (chunk: Uint8Array) => {
      total += chunk.length;
      if (total > expected) throw damaged("entry-size-mismatch");
      crc = this.codec.crc32(chunk, crc);
    };
    if (entry.method === 0) {
      for await (const chunk of this.raw(entry)) {
        check(chunk);
        yield chunk;
      }
    } else if (this.codec.inflateWhole && expected <= WHOLE_UP_TO) {
      const data = await this.source.read(await this.dataOffset(entry), entry.compressedSize);
      let out: Uint8Array;
      try {
        out = this.codec.inflateWhole(data, expected);
      } catch {
        throw damaged("compressed-data-damaged");
      }
      check(out);
      if (out.length > 0) yield out;
    } else {
      let inflated: AsyncGenerator<Uint8Array>;
      try {
        inflated = this.codec.inflate(this.raw(entry));
      } catch {
        throw damaged("compressed-data-damaged");
      }
      for (;;) {
        let r: IteratorResult<Uint8Array>;
        try {
          r = await inflated.next();
        } catch (e) {
          if (e instanceof FileError) throw e;
          throw damaged("compressed-data-damaged");
        }
        if (r.done) break;
        check(r.value);
        yield r.value;
      }
    }
    if (total !== expected) throw damaged("entry-size-mismatch");
    if (crc !== entry.crc32) throw damaged("compressed-data-damaged");
  }

  /** The entry's text (UTF-8), read whole: for the small parts (workbook.xml, relationships, styles). */
  async text(entry: ZipEntry): Promise<string> {
    const decoder = new TextDecoder("utf-8");
    let s = "";
    for await (const chunk of this.open(entry)) s += decoder.decode(chunk, { stream: true });
    return s + decoder.decode();
  }

  async close(): Promise<void> {
    await this.source.close();
  }
}

/** The entry's text as it is inflated, in pieces; a character cut between chunks is kept whole. */
export async function* textChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const s = decoder.decode(chunk, { stream: true });
    if (s) yield s;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) =>
  (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
/** 64-bit little-endian, as a number (exact up to 2^53, far beyond any file here). */
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x100000000;

/**
 * Writes a zip as a stream, one entry after another: entries deflated as their content comes (the
 * sizes and CRC-32 follow the data, in a data descriptor), and entries copied from another zip as
 * they are stored, not inflated and deflated again (the parts of a workbook that an action leaves
 * alone). Nothing is held but the central directory. Why not a library: see zipReader.ts; fflate's
 * writer cannot take an entry's compressed bytes with the platform's own deflate.
 *
 * Entries carry a fixed date (1980-01-01), so the same input makes the same bytes. Archives of
 * 4 GB and more (zip64) are not written: the inputs are limited far below that.
 */
import { FileError } from "../fileError";
import { PIECE } from "../pacing";
import type { ByteSink } from "./byteSource";
import type { Codec } from "./codec";
import type { ZipEntry, ZipReader } from "./zipReader";

const LIMIT = 0xffffffff;
/** 1980-01-01 00:00 in MS-DOS form. */
const DOS_DATE = (1 << 5) | 1;
const DOS_TIME = 0;
/** Bit 3: sizes and CRC in a data descriptor; bit 11: the name is UTF-8. */
const DATA_DESCRIPTOR = 0x0008;
const UTF8_NAME = 0x0800;

const encoder = new TextEncoder();
/** Characters of text encoded and deflated at a time (pacing.ts: PIECE). */
const TEXT_BATCH = PIECE;

export class ZipWriter {
  private offset = 0;
  private readonly directory: Uint8Array[] = [];
  private directorySize = 0;
  private readonly names = new Set<string>();

  constructor(
    private readonly sink: ByteSink,
    private readonly codec: Codec,
    /** The output's name, for errors. */
    private readonly file: string
  ) {}

  private tooLarge(): FileError {
    return new FileError("write-failed", {
      file: this.file,
      reason: { kind: "output-too-large" },
    });
  }

  private async put(chunk: Uint8Array): Promise<void> {
    if (chunk.length === 0) return;
    this.offset += chunk.length;
    if (this.offset >= LIMIT) throw this.tooLarge();
    await this.sink.write(chunk);
  }

  private claim(name: string): Uint8Array {
    const key = name.toLowerCase();
    if (this.names.has(key)) throw new Error(`ZipWriter: ${name} written twice`);
    this.names.add(key);
    return encoder.encode(name);
  }

  /** Copies an entry of another zip as it is stored (compressed bytes, CRC and sizes unchanged). */
  async copy(name: string, from: ZipReader, entry: ZipEntry): Promise<void> {
    if (entry.compressedSize >= LIMIT || entry.uncompressedSize >= LIMIT) throw this.tooLarge();
    const nameBytes = this.claim(name);
    const flags = (entry.flags & 0x0006) | (isAscii(nameBytes) ? 0 : UTF8_NAME);
    const at = this.offset;
    const meta = {
      flags,
      method: entry.method,
      crc: entry.crc32,
      compressedSize: entry.compressedSize,
      uncompressedSize: entry.uncompressedSize,
    };
    await this.put(localHeader(nameBytes, meta));
    let copied = 0;
    for await (const chunk of from.raw(entry)) {
      copied += chunk.length;
      await this.put(chunk);
    }
    if (copied !== entry.compressedSize) throw new Error("ZipWriter: short copy");
    this.record(nameBytes, meta, at);
  }

  /** Adds an entry whose content comes as text or bytes, deflated as it comes. */
  async add(
    name: string,
    content: AsyncIterable<Uint8Array | string> | Iterable<string>
  ): Promise<void> {
    const nameBytes = this.claim(name);
    const flags = DATA_DESCRIPTOR | (isAscii(nameBytes) ? 0 : UTF8_NAME);
    const at = this.offset;
    await this.put(
      localHeader(nameBytes, { flags, method: 8, crc: 0, compressedSize: 0, uncompressedSize: 0 })
    );
    let crc = 0;
    let size = 0;
    const codec = this.codec;
    const take = (b: Uint8Array) => {
      crc = codec.crc32(b, crc);
      size += b.length;
      return b;
    };
    // Text comes in small pieces (a row, a cell): gathered, and encoded, TEXT_BATCH at a time.
    async function* bytes(): AsyncGenerator<Uint8Array> {
      let text = "";
      for await (const piece of content) {
        if (typeof piece === "string") {
          text += piece;
          if (text.length < TEXT_BATCH) continue;
          yield take(encoder.encode(text));
          text = "";
        } else if (piece.length > 0) {
          if (text) yield take(encoder.encode(text));
          text = "";
          yield take(piece);
        }
      }
      if (text) yield take(encoder.encode(text));
    }
    let compressedSize = 0;
    for await (const chunk of codec.deflate(bytes())) {
      compressedSize += chunk.length;
      await this.put(chunk);
    }
    if (size >= LIMIT) throw this.tooLarge();
    const dd = new Uint8Array(16);
    const v = new DataView(dd.buffer);
    v.setUint32(0, 0x08074b50, true);
    v.setUint32(4, crc >>> 0, true);
    v.setUint32(8, compressedSize, true);
    v.setUint32(12, size, true);
    await this.put(dd);
    this.record(nameBytes, { flags, method: 8, crc, compressedSize, uncompressedSize: size }, at);
  }

  private record(name: Uint8Array, m: EntryMeta, offset: number): void {
    const r = new Uint8Array(46 + name.length);
    const v = new DataView(r.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 20, true); // made by: 2.0, MS-DOS
    v.setUint16(6, 20, true); // needed: 2.0
    v.setUint16(8, m.flags, true);
    v.setUint16(10, m.method, true);
    v.setUint16(12, DOS_TIME, true);
    v.setUint16(14, DOS_DATE, true);
    v.setUint32(16, m.crc >>> 0, true);
    v.setUint32(20, m.compressedSize, true);
    v.setUint32(24, m.uncompressedSize, true);
    v.setUint16(28, name.length, true);
    v.setUint32(42, offset, true);
    r.set(name, 46);
    this.directory.push(r);
    this.directorySize += r.length;
  }

  /** Writes the central directory; the zip is complete. */
  async finish(): Promise<void> {
    const count = this.directory.length;
    if (count > 0xffff) throw this.tooLarge();
    const start = this.offset;
    for (const r of this.directory) await this.put(r);
    const end = new Uint8Array(22);
    const v = new DataView(end.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, count, true);
    v.setUint16(10, count, true);
    v.setUint32(12, this.directorySize, true);
    v.setUint32(16, start, true);
    await this.put(end);
  }
}

interface EntryMeta {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
}

function localHeader(name: Uint8Array, m: EntryMeta): Uint8Array {
  const h = new Uint8Array(30 + name.length);
  const v = new DataView(h.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, 20, true);
  v.setUint16(6, m.flags, true);
  v.setUint16(8, m.method, true);
  v.setUint16(10, DOS_TIME, true);
  v.setUint16(12, DOS_DATE, true);
  v.setUint32(14, m.crc >>> 0, true);
  v.setUint32(18, m.compressedSize, true);
  v.setUint32(22, m.uncompressedSize, true);
  v.setUint16(26, name.length, true);
  h.set(name, 30);
  return h;
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return false;
  return true;
}

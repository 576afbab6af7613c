import * as zlib from "zlib";

/** Where one entry of a zip lies in its bytes, as the central directory says. */
export interface ZipEntryPart {
  name: string;
  method: number;
  /** Offset of the central directory record of the entry. */
  centralOffset: number;
  /** Offset of the local file header. */
  localOffset: number;
  /** The compressed data: [dataStart, dataEnd). */
  dataStart: number;
  dataEnd: number;
}

/** The parts of a zip: its entries, the central directory [centralStart, centralEnd) and the end record. */
export interface ZipLayout {
  entries: ZipEntryPart[];
  centralStart: number;
  centralEnd: number;
  endRecord: number;
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/**
 * Reads the layout of a well-formed plain zip (no zip64, as exceljs writes it), for mutations that
 * aim at one part of it; null if the bytes are not such a zip.
 */
export function zipLayout(bytes: Buffer): ZipLayout | null {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === END_SIGNATURE) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const centralSize = bytes.readUInt32LE(end + 12);
  const centralStart = bytes.readUInt32LE(end + 16);
  if (centralStart + centralSize > end) return null;
  const entries: ZipEntryPart[] = [];
  let p = centralStart;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || bytes.readUInt32LE(p) !== CENTRAL_SIGNATURE) return null;
    const method = bytes.readUInt16LE(p + 10);
    const compressedSize = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const localOffset = bytes.readUInt32LE(p + 42);
    const name = bytes.subarray(p + 46, p + 46 + nameLength).toString("utf8");
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL_SIGNATURE)
      return null;
    const dataStart =
      localOffset +
      30 +
      bytes.readUInt16LE(localOffset + 26) +
      bytes.readUInt16LE(localOffset + 28);
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > bytes.length) return null;
    entries.push({ name, method, centralOffset: p, localOffset, dataStart, dataEnd });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, centralStart, centralEnd: centralStart + centralSize, endRecord: end };
}

/** The entries of a well-formed zip, unpacked (stored or deflated only); null if it is not one. */
export function unpackZip(bytes: Buffer): { name: string; data: Buffer }[] | null {
  const layout = zipLayout(bytes);
  if (!layout) return null;
  try {
    return layout.entries.map((e) => {
      const raw = bytes.subarray(e.dataStart, e.dataEnd);
      if (e.method === 0) return { name: e.name, data: Buffer.from(raw) };
      if (e.method !== 8) throw new Error(`compression method ${e.method}`);
      return { name: e.name, data: zlib.inflateRawSync(raw) };
    });
  } catch {
    return null;
  }
}

/** One entry to pack: stored (method 0) or deflated (8), optionally with a false uncompressed size. */
export interface PackEntry {
  name: string;
  data: Buffer;
  stored?: boolean;
  declaredSize?: number;
}

/** Packs entries into a plain zip (UTF-8 names, no zip64, no data descriptors). */
export function packZip(entries: readonly PackEntry[]): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const body = e.stored ? e.data : zlib.deflateRawSync(e.data);
    const crc = zlib.crc32(e.data) >>> 0;
    const size = e.declaredSize ?? e.data.length;
    const method = e.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIGNATURE, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

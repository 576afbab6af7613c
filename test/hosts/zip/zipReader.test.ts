/*
 * The zip reader on what a damaged or hostile .xlsx holds: entries whose headers lie about their
 * size, damaged data, unknown compression, too many entries or too large a declared total. Made
 * with a hand-written zip writer (test/hosts/input/zipWriter.ts), so the headers say what each
 * test wants them to say, and read from memory and from disk, with Node's zlib and with the web
 * page's DecompressionStream.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as zlib from "node:zlib";
import ExcelJS from "exceljs";
import { webCodec } from "../../../src/hosts/exceljs/browser/webCodec";
import { isFileError } from "../../../src/hosts/exceljs/fileError";
import { fileSource } from "../../../src/hosts/exceljs/node/fileSource";
import { nodeCodec } from "../../../src/hosts/exceljs/node/nodeCodec";
import { DEFAULT_MAX_ZIP_ENTRIES } from "../../../src/hosts/exceljs/read/limits";
import { type ByteSource, bytesSource } from "../../../src/hosts/exceljs/zip/byteSource";
import type { Codec } from "../../../src/hosts/exceljs/zip/codec";
import { ZipReader, type ZipLimits } from "../../../src/hosts/exceljs/zip/zipReader";
import { writeZip } from "../input/zipWriter";

const MB = 1024 * 1024;
const limits: ZipLimits = { file: "t.xlsx", maxEntries: 1000, maxUncompressedBytes: 1024 * MB };

async function collect(it: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of it) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

/** What a promise fails with: "code: reason" for a FileError, "no error" if it succeeds. */
async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (!isFileError(e)) return `not a FileError: ${String(e)}`;
    const reason = "reason" in e.params ? e.params.reason : undefined;
    return `${e.code}${reason ? `: ${reason.kind}` : ""}`;
  }
  return "no error";
}

/** Sets an entry's compression method in both headers of a one-entry zip made by writeZip. */
function withMethod(zip: Buffer, method: number): Buffer {
  const b = Buffer.from(zip);
  b.writeUInt16LE(method, 8);
  const central = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  b.writeUInt16LE(method, central + 10);
  return b;
}

/** A one-entry zip whose entry is stored (not compressed). */
function storedZip(name: string, data: Buffer): Buffer {
  return withMethod(
    writeZip([{ name, deflated: { bytes: data, crc: zlib.crc32(data), size: data.length } }]),
    0
  );
}

const XML = Buffer.from(`<?xml version="1.0"?><sst>${"<si><t>赵敏</t></si>".repeat(2000)}</sst>`);
/** Larger than the entries inflated in one call: inflated as a stream. */
const BIG = Buffer.from(`<sst>${"<si><t>周芷若 第二十章</t></si>".repeat(400_000)}</sst>`);

describe.each<[string, Codec]>([
  ["node zlib", nodeCodec],
  ["web streams", webCodec],
])("reading entries (%s)", (_, codec) => {
  const first = async (bytes: Buffer) => {
    const zip = await ZipReader.open(bytesSource(bytes), codec, limits);
    return { zip, entry: zip.entries[0] };
  };
  const readFirst = async (bytes: Buffer) => {
    const { zip, entry } = await first(bytes);
    return collect(zip.open(entry));
  };

  it("gives an entry's bytes exactly, small or large", async () => {
    expect(BIG.length).toBeGreaterThan(8 * MB);
    for (const data of [XML, BIG, Buffer.alloc(0)]) {
      const out = await readFirst(writeZip([{ name: "xl/sharedStrings.xml", data }]));
      expect(out.equals(data)).toBe(true);
    }
  });

  it("gives a stored (uncompressed) entry's bytes as they are", async () => {
    expect((await readFirst(storedZip("a.xml", Buffer.from("<workbook/>")))).toString()).toBe(
      "<workbook/>"
    );
  });

  it("inflates a large entry as a stream, in pieces, even from memory", async () => {
    const { zip, entry } = await first(writeZip([{ name: "xl/worksheets/sheet1.xml", data: BIG }]));
    let chunks = 0;
    let length = 0;
    for await (const c of zip.open(entry)) {
      chunks++;
      length += c.length;
    }
    expect(length).toBe(BIG.length);
    expect(chunks).toBeGreaterThan(1);
  });

  it("stops an entry that holds far more than declared (a zip bomb) at its declared size", async () => {
    // 64 MB of zeros declared as 1 KB, and as 9 MB (inflated whole, and as a stream).
    for (const declaredSize of [1024, 9 * MB]) {
      const bomb = writeZip([
        { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(64 * MB), declaredSize },
      ]);
      const { zip, entry } = await first(bomb);
      const before = process.memoryUsage().arrayBuffers;
      let seen = 0;
      const read = (async () => {
        for await (const c of zip.open(entry)) seen += c.length;
      })();
      expect(await errorOf(read)).toBe("corrupt-workbook: entry-size-mismatch");
      // Not one byte past the declared size is handed on.
      expect(seen).toBeLessThanOrEqual(declaredSize);
      // Nor inflated much past it: the bomb's 64 MB are never held.
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(declaredSize + 16 * MB);
    }
  });

  it("refuses an entry that holds fewer bytes than declared", async () => {
    const short = writeZip([{ name: "a.xml", data: XML, declaredSize: XML.length + 10 }]);
    expect(await errorOf(readFirst(short))).toBe("corrupt-workbook: entry-size-mismatch");
  });

  it("refuses damaged data: deflated bytes overwritten, or bytes that do not match their CRC-32", async () => {
    for (const data of [XML, BIG]) {
      const damaged = writeZip([{ name: "a.xml", data }]);
      // The compressed data starts after the 30-byte local header and the name.
      damaged.fill(0xff, 30 + 5 + 10, 30 + 5 + 40);
      expect(await errorOf(readFirst(damaged))).toMatch(/^corrupt-workbook: /);
    }
    const stored = storedZip("a.xml", Buffer.from("<workbook/>"));
    stored[30 + 5 + 3] ^= 0x20;
    expect(await errorOf(readFirst(stored))).toBe("corrupt-workbook: compressed-data-damaged");
  });

  it("refuses compression methods other than stored and deflate", async () => {
    const zip = withMethod(writeZip([{ name: "a.xml", data: XML }]), 14);
    expect(await errorOf(readFirst(zip))).toBe("corrupt-workbook: unsupported-compression");
  });

  it("says an encrypted entry (the zip's own password) is password-protected", async () => {
    const zip = writeZip([{ name: "a.xml", data: XML }]);
    zip.writeUInt16LE(zip.readUInt16LE(6) | 1, 6);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(zip.readUInt16LE(central + 8) | 1, central + 8);
    expect(await errorOf(readFirst(zip))).toBe("password-protected");
  });
});

describe("the same bytes from memory and from the file", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "uf-zipreader-"));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("reads every entry alike, whatever its size", async () => {
    const bytes = writeZip([
      { name: "a.xml", data: XML },
      { name: "b.xml", data: Buffer.from("<b/>") },
      { name: "xl/worksheets/sheet1.xml", data: BIG },
    ]);
    const file = path.join(dir, "x.xlsx");
    await fs.writeFile(file, bytes);
    const read = async (source: ByteSource) => {
      const zip = await ZipReader.open(source, nodeCodec, limits);
      try {
        const out: string[] = [];
        for (const e of zip.entries) out.push((await collect(zip.open(e))).toString("utf8"));
        return out;
      } finally {
        await zip.close();
      }
    };
    const fromMemory = await read(bytesSource(bytes));
    expect(fromMemory).toEqual([XML.toString("utf8"), "<b/>", BIG.toString("utf8")]);
    expect(await read(await fileSource(file))).toEqual(fromMemory);
  });
});

describe("the directory, checked before anything is inflated", () => {
  let xlsx: Buffer;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("成员").addRows([["姓名"], ["张三"]]);
    xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  });

  it("lists an .xlsx's entries and the size each declares", async () => {
    const zip = await ZipReader.open(bytesSource(xlsx), nodeCodec, limits);
    expect(zip.entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml"])
    );
    const declared = zip.entries.reduce((n, e) => n + e.uncompressedSize, 0);
    expect(declared).toBeGreaterThan(xlsx.length);
    for (const e of zip.entries)
      expect((await collect(zip.open(e))).length).toBe(e.uncompressedSize);
  });

  it("refuses a zip whose entries declare more than the limit", async () => {
    const bomb = writeZip([
      { name: "a.xml", data: Buffer.from("<a/>"), declaredSize: 3_000_000_000 },
      { name: "b.xml", data: Buffer.from("<b/>"), declaredSize: 3_000_000_000 },
    ]);
    const open = (bytes: Buffer, maxUncompressedBytes: number) =>
      ZipReader.open(bytesSource(bytes), nodeCodec, {
        file: "bomb.xlsx",
        maxEntries: 1000,
        maxUncompressedBytes,
      });
    const e = await open(bomb, 500 * MB).catch((x: unknown) => x);
    expect(isFileError(e) && [e.code, e.params]).toEqual([
      "too-large",
      { file: "bomb.xlsx", limit: { bytes: 500 * MB } },
    ]);
    const small = await open(xlsx, 1024).catch((x: unknown) => x);
    expect(isFileError(small) && [small.code, small.params]).toEqual([
      "too-large",
      { file: "bomb.xlsx", limit: { bytes: 1024 } },
    ]);
  });

  it("refuses too many entries", async () => {
    const many = writeZip(
      Array.from({ length: 50 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from("x") }))
    );
    const open = (maxEntries: number) =>
      ZipReader.open(bytesSource(many), nodeCodec, { ...limits, file: "many.xlsx", maxEntries });
    const e = await open(10).catch((x: unknown) => x);
    expect(isFileError(e) && [e.code, e.params]).toEqual([
      "too-large",
      { file: "many.xlsx", limit: { files: 10 } },
    ]);
    expect((await open(DEFAULT_MAX_ZIP_ENTRIES)).entries).toHaveLength(50);
  });

  it("catches an entry that unpacks to more than its directory entry says, when it is read", async () => {
    const liar = writeZip([
      { name: "xl/sheet.xml", data: Buffer.alloc(1024 * 1024, 0x41), declaredSize: 100 },
    ]);
    const zip = await ZipReader.open(bytesSource(liar), nodeCodec, limits);
    expect(await errorOf(zip.text(zip.entries[0]))).toBe("corrupt-workbook: entry-size-mismatch");
  });

  it("calls truncated or damaged zips corrupt", async () => {
    const open = (bytes: Buffer) => ZipReader.open(bytesSource(bytes), nodeCodec, limits);
    expect(await errorOf(open(xlsx.subarray(0, Math.floor(xlsx.length / 2))))).toBe(
      "corrupt-workbook"
    );
    expect(await errorOf(open(Buffer.from("PK\x03\x04garbage", "latin1")))).toBe(
      "corrupt-workbook"
    );
    // Damage the deflated data of the first entry, keeping the structure: found when it is read.
    const damaged = Buffer.from(xlsx);
    const dataStart = 30 + damaged.readUInt16LE(26) + damaged.readUInt16LE(28);
    for (let i = dataStart; i < dataStart + 40; i++) damaged[i] = 0xff;
    const zip = await open(damaged);
    expect(await errorOf(collect(zip.open(zip.entries[0])))).toMatch(/^corrupt-workbook/);
  });
});

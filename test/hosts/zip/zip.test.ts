import ExcelJS from "exceljs";
import { deflateRawSync } from "node:zlib";
import { webCodec } from "../../../src/hosts/exceljs/browser/webCodec";
import { nodeCodec } from "../../../src/hosts/exceljs/node/nodeCodec";
import { MemorySink, bytesSource } from "../../../src/hosts/exceljs/zip/byteSource";
import { type Codec, crc32 } from "../../../src/hosts/exceljs/zip/codec";
import { ZipReader } from "../../../src/hosts/exceljs/zip/zipReader";
import { ZipWriter } from "../../../src/hosts/exceljs/zip/zipWriter";
import { isFileError } from "../../../src/hosts/exceljs/fileError";

const limits = { file: "t.zip", maxEntries: 100, maxUncompressedBytes: 100 * 1024 * 1024 };

async function collect(it: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of it) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

async function* once(s: string): AsyncGenerator<string> {
  yield s;
}

async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (!isFileError(e)) return String(e);
    const reason = "reason" in e.params ? e.params.reason : undefined;
    return `${e.code}${reason ? `: ${reason.kind}` : ""}`;
  }
  return "no error";
}

describe.each<[string, Codec]>([
  ["node zlib", nodeCodec],
  ["web streams", webCodec],
])("zip reader and writer (%s)", (_, codec) => {
  it("writes entries that it, exceljs and zlib read back; copies entries compressed", async () => {
    const big = "赵敏,".repeat(300_000) + "end";
    const sink = new MemorySink();
    const w = new ZipWriter(sink, codec, "out.zip");
    await w.add("a.txt", once("hello"));
    await w.add("dir/名册.xml", once(big));
    await w.add("empty", once(""));
    await w.finish();
    const r = await ZipReader.open(bytesSource(sink.bytes()), codec, limits);
    expect(r.entries.map((e) => e.name)).toEqual(["a.txt", "dir/名册.xml", "empty"]);
    expect(await r.text(r.get("A.TXT")!)).toBe("hello");
    expect(await r.text(r.get("/dir/名册.xml")!)).toBe(big);
    expect(await r.text(r.get("empty")!)).toBe("");

    const sink2 = new MemorySink();
    const w2 = new ZipWriter(sink2, codec, "copy.zip");
    for (const e of r.entries) await w2.copy(e.name, r, e);
    await w2.add("new.txt", once("new"));
    await w2.finish();
    const r2 = await ZipReader.open(bytesSource(sink2.bytes()), codec, limits);
    expect(r2.get("dir/名册.xml")!.compressedSize).toBe(r.get("dir/名册.xml")!.compressedSize);
    expect(await r2.text(r2.get("dir/名册.xml")!)).toBe(big);
    expect(await r2.text(r2.get("new.txt")!)).toBe("new");
  });

  it("reads what exceljs writes, and the same bytes twice give the same output", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("名册").addRow(["姓名", "张三"]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await ZipReader.open(bytesSource(xlsx), codec, limits);
    expect(await r.text(r.get("xl/workbook.xml")!)).toContain("名册");
    const write = async () => {
      const sink = new MemorySink();
      const w = new ZipWriter(sink, codec, "o.zip");
      for (const e of r.entries) await w.copy(e.name, r, e);
      await w.finish();
      return Buffer.from(sink.bytes());
    };
    const a = await write();
    expect(a.equals(await write())).toBe(true);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(a as unknown as ExcelJS.Buffer);
    expect(back.getWorksheet("名册")!.getCell("B1").value).toBe("张三");
  });

  it("stops an entry that inflates past its declared size (a zip bomb), and a damaged one", async () => {
    const sink = new MemorySink();
    const w = new ZipWriter(sink, codec, "b.zip");
    await w.add("bomb.xml", once("0".repeat(20 * 1024 * 1024)));
    await w.add("ok.xml", once("fine"));
    await w.finish();
    const bytes = sink.bytes();
    const r = await ZipReader.open(bytesSource(bytes), codec, limits);
    // Lie in the central directory: declare 1,000 bytes.
    const lying = Buffer.from(bytes);
    const dirAt = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(1000, dirAt + 24);
    const r2 = await ZipReader.open(bytesSource(lying), codec, limits);
    expect(await errorOf(collect(r2.open(r2.get("bomb.xml")!)))).toBe(
      "corrupt-workbook: entry-size-mismatch"
    );
    // Damage the data: flip bytes in the middle of the bomb's deflate stream.
    const damaged = Buffer.from(bytes);
    const e = r.get("ok.xml")!;
    damaged[e.localHeaderOffset - 20] ^= 0xff;
    const r3 = await ZipReader.open(bytesSource(damaged), codec, limits);
    expect(await errorOf(collect(r3.open(r3.get("bomb.xml")!)))).toMatch(/^corrupt-workbook/);
  });

  it("refuses too many entries or too large a declared total before inflating anything", async () => {
    const sink = new MemorySink();
    const w = new ZipWriter(sink, codec, "m.zip");
    for (let i = 0; i < 5; i++) await w.add(`f${i}`, once("x".repeat(1000)));
    await w.finish();
    const src = bytesSource(sink.bytes());
    expect(await errorOf(ZipReader.open(src, codec, { ...limits, maxEntries: 4 }))).toBe(
      "too-large"
    );
    expect(
      await errorOf(ZipReader.open(src, codec, { ...limits, maxUncompressedBytes: 4000 }))
    ).toBe("too-large");
    expect(await errorOf(ZipReader.open(bytesSource(new Uint8Array(100)), codec, limits))).toBe(
      "corrupt-workbook"
    );
    expect(
      await errorOf(ZipReader.open(bytesSource(sink.bytes().subarray(0, 200)), codec, limits))
    ).toBe("corrupt-workbook");
  });

  it("stops reading when the reader stops (a sheet read only to its first rows)", async () => {
    const sink = new MemorySink();
    const w = new ZipWriter(sink, codec, "s.zip");
    await w.add("big", once("y".repeat(30 * 1024 * 1024)));
    await w.finish();
    const r = await ZipReader.open(bytesSource(sink.bytes()), codec, limits);
    let seen = 0;
    for await (const c of r.open(r.get("big")!)) {
      seen += c.length;
      break;
    }
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(30 * 1024 * 1024);
  });
});

describe("crc32", () => {
  it("is the zip CRC-32, in pieces too", () => {
    const data = Buffer.from("The quick brown fox jumps over the lazy dog");
    expect(crc32(data)).toBe(0x414fa339);
    expect(crc32(data.subarray(10), crc32(data.subarray(0, 10)))).toBe(0x414fa339);
    expect(nodeCodec.crc32(data, 0)).toBe(0x414fa339);
  });

  it("stored entries read as they are", async () => {
    // A stored entry written by hand: local header, data, central directory, end record.
    const data = Buffer.from("stored!");
    const name = Buffer.from("s.txt");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    const dirAt = 30 + name.length + data.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(dirAt, 16);
    const zip = Buffer.concat([local, name, data, central, name, end]);
    const r = await ZipReader.open(bytesSource(zip), nodeCodec, limits);
    expect(await r.text(r.get("s.txt")!)).toBe("stored!");
    expect(deflateRawSync(data).length).toBeGreaterThan(0);
  });
});

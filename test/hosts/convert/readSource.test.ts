/**
 * The summary's reader (readSource, packageSource): a workbook held in memory and one read from the
 * disk as needed give the same rows, Chinese text whole wherever the inflated pieces end; the date
 * system is read either way; a zip that lies about its sizes, too many cells and a merged-range
 * bomb are refused in plain words. (Was: readSourceStreaming with the streaming threshold at its
 * default and at 0.)
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileErrorMessage } from "../../../src/core/fileErrors";
import type { SummarySource } from "../../../src/core/summary/sources";
import type { RawRow } from "../../../src/core/types";
import { readSource } from "../../../src/hosts/exceljs";
import { isFileError } from "../../../src/hosts/exceljs/fileError";
import { READ_WHOLE_UP_TO, fileSource } from "../../../src/hosts/exceljs/node/fileSource";
import { nodeCodec } from "../../../src/hosts/exceljs/node/nodeCodec";
import { DEFAULT_MAX_ZIP_ENTRIES } from "../../../src/hosts/exceljs/read/limits";
import { packageSource } from "../../../src/hosts/exceljs/summary/packageSource";
import { WorkbookPackage } from "../../../src/hosts/exceljs/xlsx/workbookPackage";
import { type ByteSource, bytesSource } from "../../../src/hosts/exceljs/zip/byteSource";
import { ZipReader } from "../../../src/hosts/exceljs/zip/zipReader";
import { registryRowsAsRead, writeRegistryWorkbook } from "../stream/registryFixture";
import { makeDir, trimEnd } from "./helpers";

const MEMBERS = 3000;

/** A package over `source`, read as the summary reads it. */
async function sourceOf(
  source: ByteSource,
  file: string,
  maxCells?: number
): Promise<SummarySource> {
  try {
    const zip = await ZipReader.open(source, nodeCodec, {
      file,
      maxEntries: DEFAULT_MAX_ZIP_ENTRIES,
      maxUncompressedBytes: 2 ** 32,
    });
    return await packageSource(await WorkbookPackage.open(zip, file), { maxCells });
  } finally {
    await source.close();
  }
}

const inMemory = async (file: string) =>
  sourceOf(bytesSource(await fs.readFile(file)), path.basename(file));
const fromDisk = async (file: string) => sourceOf(await fileSource(file), path.basename(file));

/** Adds an entry of random bytes, stored, to a zip: the same workbook in a file over `bytes`. */
async function padded(file: string, to: string, bytes: number): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  zip.file("xl/media/padding.bin", randomBytes(bytes), { compression: "STORE" });
  await fs.writeFile(to, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

async function readOk(file: string): Promise<SummarySource> {
  const read = await readSource(file);
  if (!("source" in read)) throw new Error(`${file}: ${fileErrorMessage(read.failure, "zh-CN")}`);
  return read.source as SummarySource;
}

const values = (rows: readonly RawRow[]) => rows.map((r) => trimEnd(r.values));
const sheetNamed = (s: SummarySource, name: string) => s.sheets.find((x) => x.name === name)!;

describe("readSource: a workbook read in memory and one read from the disk give the same rows", () => {
  const dir = makeDir("read-source");
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it.each([
    ["shared strings", true],
    ["inline strings", false],
  ])(
    "the same rows both ways, Chinese text whole across the inflated pieces (%s)",
    async (_n, useSharedStrings) => {
      const input = path.join(dir, `registry-${useSharedStrings}.xlsx`);
      await writeRegistryWorkbook(input, {
        members: MEMBERS,
        useSharedStrings,
        chineseRemarks: true,
        otherSheets: true,
      });
      // The same workbook in a file too big to be read into memory at once: read from the disk.
      const big = path.join(dir, `registry-${useSharedStrings}-big.xlsx`);
      await padded(input, big, READ_WHOLE_UP_TO + 1024 * 1024);
      expect((await fs.stat(input)).size).toBeLessThan(READ_WHOLE_UP_TO);
      expect((await fs.stat(big)).size).toBeGreaterThan(READ_WHOLE_UP_TO);

      const small = await readOk(input);
      const large = await readOk(big);
      expect(large.sheets).toEqual(small.sheets);
      expect(large.dateSystem).toEqual(small.dateSystem);
      // The same bytes, through a source in memory and one on the disk.
      const memory = await inMemory(input);
      expect(await fromDisk(input)).toEqual(memory);
      expect(memory).toEqual(small);

      expect(small.sheets.map((s) => s.name)).toEqual(["填表说明", "名册", "统计"]);
      // The registry's rows as written (the merged 所在支部 read in each row it covers; the rest
      // of the merged title row read as empty cells).
      const expected = [...registryRowsAsRead(MEMBERS, 42, true)];
      expect(values(sheetNamed(small, "名册").rows)).toEqual(values(expected));
      expect(JSON.stringify(small)).not.toContain("\uFFFD");
    },
    60_000
  );

  it("reads the date system from workbook.xml in memory as from the disk", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("名册");
    ws.addRow(["姓名", "出生日期"]);
    ws.addRow(["张三", new Date(Date.UTC(1980, 4, 6))]);
    ws.getCell("B2").numFmt = "yyyy-mm-dd";
    const input = path.join(dir, "1904.xlsx");
    await wb.xlsx.writeFile(input);
    const big = path.join(dir, "1904-big.xlsx");
    await padded(input, big, READ_WHOLE_UP_TO + 1024);
    for (const s of [await readOk(input), await readOk(big), await fromDisk(input)]) {
      expect(s.dateSystem).toBe(1904);
      expect(values(sheetNamed(s, "名册").rows)).toEqual([
        ["姓名", "出生日期"],
        ["张三", new Date(Date.UTC(1980, 4, 6))],
      ]);
    }
  });
});

/** Sets the uncompressed size an entry declares (local header and central directory) to `size`. */
function declareSize(zip: Buffer, name: string, size: number): void {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = zip.toString("utf8", at + 46, at + 46 + nameLength);
    if (entry === name) {
      zip.writeUInt32LE(size, at + 24);
      zip.writeUInt32LE(size, zip.readUInt32LE(at + 42) + 22);
      return;
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`no entry ${name}`);
}

describe("the summary's reader: limits and a zip that lies about its sizes", () => {
  const dir = makeDir("read-source-bad");
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const SHEET = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${"<row/>".repeat(
    200_000
  )}</sheetData></worksheet>`;

  /** A one-sheet workbook whose sheet is SHEET, declared as `size` bytes; over 8 MB with `big`. */
  async function lyingWorkbook(file: string, size: number, big: boolean): Promise<void> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("名册").addRow(["姓名"]);
    const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    zip.file("xl/worksheets/sheet1.xml", SHEET);
    if (big)
      zip.file("xl/media/padding.bin", randomBytes(READ_WHOLE_UP_TO), { compression: "STORE" });
    const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    declareSize(bytes, "xl/worksheets/sheet1.xml", size);
    await fs.writeFile(file, bytes);
  }

  it.each([
    ["more than declared (a zip bomb)", 2048],
    ["fewer than declared", SHEET.length + 100],
  ])(
    "a sheet that unpacks to %s fails as corrupt, read in memory and from the disk",
    async (_n, size) => {
      for (const big of [false, true]) {
        const input = path.join(dir, `lying-${size}-${big}.xlsx`);
        await lyingWorkbook(input, size, big);
        expect((await fs.stat(input)).size > READ_WHOLE_UP_TO).toBe(big);
        const bytes = await fs.readFile(input);
        const read = await readSource(input);
        expect(read).toEqual({
          failure: expect.objectContaining({ input, code: "corrupt-workbook" }),
        });
        if ("failure" in read) {
          expect(fileErrorMessage(read.failure, "zh-CN")).toContain(path.basename(input));
          expect(fileErrorMessage(read.failure, "zh-CN")).toContain("压缩条目的实际大小与目录不符");
        }
        // The input is only read.
        expect((await fs.readFile(input)).equals(bytes)).toBe(true);
      }
    }
  );

  it("more cells than allowed: too-many-cells, naming the sheet", async () => {
    const input = path.join(dir, "cells.xlsx");
    await writeRegistryWorkbook(input, { members: 200, otherSheets: true });
    let error: unknown;
    try {
      await sourceOf(await fileSource(input), "cells.xlsx", 1000);
    } catch (e) {
      error = e;
    }
    expect(isFileError(error) && error.code).toBe("too-many-cells");
    expect(isFileError(error) && error.code === "too-many-cells" && error.params.sheet).toBe(
      "名册"
    );
  });

  it("a merged range of 24 million cells: too-many-cells-to-load, before it is built", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("名册").addRow(["姓名"]);
    wb.addWorksheet("其他").getCell("A1").value = "x";
    const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    zip.file(
      "xl/worksheets/sheet2.xml",
      xml.replace(
        "</sheetData>",
        '</sheetData><mergeCells count="1"><mergeCell ref="A1:W1048576"/></mergeCells>'
      )
    );
    const input = path.join(dir, "merge-bomb.xlsx");
    await fs.writeFile(input, await zip.generateAsync({ type: "nodebuffer" }));
    const t = Date.now();
    const read = await readSource(input);
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(read).toEqual({
      failure: expect.objectContaining({ input, code: "too-many-cells-to-load" }),
    });
    if ("failure" in read) expect(fileErrorMessage(read.failure, "zh-CN")).toContain("其他");
  });
});

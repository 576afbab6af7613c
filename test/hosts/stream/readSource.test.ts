import ExcelJS from "exceljs";
import { mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as zlib from "node:zlib";
import type { SummarySource } from "../../../src/core/summary";
import { readSourceStreaming } from "../../../src/hosts/exceljs/stream/readSource";
import { readSource } from "../../../src/hosts/exceljs/summaryFiles";
import { withStreamThreshold } from "../../helpers/streamThreshold";
import { registryRowsAsRead, writeRegistryWorkbook } from "./registryFixture";

const MEMBERS = 3000;

const inMemory = (input: string) =>
  withStreamThreshold(undefined, () => readSourceStreaming(input, { file: path.basename(input) }));
const fromDisk = (input: string) =>
  withStreamThreshold("0", () => readSourceStreaming(input, { file: path.basename(input) }));

const withoutTrailingBlanks = (values: readonly unknown[]) => {
  let n = values.length;
  while (n > 0 && values[n - 1] === null) n--;
  return values.slice(0, n);
};

const sheetNamed = (s: SummarySource, name: string) => s.sheets.find((x) => x.name === name)!;

/**
 * The summary reads a small .xlsx (up to the streaming threshold) into memory and unpacks each part
 * at once; a larger one is read from disk in parts. Both must give the same rows.
 */
describe("readSourceStreaming: a small file read in memory, a large one from disk", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-read-source-"));
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it.each([
    ["shared strings", true],
    ["inline strings", false],
  ])(
    "gives the same rows both ways, Chinese text whole across 64K pieces (%s)",
    async (_n, useSharedStrings) => {
      const input = path.join(dir, `registry-${useSharedStrings}.xlsx`);
      await writeRegistryWorkbook(input, {
        members: MEMBERS,
        useSharedStrings,
        chineseRemarks: true,
        otherSheets: true,
      });
      const memory = await inMemory(input);
      const disk = await fromDisk(input);
      expect(memory).toEqual(disk);
      expect(memory.sheets.map((s) => s.name)).toEqual(["填表说明", "名册", "统计"]);
      // The registry's rows as written (merged 所在支部 read in each row it covers; the rest of
      // the merged title row read as empty cells).
      const rows = sheetNamed(memory, "名册").rows;
      const expected = [...registryRowsAsRead(MEMBERS, 42, true)];
      expect(rows.map((r) => withoutTrailingBlanks(r.values))).toEqual(
        expected.map((r) => withoutTrailingBlanks(r.values))
      );
    }
  );

  it("reads the date system from workbook.xml in memory as from disk", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    wb.addWorksheet("名册").addRow(["姓名", "出生日期"]);
    const input = path.join(dir, "1904.xlsx");
    await wb.xlsx.writeFile(input);
    expect((await inMemory(input)).dateSystem).toBe(1904);
    expect((await fromDisk(input)).dateSystem).toBe(1904);
  });
});

/** A one-sheet workbook whose sheet entry is replaced by `sheetXml`, declared as `declaredSize`. */
async function workbookWithSheet(
  file: string,
  sheetXml: Buffer,
  declaredSize: number
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("名册").addRow(["姓名"]);
  const zip = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  // Rebuild the zip entry by entry (yauzl lists them), with the sheet's data and size replaced.
  const { writeZip } = await import("../input/zipWriter");
  const yauzl = await import("yauzl");
  const z = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const entries: Parameters<typeof writeZip>[0] = [];
  for await (const e of z.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await z.openReadStreamPromise(e)) chunks.push(c as Buffer);
    const data = Buffer.concat(chunks);
    if (e.fileName === "xl/worksheets/sheet1.xml")
      entries.push({
        name: e.fileName,
        deflated: { bytes: zlib.deflateRawSync(sheetXml), crc: zlib.crc32(sheetXml), size: 0 },
        declaredSize,
      });
    else entries.push({ name: e.fileName, data });
  }
  z.close();
  await fs.writeFile(file, writeZip(entries));
}

describe("summary reading of a zip that lies about its sizes", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-read-source-bad-"));
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const SHEET = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${"<row/>".repeat(
      200_000
    )}</sheetData></worksheet>`
  );

  it.each([
    ["more than declared (a zip bomb)", 2048],
    ["fewer than declared", SHEET.length + 100],
  ])("a sheet that unpacks to %s fails as corrupt, from memory and from disk", async (_n, size) => {
    const input = path.join(dir, `lying-${size}.xlsx`);
    await workbookWithSheet(input, SHEET, size);
    const bytes = await fs.readFile(input);
    for (const threshold of [undefined, "0"]) {
      const read = await withStreamThreshold(threshold, () => readSource(input, "zh-CN"));
      expect(read).toEqual({
        failure: expect.objectContaining({ input, code: "corrupt-workbook" }),
      });
      if ("failure" in read) expect(read.failure.message).toContain(path.basename(input));
    }
    // The input is only read.
    expect((await fs.readFile(input)).equals(bytes)).toBe(true);
  });
});

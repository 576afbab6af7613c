/*
 * Chinese text read whole when its UTF-8 bytes straddle two inflated chunks. exceljs 4.4's
 * streaming reader cut such characters (exceljs issues #2063, #2084), and the reader that replaced
 * it inflates every large part as a stream too: with shared strings the strings part is where the
 * Chinese text meets chunk ends, with inline strings the sheet itself. A real .xlsx (written by
 * exceljs) with long Chinese text in every row, each part larger than what is inflated in one
 * call, read from disk through ZipReader and the sheet reader, with Node's zlib and with the web
 * page's DecompressionStream.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { webCodec } from "../../../src/hosts/exceljs/browser/webCodec";
import { fileSource } from "../../../src/hosts/exceljs/node/fileSource";
import { nodeCodec } from "../../../src/hosts/exceljs/node/nodeCodec";
import type { Codec } from "../../../src/hosts/exceljs/zip/codec";
import { ZipReader } from "../../../src/hosts/exceljs/zip/zipReader";
import { WorkbookPackage } from "../../../src/hosts/exceljs/xlsx/workbookPackage";

const ROWS = 12_000;
const MB = 1024 * 1024;
/** Characters of three UTF-8 bytes, and two of four (outside the BMP: a surrogate pair in JavaScript). */
const HAN = "统战成员登记表思想稳定积极参加组织生活民主党派无党派人士知识分子新的社会阶层";
const WIDE = ["𠀀", "𪚥", "😀"];

/** Row i's remark: about 300 characters, different on every row, so the strings part is large too. */
function remark(i: number): string {
  let s = `第${i}号：`;
  for (let k = 0; k < 300; k++)
    s += k % 97 === 13 ? WIDE[(i + k) % 3] : HAN[(i * 7 + k) % HAN.length];
  return s;
}

async function writeWorkbook(file: string, useSharedStrings: boolean): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings });
  const ws = wb.addWorksheet("名册");
  ws.addRow(["姓名", "备注"]).commit();
  for (let i = 0; i < ROWS; i++) ws.addRow([`成员${i}`, remark(i)]).commit();
  ws.commit();
  await wb.commit();
}

describe.each([
  ["shared strings", true, "xl/sharedStrings.xml"],
  ["inline strings", false, "xl/worksheets/sheet1.xml"],
])("Chinese text across chunk boundaries (%s)", (_name, useSharedStrings, textPart) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-utf8-chunks-"));
  const file = path.join(dir, "名册.xlsx");
  beforeAll(() => writeWorkbook(file, useSharedStrings), 60_000);
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it.each<[string, Codec]>([
    ["node zlib", nodeCodec],
    ["web streams", webCodec],
  ])(
    "gives every cell exactly as written (%s)",
    async (_codecName, codec) => {
      const zip = await ZipReader.open(await fileSource(file), codec, {
        file: "名册.xlsx",
        maxEntries: 100,
        maxUncompressedBytes: 1024 * MB,
      });
      try {
        // The test means something only if the part is inflated in pieces and a piece starts
        // inside a character (with a UTF-8 continuation byte).
        const entry = zip.get(textPart)!;
        expect(entry.uncompressedSize).toBeGreaterThan(8 * MB);
        let pieces = 0;
        let cutCharacters = 0;
        for await (const chunk of zip.open(entry)) {
          pieces++;
          if (chunk.length > 0 && (chunk[0] & 0xc0) === 0x80) cutCharacters++;
        }
        expect(pieces).toBeGreaterThan(1);
        expect(cutCharacters).toBeGreaterThan(0);

        const pkg = await WorkbookPackage.open(zip, "名册.xlsx");
        const { rows } = await pkg.readRows(pkg.worksheets[0]);
        const got: unknown[][] = [];
        for await (const r of rows) got.push([r.rowNumber, ...r.values]);
        expect(got.length).toBe(ROWS + 1);
        expect(got[0]).toEqual([1, "姓名", "备注"]);
        // Compared row by row as one flag each, and the first difference shown if any.
        const wrong = got
          .slice(1)
          .map((r, i) => (r[0] === i + 2 && r[1] === `成员${i}` && r[2] === remark(i) ? null : r))
          .filter((r) => r !== null);
        expect(wrong.slice(0, 1)).toEqual([]);
        expect(got.some((r) => String(r[2]).includes("\uFFFD"))).toBe(false);
      } finally {
        await zip.close();
      }
    },
    60_000
  );
});

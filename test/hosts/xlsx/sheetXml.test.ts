/*
 * A worksheet's XML read as it is inflated, in pieces cut anywhere (inside a tag, a character
 * reference, a CDATA section): its rows, Excel's limits checked as the cells come (a cell over
 * 32,767 characters, a row or column beyond the sheet's edge), and the merged ranges listed after
 * the rows. These were the cell scanner's and the sheet scanner's cases (input/cellScan,
 * stream/sheetXmlScan), now of the one reader, xlsx/sheetReader.ts.
 */
import type { FileErrorPlace } from "../../../src/core/fileErrors";
import type { CellValue } from "../../../src/core/types";
import { isFileError } from "../../../src/hosts/exceljs/fileError";
import { MAX_CELL_CHARACTERS } from "../../../src/hosts/exceljs/read/limits";
import { readSharedStrings } from "../../../src/hosts/exceljs/xlsx/sharedStrings";
import {
  mergedRanges,
  SheetReader,
  type SheetFrame,
} from "../../../src/hosts/exceljs/xlsx/sheetReader";
import type { StringTable } from "../../../src/hosts/exceljs/xlsx/stringTable";
import { StyleTable } from "../../../src/hosts/exceljs/xlsx/styleTable";

/** The text in pieces of `size` characters, the first one `first` long (0: `size` too). */
async function* pieces(text: string, size: number, first = 0): AsyncGenerator<string> {
  let at = first > 0 ? first : size;
  yield text.slice(0, at);
  for (; at < text.length; at += size) yield text.slice(at, at + size);
}

interface Read {
  rows: [number, CellValue[]][];
  frame: SheetFrame;
  /** The FileError the reader stopped with: its code and where. */
  error: { code: string; row?: number; column?: string } | null;
}

async function readSheet(
  xml: string,
  size: number,
  options: { strings?: StringTable; tail?: boolean; maxRows?: number; first?: number } = {}
): Promise<Read> {
  const reader = new SheetReader({
    file: "名册.xlsx",
    sheet: "名册",
    strings: options.strings ?? null,
    styles: StyleTable.EMPTY,
    dateSystem: 1900,
  });
  const rows: [number, CellValue[]][] = [];
  let error: Read["error"] = null;
  try {
    for await (const r of reader.rows(pieces(xml, size, options.first), options))
      rows.push([r.rowNumber!, [...r.values]]);
  } catch (e) {
    if (!isFileError(e)) throw e;
    expect(e.params).toMatchObject({ file: "名册.xlsx" });
    const where: FileErrorPlace = e.params;
    error = { code: e.code, row: where.row, column: where.column };
    if (e.code !== "corrupt-workbook") expect(where.sheet).toBe("名册");
  }
  return { rows, frame: reader.frame, error };
}

const CHUNKS = [1, 2, 3, 5, 7, 4096];
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheet = (data: string, head = "") =>
  `<?xml version="1.0"?><worksheet ${NS}><dimension ref="A1:XFD1048576"/>${head}` +
  `<sheetData>${data}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
const inline = (ref: string, inner: string) => `<c r="${ref}" t="inlineStr"><is>${inner}</is></c>`;
const tooLong = (row: number, column: string) => ({ code: "cell-too-long", row, column });

describe("rows, from pieces cut anywhere", () => {
  it("gives each row's cells by column, with or without references", async () => {
    const xml = sheet(
      `<row r="2"><c r="B2"><v>1</v></c><c><v>2</v></c><c r="E2" t="inlineStr"><is><t>张三</t></is></c></row>` +
        `<row><c/><c/></row><row r="7"><c r="AA7"><v>3</v></c></row>`
    );
    const aa = new Array<CellValue>(26).fill(null);
    for (const n of CHUNKS)
      expect(await readSheet(xml, n)).toMatchObject({
        rows: [
          [2, [null, 1, 2, null, "张三"]],
          [3, []],
          [7, [...aa, 3]],
        ],
        error: null,
      });
  });

  it("is not fooled by rows in an XML comment before the sheet's data", async () => {
    const xml = sheet(
      `<row r="1"><c r="A1"><v>1</v></c></row>`,
      `<!-- <sheetData><row r="9999999"><c r="ZZZZ1"/></row></sheetData> -->`
    );
    for (const n of CHUNKS)
      expect(await readSheet(xml, n)).toMatchObject({ rows: [[1, [1]]], error: null });
  });
});

describe("a cell's text over Excel's 32,767 characters", () => {
  const x = (n: number) => "x".repeat(n);
  const max = MAX_CELL_CHARACTERS;
  // Long rows are fed in pieces of 5 characters and more: the same cuts, far fewer of them.
  const SIZES = [5, 7, 4096, 1 << 20];

  it("is measured as Excel counts characters: entities, CDATA, rich-text runs, not phonetic runs", async () => {
    // [the cell's inner XML, its length as read (a long one: refused)]
    const cases: [string, number][] = [
      [`<t>${x(max)}</t>`, max],
      [`<t>${x(max + 1)}</t>`, max + 1],
      [`<t>${"张".repeat(max)}</t>`, max],
      [`<t>${x(max - 1)}&amp;</t>`, max],
      [`<t>${x(max)}&lt;</t>`, max + 1],
      [`<t>${x(max - 2)}<![CDATA[a]]></t>`, max - 1],
      [`<t>${x(max - 2)}<![CDATA[a]b]]></t>`, max + 1],
      // A character outside the BMP is two UTF-16 code units, written or as an entity.
      [`<t>${x(max - 2)}😀</t>`, max],
      [`<t>${x(max - 1)}😀</t>`, max + 1],
      [`<t>${x(max - 1)}&#x1F600;</t>`, max + 1],
      [
        `<r><t>${x(20000)}</t></r><r><t xml:space="preserve">${x(max - 20000)}</t></r><rPh sb="0" eb="1"><t>${x(50)}</t></rPh>`,
        max,
      ],
      [`<r><t>${x(20000)}</t></r><r><t>${x(max - 19999)}</t></r>`, max + 1],
    ];
    for (const [inner, length] of cases)
      for (const n of SIZES) {
        const r = await readSheet(sheet(`<row r="3">${inline("C3", inner)}</row>`), n);
        const got = r.error ?? (r.rows[0][1][2] as string).length;
        expect([inner.slice(0, 30), n, got]).toEqual([
          inner.slice(0, 30),
          n,
          length > max ? tooLong(3, "C") : length,
        ]);
      }
  });

  it("counts a value written as text where a number should be, not a formula", async () => {
    const xml = sheet(
      `<row r="1"><c r="A1" t="str"><f>${x(40000)}</f><v>1</v></c><c r="B1"><v>${x(max + 1)}</v></c></row>`
    );
    for (const n of SIZES) expect((await readSheet(xml, n)).error).toEqual(tooLong(1, "B"));
  });

  it("in a shared string, refuses the first cell that uses it (phonetic runs left out)", async () => {
    const sst =
      `<?xml version="1.0"?><sst ${NS} count="5"><si><t>${x(max)}</t></si>` +
      `<si><r><t>${x(30000)}</t></r><r><t>${"y".repeat(3000)}</t></r></si><si/>` +
      `<si><t>短</t><rPh><t>${"z".repeat(40000)}</t></rPh></si><si><t>${"&amp;".repeat(40000)}</t></si></sst>`;
    const xml = sheet(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>` +
        `<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>1</v></c></row>`
    );
    // The strings part in pieces of 97 characters and more (each piece looks again at the item it cuts).
    for (const n of [97, 4096, 1 << 20]) {
      const strings = await readSharedStrings(pieces(sst, n), "名册.xlsx");
      expect([0, 1, 2, 3, 4].map((i) => strings.get(i)!.length)).toEqual([max, 33000, 0, 1, 40000]);
      const r = await readSheet(xml, n, { strings });
      expect(r.rows).toEqual([[1, [x(max), 1]]]);
      expect(r.error).toEqual(tooLong(2, "C"));
    }
  });
});

describe("rows and columns beyond Excel's sheet", () => {
  const at = async (data: string) => (await readSheet(sheet(data), 7)).error;

  it("takes the last row and column, and refuses the first row or cell past them", async () => {
    expect(await at(`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`)).toBeNull();
    expect(await at(`<row r="1048577"/>`)).toEqual({ code: "beyond-sheet-limits", row: 1048577 });
    expect(await at(`<row r="1048577"><c r="A1048577"><v>1</v></c></row>`)).toEqual({
      code: "beyond-sheet-limits",
      row: 1048577,
    });
    expect(await at(`<row r="5"><c r="XFE5"/></row>`)).toEqual({
      code: "beyond-sheet-limits",
      row: 5,
      column: "16385",
    });
  });
});

describe("merged ranges, listed after the rows", () => {
  const XML =
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>` +
    '<dimension ref="A1:C40"/><cols><col min="1" max="1" width="40.5" customWidth="1"/>' +
    '<col min="2" max="4" width="12" hidden="1"/></cols><sheetData>' +
    Array.from(
      { length: 40 },
      (_, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>成员 mergeCell &lt;mergeCell ref="Z9:Z10"/&gt; &lt;/sheetData&gt; ${i}</t></is></c></row>`
    ).join("") +
    '</sheetData><mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="$B$5:B9"/>' +
    "<mergeCell ref='D2:E3'/></mergeCells><pageMargins left=\"0.7\"/></worksheet>";
  const MERGES = [
    { top: 1, left: 1, bottom: 1, right: 3 },
    { top: 5, left: 2, bottom: 9, right: 2 },
    { top: 2, left: 4, bottom: 3, right: 5 },
  ];

  it("are found whatever the piece size and wherever a piece ends; escaped text in cells is no tag", async () => {
    for (const size of [1, 2, 3, 7, 16, 17, 64, 1000, XML.length])
      for (let first = 0; first < 20; first++) {
        const r = await readSheet(XML, size, { tail: true, first });
        expect([size, first, r.rows.length, mergedRanges(r.frame)]).toEqual([
          size,
          first,
          40,
          MERGES,
        ]);
        expect(r.rows[39][1][0]).toBe('成员 mergeCell <mergeCell ref="Z9:Z10"/> </sheetData> 39');
      }
  });

  it("are found past the first rows when only those are read (the scan that picks the registry)", async () => {
    for (const size of [1, 7, 1000]) {
      const r = await readSheet(XML, size, { tail: true, maxRows: 3 });
      expect(r.rows.map(([n]) => n)).toEqual([1, 2, 3]);
      expect(mergedRanges(r.frame)).toEqual(MERGES);
    }
  });

  it("are read in prefixed SpreadsheetML and in a sheet without data", async () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:cols><x:col min="3" max="3" width="9"/></x:cols><x:sheetData/>' +
      '<x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';
    for (const size of [1, 5, xml.length]) {
      const r = await readSheet(xml, size, { tail: true });
      expect(r.rows).toEqual([]);
      expect(mergedRanges(r.frame)).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    }
  });
});

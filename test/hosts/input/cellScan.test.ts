import {
  cellColumn,
  columnLetters,
  decodeRef,
  XmlCellScanner,
} from "../../../src/hosts/exceljs/input/cellScan";
import { MAX_CELL_CHARACTERS } from "../../../src/hosts/exceljs/read/limits";

/** Feeds XML to a scanner in chunks of the given size (tags, characters and entities cut anywhere). */
function scan(
  xml: string,
  kind: "sheet" | "sharedStrings",
  chunk: number,
  shared?: Set<number>
): XmlCellScanner {
  const s = new XmlCellScanner(kind, shared);
  const bytes = Buffer.from(xml, "utf8");
  for (let i = 0; i < bytes.length; i += chunk) s.feed(bytes.subarray(i, i + chunk));
  return s;
}

const CHUNKS = [1, 2, 3, 5, 7, 4096];
const sheet = (data: string) =>
  `<?xml version="1.0"?><worksheet xmlns="x"><dimension ref="A1:XFD1048576"/>` +
  `<!-- <sheetData><row r="9999999"><c r="ZZZZ1"/></row></sheetData> -->` +
  `<sheetData>${data}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
const inline = (ref: string, inner: string) => `<c r="${ref}" t="inlineStr"><is>${inner}</is></c>`;

describe("XmlCellScanner", () => {
  it("counts cells and finds the last row and column, with or without references", () => {
    const xml = sheet(
      `<row r="2"><c r="B2"><v>1</v></c><c><v>2</v></c><c r="E2" t="s"><v>0</v></c></row>` +
        `<row><c/><c/></row><x:row r="7"><x:c r="AA7"><x:v>3</x:v></x:c></x:row>`
    );
    for (const n of CHUNKS)
      expect(scan(xml, "sheet", n).result).toEqual({
        cells: 6,
        maxRow: 7,
        maxColumn: 27,
        longCell: null,
        outOfRange: null,
        usesShared: null,
        mergedCells: 2,
        validatedCells: 0,
      });
  });

  it("measures a cell's text as Excel counts characters: entities, CDATA, rich runs, not phonetics", () => {
    const x = (n: number) => "x".repeat(n);
    const max = MAX_CELL_CHARACTERS;
    const cases: [string, boolean][] = [
      [`<t>${x(max)}</t>`, false],
      [`<t>${x(max + 1)}</t>`, true],
      [`<t>${"张".repeat(max)}</t>`, false],
      [`<t>${x(max - 1)}&amp;</t>`, false],
      [`<t>${x(max)}&lt;</t>`, true],
      [`<t>${x(max - 2)}<![CDATA[a]]></t>`, false],
      [`<t>${x(max - 2)}<![CDATA[a]b]]></t>`, true],
      // A character outside the BMP is two UTF-16 code units, written or as an entity.
      [`<t>${x(max - 2)}😀</t>`, false],
      [`<t>${x(max - 1)}😀</t>`, true],
      [`<t>${x(max - 1)}&#x1F600;</t>`, true],
      [
        `<r><t>${x(20000)}</t></r><r><t xml:space="preserve">${x(max - 20000)}</t></r><rPh sb="0" eb="1"><t>${x(50)}</t></rPh>`,
        false,
      ],
      [`<r><t>${x(20000)}</t></r><r><t>${x(max - 19999)}</t></r>`, true],
    ];
    for (const [inner, long] of cases)
      for (const n of CHUNKS) {
        const r = scan(sheet(`<row r="3">${inline("C3", inner)}</row>`), "sheet", n).result;
        expect([inner.slice(0, 30), n, r.longCell]).toEqual([
          inner.slice(0, 30),
          n,
          long ? { row: 3, column: 3 } : null,
        ]);
      }
    // A number or a formula's result is text too; the formula is not.
    const v = scan(
      sheet(
        `<row r="1"><c r="A1" t="str"><f>${x(40000)}</f><v>1</v></c><c r="B1"><v>${x(max + 1)}</v></c></row>`
      ),
      "sheet",
      4096
    );
    expect(v.result.longCell).toEqual({ row: 1, column: 2 });
  });

  it("finds shared strings over the limit, and the first cell that uses one", () => {
    const sst =
      `<sst count="4"><si><t>${"x".repeat(MAX_CELL_CHARACTERS)}</t></si>` +
      `<si><r><t>${"x".repeat(30000)}</t></r><r><t>${"y".repeat(3000)}</t></r></si><si/>` +
      `<si><t>短</t><rPh><t>${"z".repeat(40000)}</t></rPh></si><si><t>${"&amp;".repeat(40000)}</t></si></sst>`;
    for (const n of CHUNKS) expect(scan(sst, "sharedStrings", n).longStrings).toEqual([1, 4]);
    const xml = sheet(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>` +
        `<row r="2"><c r="A2" t="s"><v>2</v></c><c r="C2" t="s"><v>1</v></c></row>`
    );
    for (const n of CHUNKS)
      expect(scan(xml, "sheet", n, new Set([1, 4])).result.usesShared).toEqual({
        row: 2,
        column: 3,
      });
  });

  it("notes the first row or cell beyond Excel's last row or column", () => {
    expect(
      scan(sheet(`<row r="1048576"><c r="XFD1048576"/></row>`), "sheet", 7).result.outOfRange
    ).toBeNull();
    expect(scan(sheet(`<row r="1048577"/>`), "sheet", 7).result.outOfRange).toEqual({
      row: 1048577,
      column: 0,
    });
    expect(scan(sheet(`<row r="5"><c r="XFE5"/></row>`), "sheet", 7).result.outOfRange).toEqual({
      row: 5,
      column: 16385,
    });
    expect(
      scan(sheet(`<row r="5"><c r="A99999999999"/></row>`), "sheet", 7).result.outOfRange
    ).toEqual({ row: 99999999999, column: 1 });
  });

  it("counts the cells of merged ranges and data validations, which exceljs makes one by one", () => {
    const xml =
      `<worksheet><cols><col min="1" max="3" width="9"/></cols>` +
      `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
      `<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B5:C104"/></mergeCells>` +
      `<dataValidations count="1"><dataValidation type="list" sqref="D1:D1048576 F2"><formula1>"男,女"</formula1></dataValidation></dataValidations>` +
      `</worksheet>`;
    for (const n of CHUNKS)
      expect(scan(xml, "sheet", n).result).toMatchObject({
        cells: 1,
        mergedCells: 3 + 200,
        validatedCells: 1048576 + 1,
        maxRow: 104,
        maxColumn: 3,
        outOfRange: null,
      });
    const far = `<worksheet><sheetData/><mergeCells><mergeCell ref="A1:A1048577"/></mergeCells></worksheet>`;
    expect(scan(far, "sheet", 5).result.outOfRange).toEqual({ row: 1048577, column: 1 });
    const cols = `<worksheet><cols><col min="2" max="99999999"/></cols><sheetData/></worksheet>`;
    expect(scan(cols, "sheet", 5).result.outOfRange).toEqual({ row: 0, column: 99999999 });
  });
});

describe("cell references", () => {
  it("decodes A1 references and names columns", () => {
    expect(decodeRef("B3")).toEqual({ row: 3, column: 2 });
    expect(decodeRef("$XFD$1048576")).toEqual({ row: 1048576, column: 16384 });
    expect(decodeRef("3B")).toBeNull();
    expect([1, 26, 27, 702, 703, 16384].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
    expect([0, 3, 16384, 16385].map(cellColumn)).toEqual([undefined, "C", "XFD", "16385"]);
  });
});

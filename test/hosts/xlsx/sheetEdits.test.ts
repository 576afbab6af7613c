/**
 * Cells set in a worksheet's XML as it streams past: replaced in their row, put among its cells in
 * column order, new rows in row order; whatever the pieces the XML comes in, with or without a
 * namespace prefix, rows and cells with or without their r attribute.
 */
import { mergeRow, withEdits, type RowEdit } from "../../../src/hosts/exceljs/docs/sheetEdits";

const cell =
  (text: string) =>
  (ref: string, s: number | undefined): string =>
    `<c r="${ref}"${s ? ` s="${s}"` : ""} t="inlineStr"><is><t>${text}</t></is></c>`;

async function run(xml: string, rows: RowEdit[], pieceSize: number): Promise<string> {
  async function* pieces() {
    for (let i = 0; i < xml.length; i += pieceSize) yield xml.slice(i, i + pieceSize);
  }
  let out = "";
  for await (const p of withEdits(pieces(), { rows, dimension: "A1:D9" })) out += p;
  return out;
}

const SHEET = (p: string, rows: string) =>
  `<?xml version="1.0"?><${p}worksheet xmlns${p ? ":" + p.slice(0, -1) : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}dimension ref="A1:B2"/><${p}sheetData>${rows}</${p}sheetData><${p}pageMargins left="0.7"/></${p}worksheet>`;

describe("withEdits", () => {
  const rows =
    '<row r="1" spans="1:2"><c r="A1" s="3"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="3"><c r="A3"><v>5</v></c></row>';
  const edits: RowEdit[] = [
    {
      row: 1,
      cells: [
        { column: 2, xml: cell("b") },
        { column: 1, xml: cell("a") },
      ],
    },
    { row: 2, cells: [{ column: 4, xml: cell("new") }] },
    { row: 5, cells: [{ column: 1, xml: cell("last") }] },
  ];
  const expected = (p: string) =>
    SHEET(
      p,
      `<${p}row r="1"><${p}c r="A1" s="3" t="inlineStr"><${p}is><${p}t>a</${p}t></${p}is></${p}c><${p}c r="B1" t="inlineStr"><${p}is><${p}t>b</${p}t></${p}is></${p}c><${p}c r="C1"><${p}v>3</${p}v></${p}c></${p}row>` +
        `<${p}row r="2"><${p}c r="D2" t="inlineStr"><${p}is><${p}t>new</${p}t></${p}is></${p}c></${p}row>` +
        `<${p}row r="3"><${p}c r="A3"><${p}v>5</${p}v></${p}c></${p}row>` +
        `<${p}row r="5"><${p}c r="A5" t="inlineStr"><${p}is><${p}t>last</${p}t></${p}is></${p}c></${p}row>`
    ).replace('ref="A1:B2"', 'ref="A1:D9"');

  it.each([1, 7, 64, 100000])(
    "sets cells and adds rows in order, the XML in pieces of %i",
    async (size) => {
      expect(await run(SHEET("", rows), edits, size)).toBe(expected(""));
    }
  );

  it("writes the cells with the part's namespace prefix", async () => {
    const prefixed = rows.replace(/<(\/?)(row|c|v)(?=[\s>/])/g, "<$1x:$2");
    expect(await run(SHEET("x:", prefixed), edits, 13)).toBe(expected("x:"));
  });

  it("fills an empty sheetData", async () => {
    const out = await run(
      SHEET("", "").replace("<sheetData></sheetData>", "<sheetData/>"),
      [edits[2]],
      5
    );
    expect(out).toContain(
      '<sheetData><row r="5"><c r="A5" t="inlineStr"><is><t>last</t></is></c></row></sheetData>'
    );
  });
});

describe("mergeRow", () => {
  it("counts cells without r from the one before, and fills a self-closed row", () => {
    const merged = mergeRow('<row r="4"><c><v>1</v></c><c/><c r="E4"><v>5</v></c></row>', "", {
      row: 4,
      cells: [
        { column: 2, xml: cell("b") },
        { column: 4, xml: cell("d") },
      ],
    });
    expect(merged).toBe(
      '<row r="4"><c><v>1</v></c><c r="B4" t="inlineStr"><is><t>b</t></is></c><c r="D4" t="inlineStr"><is><t>d</t></is></c><c r="E4"><v>5</v></c></row>'
    );
    expect(
      mergeRow('<row r="2" spans="1:1"/>', "", { row: 2, cells: [{ column: 1, xml: cell("a") }] })
    ).toBe('<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c></row>');
  });

  it("gives a new cell the style of a row formatted as a whole, and a held cell its own", () => {
    const row = '<row r="6" s="7" customFormat="1"><c r="B6" s="2"/></row>';
    expect(
      mergeRow(row, "", {
        row: 6,
        cells: [
          { column: 1, xml: cell("a") },
          { column: 2, xml: cell("b") },
        ],
      })
    ).toBe(
      '<row r="6" s="7" customFormat="1"><c r="A6" s="7" t="inlineStr"><is><t>a</t></is></c><c r="B6" s="2" t="inlineStr"><is><t>b</t></is></c></row>'
    );
    // s without customFormat is no format of the row's cells.
    expect(
      mergeRow('<row r="6" s="7"/>', "", { row: 6, cells: [{ column: 1, xml: cell("a") }] })
    ).toBe('<row r="6" s="7"><c r="A6" t="inlineStr"><is><t>a</t></is></c></row>');
  });
});

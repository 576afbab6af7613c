import { isWellFormed } from "../../../src/hosts/exceljs/xlsx/wellFormed";

async function* pieces(text: string, size = 7): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
const rules = { sharedStrings: 2, styles: 3, relIds: new Set(["rId1"]) };
const sheet = (data: string) =>
  `<?xml version="1.0"?><worksheet xmlns="x"><cols><col min="1" max="1" style="2"/></cols><sheetData>${data}</sheetData></worksheet>`;

describe("isWellFormed: a part copied as stored must open", () => {
  it("takes well-formed XML given in pieces, whatever the cuts", async () => {
    expect(await isWellFormed(pieces('<?xml version="1.0"?><a b="1"><c>张三&amp;</c></a>'))).toBe(
      true
    );
    expect(
      await isWellFormed(
        pieces(sheet('<row r="1"><c r="A1" t="s" s="2"><v>1</v></c></row>')),
        rules
      )
    ).toBe(true);
  });

  it("refuses what no XML reader reads", async () => {
    for (const bad of [
      '<?xml version="0"?><a/>',
      '<a x="1" x="2"/>',
      "<a><b></a>",
      "<a>",
      "<a>&nosuch;</a>",
    ])
      expect([bad, await isWellFormed(pieces(bad))]).toEqual([bad, false]);
  });

  it("refuses a worksheet whose cells are out of place or name what is not there", async () => {
    for (const bad of [
      '<c r="A1"><v>1</v></c>',
      '<row r="1"><row r="2"/></row>',
      '<row r="0"><c r="A1"><v>1</v></c></row>',
      '<row r="1"><c r="0"><v>1</v></c></row>',
      '<row r="1"><c r="XFE1"><v>1</v></c></row>',
      '<row r="1"><c r="A1" t="s"><v>2</v></c></row>',
      '<row r="1"><c r="A1" t="s"><v>-1</v></c></row>',
      '<row r="1"><c r="A1" s="3"><v>1</v></c></row>',
      '</sheetData><legacyDrawing r:id="rId2"/><sheetData>',
    ])
      expect([bad, await isWellFormed(pieces(sheet(bad)), rules)]).toEqual([bad, false]);
    expect(
      await isWellFormed(
        pieces(sheet("").replace("</worksheet>", '<legacyDrawing r:id="rId1"/></worksheet>')),
        rules
      )
    ).toBe(true);
    // Empty cells written as <c/> close themselves.
    expect(
      await isWellFormed(
        pieces(sheet('<row r="1"><c r="A1"/><c r="B1"><v>1</v></c></row><row r="2"/>')),
        rules
      )
    ).toBe(true);
    // Style 0 is always there, even in a workbook without styles.
    expect(
      await isWellFormed(
        pieces(sheet('<row r="1" s="0"><c r="A1" s="0"/></row>').replace(' style="2"', "")),
        { sharedStrings: 0, styles: 0, relIds: new Set<string>() }
      )
    ).toBe(true);
  });
});

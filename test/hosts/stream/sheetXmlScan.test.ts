import { SheetXmlScanner, decodeRange } from "../../../src/hosts/exceljs/stream/sheetXmlScan";

const XML =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<dimension ref="A1:C40"/><cols><col min="1" max="1" width="40.5" customWidth="1"/>' +
  '<col min="2" max="4" width="12" hidden="1"/></cols><sheetData>' +
  Array.from(
    { length: 40 },
    (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>成员 mergeCell &lt;mergeCell ref="Z9:Z10"/&gt; ${i}</t></is></c></row>`
  ).join("") +
  '</sheetData><mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="$B$5:B9"/>' +
  "<mergeCell ref='D2:E3'/></mergeCells><pageMargins left=\"0.7\"/></worksheet>";

function scanInChunks(xml: Buffer, size: number, offset = 0) {
  const s = new SheetXmlScanner();
  let at = 0;
  const first = offset > 0 ? offset : size;
  s.feed(xml.subarray(0, first));
  at = first;
  for (; at < xml.length; at += size) s.feed(xml.subarray(at, at + size));
  return s.end();
}

describe("SheetXmlScanner: widths and merges from a sheet's bytes, in any chunks", () => {
  const bytes = Buffer.from(XML, "utf8");
  const want = {
    columns: [
      { min: 1, max: 1, width: 40.5, hidden: false },
      { min: 2, max: 4, width: 12, hidden: true },
    ],
    merges: [
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 5, left: 2, bottom: 9, right: 2 },
      { top: 2, left: 4, bottom: 3, right: 5 },
    ],
  };

  it("finds them in one chunk; escaped text in cells is not a tag", () => {
    expect(scanInChunks(bytes, bytes.length)).toEqual(want);
  });

  it("finds them whatever the chunk size and wherever a chunk ends", () => {
    for (const size of [1, 2, 3, 7, 16, 17, 64, 1000]) {
      for (let offset = 0; offset < 20; offset++)
        expect([size, offset, scanInChunks(bytes, size, offset)]).toEqual([size, offset, want]);
    }
  });

  it("reads prefixed SpreadsheetML and a sheet without data", () => {
    const s = new SheetXmlScanner();
    s.feed(
      Buffer.from(
        '<x:worksheet><x:cols><x:col min="3" max="3" width="9"/></x:cols><x:sheetData/>' +
          '<x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>'
      )
    );
    expect(s.end()).toEqual({
      columns: [{ min: 3, max: 3, width: 9, hidden: false }],
      merges: [{ top: 1, left: 1, bottom: 1, right: 2 }],
    });
  });

  it("decodes ranges", () => {
    expect(decodeRange("AA10:AB12")).toEqual({ top: 10, left: 27, bottom: 12, right: 28 });
    expect(decodeRange("C3")).toEqual({ top: 3, left: 3, bottom: 3, right: 3 });
    expect(decodeRange("nonsense")).toBeNull();
  });
});

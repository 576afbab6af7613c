import ExcelJS from "exceljs";
import { nodeCodec } from "../../../src/hosts/exceljs/node/nodeCodec";
import { bytesSource } from "../../../src/hosts/exceljs/zip/byteSource";
import { ZipReader } from "../../../src/hosts/exceljs/zip/zipReader";
import { WorkbookPackage } from "../../../src/hosts/exceljs/xlsx/workbookPackage";
import { mergedRanges } from "../../../src/hosts/exceljs/xlsx/sheetReader";
import type { RawRow } from "../../../src/core/types";

const limits = { file: "t.xlsx", maxEntries: 1000, maxUncompressedBytes: 1e9 };

async function open(bytes: Uint8Array): Promise<WorkbookPackage> {
  const zip = await ZipReader.open(bytesSource(bytes), nodeCodec, limits);
  return WorkbookPackage.open(zip, "t.xlsx");
}

async function rowsOf(pkg: WorkbookPackage, name: string, tail = false) {
  const sheet = pkg.worksheets.find((s) => s.name === name)!;
  const { rows, frame } = await pkg.readRows(sheet, { tail });
  const out: RawRow[] = [];
  for await (const r of rows) out.push(r);
  return { rows: out, frame };
}

/** A sheet's rows as exceljs reads them: formulas by their result, rich text joined, errors as text. */
function exceljsRows(ws: ExcelJS.Worksheet): RawRow[] {
  const out: RawRow[] = [];
  ws.eachRow((row, n) => {
    const values: unknown[] = [];
    row.eachCell((cell, c) => {
      const v = cell.value as unknown;
      values[c - 1] =
        v && typeof v === "object" && !(v instanceof Date)
          ? "richText" in v
            ? (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("")
            : "error" in v
              ? (v as ExcelJS.CellErrorValue).error
              : "result" in v
                ? (v as ExcelJS.CellFormulaValue).result
                : null
          : v;
    });
    out.push({
      rowNumber: n,
      values: Array.from(values, (x) => (x === undefined ? null : x)) as RawRow["values"],
    });
  });
  return out;
}

const trim = (r: RawRow) => {
  const v = [...r.values];
  while (v.length && v[v.length - 1] === null) v.pop();
  return v;
};

describe("the package reader", () => {
  it("reads values as the full load does: text, numbers, dates, booleans, rich text, formulas, errors", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名册");
    ws.addRow(["姓名", "出生日期", "身份证号", "党员", "备注", "合计"]);
    ws.addRow([
      "张三",
      new Date(Date.UTC(1965, 2, 12)),
      "110105196503120011",
      true,
      "a & b <c>",
      5,
    ]);
    ws.getCell("E2").value = { richText: [{ text: "富" }, { text: "文本", font: { bold: true } }] };
    ws.getCell("F2").value = { formula: "1+4", result: 5 };
    ws.getCell("F3").value = { error: "#N/A" };
    ws.getCell("A5").value = "  spaced  ";
    ws.getCell("C5").value = 42.5;
    ws.getCell("D5").value = false;
    ws.getCell("B6").numFmt = "yyyy-mm-dd";
    ws.getCell("B6").value = 23814;
    wb.addWorksheet("空表");
    const pkg = await open(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(pkg.sheets.map((s) => s.name)).toEqual(["名册", "空表"]);
    const { rows } = await rowsOf(pkg, "名册");
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const full = exceljsRows(back.getWorksheet("名册")!);
    expect(rows.map((r) => [r.rowNumber, trim(r)])).toEqual(
      full.map((r) => [r.rowNumber, trim(r)])
    );
    expect(rows[1].values[4]).toBe("富文本");
    expect((await rowsOf(pkg, "空表")).rows).toEqual([]);
  });

  it("reads inline strings, the x: prefix, rows and cells without r, merged ranges", async () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>甲</x:t><x:rPh><x:t>jia</x:t></x:rPh></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row>
<x:row r="4"><x:c r="C4" t="inlineStr"><x:is><x:r><x:t xml:space="preserve">a </x:t></x:r><x:r><x:t>b_x000D_c</x:t></x:r></x:is></x:c></x:row>
<x:row/></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B2"/></x:mergeCells></x:worksheet>`;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S");
    const zipBytes = new Uint8Array(await wb.xlsx.writeBuffer());
    // Replace the sheet's XML in the zip written by exceljs.
    const JSZip = (await import("jszip")).default;
    const z = await JSZip.loadAsync(zipBytes);
    z.file("xl/worksheets/sheet1.xml", sheet);
    const pkg = await open(await z.generateAsync({ type: "uint8array" }));
    const { rows, frame } = await rowsOf(pkg, "S", true);
    expect(rows.map((r) => [r.rowNumber, trim(r)])).toEqual([
      [1, ["甲", 7]],
      [4, [null, null, "a b\rc"]],
      [5, []],
    ]);
    expect(mergedRanges(frame)).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
  });
});

/**
 * The streaming path (workbooks over 6 MB; here every workbook, streamAboveBytes: 0) against what
 * fuzzing found: limits checked before the memory is spent, clear errors naming where, no raw
 * parser text, no hang.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, promises as fs, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { convertFile } from "../../../src/hosts/exceljs/convertFile";

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-stream-limits-"));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function workbook(name: string, fill: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet("名册");
  reg.addRow(["姓名", "性别", "公民身份号码"]);
  reg.addRow(["张三", "男", "110105194912310029"]);
  fill(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Rewrites one part of a zip in place. */
async function rewritePart(
  file: string,
  part: string,
  edit: (xml: string) => string
): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const xml = await zip.file(part)!.async("string");
  const edited = edit(xml);
  expect(edited).not.toBe(xml);
  zip.file(part, edited);
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

const convert = (input: string) =>
  convertFile(input, {
    output: path.join(dir, `out-${path.basename(input)}`),
    locale: "zh-CN",
    streamAboveBytes: 0,
  });

describe("streaming path: limits and damaged files", () => {
  it("a single cell at row 1,048,576 of another sheet: carried over, in well under a minute", async () => {
    const file = await workbook("row-bomb.xlsx", (wb) => {
      wb.addWorksheet("其他").getCell("A1048576").value = "最后一行";
    });
    const t = Date.now();
    const o = await convert(file);
    expect(Date.now() - t).toBeLessThan(30_000);
    expect(o.status).not.toBe("failed");
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(o.output!);
    expect(out.getWorksheet("其他")!.getCell("A1048576").value).toBe("最后一行");
  });

  it.each([
    ["the registry", "名册", "B3"],
    ["another sheet", "其他", "C7"],
  ])(
    "a cell over 32,767 characters in %s: cell-too-long, naming the sheet, row and column",
    async (_, sheet, cell) => {
      const file = await workbook(`long-${sheet}.xlsx`, (wb) => {
        const ws = wb.getWorksheet(sheet) ?? wb.addWorksheet(sheet);
        ws.getCell(cell).value = "长".repeat(32_768);
      });
      const o = await convert(file);
      expect(o.status).toBe("failed");
      expect(o.error!.code).toBe("cell-too-long");
      const [, row] = /^[A-Z]+(\d+)$/.exec(cell)!;
      expect(o.error!.message).toContain(`工作表“${sheet}”`);
      expect(o.error!.message).toContain(`第 ${row} 行 ${cell[0]} 列`);
      expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    }
  );

  it("a merged range of 24 million cells in a small file: refused before it is built", async () => {
    // Written as XML: exceljs itself would build the 24 million cells of the range.
    const file = await workbook("merge-bomb.xlsx", (wb) => {
      wb.addWorksheet("其他").getCell("A1").value = "x";
    });
    await rewritePart(file, "xl/worksheets/sheet2.xml", (xml) =>
      xml.replace(
        "</sheetData>",
        '</sheetData><mergeCells count="1"><mergeCell ref="A1:W1048576"/></mergeCells>'
      )
    );
    expect((await fs.stat(file)).size).toBeLessThan(100_000);
    const o = await convert(file);
    expect(o.error?.code).toBe("too-many-cells-to-load");
    expect(o.error!.message).toContain("merge-bomb.xlsx");
    expect(o.error!.message).toContain("其他");
  });

  it("a damaged shared-strings part: corrupt-workbook in plain words, not the parser's", async () => {
    const file = await workbook("damaged.xlsx", () => undefined);
    await rewritePart(file, "xl/sharedStrings.xml", (xml) => xml.replace("</sst>", "</si></sst>"));
    const o = await convert(file);
    expect(o.status).toBe("failed");
    expect(o.error!.code).toBe("corrupt-workbook");
    expect(o.error!.message).toContain("damaged.xlsx");
    expect(o.error!.message).not.toMatch(/closing tag|undefined|Error|sst/);
  });
});

/**
 * The one pipeline against what fuzzing found: limits checked before the memory or the time is
 * spent, clear errors naming where, no raw parser text, no hang, no temp file left. (Was: the same
 * of the streaming path, forced with streamAboveBytes: 0.)
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileErrorMessage } from "../../../src/core/fileErrors";
import { type FileOutcome, convertFile } from "../../../src/hosts/exceljs";
import { makeDir, readBack, tempFilesIn } from "./helpers";

const dir = makeDir("limits");
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** A failed outcome's error as the user reads it (the outcome carries it as data). */
const said = (o: FileOutcome) => (o.error ? fileErrorMessage(o.error, "zh-CN") : "");

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
  convertFile(input, { output: path.join(dir, `out-${path.basename(input)}`), locale: "zh-CN" });

describe("convertFile: limits and damaged files", () => {
  it("a single cell at row 1,048,576 of another sheet: carried over, in well under a minute", async () => {
    const file = await workbook("row-bomb.xlsx", (wb) => {
      wb.addWorksheet("其他").getCell("A1048576").value = "最后一行";
    });
    const t = Date.now();
    const o = await convert(file);
    expect(Date.now() - t).toBeLessThan(30_000);
    expect(o.status).not.toBe("failed");
    const out = await readBack(o.output!);
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
      expect(said(o)).toContain(`工作表“${sheet}”`);
      expect(said(o)).toContain(`第 ${row} 行 ${cell[0]} 列`);
      expect(tempFilesIn(dir)).toEqual([]);
      await expect(fs.stat(path.join(dir, `out-long-${sheet}.xlsx`))).rejects.toThrow();
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
    const t = Date.now();
    const o = await convert(file);
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(o.error?.code).toBe("too-many-cells-to-load");
    expect(said(o)).toContain("merge-bomb.xlsx");
    expect(said(o)).toContain("其他");
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it.each([
    ["a stray closing tag", (xml: string) => xml.replace("</sst>", "</si></sst>")],
    // Cut short: the strings after 姓名, 性别, 公民身份号码 are lost (张三's row would read empty).
    ["cut short", (xml: string) => xml.slice(0, xml.indexOf("张") + 1)],
    // The last string left out: a cell points past the end of the table (the ID would read empty).
    [
      "a string missing",
      (xml: string) => xml.replace(/<si>(?:(?!<si>)[\s\S])*<\/si><\/sst>/, "</sst>"),
    ],
  ])(
    "a damaged shared-strings part (%s): corrupt-workbook in plain words, not the parser's, no output",
    async (damage, edit) => {
      const name = `damaged-${damage.replace(/ /g, "-")}.xlsx`;
      const file = await workbook(name, () => undefined);
      await rewritePart(file, "xl/sharedStrings.xml", edit);
      const o = await convert(file);
      expect(o.status).toBe("failed");
      expect(o.error?.code).toBe("corrupt-workbook");
      expect(said(o)).toContain(name);
      expect(said(o)).not.toMatch(/closing tag|undefined|Error|sst/);
      expect(tempFilesIn(dir)).toEqual([]);
      await expect(fs.stat(path.join(dir, `out-${name}`))).rejects.toThrow();
    }
  );
});

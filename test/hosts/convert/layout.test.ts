/**
 * The sheets of the output: their order, their states, a zip written by another tool, and a column
 * found only below the first rows. (Was: the same of the streaming path, convertStreaming.)
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import path from "node:path";
import { normalizeRegistry } from "../../../src/core/registry";
import { type ConvertOptions, convertFile } from "../../../src/hosts/exceljs";
import { AS_OF, makeDir, readBack, sheetValues } from "./helpers";

const base: ConvertOptions = { output: null, locale: "zh-CN", asOf: AS_OF };

describe("convertFile: the sheets of the output", () => {
  const dir = makeDir("layout");
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("re-converting an output replaces its 成员名册 and reports in place, in the tab order", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").getCell("A1").value = "说明";
    wb.addWorksheet("名册").addRows([
      ["姓名", "性别", "公民身份号码"],
      ["张三", "男", "11010519491231002X"],
    ]);
    wb.addWorksheet("附表").getCell("A1").value = "附表";
    const input = path.join(dir, "first.xlsx");
    await wb.xlsx.writeFile(input);
    const once = path.join(dir, "once.xlsx");
    const first = await convertFile(input, { ...base, output: once });
    expect(first.error).toBeNull();
    const order = (await readBack(once)).worksheets.map((w) => w.name);
    expect(order).toEqual(["说明", "成员名册", "附表", "校验报告", "变更记录"]);
    const twice = path.join(dir, "twice.xlsx");
    const o = await convertFile(once, { ...base, output: twice });
    expect(o.sheet).toBe("成员名册");
    expect(o.counts?.members).toBe(1);
    const back = await readBack(twice);
    expect(back.worksheets.map((w) => w.name)).toEqual(order);
    expect(back.getWorksheet("附表")!.getCell("A1").value).toBe("附表");
    expect(back.getWorksheet("成员名册")!.getCell("B2").value).toBe("张三");
  });

  it("follows the tab order where it differs from the order of the sheets in the zip", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("名册").addRows([
      ["姓名", "性别"],
      ["张三", "男"],
    ]);
    wb.addWorksheet("附表").getCell("A1").value = "附表";
    // Tabs 附表, 名册 while the zip holds sheet1.xml (名册) first, as after moving a tab in Excel.
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    const sheets = xml.match(/<sheet [^>]*\/>/g)!;
    expect(sheets).toHaveLength(2);
    zip.file("xl/workbook.xml", xml.replace(sheets[0] + sheets[1], sheets[1] + sheets[0]));
    const input = path.join(dir, "moved.xlsx");
    await fs.writeFile(input, await zip.generateAsync({ type: "nodebuffer" }));
    expect((await readBack(input)).worksheets.map((w) => w.name)).toEqual(["附表", "名册"]);
    const out = path.join(dir, "moved-out.xlsx");
    const o = await convertFile(input, { ...base, output: out });
    expect(o.error).toBeNull();
    expect(o.sheet).toBe("名册");
    const back = await readBack(out);
    expect(back.worksheets.map((w) => w.name)).toEqual([
      "附表",
      "成员名册",
      "校验报告",
      "变更记录",
    ]);
    expect(back.getWorksheet("附表")!.getCell("A1").value).toBe("附表");
  });

  it("reads every entry of a zip written by JSZip, every time", async () => {
    // exceljs's own loop over the zip (unzipper's streaming parser) ended early on such zips, at
    // random, and lost the shared strings or later sheets: the zip is read by its directory now.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("名册").addRows([
      ["姓名", "性别"],
      ["张三", "男"],
    ]);
    wb.addWorksheet("附表").getCell("A1").value = "附表";
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const input = path.join(dir, "jszip.xlsx");
    await fs.writeFile(input, await zip.generateAsync({ type: "nodebuffer" }));
    const out = path.join(dir, "jszip-out.xlsx");
    for (let i = 0; i < 20; i++) {
      const o = await convertFile(input, { ...base, output: out });
      expect([i, o.error, o.counts?.members]).toEqual([i, null, 1]);
      const back = await readBack(out);
      expect(back.getWorksheet("附表")!.getCell("A1").value).toBe("附表");
      expect(back.getWorksheet("成员名册")!.getCell("B2").value).toBe("张三");
    }
  });

  it("keeps a hidden sheet hidden", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("名册").addRows([
      ["姓名", "性别"],
      ["张三", "男"],
    ]);
    wb.addWorksheet("代码表", { state: "hidden" }).getCell("A1").value = "男";
    wb.addWorksheet("旧表", { state: "veryHidden" }).getCell("A1").value = "旧";
    const input = path.join(dir, "hidden.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "hidden-out.xlsx");
    const o = await convertFile(input, { ...base, output: out });
    expect(o.error).toBeNull();
    const back = await readBack(out);
    expect(back.getWorksheet("代码表")!.state).toBe("hidden");
    expect(back.getWorksheet("旧表")!.state).toBe("veryHidden");
    expect(back.getWorksheet("成员名册")!.state).toBe("visible");
  });

  it("data right of the header found only in later rows: kept, under a header naming its column", async () => {
    const rows: (string | null)[][] = [["姓名", "性别"]];
    for (let i = 0; i < 12; i++) rows.push([`成员${i}`, i % 2 ? "男" : "女"]);
    rows.push(["王五", "男", null, "多出的一列"]);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("名册").addRows(rows);
    const input = path.join(dir, "late.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "late-out.xlsx");
    const o = await convertFile(input, { ...base, output: out });
    const expected = normalizeRegistry(rows, { asOf: AS_OF });
    expect(o.counts).toEqual(expected.counts);
    expect(o.problems).toEqual(expected.problems);
    expect(expected.columns[23].header).toBe("(第D列)");
    const back = await readBack(out);
    const ws = back.getWorksheet("成员名册")!;
    expect(ws.getCell(14, 24).value).toBe("多出的一列");
    // The sheet is written once it is read whole: the header names the column found late (the
    // streaming path had written its header row before, and left that cell empty).
    expect(ws.getCell(1, 24).value).toBe("(第D列)");
    expect(JSON.stringify(sheetValues(back.getWorksheet("校验报告")!))).toContain("(第D列)");
  });
});

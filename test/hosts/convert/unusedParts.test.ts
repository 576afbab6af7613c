import ExcelJS from "exceljs";
import { mkdtempSync, promises as fs, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { convertFile } from "../../../src/hosts/exceljs";
import { readZipEntries } from "../../hosts/input/zipWriter";

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-ledger-unused-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function converted(sheets: Record<string, unknown[][]>): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  const input = path.join(dir, `${Object.keys(sheets).join("-")}.xlsx`);
  const output = path.join(dir, "out", path.basename(input));
  await wb.xlsx.writeFile(input);
  await fs.mkdir(path.dirname(output), { recursive: true });
  const outcome = await convertFile(input, { output, locale: "zh-CN" });
  expect(outcome.error).toBeNull();
  const entries = await readZipEntries(await fs.readFile(output));
  return new Map(entries.map((e) => [e.name, e.data!.toString("utf8")]));
}

const registry = [
  ["姓名", "性别", "身份证号"],
  ["张三", "男", "11010519491231002X"],
];

describe("parts no cell of the output uses", () => {
  it("the shared strings of a registry replaced, when no other sheet is kept, are left out", async () => {
    const parts = await converted({ 名册: registry });
    expect(parts.has("xl/sharedStrings.xml")).toBe(false);
    expect(parts.get("[Content_Types].xml")).not.toContain("sharedStrings");
    expect(parts.get("xl/_rels/workbook.xml.rels")).not.toContain("sharedStrings");
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(
      (await fs.readFile(path.join(dir, "out", "名册.xlsx"))) as unknown as ArrayBuffer
    );
    expect(back.getWorksheet("成员名册")!.getCell("B2").value).toBe("张三");
  });

  it("are kept while a sheet carried over may use them", async () => {
    const parts = await converted({ 名册: registry, 说明: [["本表每季度更新"]] });
    expect(parts.get("xl/sharedStrings.xml")).toContain("本表每季度更新");
  });
});

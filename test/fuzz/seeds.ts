import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { addMessySheet, messyCsv } from "../../scripts/samples/writeSamples";
import type { CellValue } from "../../src/core/types";
import { buildMessyRegistry } from "../fixtures/messyRegistry";

/** A real file the fuzzer starts from: generated (seeded, the same every run), never read from disk. */
export interface SeedFile {
  /** A short label for reports ("xlsx-messy", "csv-gb18030"…). */
  label: string;
  kind: "xlsx" | "csv";
  bytes: Buffer;
}

async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An old registry as exceljs writes it: title row, two-row header, merges, number formats, a notes sheet. */
async function messyXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const r = buildMessyRegistry(10, 101);
  addMessySheet(wb, "Sheet1", r.rows, r.merges);
  wb.addWorksheet("填表说明").addRows([
    ["本表由机关支部统战联络员填写。"],
    ["联系电话以本人手机为准。"],
  ]);
  return xlsxBytes(wb);
}

/** A registry in the 1904 date system beside a sheet of every other kind of cell exceljs writes. */
async function featureXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const r = buildMessyRegistry(10, 202);
  addMessySheet(wb, "名册", r.rows, r.merges);
  const other = wb.addWorksheet("其他");
  other.getCell("A1").value = { formula: "SUM(B1:B3)", result: 6 };
  other.getCell("B1").value = 1;
  other.getCell("B2").value = 2;
  other.getCell("B3").value = 3;
  other.getCell("A2").value = {
    richText: [{ text: "加粗", font: { bold: true } }, { text: "普通" }],
  };
  other.getCell("A3").value = { text: "链接", hyperlink: "https://example.org/" };
  other.getCell("A4").value = { error: "#N/A" };
  other.getCell("A5").value = true;
  other.getCell("A6").value = new Date(Date.UTC(2008, 4, 12));
  other.getCell("A7").value = { formula: 'CONCATENATE("张","三")', result: "张三" };
  other.getCell("C1").note = "批注：核对身份证号";
  other.mergeCells("D1:E3");
  other.getCell("D1").value = "合并";
  other.getCell("F1").dataValidation = {
    type: "list",
    allowBlank: true,
    formulae: ['"男,女"'],
  };
  return xlsxBytes(wb);
}

/** A small clean registry: few entries and little data, so that mutations hit the structure often. */
async function plainXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("成员");
  ws.addRows([
    ["姓名", "性别", "身份证号", "出生年月", "党派", "联系电话"],
    ["张三", "男", "11010519491231002X", "1949.12", "民盟", "13812345678"],
    ["李四", "女", "110105194912310045", "1949-12-31", "九三", "138-1234-5678"],
    ["王五", "男", "370725881105149", 23813, "无党派", 13912345678],
  ]);
  return xlsxBytes(wb);
}

function csvField(v: CellValue): string {
  if (v === null) return "";
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvText(rows: readonly (readonly CellValue[])[], separator: string, eol: string): string {
  return rows.map((r) => r.map(csvField).join(separator)).join(eol) + eol;
}

const QUOTED_ROWS: CellValue[][] = [
  ["序号", "姓名", "性别", "身份证号", "出生年月", "党派", "备注"],
  [1, "张三", "男", "11010519491231002X", "1949.12", "民盟", "住址：北京市，西城区"],
  [2, "李四", "女", "110105194912310045", "1949年12月", "九三", '绰号"小李"'],
  [3, "王　五", "男", "１１０１０５１９４９１２３１００２Ｘ", "49.12", "民革", "第一行\r\n第二行"],
  [4, " 赵六 ", "女", "370725881105149", "1988-11-05", "中共党员", "=1+1"],
];

/** Every seed file, in a fixed order: a case names its seed by index. */
export async function makeSeedFiles(): Promise<SeedFile[]> {
  const csvRegistry = buildMessyRegistry(10, 303);
  return [
    { label: "xlsx-messy", kind: "xlsx", bytes: await messyXlsx() },
    { label: "xlsx-features", kind: "xlsx", bytes: await featureXlsx() },
    { label: "xlsx-plain", kind: "xlsx", bytes: await plainXlsx() },
    { label: "csv-gb18030", kind: "csv", bytes: messyCsv(csvRegistry.rows) },
    {
      label: "csv-utf8-bom",
      kind: "csv",
      bytes: Buffer.from("\uFEFF" + csvText(QUOTED_ROWS, ",", "\r\n"), "utf8"),
    },
    {
      label: "csv-utf8-semicolon",
      kind: "csv",
      bytes: Buffer.from("sep=;\n" + csvText(QUOTED_ROWS, ";", "\n"), "utf8"),
    },
    {
      label: "csv-gbk-tab",
      kind: "csv",
      bytes: iconv.encode(csvText(QUOTED_ROWS, "\t", "\n"), "gbk"),
    },
  ];
}

/**
 * A branch's ledger workbook: a cover, the registry (registryFixture's rows, any number of them)
 * and a meeting log with formulas, written with exceljs's streaming writer (little memory at any
 * size). Everything Excel users put around a registry is here, for the conversion to carry over:
 * values and shared strings, formulas (one shared over a column), styles, merges, column widths,
 * row heights, frozen panes, data validations, notes, defined names and a print area.
 */
import ExcelJS from "exceljs";
import { FIELDS } from "../../../src/core/schema";
import { registryRows } from "../stream/registryFixture";
import { writeRows } from "./helpers";

export const COVER = "封面";
export const LOG = "例会台账";
export const REGISTRY = "名册";

/** exceljs's sheet with its data validations, which its types leave out. */
type Validating = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

const thin = { style: "thin" as const, color: { argb: "FF808080" } };
const box = { top: thin, left: thin, bottom: thin, right: thin };

/** The meetings of the log: date, name, attended, expected. */
export const MEETINGS: [Date, string, number, number][] = [
  [new Date(Date.UTC(2025, 0, 15)), "一季度例会", 18, 20],
  [new Date(Date.UTC(2025, 3, 16)), "二季度例会", 17, 20],
  [new Date(Date.UTC(2025, 6, 15)), "三季度例会", 20, 21],
  [new Date(Date.UTC(2025, 9, 14)), "四季度例会", 19, 21],
  [new Date(Date.UTC(2025, 11, 30)), "年终总结会", 21, 21],
];

function writeCover(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const ws = wb.addWorksheet(COVER);
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 30;
  ws.mergeCells("A1:E1");
  const title = ws.getCell("A1");
  title.value = "××公司统战工作台账";
  title.font = { bold: true, size: 18, color: { argb: "FFC00000" } };
  title.alignment = { horizontal: "center", vertical: "middle" };
  title.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  ws.getRow(1).height = 32;
  ws.getCell("A3").value = "填报单位";
  ws.getCell("B3").value = "××公司党委统战办";
  ws.getCell("B3").note = "以营业执照上的名称为准";
  ws.getCell("A4").value = "更新日期";
  ws.getCell("B4").value = new Date(Date.UTC(2025, 11, 31));
  ws.getCell("B4").numFmt = "yyyy年m月d日";
  for (let r = 1; r <= 4; r++) ws.getRow(r).commit();
  ws.commit();
}

function writeLog(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const ws = wb.addWorksheet(LOG, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 24;
  ws.pageSetup.printArea = "A1:E7";
  const header = ws.getRow(1);
  header.height = 24;
  ["日期", "会议名称", "参会人数", "应到人数", "出席率"].forEach((h, c) => {
    const cell = header.getCell(c + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.border = box;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  });
  header.commit();
  const last = MEETINGS.length + 1;
  MEETINGS.forEach(([date, name, came, due], i) => {
    const r = i + 2;
    const row = ws.getRow(r);
    row.getCell(1).value = date;
    row.getCell(1).numFmt = "yyyy年m月d日";
    row.getCell(2).value = name;
    row.getCell(3).value = came;
    row.getCell(4).value = due;
    // One formula shared down the column, as Excel writes a filled-down formula.
    row.getCell(5).value = (
      r === 2
        ? { formula: "C2/D2", shareType: "shared", ref: `E2:E${last}`, result: came / due }
        : { sharedFormula: "E2", result: came / due }
    ) as ExcelJS.CellValue;
    row.getCell(5).numFmt = "0.0%";
    row.getCell(5).border = box;
    if (r === 2) row.getCell(2).note = "由书记主持";
    row.commit();
  });
  const total = ws.getRow(last + 1);
  total.getCell(2).value = "合计";
  const sum = (c: string, k: 2 | 3) => ({
    formula: `SUM(${c}2:${c}${last})`,
    result: MEETINGS.reduce((s, m) => s + m[k], 0),
  });
  total.getCell(3).value = sum("C", 2);
  total.getCell(4).value = sum("D", 3);
  total.getCell(3).font = { bold: true };
  total.commit();
  ws.mergeCells(`A${last + 3}:E${last + 3}`);
  ws.getCell(`A${last + 3}`).value = "说明：出席率按应到人数计";
  ws.getRow(last + 3).commit();
  const validations = (ws as Validating).dataValidations;
  validations.add("C2:D100", {
    type: "whole",
    operator: "greaterThanOrEqual",
    formulae: [0],
    allowBlank: true,
    showErrorMessage: true,
    error: "请填写人数",
  });
  validations.add("B2:B100", {
    type: "list",
    formulae: ['"一季度例会,二季度例会,三季度例会,四季度例会,年终总结会"'],
    allowBlank: true,
  });
  ws.commit();
}

/** Writes the ledger workbook: 封面, 名册 (`members` members), 例会台账, and the defined names. */
export async function writeLedgerWorkbook(file: string, members: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  writeCover(wb);
  const ws = wb.addWorksheet(REGISTRY);
  FIELDS.forEach((f, i) => (ws.getColumn(i + 1).width = f.width));
  ws.mergeCells(1, 1, 1, FIELDS.length);
  writeRows(ws, registryRows(members, 42, true));
  ws.commit();
  writeLog(wb);
  wb.definedNames.add(`${COVER}!$B$3`, "填报单位");
  wb.definedNames.add(`${LOG}!$A$1:$E$${MEETINGS.length + 2}`, "例会记录");
  // A name on the registry, which the conversion replaces: it cannot stay pointing at a sheet that is gone.
  wb.definedNames.add(`${REGISTRY}!$B$3:$B$10`, "名单");
  await wb.commit();
}

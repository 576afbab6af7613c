import type ExcelJS from "exceljs";
import type { SheetPlan } from "../../core/plan";
import type { ReportSheet } from "../../core/report";
import { columnLetter } from "../../core/a1";
import type { CellValue } from "../../core/types";
import { MARK_FILL, styleHeaderRow } from "./styles";

/** What exceljs has but does not declare: the tab order and the data validations of a sheet. */
type Sheet = ExcelJS.Worksheet & {
  orderNo: number;
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
};
const sheet = (ws: ExcelJS.Worksheet) => ws as Sheet;

const DATE_FORMAT = "yyyy-mm-dd";
const TEXT_FORMAT = "@";

export function orderOf(ws: ExcelJS.Worksheet): number {
  return sheet(ws).orderNo;
}

/** Adds a sheet at a place in the tab order (orderNo), replacing any sheet of that name. */
export function replaceSheet(
  wb: ExcelJS.Workbook,
  name: string,
  orderNo?: number
): ExcelJS.Worksheet {
  const old = wb.getWorksheet(name);
  const at = orderNo ?? (old ? orderOf(old) : undefined);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name);
  if (at !== undefined) {
    // Make room at `at`: every sheet from there on moves one place right.
    for (const other of wb.worksheets)
      if (other !== ws && orderOf(other) >= at) sheet(other).orderNo += 1;
    sheet(ws).orderNo = at;
  }
  return ws;
}

/**
 * The format of a cell whose value is not of its column's kind, so that it reads back as what it
 * is: a date left in a text column (ID number, phone) as a date, not its serial number; a number
 * left in a date column (an impossible date) as that number, not a day in 1900.
 */
export function formatOf(v: CellValue, columnFormat: string | undefined): string | undefined {
  if (v instanceof Date && columnFormat === TEXT_FORMAT) return DATE_FORMAT;
  if (typeof v === "number" && columnFormat === DATE_FORMAT) return "General";
  return undefined;
}

/** Writes the normalised registry and applies the engine's plan: formats, widths, drop-downs, marks and notes. */
export function writeRegistrySheet(
  ws: ExcelJS.Worksheet,
  plan: SheetPlan,
  rows: readonly CellValue[][]
): void {
  ws.columns = plan.columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  styleHeaderRow(ws.getRow(1));
  // Strings go in as string cells: text starting with = + - @ is never taken for a formula.
  for (const r of rows) {
    const row = ws.addRow(r as ExcelJS.CellValue[]);
    r.forEach((v, i) => {
      const numFmt = formatOf(v, plan.columns[i]?.numFmt);
      if (numFmt) row.getCell(i + 1).numFmt = numFmt;
    });
  }
  ws.views = [{ state: "frozen", ySplit: plan.freezeRows, xSplit: 2 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: plan.columns.length } };
  const lastRow = Math.max(2, rows.length + 1);
  plan.columns.forEach((c, i) => {
    if (!c.list) return;
    const letter = columnLetter(i + 1);
    sheet(ws).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: "list",
      allowBlank: true,
      formulae: [`"${c.list.join(",")}"`],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "不在代码表中",
      error: `请从下拉列表中选择${c.header}`,
    });
  });
  for (const m of plan.marks) {
    const cell = ws.getCell(m.row + 2, m.column + 1);
    cell.fill = MARK_FILL[m.severity];
    cell.note = m.note;
  }
}

/** Writes a report sheet (校验报告, 变更记录) made by the core. */
export function writeReportSheet(ws: ExcelJS.Worksheet, report: ReportSheet): void {
  for (const r of report.rows) ws.addRow(r as ExcelJS.CellValue[]);
  report.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const h of report.headerRows) styleHeaderRow(ws.getRow(h + 1));
  const firstHeader = report.headerRows[report.headerRows.length - 1] + 1;
  ws.views = [{ state: "frozen", ySplit: firstHeader }];
}

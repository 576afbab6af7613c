/**
 * The exceljs host's reading of the same sheet, for comparison: the sheet is written to .xlsx by
 * exceljs and read back (exceljs turns date-formatted numbers into Dates), then run through the
 * core as convertFile does.
 */
import ExcelJS from "exceljs";
import { normalizeRegistry } from "../../src/core/registry";
import type { Locale } from "../../src/core/types";
import { dateSystemOf, worksheetRows } from "../../src/hosts/exceljs/sheetRows";
import type { SheetInit } from "./fakeExcel";

export async function exceljsWorkbook(
  sheets: SheetInit[],
  date1904 = false
): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  for (const init of sheets) {
    const ws = wb.addWorksheet(init.name);
    init.values?.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined || v === "") return;
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = v as ExcelJS.CellValue;
        const f = init.formats?.[i]?.[j];
        if (f && f !== "General") cell.numFmt = f;
      })
    );
    for (const m of init.merges ?? []) ws.mergeCells(m);
  }
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back;
}

export async function exceljsResult(
  init: SheetInit,
  options: { asOf: Date; locale?: Locale; date1904?: boolean }
) {
  const wb = await exceljsWorkbook([init], options.date1904);
  return normalizeRegistry(worksheetRows(wb.getWorksheet(init.name)!), {
    dateSystem: dateSystemOf(wb),
    asOf: options.asOf,
    locale: options.locale ?? "zh-CN",
  });
}

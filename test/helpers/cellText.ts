import type ExcelJS from "exceljs";

/**
 * A cell's text as exceljs reads it. exceljs cannot give the text of a merged cell whose range
 * starts with an empty cell (MergeValue.toString fails; Excel, WPS and LibreOffice show it
 * empty): such a cell is read as "".
 */
export function cellText(c: ExcelJS.Cell): string {
  return c.isMerged && c.master.value == null ? "" : String(c.text);
}

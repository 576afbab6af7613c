import type ExcelJS from "exceljs";
import type { Severity } from "../../core/types";

export const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFD9E1F2" },
};
export const MARK_FILL: Record<Severity, ExcelJS.Fill> = {
  error: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } },
  warning: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } },
};
export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFB4B4B4" } },
  left: { style: "thin", color: { argb: "FFB4B4B4" } },
  bottom: { style: "thin", color: { argb: "FFB4B4B4" } },
  right: { style: "thin", color: { argb: "FFB4B4B4" } },
};

export function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
  });
}

import type ExcelJS from "exceljs";
import type { CellValue } from "../../../core/types";
import { styleHeaderRow } from "../styles";
import type { OutputWorkbook } from "./outputWorkbook";

/** A report sheet (校验报告, 变更记录) to write row by row: its top rows, then rows from a stream. */
export interface StreamedReport {
  name: string;
  /** Rows above the body, held in memory (the counts, the table header). */
  head: CellValue[][];
  /** 0-based indexes of header rows in head (styled; the last one is frozen with all above it). */
  headerRows: number[];
  widths: readonly number[];
  body: AsyncIterable<CellValue[]>;
}

const PLAIN: Partial<ExcelJS.Style> = {};
const PLAIN_DATE: Partial<ExcelJS.Style> = {};

/** How often (in rows) the writer checks for a write error, and lets the zip catch up. */
const CHECK_EVERY = 10_000;
const KEEP_UP_EVERY = 64;

/** Writes a report sheet as writeReportSheet does in memory, committing each row as it goes. */
export async function writeReportStreaming(
  out: OutputWorkbook,
  report: StreamedReport
): Promise<number> {
  const firstHeader = report.headerRows[report.headerRows.length - 1] + 1;
  const ws = out.addWorksheet(report.name, { views: [{ state: "frozen", ySplit: firstHeader }] });
  report.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  report.head.forEach((values, i) => {
    const row = ws.addRow(values as ExcelJS.CellValue[]);
    if (report.headerRows.includes(i)) styleHeaderRow(row);
    row.commit();
  });
  let n = 0;
  for await (const values of report.body) {
    const row = ws.addRow(values as ExcelJS.CellValue[]);
    // Shared (empty) styles: the writer finds a style by the object instead of rendering each
    // cell's; it remembers the id with the type of the first cell, so dates have their own.
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.style = cell.value instanceof Date ? PLAIN_DATE : PLAIN;
    });
    row.commit();
    if (++n % KEEP_UP_EVERY === 0) await out.keepUp(ws);
    if (n % CHECK_EVERY === 0) out.check();
  }
  ws.commit();
  return n;
}

import type ExcelJS from "exceljs";
import type { StreamedSheet } from "./readWorkbook";
import type { CellRange } from "./sheetXmlScan";
import type { OutputWorkbook } from "./outputWorkbook";
import { rangeSheet } from "../normalizeWorkbook";
import { columnLetter } from "../../../core/a1";
import { FileError } from "../fileError";
import { MAX_CELL_CHARACTERS } from "../input/limits";

/** How often (in rows) the copy checks for a write error, and lets the zip catch up. */
const CHECK_EVERY = 10_000;
const KEEP_UP_EVERY = 64;

/**
 * A cell's value as carried over: formulas by their last result (the streaming reader gives no
 * reliable formula text for cells of a shared formula), everything else as read.
 */
export function carriedValue(v: ExcelJS.CellValue | undefined): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "object" && !(v instanceof Date) && ("formula" in v || "sharedFormula" in v)) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : (result as ExcelJS.CellValue);
  }
  return v;
}

/**
 * Copies a worksheet that is not the registry, row by row as it streams past: cell values, cell
 * styles (number format, font, fill, border, alignment), row heights, column widths (and hidden
 * columns), merged ranges, the sheet's visibility, and the workbook's defined names that point
 * into it. Not carried over: formulas (their values are), comments, hyperlinks, data
 * validations, conditional formats, images and charts, frozen panes and other views, print
 * settings (and so the _xlnm names of print areas and titles), protection.
 */
export async function copySheet(
  out: OutputWorkbook,
  sheet: StreamedSheet,
  rows: AsyncIterable<ExcelJS.Row>,
  file: string
): Promise<void> {
  const ws = out.addWorksheet(sheet.name, { state: sheet.state });
  for (const n of sheet.definedNames) {
    if (n.name.startsWith("_xlnm.")) continue;
    for (const range of n.ranges)
      if (rangeSheet(range) === sheet.name) out.writer.definedNames.add(range, n.name);
  }
  for (const c of sheet.layout.columns) {
    for (let n = c.min; n <= c.max; n++) {
      const col = ws.getColumn(n);
      if (c.width !== undefined) col.width = c.width;
      if (c.hidden) col.hidden = true;
    }
  }
  const merges = [...sheet.layout.merges].sort((a, b) => a.top - b.top);
  let next = 0;
  let lastRow = 0;
  let copied = 0;
  const mergeUpTo = (row: number) => {
    for (; next < merges.length && merges[next].top <= row; next++) merge(ws, merges[next]);
  };
  for await (const source of rows) {
    if (source.number <= lastRow) continue;
    mergeUpTo(source.number);
    skipEmptyRows(ws, source.number);
    const target = ws.getRow(source.number);
    if (source.height) target.height = source.height;
    source.eachCell({ includeEmpty: true }, (cell, col) => {
      if (typeof cell.value === "string" && cell.value.length > MAX_CELL_CHARACTERS)
        throw new FileError("cell-too-long", {
          file,
          sheet: sheet.name,
          row: source.number,
          column: columnLetter(col),
        });
      const t = target.getCell(col);
      const v = carriedValue(cell.value);
      // A merged cell other than the top-left one takes no value (it would go to the top-left).
      if (v !== null && !(t.isMerged && t.master !== t)) t.value = v;
      if (cell.style && Object.keys(cell.style).length > 0) t.style = cell.style;
    });
    target.commit();
    lastRow = source.number;
    if (++copied % KEEP_UP_EVERY === 0) await out.keepUp(ws);
    if (copied % CHECK_EVERY === 0) out.check();
  }
  mergeUpTo(Infinity);
  ws.commit();
}

/**
 * Jumps the writer to a row far below the last one written. exceljs's writer keeps the rows not
 * yet written in an array and shifts it one row at a time up to the one committed: a single cell
 * at row 1,048,576 took it hours (a million shifts of a million-slot array). With nothing waiting
 * (every row so far committed, no merged range reaching down), the empty rows between are nothing
 * to write, and the writer can start at the next row.
 */
function skipEmptyRows(ws: ExcelJS.Worksheet, next: number): void {
  const w = ws as unknown as { _rows: unknown[]; _rowZero: number };
  if (w._rows.length === 0 && next > w._rowZero) w._rowZero = next;
}

/** Merges a range whose rows are not written yet; an overlapping or damaged range is left out. */
function merge(ws: ExcelJS.Worksheet, r: CellRange): void {
  try {
    ws.mergeCells(r.top, r.left, r.bottom, r.right);
  } catch {
    // Overlaps a range merged before, or starts in a row already written: not merged.
  }
}

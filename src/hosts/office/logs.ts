import { readLog } from "../../core/docs/logs";
import type { CellValue } from "../../core/types";
import { blockAddress, cellAddress, columnAddress } from "../../core/a1";
import { DATE_FORMAT, type ExcelValue, toExcelValue } from "./cellValues";
import { jsonBytes } from "./payload";
import { type SheetData, grid } from "./readSheets";
import { replaceSheet } from "./sheets";
import { styleHeader, widthToPoints } from "./styles";
import type { WorkbookInfo } from "./workbook";
import {
  type WriteContext,
  forCellRuns,
  setNumberFormat,
  writeExcelValues,
  writeValues,
} from "./write";
import { type AddedHeader, type AppendPlan, TEXT_FORMAT } from "../../core/records/append";
import type { UpdatePlan } from "../../core/records/openSuggestions";

/** A log's header from column A: styled, columns wide enough, frozen below it in a new sheet. */
async function writeLogHeader(
  w: WriteContext,
  ws: Excel.Worksheet,
  row: number,
  headers: readonly string[],
  freeze: boolean
): Promise<void> {
  await writeValues(w, ws, row, 1, [[...headers]], headers.length);
  await w.batch.add(512, () => {
    styleHeader(ws.getRange(blockAddress(row, 1, row, headers.length)));
    headers.forEach((h, i) => {
      ws.getRange(columnAddress(i + 1)).format.columnWidth = widthToPoints(
        Math.max(10, h.length * 2 + 4)
      );
    });
    if (freeze) ws.freezePanes.freezeRows(row);
  });
}

/**
 * Appends a row to a log sheet (例会台账, 通报台账) by its headers, as the exceljs host does: the
 * sheet is created with DOMAIN.md's headers when missing; a header the sheet lacks is added after
 * its last column; the row goes under the last used row; dates get the date format.
 */
export async function appendLogRow(
  w: WriteContext,
  info: WorkbookInfo,
  log: SheetData | null,
  sheetName: string,
  headers: readonly string[],
  values: readonly CellValue[]
): Promise<{ row: number }> {
  let ws: Excel.Worksheet;
  let columns: Record<string, number>;
  let headerRow: number;
  let lastRow: number;
  if (!log) {
    ws = await replaceSheet(w.batch, info, sheetName);
    await writeLogHeader(w, ws, 1, headers, true);
    columns = Object.fromEntries(headers.map((h, i) => [h, i + 1]));
    headerRow = 1;
    lastRow = 1;
  } else {
    ws = w.batch.context.workbook.worksheets.getItem(sheetName);
    const table = readLog(grid(log, w.dateSystem), headers);
    columns = { ...table.columns };
    headerRow = table.headerRow || 1;
    lastRow = log.rows > 0 ? log.top + log.rows - 1 : 0;
    let next = log.columns > 0 ? log.left + log.columns - 1 : 0;
    for (const h of headers) {
      if (columns[h] !== undefined) continue;
      columns[h] = ++next;
      const address = cellAddress(headerRow, next);
      const text = toExcelValue(h, w.dateSystem);
      await w.batch.add(64, () => (ws.getRange(address).values = [[text]]));
    }
  }
  const row = Math.max(lastRow, headerRow) + 1;
  for (let i = 0; i < headers.length; i++) {
    const address = cellAddress(row, columns[headers[i]]);
    const v = values[i];
    const value = toExcelValue(v, w.dateSystem);
    await w.batch.add(jsonBytes(value), () => {
      const cell = ws.getRange(address);
      if (v instanceof Date) setNumberFormat(cell, DATE_FORMAT);
      cell.values = [[value]];
    });
  }
  return { row };
}

/** Headers a log lacked, each written in its header row and styled as a header. */
async function writeAddedHeaders(
  w: WriteContext,
  ws: Excel.Worksheet,
  headerRow: number,
  added: readonly AddedHeader[]
): Promise<void> {
  for (const h of added) {
    const address = cellAddress(headerRow, h.column);
    await w.batch.add(jsonBytes(h.value), () => {
      const cell = ws.getRange(address);
      cell.values = [[h.value]];
      styleHeader(cell);
    });
  }
}

/**
 * Carries out the core's append plan (联谊活动记录, 意见建议) in the open workbook, queued in the
 * batch: the sheet made when missing, the header (or the headers a log lacks) written, then the
 * rows as one block, their number formats set first (an ID number as text stays text); cells the
 * plan leaves empty are not touched.
 */
export async function applyAppendPlan(
  w: WriteContext,
  info: WorkbookInfo,
  plan: AppendPlan
): Promise<void> {
  const ws = plan.create
    ? await replaceSheet(w.batch, info, plan.sheet)
    : w.batch.context.workbook.worksheets.getItem(plan.sheet);
  if (plan.header) await writeLogHeader(w, ws, plan.headerRow, plan.header, plan.create);
  await writeAddedHeaders(w, ws, plan.headerRow, plan.addedHeaders);
  if (plan.rows.length === 0) return;
  const cells = plan.rows.flatMap((r) => r.cells.map((c) => ({ ...c, row: r.row })));
  const left = Math.min(...cells.map((c) => c.column));
  const width = Math.max(...cells.map((c) => c.column)) - left + 1;
  const top = plan.rows[0].row;
  const formats = new Map<string, { row: number; column: number }[]>();
  for (const c of cells) if (c.numFmt) formats.set(c.numFmt, [...(formats.get(c.numFmt) ?? []), c]);
  for (const [format, at] of formats)
    await forCellRuns(w, ws, at, (range) => setNumberFormat(range, format));
  // null leaves a cell as it is: a column of the sheet's own between the log's (a 序号 formula
  // showing nothing yet), and a value the entry left empty, keep what the row held.
  const grid = plan.rows.map(() => new Array<ExcelValue | null>(width).fill(null));
  for (const c of cells)
    grid[c.row - top][c.column - left] =
      c.value === null || c.value === ""
        ? null
        : // A text-formatted cell keeps what is written as it is: no apostrophe is needed, or kept.
          c.numFmt === TEXT_FORMAT && typeof c.value === "string"
          ? c.value
          : toExcelValue(c.value, w.dateSystem);
  await writeExcelValues(w, ws, top, left, grid);
}

/**
 * Carries out an update plan, queued in the batch: a header the log lacked added, then each cell's
 * value set in place (its format kept).
 */
export async function applyUpdatePlan(w: WriteContext, plan: UpdatePlan): Promise<void> {
  const ws = w.batch.context.workbook.worksheets.getItem(plan.sheet);
  await writeAddedHeaders(w, ws, plan.headerRow, plan.addedHeaders);
  for (const c of plan.cells) {
    const value = toExcelValue(c.value, w.dateSystem);
    const address = cellAddress(c.row, c.column);
    await w.batch.add(jsonBytes(value), () => (ws.getRange(address).values = [[value]]));
  }
}

import { readLog } from "../../core/docs/logs";
import type { CellValue } from "../../core/types";
import { blockAddress, cellAddress, columnAddress } from "../../core/a1";
import { DATE_FORMAT, toExcelValue } from "./cellValues";
import { jsonBytes } from "./payload";
import { type SheetData, grid } from "./readSheets";
import { replaceSheet } from "./sheets";
import { styleHeader, widthToPoints } from "./styles";
import type { WorkbookInfo } from "./workbook";
import { type WriteContext, setNumberFormat, writeValues } from "./write";

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
    await writeValues(w, ws, 1, 1, [[...headers]], headers.length);
    await w.batch.add(512, () => {
      styleHeader(ws.getRange(blockAddress(1, 1, 1, headers.length)));
      headers.forEach((h, i) => {
        ws.getRange(columnAddress(i + 1)).format.columnWidth = widthToPoints(
          Math.max(10, h.length * 2 + 4)
        );
      });
      ws.freezePanes.freezeRows(1);
    });
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

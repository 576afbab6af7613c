import { columnLetter } from "../../../core/a1";
import { type LogTable, readLog } from "../../../core/docs/logs";
import type { CellValue } from "../../../core/types";
import { sheetGrid, worksheetNamed } from "../read/sheetValues";
import { DATE_FORMAT, HEADER_STYLE } from "../write/sheetStyles";
import type { NewSheet, PackageWriter } from "../xlsx/packageWriter";
import { SheetXmlWriter } from "../xlsx/sheetWriter";
import type { WorkbookPackage } from "../xlsx/workbookPackage";
import { keptStyle, newLogSheet } from "./logPlans";
import { type CellEdit, type RowEdit, withEdits } from "./sheetEdits";

/** A log sheet (例会台账, 通报台账…) as read: its table, and where its rows and columns end. */
export interface LogRead {
  log: LogTable;
  /** The last row and column the sheet holds anything in (0 for an empty or missing sheet). */
  lastRow: number;
  lastColumn: number;
}

export async function readLogSheet(
  pkg: WorkbookPackage,
  name: string,
  headers: readonly string[]
): Promise<LogRead> {
  const grid = await sheetGrid(pkg, worksheetNamed(pkg, name));
  let lastRow = 0;
  let lastColumn = 0;
  grid.forEach((row, i) => {
    let width = row.length;
    while (width > 0 && (row[width - 1] === null || row[width - 1] === "")) width--;
    if (width > 0) lastRow = i + 1;
    lastColumn = Math.max(lastColumn, width);
  });
  return { log: readLog(grid, headers), lastRow, lastColumn };
}

/**
 * Appends a row to a log sheet by its headers: headers it lacks are added after its last column,
 * the row goes below its last row, dates shown as dates. The sheet is written anew as it is read
 * (every other row, style and setting of it kept); a missing log is made with DOMAIN.md's columns
 * and returned, to be added. Returns null when the sheet was there.
 */
export async function appendLogRow(
  pkg: WorkbookPackage,
  out: PackageWriter,
  name: string,
  headers: readonly string[],
  values: readonly CellValue[],
  read: LogRead
): Promise<NewSheet | null> {
  const header = out.styles.id(HEADER_STYLE);
  const date = out.styles.id({ numFmt: DATE_FORMAT });
  const sheet = worksheetNamed(pkg, name);
  if (!sheet) {
    const w = new SheetXmlWriter(out.dateSystem);
    const cells = (row: readonly CellValue[], style: (v: CellValue) => number | undefined) =>
      row.map((value, i) => ({
        column: i + 1,
        xml: (ref: string) => w.cell(ref, { value, style: style(value) }),
      }));
    return newLogSheet(out, name, headers, 1, [
      { row: 1, cells: cells(headers, () => header) },
      { row: 2, cells: cells(values, (v) => (v instanceof Date ? date : undefined)) },
    ]);
  }
  const columns = { ...read.log.columns };
  const headerRow = read.log.headerRow || 1;
  let next = read.lastColumn;
  const w = new SheetXmlWriter(out.dateSystem);
  const headerCells: CellEdit[] = [];
  for (const h of headers)
    if (columns[h] === undefined) {
      columns[h] = ++next;
      headerCells.push({ column: next, xml: (ref) => w.cell(ref, { value: h, style: header }) });
    }
  const rowNumber = Math.max(read.lastRow, headerRow) + 1;
  const cells: CellEdit[] = headers.map((h, i) => {
    const v = values[i] ?? null;
    const numFmt = v instanceof Date ? DATE_FORMAT : undefined;
    return {
      column: columns[h],
      xml: (ref, old) => w.cell(ref, { value: v, style: keptStyle(out.styles, old, numFmt) }),
    };
  });
  const rows: RowEdit[] = [{ row: rowNumber, cells }];
  if (headerCells.length > 0) rows.push({ row: headerRow, cells: headerCells });
  await out.rewrite(
    sheet.part,
    withEdits(pkg.partChunks(sheet.part), {
      rows,
      dimension: `A1:${columnLetter(Math.max(1, next, read.lastColumn))}${rowNumber}`,
    })
  );
  return null;
}

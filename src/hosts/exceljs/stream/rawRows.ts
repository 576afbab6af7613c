import type ExcelJS from "exceljs";
import type { CellValue, RawRow } from "../../../core/types";
import { plainValue } from "../sheetRows";
import { columnLetter } from "../../../core/a1";
import { FileError } from "../fileError";
import { MAX_CELL_CHARACTERS } from "../input/limits";
import { MergeFiller } from "../xlsx/mergeFill";
import type { CellRange } from "./sheetXmlScan";

/** One row from exceljs's streaming reader as the engine takes it: values and number formats. */
export function rawRowOf(row: ExcelJS.Row): { values: CellValue[]; numFmts: (string | null)[] } {
  const values: CellValue[] = [];
  const numFmts: (string | null)[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    while (values.length < col - 1) {
      values.push(null);
      numFmts.push(null);
    }
    values[col - 1] = plainValue(cell.value);
    numFmts[col - 1] = cell.numFmt ?? null;
  });
  return { values, numFmts };
}

/**
 * The rows of a streamed sheet as the full load gives them (worksheetRows): every row number from 1
 * (an empty row where the sheet has none), merged cells read as the full load reads them, and the
 * rows a merge reaches below the last row.
 */
export async function* rawRows(
  rows: AsyncIterable<ExcelJS.Row> | Iterable<ExcelJS.Row>,
  merges: readonly CellRange[]
): AsyncGenerator<RawRow> {
  const filler = new MergeFiller(merges);
  const make = (rowNumber: number, values: CellValue[], numFmts: (string | null)[]): RawRow => {
    filler.apply(rowNumber, values, numFmts);
    return { rowNumber, values, numFmts };
  };
  let next = 1;
  for await (const row of rows) {
    while (next < row.number) yield make(next++, [], []);
    const { values, numFmts } = rawRowOf(row);
    yield make(row.number, values, numFmts);
    next = Math.max(next, row.number + 1);
  }
  while (next <= filler.lastRow) yield make(next++, [], []);
}

/**
 * Throws cell-too-long, naming the sheet, row and column, when a row holds a text longer than
 * Excel's 32,767 characters (a streamed row is checked as it comes, before it is kept or written).
 */
export function checkCellLengths(row: RawRow, file: string, sheet: string): void {
  const values = row.values;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "string" && v.length > MAX_CELL_CHARACTERS)
      throw new FileError("cell-too-long", {
        file,
        sheet,
        row: row.rowNumber ?? 0,
        column: columnLetter(i + 1),
      });
  }
}

import type { Block } from "../../../core/a1";
import type { CellValue, RawRow } from "../../../core/types";
import { mergedRanges } from "../xlsx/sheetReader";
import { filledRows } from "../xlsx/filledRows";
import type { SheetInfo, WorkbookPackage } from "../xlsx/workbookPackage";

/**
 * A worksheet's rows as the core takes them (every row number from 1, merged cells filled in),
 * read in two passes over its XML: the first for its merged ranges (listed after the rows), the
 * second for the rows.
 */
export async function sheetRows(
  pkg: WorkbookPackage,
  sheet: SheetInfo & { part: string },
  merges?: readonly Block[]
): Promise<AsyncGenerator<RawRow>> {
  if (!merges) {
    const scan = await pkg.readRows(sheet, { tail: true, maxRows: 0 });
    for await (const r of scan.rows) void r;
    merges = mergedRanges(scan.frame);
  }
  const { rows } = await pkg.readRows(sheet);
  return filledRows(rows, merges);
}

/** A worksheet's values, row by row from row 1 (for the small sheets: logs, templates). */
export async function sheetGrid(
  pkg: WorkbookPackage,
  sheet: (SheetInfo & { part: string }) | undefined
): Promise<CellValue[][]> {
  if (!sheet) return [];
  const grid: CellValue[][] = [];
  for await (const r of await sheetRows(pkg, sheet)) grid.push([...r.values]);
  return grid;
}

/** The worksheet of a name (Excel compares names without case), if the workbook has one. */
export function worksheetNamed(
  pkg: WorkbookPackage,
  name: string
): (SheetInfo & { part: string }) | undefined {
  const key = name.toLowerCase();
  return pkg.worksheets.find((s) => s.name.toLowerCase() === key);
}

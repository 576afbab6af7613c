/**
 * The core's plans for a log sheet (联谊活动记录, 意见建议) carried out on a workbook package: rows
 * appended (the sheet made when missing), cells changed in place. The sheet is streamed through
 * with its other rows, styles and settings kept; only the planned cells change.
 */
import { columnLetter } from "../../../core/a1";
import type { AddedHeader, AppendPlan, LogSheet } from "../../../core/records/append";
import type { UpdatePlan } from "../../../core/records/openSuggestions";
import { isBlank } from "../../../core/text";
import { HEADER_STYLE } from "../write/sheetStyles";
import type { NewSheet, PackageWriter } from "../xlsx/packageWriter";
import { SheetXmlWriter } from "../xlsx/sheetWriter";
import type { StyleSheet } from "../xlsx/styleSheet";
import type { WorkbookPackage } from "../xlsx/workbookPackage";
import { worksheetNamed } from "../read/sheetValues";
import { type CellEdit, type RowEdit, withEdits } from "./sheetEdits";

/** The last row and column holding anything (0 for none). */
function usedExtent(log: LogSheet | null): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  log?.rows.forEach((row, i) => {
    let width = row.length;
    while (width > 0 && isBlank(row[width - 1])) width--;
    if (width > 0) rows = i + 1;
    columns = Math.max(columns, width);
  });
  return { rows, columns };
}

/**
 * The style of a value written into a cell: the style the cell had (someone formatted the empty
 * rows of their log: borders, a font, a fill), with the number format the value needs where it
 * needs one (a date, an ID number as text); a new cell has that format alone. As Excel keeps a
 * cell's format when a value is typed into it.
 */
export function keptStyle(
  styles: StyleSheet,
  oldStyle: number | undefined,
  numFmt: string | undefined
): number | undefined {
  if (numFmt === undefined) return oldStyle;
  return oldStyle === undefined ? styles.id({ numFmt }) : styles.withNumFmt(oldStyle, numFmt);
}

/** Header cells, styled as headers. */
function headerEdits(out: PackageWriter, headers: readonly AddedHeader[]): CellEdit[] {
  const w = new SheetXmlWriter(out.dateSystem);
  const style = out.styles.id(HEADER_STYLE);
  return headers.map((h) => ({
    column: h.column,
    xml: (ref) => w.cell(ref, { value: h.value, style }),
  }));
}

function planEdits(out: PackageWriter, plan: AppendPlan): RowEdit[] {
  const w = new SheetXmlWriter(out.dateSystem);
  const headerCells = headerEdits(
    out,
    plan.header ? plan.header.map((value, i) => ({ column: i + 1, value })) : plan.addedHeaders
  );
  const rows: RowEdit[] = plan.rows.map((r) => ({
    row: r.row,
    cells: r.cells.map((c) => ({
      column: c.column,
      xml: (ref, old) =>
        w.cell(ref, { value: c.value, style: keptStyle(out.styles, old, c.numFmt) }),
    })),
  }));
  if (headerCells.length > 0) rows.push({ row: plan.headerRow, cells: headerCells });
  return rows;
}

/**
 * A log sheet made anew: its columns as wide as its header needs, frozen below the header row, and
 * the rows' cells in order.
 */
export function newLogSheet(
  out: PackageWriter,
  name: string,
  header: readonly string[],
  headerRow: number,
  rows: readonly RowEdit[]
): NewSheet {
  return {
    name,
    *xml() {
      const w = new SheetXmlWriter(out.dateSystem);
      const spec = {
        columns: header.map((h) => ({ width: Math.max(10, h.length * 2 + 4) })),
        freeze: { rows: headerRow, columns: 0 },
      };
      yield w.head(spec);
      for (const r of [...rows].sort((a, b) => a.row - b.row)) {
        const cells: string[] = [];
        for (const c of [...r.cells].sort((a, b) => a.column - b.column))
          cells.push(c.xml(`${columnLetter(c.column)}${r.row}`, undefined));
        yield `<row r="${r.row}">${cells.join("")}</row>`;
      }
      yield w.tail(spec);
    },
  };
}

/**
 * Carries out an append plan: the sheet made (returned, to be added to the output) when the plan
 * says so, else rewritten with the rows (and any header cells) added; null then.
 */
export async function applyAppendPlan(
  pkg: WorkbookPackage,
  out: PackageWriter,
  plan: AppendPlan,
  log: LogSheet | null
): Promise<NewSheet | null> {
  const rows = planEdits(out, plan);
  const last = plan.rows.length ? plan.rows[plan.rows.length - 1].row : plan.headerRow;
  const width = Math.max(
    usedExtent(log).columns,
    ...rows.flatMap((r) => r.cells.map((c) => c.column))
  );
  const sheet = plan.create ? undefined : worksheetNamed(pkg, plan.sheet);
  if (!sheet) return newLogSheet(out, plan.sheet, plan.header ?? [], plan.headerRow, rows);
  await out.rewrite(
    sheet.part,
    withEdits(pkg.partChunks(sheet.part), {
      rows,
      dimension: `A1:${columnLetter(Math.max(1, width))}${Math.max(last, usedExtent(log).rows)}`,
    })
  );
  return null;
}

/** Carries out an update plan: a header the log lacked added, the cells changed in place, each keeping its style. */
export async function applyUpdatePlan(
  pkg: WorkbookPackage,
  out: PackageWriter,
  plan: UpdatePlan,
  log: LogSheet
): Promise<void> {
  const sheet = worksheetNamed(pkg, plan.sheet);
  if (!sheet || plan.cells.length === 0) return;
  const w = new SheetXmlWriter(out.dateSystem);
  const byRow = new Map<number, CellEdit[]>();
  for (const c of plan.cells) {
    const edit: CellEdit = {
      column: c.column,
      xml: (ref, style) => w.cell(ref, { value: c.value, style }),
    };
    byRow.set(c.row, [...(byRow.get(c.row) ?? []), edit]);
  }
  if (plan.addedHeaders.length > 0)
    byRow.set(plan.headerRow, [
      ...(byRow.get(plan.headerRow) ?? []),
      ...headerEdits(out, plan.addedHeaders),
    ]);
  const used = usedExtent(log);
  await out.rewrite(
    sheet.part,
    withEdits(pkg.partChunks(sheet.part), {
      rows: [...byRow].map(([row, cells]) => ({ row, cells })),
      dimension: `A1:${columnLetter(Math.max(1, used.columns, ...plan.cells.map((c) => c.column)))}${Math.max(1, used.rows)}`,
    })
  );
}

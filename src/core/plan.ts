import type { NormalizedRow, OutputColumn } from "./normalizer";
import { FIELD_BY_KEY } from "./schema";
import { renderProblem } from "./messages";
import type { CellValue, Locale, Severity } from "./types";
import type { Problem } from "./problem";

export const REGISTRY_SHEET = "成员名册";

/** A format for a whole column of the output. */
export interface ColumnPlan {
  header: string;
  width: number;
  /** Number format: "@" for text (ID numbers), "yyyy-mm-dd" for dates. */
  numFmt?: string;
  /** A drop-down list of allowed values. */
  list?: readonly string[];
}

/** A cell to fill (red for an error, yellow for a warning) with a note saying what is wrong. */
export interface CellMark {
  /** 0-based index of the data row (0 = first row under the header). */
  row: number;
  /** 0-based output column. */
  column: number;
  severity: Severity;
  note: string;
}

/** What a host does to the sheet besides writing values; the same in Excel, exceljs and the browser. */
export interface SheetPlan {
  sheetName: string;
  columns: ColumnPlan[];
  marks: CellMark[];
  /** Rows frozen at the top (the header). */
  freezeRows: number;
}

export function columnPlans(columns: readonly OutputColumn[]): ColumnPlan[] {
  return columns.map((c) => {
    if (!c.field)
      return { header: c.header, width: Math.min(30, Math.max(10, c.header.length * 2 + 2)) };
    const f = FIELD_BY_KEY[c.field];
    const plan: ColumnPlan = { header: c.header, width: f.width };
    if (f.kind === "id" || f.kind === "phone") plan.numFmt = "@";
    if (f.kind === "date") plan.numFmt = "yyyy-mm-dd";
    if (f.kind === "code" && f.list) plan.list = f.list;
    return plan;
  });
}

/** A mark on one cell of a row: its 0-based output column, colour and note. */
export interface RowMark {
  column: number;
  severity: Severity;
  note: string;
}

/** Where each problem's cell is in the output: by its field, else by its source column. */
export class ColumnIndex {
  private readonly byField = new Map<string, number>();
  private readonly bySource = new Map<number, number>();
  private seen = 0;

  constructor(private readonly columns: readonly OutputColumn[]) {}

  /** The output column of a problem's cell, or undefined where it has none. */
  of(p: Problem): number | undefined {
    // Columns are only ever added at the end (data found right of the header).
    for (; this.seen < this.columns.length; this.seen++) {
      const c = this.columns[this.seen];
      if (c.field) this.byField.set(c.field, this.seen);
      else if (c.sourceColumn !== null) this.bySource.set(c.sourceColumn, this.seen);
    }
    return p.field ? this.byField.get(p.field) : this.bySource.get(p.sourceColumn);
  }
}

/**
 * Adds the marks of problems to a row's marks: several problems on one cell share one note (in
 * the order they come), the worst colour wins. Sorted by column.
 */
export function markRow(
  problems: readonly Problem[],
  index: Pick<ColumnIndex, "of">,
  locale: Locale,
  marks: RowMark[] = []
): RowMark[] {
  for (const p of problems) {
    const column = index.of(p);
    if (column === undefined) continue;
    const { message } = renderProblem(p, locale);
    const m = marks.find((x) => x.column === column);
    if (!m) marks.push({ column, severity: p.severity, note: message });
    else {
      m.note += "\n" + message;
      if (p.severity === "error") m.severity = "error";
    }
  }
  return marks.sort((a, b) => a.column - b.column);
}

/** Marks for every problem tied to a cell; several problems on one cell share one note, the worst colour wins. */
export function cellMarks(
  rows: readonly NormalizedRow[],
  columns: readonly OutputColumn[],
  extra: readonly Problem[],
  locale: Locale
): CellMark[] {
  const index = new ColumnIndex(columns);
  const byRow = new Map<number, Problem[]>();
  for (const p of extra) {
    const list = byRow.get(p.row);
    if (list) list.push(p);
    else byRow.set(p.row, [p]);
  }
  const marks: CellMark[] = [];
  rows.forEach((r, i) => {
    const own = markRow(r.problems, index, locale);
    const all = byRow.has(r.sourceRow) ? markRow(byRow.get(r.sourceRow)!, index, locale, own) : own;
    for (const m of all) marks.push({ row: i, ...m });
  });
  return marks;
}

const DATE_FORMAT = "yyyy-mm-dd";

/**
 * The format of a cell whose value is not of its column's kind, so that it reads back as what it
 * is: a date in a column without a date format (an ID number, a phone, an extra column) as a
 * date, not its serial number; a number left in a date column (an impossible date) as that
 * number, not a day in 1900. Undefined where the column's format serves.
 */
export function cellFormat(v: CellValue, columnFormat: string | undefined): string | undefined {
  if (v instanceof Date && columnFormat !== DATE_FORMAT) return DATE_FORMAT;
  if (typeof v === "number" && columnFormat === DATE_FORMAT) return "General";
  return undefined;
}

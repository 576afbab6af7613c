import type { NormalizedRow, OutputColumn } from "./normalizer";
import { FIELD_BY_KEY } from "./schema";
import type { Problem, Severity } from "./types";

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

/** Marks for every problem tied to a cell; several problems on one cell share one note, the worst colour wins. */
export function cellMarks(
  rows: readonly NormalizedRow[],
  columns: readonly OutputColumn[],
  extra: readonly Problem[]
): CellMark[] {
  const rowIndex = new Map<number, number>();
  rows.forEach((r, i) => rowIndex.set(r.sourceRow, i));
  const byField = new Map<string, number>();
  const bySource = new Map<number, number>();
  columns.forEach((c, i) => {
    if (c.field) byField.set(c.field, i);
    else if (c.sourceColumn !== null) bySource.set(c.sourceColumn, i);
  });
  const marks = new Map<string, CellMark>();
  const add = (p: Problem) => {
    const row = rowIndex.get(p.row);
    const column = p.field ? byField.get(p.field) : bySource.get(p.sourceColumn);
    if (row === undefined || column === undefined) return;
    const key = `${row}:${column}`;
    const m = marks.get(key);
    if (!m) marks.set(key, { row, column, severity: p.severity, note: p.message });
    else {
      m.note += "\n" + p.message;
      if (p.severity === "error") m.severity = "error";
    }
  };
  for (const r of rows) r.problems.forEach(add);
  extra.forEach(add);
  return [...marks.values()].sort((a, b) => a.row - b.row || a.column - b.column);
}

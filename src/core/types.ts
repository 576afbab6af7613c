/** A raw cell value as a host reads it: no formulas, no rich text, no styles. */
export type CellValue = string | number | boolean | Date | null;

/** One source row: its values and, where the host knows them, each cell's number format. */
export interface RawRow {
  /** 1-based row number in the source sheet; defaults to the position in the input. */
  rowNumber?: number;
  values: readonly CellValue[];
  numFmts?: readonly (string | null | undefined)[];
}

export type RowInput = readonly CellValue[] | RawRow;

export type Severity = "error" | "warning";

export type Locale = "zh-CN" | "en";

/** One cell the engine changed: nothing is lost, every old value is kept here. */
export interface Change {
  row: number;
  name: string;
  field: string | null;
  column: string;
  sourceColumn: number;
  oldValue: CellValue;
  newValue: CellValue;
  rule: string;
}

export type DropReason =
  "title" | "header" | "blank" | "total" | "template" | "footer" | "no-header";

/** A source row that is not a member: kept with its values so nothing is lost. */
export interface DroppedRow {
  row: number;
  /**
   * For a run of blank rows, its last row: consecutive blank rows are one entry (a stray value at
   * row 1,048,576 leaves a million blank rows above it).
   */
  toRow?: number;
  reason: DropReason;
  values: CellValue[];
}

/** How many source rows dropped entries stand for (a blank run counts each of its rows). */
export function droppedRowCount(dropped: readonly DroppedRow[]): number {
  let n = 0;
  for (const d of dropped) n += (d.toRow ?? d.row) - d.row + 1;
  return n;
}

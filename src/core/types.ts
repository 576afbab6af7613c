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

/**
 * One problem found in the data, in the manner of a Frictionless validation report:
 * a code, where it is (row, column), the value, a message and, where known, the fix.
 */
export interface Problem {
  code: string;
  severity: Severity;
  /** 1-based source row; 0 for problems that concern the whole sheet. */
  row: number;
  /** The 姓名 of the row, as cleaned ("" where there is none). */
  name: string;
  /** Field key (e.g. "idNumber"), or null for an unmapped column or the whole sheet. */
  field: string | null;
  /** Column header as it stands in the output (canonical header, or the original one). */
  column: string;
  /** 1-based column in the source sheet; 0 when not tied to one column. */
  sourceColumn: number;
  /** The original value, as it was in the source. */
  value: CellValue;
  message: string;
  fix?: string;
}

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

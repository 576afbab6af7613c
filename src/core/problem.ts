import type { ProblemData } from "./messages/codes";
import type { FieldKey } from "./schema";
import type { CellValue, Severity } from "./types";

/** Where a problem is and what the cell held: the same for every code. */
export interface ProblemPlace {
  severity: Severity;
  /** 1-based source row; 0 for problems that concern the whole sheet. */
  row: number;
  /** The 姓名 of the row, as cleaned ("" where there is none). */
  name: string;
  /** The field, or null for an unmapped column or the whole sheet. */
  field: FieldKey | null;
  /** Column header as it stands in the output (canonical header, or the original one). */
  column: string;
  /** 1-based column in the source sheet; 0 when not tied to one column. */
  sourceColumn: number;
  /** The original value, as it was in the source. */
  value: CellValue;
}

/**
 * One problem found in the data, in the manner of a Frictionless validation report: a code with
 * its typed parameters, where it is (row, column) and the value. Its message and fix are rendered
 * where it is shown, in the reader's language (renderProblem).
 */
export type Problem = ProblemPlace & ProblemData;

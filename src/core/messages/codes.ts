import type { Severity } from "../types";
import { type CodedOf, type ParamsOf, codesOf } from "../coded";
import { z } from "../zod";

const text = z.string();
const count = z.number().int().min(0);
const datePrecision = z.enum(["year", "month"]);

/** How exact a partial date is: a year only, or a year and a month. */
export type DatePrecision = z.infer<typeof datePrecision>;

/**
 * The parameters of each problem's message, typed per code. A value is the cell as it was typed,
 * shown as text (an ID number or a phone in it is masked where the report is for wider eyes).
 */
export const PROBLEM_PARAMS = {
  "header-not-found": z.object({ rows: count }),
  "column-unmapped": z.object({ header: text }),
  /** field: the canonical header of the column it repeats. */
  "column-duplicate": z.object({ header: text, field: text }),
  "column-missing": z.object({ header: text }),
  "name-missing": z.object({}),
  "gender-invalid": z.object({ value: text }),
  "gender-mismatch": z.object({ value: text, expected: z.enum(["男", "女"]) }),
  "ethnicity-invalid": z.object({ value: text }),
  "ethnicity-unrecognised": z.object({ value: text }),
  "ethnicity-unknown": z.object({ value: text }),
  "ethnicity-foreign-origin": z.object({ value: text }),
  "birth-date-invalid": z.object({ value: text }),
  "birth-date-partial": z.object({ value: text, precision: datePrecision }),
  /** read: the date as it was taken (yyyy-mm). */
  "birth-date-ambiguous": z.object({ value: text, read: text }),
  /** expected: the ID number's birth date (yyyy-mm-dd). */
  "birth-date-mismatch": z.object({ value: text, expected: text }),
  "birth-date-out-of-range": z.object({ value: text }),
  /** column: the header of the date column. */
  "date-invalid": z.object({ column: text, value: text }),
  "date-partial": z.object({ column: text, value: text, precision: datePrecision }),
  "id-missing": z.object({}),
  "id-format": z.object({ value: text }),
  /** expected: the check character the first 17 digits call for. */
  "id-checksum": z.object({ value: text, expected: text }),
  /** date: the eight digits of the birth date in the number (yyyymmdd). */
  "id-birth-date": z.object({ value: text, date: text }),
  "id-area": z.object({ value: text, area: text }),
  "id-foreign-permanent": z.object({ value: text }),
  "id-precision-lost": z.object({ value: text }),
  /** rows: the other rows (at most five); more: how many others beyond those. */
  "id-duplicate": z.object({ rows: z.array(count), more: count }),
  "possible-duplicate": z.object({ rows: z.array(count), more: count }),
  "political-invalid": z.object({ value: text }),
  "political-ambiguous": z.object({ value: text }),
  /** part: the part of the cell (between 、) that is no category. */
  "category-invalid": z.object({ part: text }),
  "education-invalid": z.object({ value: text }),
  "economy-invalid": z.object({ value: text }),
  "phone-invalid": z.object({ value: text }),
  "phone-multiple": z.object({ count: count }),
  "household-invalid": z.object({ value: text }),
  "unexpected-type": z.object({ column: text, value: text }),
} as const;

/** The parameters of each code, as the schema has them. */
export type ProblemParams = ParamsOf<typeof PROBLEM_PARAMS>;

export type ProblemCode = keyof ProblemParams;

/** The codes whose only parameter is the value as typed (a code table's "not one of ours"). */
export type ValueProblemCode = {
  [C in ProblemCode]: { value: string } extends ProblemParams[C] ? C : never;
}[ProblemCode];

/** How bad each problem is: an error is data that is wrong; a warning, data to look at. */
export const PROBLEM_SEVERITY: { readonly [C in ProblemCode]: Severity } = {
  "header-not-found": "error",
  "column-unmapped": "warning",
  "column-duplicate": "warning",
  "column-missing": "warning",
  "name-missing": "error",
  "gender-invalid": "error",
  "gender-mismatch": "error",
  "ethnicity-invalid": "error",
  "ethnicity-unrecognised": "error",
  "ethnicity-unknown": "error",
  "ethnicity-foreign-origin": "error",
  "birth-date-invalid": "error",
  "birth-date-partial": "warning",
  "birth-date-ambiguous": "warning",
  "birth-date-mismatch": "error",
  "birth-date-out-of-range": "error",
  "date-invalid": "error",
  "date-partial": "warning",
  "id-missing": "warning",
  "id-format": "error",
  "id-checksum": "error",
  "id-birth-date": "error",
  "id-area": "warning",
  "id-foreign-permanent": "warning",
  "id-precision-lost": "error",
  "id-duplicate": "error",
  "possible-duplicate": "warning",
  "political-invalid": "error",
  "political-ambiguous": "error",
  "category-invalid": "error",
  "education-invalid": "error",
  "economy-invalid": "error",
  "phone-invalid": "error",
  "phone-multiple": "warning",
  "household-invalid": "error",
  "unexpected-type": "warning",
};

export const PROBLEM_CODES = codesOf(PROBLEM_PARAMS);

export function severityOf(code: ProblemCode): Severity {
  return PROBLEM_SEVERITY[code];
}

/** A problem's code with its parameters: a union discriminated on code. */
export type ProblemData = CodedOf<typeof PROBLEM_PARAMS>;

/**
 * Makes a code and its parameters into ProblemData (the compiler checks the parameters against
 * the code; a code that needs none may leave them out).
 */
export function problemData<C extends ProblemCode>(
  code: C,
  ...params: Record<string, never> extends ProblemParams[C] ? [] : [ProblemParams[C]]
): ProblemData {
  return { code, params: params[0] ?? {} } as ProblemData;
}

import type { ProblemCode } from "../messages";
import type { CellValue, Locale } from "../types";

export type IssueParams = Record<string, string | number>;

/** A problem found by a rule, before the row and column are attached. */
export interface Issue {
  code: ProblemCode;
  params?: IssueParams;
}

export interface RuleContext {
  locale: Locale;
  dateSystem: 1900 | 1904;
  asOf: Date;
  /** Number format of the cell, where the host knows it. */
  numFmt?: string | null;
}

/** What a field rule makes of one cell: the canonical value (or the original), why it changed, and problems. */
export interface RuleResult {
  value: CellValue;
  /** Name of the rule, recorded in the change log when the value changed. */
  rule: string;
  issues: Issue[];
}

export type FieldRule = (value: CellValue, ctx: RuleContext) => RuleResult;

export const NO_ISSUES: Issue[] = [];

export function ok(value: CellValue, rule: string): RuleResult {
  return { value, rule, issues: NO_ISSUES };
}

export function problem(
  value: CellValue,
  rule: string,
  code: ProblemCode,
  params?: IssueParams
): RuleResult {
  return { value, rule, issues: [{ code, params }] };
}

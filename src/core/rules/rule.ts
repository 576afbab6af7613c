import {
  type ProblemCode,
  type ProblemData,
  type ProblemParams,
  problemData,
} from "../messages/codes";
import type { CellValue } from "../types";

/** A problem found by a rule, before the row and column are attached: its code and parameters. */
export type Issue = ProblemData;

export interface RuleContext {
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

/** A rule's result with one problem: the compiler checks the parameters against the code. */
export function problem<C extends ProblemCode>(
  value: CellValue,
  rule: string,
  code: C,
  ...params: Record<string, never> extends ProblemParams[C] ? [] : [ProblemParams[C]]
): RuleResult {
  return { value, rule, issues: [problemData(code, ...params)] };
}

import { showValue, trimAll } from "../text";
import type { CellValue } from "../types";
import {
  type DateContext,
  formatPartialDate,
  parseDateValue,
  datePrecision,
  dateCell,
} from "./dates";
import { type RuleContext, type RuleResult, ok, problem } from "./rule";

export function dateContext(ctx: RuleContext, twoDigitYearMax: number): DateContext {
  return { dateSystem: ctx.dateSystem, numFmt: ctx.numFmt, twoDigitYearMax };
}

/** A date column other than the birth date (建档日期): a real date, or the partial text with a warning. */
export function normalizeDate(v: CellValue, ctx: RuleContext, column: string): RuleResult {
  if (v === null || (typeof v === "string" && trimAll(v) === "")) return ok(null, "date");
  const pd = parseDateValue(v, dateContext(ctx, ctx.asOf.getUTCFullYear()));
  if (pd === null) return problem(v, "date", "date-invalid", { column, value: showValue(v) });
  if (pd.d === undefined) {
    return problem(formatPartialDate(pd), "date", "date-partial", {
      column,
      value: showValue(v),
      precision: datePrecision(pd),
    });
  }
  return ok(dateCell(pd, ctx.dateSystem), "date");
}

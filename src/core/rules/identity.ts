import { showValue, trimAll } from "../text";
import type { CellValue } from "../types";
import { normalizeGender } from "./codeRules";
import {
  agreesWith,
  dateCell,
  formatPartialDate,
  parseDateValue,
  datePrecision,
  toUtcDate,
} from "./dates";
import { dateContext } from "./date";
import type { IdInfo } from "./idNumber";
import { type Issue, type RuleContext, type RuleResult, ok } from "./rule";

/** 性别: canonical, filled from a valid ID number when empty, and checked against it. */
export function reconcileGender(v: CellValue, id: IdInfo | null, ctx: RuleContext): RuleResult {
  const r = normalizeGender(v, ctx);
  if (r.value === null && r.issues.length === 0) return id ? ok(id.gender, "gender-from-id") : r;
  if (id && r.issues.length === 0 && r.value !== id.gender) {
    return {
      value: r.value,
      rule: r.rule,
      issues: [{ code: "gender-mismatch", params: { value: showValue(v), expected: id.gender } }],
    };
  }
  return r;
}

const ymd = (b: IdInfo["birth"]) => formatPartialDate(b);

/**
 * 出生日期: any form old workbooks hold, compared with the ID number at the precision given;
 * filled from the ID when missing or less precise.
 */
export function reconcileBirthDate(v: CellValue, id: IdInfo | null, ctx: RuleContext): RuleResult {
  const fromId = id ? dateCell(id.birth, ctx.dateSystem) : null;
  if (v === null || (typeof v === "string" && trimAll(v) === ""))
    return fromId ? ok(fromId, "birth-date-from-id") : ok(null, "birth-date");
  const asOf = ctx.asOf;
  const pd = parseDateValue(v, dateContext(ctx, asOf.getUTCFullYear() - 16));
  if (pd === null)
    return {
      value: v,
      rule: "birth-date",
      issues: [{ code: "birth-date-invalid", params: { value: showValue(v) } }],
    };
  if (pd.d !== undefined) {
    const date = toUtcDate(pd);
    const cell = dateCell(pd, ctx.dateSystem);
    if (
      pd.y < 1800 ||
      date.getTime() > Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate())
    ) {
      return {
        value: v,
        rule: "birth-date",
        issues: [{ code: "birth-date-out-of-range", params: { value: formatPartialDate(pd) } }],
      };
    }
    if (id && !agreesWith(pd, id.birth)) {
      return {
        value: cell,
        rule: "birth-date",
        issues: [
          { code: "birth-date-mismatch", params: { value: showValue(v), expected: ymd(id.birth) } },
        ],
      };
    }
    return ok(cell, "birth-date");
  }
  if (id) {
    if (agreesWith(pd, id.birth)) return ok(fromId, "birth-date-from-id");
    return {
      value: formatPartialDate(pd),
      rule: "birth-date",
      issues: [
        { code: "birth-date-mismatch", params: { value: showValue(v), expected: ymd(id.birth) } },
      ],
    };
  }
  const issues: Issue[] = [
    {
      code: "birth-date-partial",
      params: { value: showValue(v), precision: datePrecision(pd) },
    },
  ];
  // An ambiguous month stays as it was typed, so that the doubt is not lost on the next run.
  if (pd.ambiguousMonth) {
    issues.push({
      code: "birth-date-ambiguous",
      params: { value: showValue(v), read: formatPartialDate(pd) },
    });
    return { value: v, rule: "birth-date", issues };
  }
  return { value: formatPartialDate(pd), rule: "birth-date", issues };
}

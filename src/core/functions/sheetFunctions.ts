/**
 * The registry's rules as worksheet functions compute them (统战.身份证校验 and the others, issue
 * #17): each takes a cell's value and gives a plain value, or why it cannot, as data (the rule's
 * problems: a code and its parameters, rendered where the function returns). The same rules as
 * 校验 and 规范化, nothing of their own. Pure: today comes in as a parameter.
 */
import type { ProblemData } from "../messages/codes";
import { maskId } from "../privacy";
import { FIELD_RULES } from "../rules";
import { normalizeIdNumber } from "../rules/idNumber";
import type { RuleContext } from "../rules/rule";
import type { CellValue } from "../types";

/** A function's answer: a value, or the problems that stop it (at least one). */
export type SheetResult<T> = { ok: true; value: T } | { ok: false; problems: ProblemData[] };

const fail = <T>(problems: ProblemData[]): SheetResult<T> => ({ ok: false, problems });

/** What 身份证校验 says of a number: valid, or its problems (a warning too: 地址码 unknown, 外国人). */
export function checkIdNumber(raw: CellValue, ctx: RuleContext): SheetResult<"valid"> {
  const r = normalizeIdNumber(raw, ctx);
  return r.issues.length > 0 ? fail(r.issues) : { ok: true, value: "valid" };
}

/** The birth date a valid ID number carries (a calendar day at UTC midnight). */
export function birthDateOfId(raw: CellValue, ctx: RuleContext): SheetResult<Date> {
  const r = normalizeIdNumber(raw, ctx);
  if (!r.info) return fail(r.issues);
  const { y, m, d } = r.info.birth;
  return { ok: true, value: new Date(Date.UTC(y, m - 1, d)) };
}

/** The gender a valid ID number carries. */
export function genderOfId(raw: CellValue, ctx: RuleContext): SheetResult<"男" | "女"> {
  const r = normalizeIdNumber(raw, ctx);
  return r.info ? { ok: true, value: r.info.gender } : fail(r.issues);
}

/** A code-table field's canonical text (民族, 政治面貌), as 规范化 writes it; empty stays empty. */
function canonical(field: "ethnicity" | "political", raw: CellValue, ctx: RuleContext) {
  const r = FIELD_RULES[field]!(raw, ctx);
  if (r.issues.length > 0) return fail<string>(r.issues);
  return { ok: true as const, value: r.value === null ? "" : String(r.value) };
}

/** 规范民族: 汉 → 汉族, 僮族 → 壮族, GB/T 3304 codes → names. */
export const canonicalEthnicity = (raw: CellValue, ctx: RuleContext) =>
  canonical("ethnicity", raw, ctx);

/** 规范政治面貌: 民盟盟员 → 中国民主同盟盟员, 中共党员 → 中国共产党党员… */
export const canonicalPolitical = (raw: CellValue, ctx: RuleContext) =>
  canonical("political", raw, ctx);

/**
 * 身份证打码: an ID number as wider eyes may see it (110105********123X). A number typed with
 * spaces or full-width digits is cleaned first; text that is no ID number at all is masked as it is.
 */
export function maskIdNumber(raw: CellValue, ctx: RuleContext): SheetResult<string> {
  if (raw === null || (typeof raw === "string" && raw.trim() === ""))
    return { ok: true, value: "" };
  const key = normalizeIdNumber(raw, ctx).key;
  return { ok: true, value: maskId(key ?? String(raw).trim()) };
}

/**
 * What each worksheet function puts in its cell (统战.身份证校验 and the others, issue #17): the
 * rule's value as Excel takes it (a birth date as a serial number), or the rule's problems in
 * words, in the language Excel speaks. Pure: the day the rules judge by, the workbook's date system
 * and the language come in as parameters (RuleContext, Locale); the Office layer
 * (src/functions/functions.ts) reads them.
 */
import { renderProblem } from "../messages";
import type { ProblemData } from "../messages/codes";
import { dateCell, dateToSerial } from "../rules/dates";
import type { RuleContext } from "../rules/rule";
import type { CellValue, Locale } from "../types";
import {
  type SheetResult,
  birthDateOfId,
  canonicalEthnicity,
  canonicalPolitical,
  checkIdNumber,
  genderOfId,
  maskIdNumber,
} from "./sheetFunctions";

/** A cell's answer: its value, or why there is none (Excel shows it as #VALUE! with this message). */
export type CellAnswer<T> = { ok: true; value: T } | { ok: false; message: string };

/** What 身份证校验 says of a number with no problem. */
export const VALID_TEXT: Readonly<Record<Locale, string>> = { "zh-CN": "有效", en: "Valid" };

const SEPARATOR: Readonly<Record<Locale, string>> = { "zh-CN": "；", en: "; " };

/** The problems' messages, as 校验报告 words them, one after the other. */
export function problemsText(problems: readonly ProblemData[], locale: Locale): string {
  return problems.map((p) => renderProblem(p, locale).message).join(SEPARATOR[locale]);
}

function answer<T>(r: SheetResult<T>, locale: Locale): CellAnswer<T> {
  return r.ok ? r : { ok: false, message: problemsText(r.problems, locale) };
}

/** 身份证校验: “有效”, or what is wrong with the number (a warning too: 地址码, 外国人永久居留证). */
export function idCheckText(raw: CellValue, ctx: RuleContext, locale: Locale): string {
  const r = checkIdNumber(raw, ctx);
  return r.ok ? VALID_TEXT[locale] : problemsText(r.problems, locale);
}

/**
 * 出生日期: the birth date a valid number carries, as the serial number of the workbook's date
 * system (a cell formatted as a date shows it); a day before that system's first (1900-01-01, or
 * 1904-01-01), such as 1880-01-01, as its text, yyyy-mm-dd, as 规范化 writes it: Excel has no serial
 * for it.
 */
export function birthDateAnswer(
  raw: CellValue,
  ctx: RuleContext,
  locale: Locale
): CellAnswer<number | string> {
  const r = birthDateOfId(raw, ctx);
  if (!r.ok) return answer(r, locale);
  const d = r.value;
  const cell = dateCell(
    { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() },
    ctx.dateSystem
  );
  return { ok: true, value: typeof cell === "string" ? cell : dateToSerial(cell, ctx.dateSystem) };
}

/** 身份证性别: 男 or 女, as the number's sequence digit says. */
export const genderAnswer = (raw: CellValue, ctx: RuleContext, locale: Locale) =>
  answer(genderOfId(raw, ctx), locale);

/** 规范民族: the GB/T 3304 name (汉 → 汉族, 僮族 → 壮族); an empty cell gives an empty text. */
export const ethnicityAnswer = (raw: CellValue, ctx: RuleContext, locale: Locale) =>
  answer(canonicalEthnicity(raw, ctx), locale);

/** 规范政治面貌: the GB/T 4762 name (民盟 → 中国民主同盟盟员); an empty cell gives an empty text. */
export const politicalAnswer = (raw: CellValue, ctx: RuleContext, locale: Locale) =>
  answer(canonicalPolitical(raw, ctx), locale);

/** 身份证打码: 110105********123X; never fails (text that is no ID number is masked as it is). */
export function maskedIdText(raw: CellValue, ctx: RuleContext): string {
  const r = maskIdNumber(raw, ctx);
  return r.ok ? r.value : "";
}

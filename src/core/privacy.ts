import { maskId } from "./rules/idNumber";
import { maskPhone } from "./rules/phone";

export { maskId, maskPhone };

/** A digit as people type it: ASCII or full-width. */
const D = "[0-9０-９]";
/** At most one separator inside a number typed in groups: 138 1234 5678, 110105-19491231-002X. */
const SEP = "[-\\s－]?";
/** Standing apart from other digits (letters or punctuation next to it do not hide a number). */
const APART_BEFORE = `(?<!${D})`;
const APART_AFTER = `(?!${D})`;

/** An 18-character ID number (also in groups of 6, 8 and 4), or an old 15-digit one. */
const ID_RE = new RegExp(
  `${APART_BEFORE}(?:(${D}{6})(${SEP})${D}{8}(${SEP})(${D}{3}[0-9０-９XxＸｘ])|(${D}{15}))${APART_AFTER}`,
  "g"
);
/** An 11-digit mobile number, maybe after +86, 0086 or 86, maybe in groups of 3, 4 and 4. */
const MOBILE_RE = new RegExp(
  `${APART_BEFORE}((?:(?:\\+|＋|00|００)?(?:86|８６)${SEP})?[1１][3-9３-９]${D})(${SEP})${D}{4}(${SEP})(${D}{4})${APART_AFTER}`,
  "g"
);
/** A landline with its area code: 0755-12345678, 010 1234567. */
const LANDLINE_RE = new RegExp(`${APART_BEFORE}[0０]${D}{2,3}[-\\s－]${D}{7,8}${APART_AFTER}`, "g");

/**
 * Masks every ID number and phone number inside a text, for anything made for wider eyes:
 * 110105********123X, 138****5678 (the way they were typed: 138 **** 5678, +86 138****5678).
 */
export function maskSensitiveText(s: string): string {
  return s
    .replace(
      ID_RE,
      (_, head: string | undefined, sep1: string, sep2: string, tail: string, old?: string) =>
        old ? maskId(old) : `${head}${sep1}********${sep2}${tail.toUpperCase()}`
    )
    .replace(
      MOBILE_RE,
      (_, head: string, sep1: string, sep2: string, tail: string) =>
        `${head}${sep1}****${sep2}${tail}`
    )
    .replace(LANDLINE_RE, maskPhone);
}

/** Text for the console or a report: masked, unless the user asked to see personal data (--show-pii). */
export function shownText(text: string, showPii = false): string {
  return showPii ? text : maskSensitiveText(text);
}

/** Masks a value of any type; numbers are masked as their digits (an ID Excel stored as a number). */
export function maskSensitiveValue<T>(v: T): T | string {
  if (typeof v === "string") return maskSensitiveText(v);
  if (typeof v === "number" && Number.isFinite(v) && Math.abs(v) >= 1e9) {
    return maskSensitiveText(v.toFixed(0));
  }
  return v;
}

/** Masks every string in a plain data structure (a report on its way to JSON or the console). */
export function maskDeep<T>(data: T): T {
  if (typeof data === "string") return maskSensitiveText(data) as T;
  if (typeof data === "number") return maskSensitiveValue(data) as T;
  if (Array.isArray(data)) return data.map((x) => maskDeep(x)) as T;
  if (data && typeof data === "object" && !(data instanceof Date)) {
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, maskDeep(v)])) as T;
  }
  return data;
}

import type { CellValue } from "./types";

/** Every kind of white space, including the ideographic space (U+3000) and zero-width ones. */
const SPACE_RE = /[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
const ASCII_RE = /^[\x20-\x7e]*$/;

/** NFKC without the cost for plain ASCII strings: full-width digits, letters and spaces become half-width. */
export function nfkc(s: string): string {
  return ASCII_RE.test(s) ? s : s.normalize("NFKC");
}

/** Removes every kind of white space. */
export function stripSpaces(s: string): string {
  return s.replace(SPACE_RE, "");
}

/** Trims every kind of white space at both ends. */
const TRIM_RE = /^[\s\u00a0\u3000\ufeff\u200b]+|[\s\u00a0\u3000\ufeff\u200b]+$/g;

/** Whether a UTF-16 code is one TRIM_RE trims: what \s matches, and the zero-width space. */
function isTrimmedSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function trimAll(s: string): string {
  // Most cells have nothing to trim: look at both ends before running the regex.
  if (
    s.length === 0 ||
    (!isTrimmedSpace(s.charCodeAt(0)) && !isTrimmedSpace(s.charCodeAt(s.length - 1)))
  )
    return s;
  return s.replace(TRIM_RE, "");
}

/** NFKC, then no white space at all: the key used to look text up in code tables and aliases. */
export function lookupKey(s: string): string {
  return stripSpaces(nfkc(s));
}

export function isBlank(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") return trimAll(v) === "";
  return false;
}

export function isValidDate(v: unknown): v is Date {
  return v instanceof Date && !Number.isNaN(v.getTime());
}

/** Text of a cell for looking it up: numbers as plain decimal, dates and booleans as null. */
export function cellText(v: CellValue | undefined): string | null {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

/** Two cell values are the same value (dates compared by time). */
export function sameValue(a: CellValue, b: CellValue): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  }
  if (typeof a === "number" && typeof b === "number") return Object.is(a, b) || a === b;
  return a === b;
}

/** A short, safe rendering of a value for messages. */
export function showValue(v: CellValue): string {
  if (v === null) return "(空)";
  if (v instanceof Date) return isValidDate(v) ? v.toISOString().slice(0, 10) : "(无效日期)";
  const s = String(v);
  return s.length > 60 ? s.slice(0, 57) + "…" : s;
}

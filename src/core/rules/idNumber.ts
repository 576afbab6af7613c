import { isKnownAreaCode } from "../codes/areaCodes";
import { isValidDate, nfkc, stripSpaces, trimAll } from "../text";
import type { CellValue } from "../types";
import { isRealDate } from "./dates";
import { type Issue, NO_ISSUES, type RuleContext, type RuleResult, problem } from "./rule";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

/** GB 11643 check character for the first 17 digits (of a string of 17 or more). */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** A 15-digit number gets "19" after its area code, then its check character. */
export function upgradeId15(id15: string): string {
  const first17 = id15.slice(0, 6) + "19" + id15.slice(6);
  return first17 + idCheckChar(first17);
}

/** What a valid ID number says of its holder. */
export interface IdInfo {
  id: string;
  birth: { y: number; m: number; d: number };
  gender: "男" | "女";
}

export interface IdResult extends RuleResult {
  /** Set only when the number is fully valid. */
  info: IdInfo | null;
  /** The cleaned number whenever it has the shape of an ID (for finding duplicates), else null. */
  key: string | null;
}

/** Masks an ID number for wider eyes: 110105********123X. */
export function maskId(id: string): string {
  return id.length >= 10
    ? id.slice(0, 6) + "*".repeat(id.length - 10) + id.slice(-4)
    : "*".repeat(id.length);
}

const ID18_RE = /^\d{17}[\dX]$/;

/** The number the decimal digits from..to (exclusive) of s spell. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

function cleanIdText(s: string): string {
  let t = stripSpaces(nfkc(s));
  const quoted = /^="(.*)"$/.exec(t); // CSV written as ="110105..."
  if (quoted) t = quoted[1];
  if (t.startsWith("'")) t = t.slice(1);
  return t.replace(/-/g, "").toUpperCase();
}

/**
 * What a valid number says of its kind: a foreign permanent resident ID (外国人永久居留身份证, 2023
 * edition: 9, the province that issued it, a 3-digit nationality code, then the birth date, sequence
 * and check digit as GB 11643 has them) is named as such; a citizen's number, or a residence permit
 * of a Hong Kong, Macao or Taiwan resident (810000, 820000, 830000), is checked for its area code
 * against GB/T 2260 (every edition, retired codes included).
 */
function holderIssues(id: string): Issue[] {
  if (id.charCodeAt(0) === 57 /* 9 */)
    return [{ code: "id-foreign-permanent", params: { value: id } }];
  // Any code of any edition since 1980 will do: numbers keep the code of the county they were
  // first issued in, long after it is renamed or merged. An unknown one is only a warning.
  return isKnownAreaCode(id.slice(0, 6))
    ? NO_ISSUES
    : [{ code: "id-area", params: { value: id, area: id.slice(0, 6) } }];
}

export function normalizeIdNumber(raw: CellValue, ctx: RuleContext): IdResult {
  const none = (r: RuleResult): IdResult => ({ ...r, info: null, key: null });
  if (raw === null || (typeof raw === "string" && trimAll(raw) === ""))
    return none(problem(raw, "id-number", "id-missing"));
  if (typeof raw === "number") {
    // Excel keeps 15 significant digits: a longer number has lost its tail, and no rule can bring it back.
    if (!Number.isFinite(raw) || Math.abs(raw) >= 1e15)
      return none(problem(raw, "id-number", "id-precision-lost", { value: String(raw) }));
    if (!Number.isInteger(raw) || raw < 0)
      return none(problem(raw, "id-number", "id-format", { value: String(raw) }));
  }
  if (typeof raw === "boolean" || raw instanceof Date) {
    const shown =
      raw instanceof Date ? (isValidDate(raw) ? raw.toISOString().slice(0, 10) : "?") : String(raw);
    return none(problem(raw, "id-number", "id-format", { value: shown }));
  }
  const text = typeof raw === "number" ? String(raw) : raw;
  // Most cells already hold a clean 18-character number: nothing to clean.
  const cleaned = ID18_RE.test(text) ? text : text.length > 60 ? text : cleanIdText(text);
  let id: string;
  let rule = "id-number";
  const keep = (): CellValue => (/^[\dX]+$/.test(cleaned) ? cleaned : raw);
  if (/^\d{15}$/.test(cleaned)) {
    const y = 1900 + +cleaned.slice(6, 8);
    if (!isRealDate(y, +cleaned.slice(8, 10), +cleaned.slice(10, 12))) {
      return none(
        problem(keep(), rule, "id-birth-date", {
          value: cleaned,
          date: `19${cleaned.slice(6, 12)}`,
        })
      );
    }
    id = upgradeId15(cleaned);
    rule = "id-15-to-18";
  } else if (ID18_RE.test(cleaned)) {
    id = cleaned;
  } else {
    return none(problem(keep(), rule, "id-format", { value: cleaned }));
  }
  const y = digits(id, 6, 10);
  const m = digits(id, 10, 12);
  const d = digits(id, 12, 14);
  const asOf = ctx.asOf;
  const future =
    Date.UTC(y, m - 1, d) > Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate());
  if (!isRealDate(y, m, d) || y < 1800 || future) {
    return {
      value: id,
      rule,
      issues: [{ code: "id-birth-date", params: { value: id, date: id.slice(6, 14) } }],
      info: null,
      key: id,
    };
  }
  const expected = idCheckChar(id);
  if (expected.charCodeAt(0) !== id.charCodeAt(17)) {
    return {
      value: id,
      rule,
      issues: [{ code: "id-checksum", params: { value: id, expected } }],
      info: null,
      key: id,
    };
  }
  const issues = holderIssues(id);
  const info: IdInfo = {
    id,
    birth: { y, m, d },
    gender: id.charCodeAt(16) % 2 === 1 ? "男" : "女",
  };
  return { value: id, rule, issues, info, key: id };
}

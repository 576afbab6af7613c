import type { ProblemCode } from "../messages";
import { cellText, lookupKey, showValue, trimAll } from "../text";
import type { CellValue } from "../types";
import { type FieldRule, ok, problem } from "./rule";

export interface CodeTable {
  /** Rule name for the change log. */
  rule: string;
  canonical: readonly string[];
  aliases: Readonly<Record<string, string>>;
  /** Codes typed as numbers (1..n, 01..n) map to canonical[code - 1]. */
  numericCodes: boolean;
  /** A suffix that may be left off (民族: "蒙古" for 蒙古族). */
  optionalSuffix?: string;
  invalid: ProblemCode;
}

/** Builds the lookup once: canonical names and aliases, keyed by NFKC text without spaces, upper-cased. */
export function buildLookup(t: CodeTable): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of t.canonical) map.set(lookupKey(c).toUpperCase(), c);
  for (const [alias, c] of Object.entries(t.aliases)) map.set(lookupKey(alias).toUpperCase(), c);
  if (t.numericCodes) {
    t.canonical.forEach((c, i) => {
      map.set(String(i + 1), c);
      map.set(String(i + 1).padStart(2, "0"), c);
    });
  }
  if (t.optionalSuffix) {
    for (const c of t.canonical) {
      if (c.endsWith(t.optionalSuffix) && c.length > t.optionalSuffix.length) {
        const bare = c.slice(0, -t.optionalSuffix.length);
        if (!map.has(bare)) map.set(bare, c);
      }
    }
  }
  return map;
}

/** A rule that maps a cell to one canonical name of a code table, or reports it. */
export function codeRule(t: CodeTable): FieldRule {
  const lookup = buildLookup(t);
  return (v: CellValue) => {
    if (v === null || (typeof v === "string" && trimAll(v) === "")) return ok(null, t.rule);
    const text = cellText(v);
    // Most cells hold a canonical name already: tried as it is before the key is made.
    const hit =
      text === null || text.length > 50
        ? undefined
        : (lookup.get(text) ?? lookup.get(lookupKey(text).toUpperCase()));
    if (hit === undefined) return problem(v, t.rule, t.invalid, { value: showValue(v) });
    return ok(hit, t.rule);
  };
}

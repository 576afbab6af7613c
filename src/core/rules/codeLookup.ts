import type { ValueProblemCode } from "../messages/codes";
import { cellText, lookupKey, showValue, trimAll } from "../text";
import type { CellValue } from "../types";
import { type FieldRule, ok, problem } from "./rule";

type Aliases = Readonly<Record<string, string>>;

export interface CodeTable {
  /** Rule name for the change log. */
  rule: string;
  canonical: readonly string[];
  /** Other names for canonical ones: one table, or several (each key may name only one value). */
  aliases: Aliases | readonly Aliases[];
  /**
   * Former official names (old → canonical). They map like aliases; a change from one is logged
   * under `rule` of this object, so that the log says the name was changed, not misspelt.
   */
  renamed?: { rule: string; names: Aliases };
  /** Codes typed as numbers (1..n, 01..n) map to canonical[code - 1]. */
  numericCodes: boolean;
  /** A suffix that may be left off (民族: "蒙古" for 蒙古族). */
  optionalSuffix?: string;
  /**
   * Known values that are not in the table, each with the problem that names it (a group outside
   * the 56, an ambiguous label …); tried when the lookup fails. Keys are matched like aliases.
   */
  named?: Readonly<Record<string, ValueProblemCode>>;
  /** Patterns tried on the lookup key after `named`, in order. */
  namedPatterns?: readonly (readonly [RegExp, ValueProblemCode])[];
  /** The problem for any other value. */
  invalid: ValueProblemCode;
}

/** The key a text is looked up by: NFKC, no spaces, upper-cased. */
export function codeKey(text: string): string {
  return lookupKey(text).toUpperCase();
}

/**
 * Builds the lookup once: canonical names, aliases and former names, keyed by codeKey; numeric
 * codes; canonical names without their optional suffix. Throws if one key would name two values
 * (a mistake in the tables, caught when the module loads).
 */
export function buildLookup(t: CodeTable): Map<string, string> {
  const map = new Map<string, string>();
  const put = (text: string, value: string) => {
    const key = codeKey(text);
    const before = map.get(key);
    if (before !== undefined && before !== value)
      throw new Error(`${t.rule}: "${text}" names both ${before} and ${value}`);
    map.set(key, value);
  };
  for (const c of t.canonical) put(c, c);
  for (const table of ([] as Aliases[]).concat(t.aliases))
    for (const [alias, c] of Object.entries(table)) put(alias, c);
  for (const [old, c] of Object.entries(t.renamed?.names ?? {})) put(old, c);
  if (t.numericCodes) {
    t.canonical.forEach((c, i) => {
      put(String(i + 1), c);
      put(String(i + 1).padStart(2, "0"), c);
    });
  }
  if (t.optionalSuffix) {
    for (const c of t.canonical) {
      if (c.endsWith(t.optionalSuffix) && c.length > t.optionalSuffix.length) {
        const bare = c.slice(0, -t.optionalSuffix.length);
        if (!map.has(codeKey(bare))) put(bare, c);
      }
    }
  }
  return map;
}

/** The named values keyed like the lookup; throws if one is also in the lookup. */
function buildNamed(t: CodeTable, lookup: Map<string, string>): Map<string, ValueProblemCode> {
  const named = new Map<string, ValueProblemCode>();
  for (const [text, code] of Object.entries(t.named ?? {})) {
    const key = codeKey(text);
    if (lookup.has(key))
      throw new Error(`${t.rule}: "${text}" is both ${lookup.get(key)} and a ${code}`);
    named.set(key, code);
  }
  return named;
}

/** A rule that maps a cell to one canonical name of a code table, or reports it. */
export function codeRule(t: CodeTable): FieldRule {
  const lookup = buildLookup(t);
  const named = buildNamed(t, lookup);
  const renamed = new Set(Object.keys(t.renamed?.names ?? {}).map(codeKey));
  return (v: CellValue) => {
    if (v === null || (typeof v === "string" && trimAll(v) === "")) return ok(null, t.rule);
    const text = cellText(v);
    if (text === null || text.length > 50)
      return problem(v, t.rule, t.invalid, { value: showValue(v) });
    // Most cells hold a canonical name already: tried as it is before the key is made.
    const key = lookup.has(text) ? text : codeKey(text);
    const hit = lookup.get(key);
    if (hit !== undefined) return ok(hit, t.renamed && renamed.has(key) ? t.renamed.rule : t.rule);
    const code =
      named.get(key) ?? t.namedPatterns?.find(([pattern]) => pattern.test(key))?.[1] ?? t.invalid;
    return problem(v, t.rule, code, { value: showValue(v) });
  };
}

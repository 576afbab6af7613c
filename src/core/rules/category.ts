import { CATEGORIES, CATEGORY_ALIASES, CATEGORY_SEPARATOR, type Category } from "../codes/category";
import { cellText, lookupKey, showValue, trimAll } from "../text";
import type { CellValue } from "../types";
import { type FieldRule, type Issue, type RuleResult, ok } from "./rule";

/** Every name that means a category, longest first so that "香港同胞、澳门同胞" wins over "香港同胞". */
const NAMES: [string, Category][] = [
  ...CATEGORIES.map((c): [string, Category] => [lookupKey(c), c]),
  ...Object.entries(CATEGORY_ALIASES).map(([a, c]): [string, Category] => [lookupKey(a), c]),
].sort((a, b) => b[0].length - a[0].length);

const SEPARATORS = new Set(["、", ",", "，", ";", "；", "/", "／", "|", "和", "及"]);

/**
 * Several categories allowed: each name or short form is found in the text, the rest must be separators.
 * Output: the canonical names, in the regulations' order, joined by "、".
 */
export const normalizeCategory: FieldRule = (v: CellValue) => {
  if (typeof v !== "string" || v.length > 60) return categoryOf(v);
  // A registry repeats a handful of texts: each is worked out once.
  let r = seen.get(v);
  if (!r) {
    r = categoryOf(v);
    if (seen.size < MAX_SEEN) seen.set(v, r);
  }
  return r;
};

const MAX_SEEN = 5000;
const seen = new Map<string, RuleResult>();

function categoryOf(v: CellValue): RuleResult {
  if (v === null || (typeof v === "string" && trimAll(v) === "")) return ok(null, "category");
  const text = cellText(v);
  if (text === null || text.length > 200) {
    return {
      value: v,
      rule: "category",
      issues: [{ code: "category-invalid", params: { part: showValue(v) } }],
    };
  }
  const s = lookupKey(text);
  const found = new Set<Category>();
  const unknown: string[] = [];
  let pending = "";
  let i = 0;
  while (i < s.length) {
    const hit = NAMES.find(([name]) => s.startsWith(name, i));
    if (hit) {
      if (pending) unknown.push(pending);
      pending = "";
      found.add(hit[1]);
      i += hit[0].length;
    } else if (SEPARATORS.has(s[i])) {
      if (pending) unknown.push(pending);
      pending = "";
      i++;
    } else {
      pending += s[i++];
    }
  }
  if (pending) unknown.push(pending);
  if (unknown.length > 0) {
    const issues: Issue[] = unknown.map((part) => ({ code: "category-invalid", params: { part } }));
    return { value: v, rule: "category", issues };
  }
  if (found.size === 0)
    return {
      value: v,
      rule: "category",
      issues: [{ code: "category-invalid", params: { part: text } }],
    };
  const value = CATEGORIES.filter((c) => found.has(c)).join(CATEGORY_SEPARATOR);
  return ok(value, "category");
}

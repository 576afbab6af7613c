import { cellText, nfkc, showValue, stripSpaces, trimAll } from "../text";
import type { CellValue } from "../types";
import { type FieldRule, ok, problem } from "./rule";

const CN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 … 二十 as a number; null for anything else. */
export function parseChineseNumber(s: string): number | null {
  if (s in CN_DIGITS) return CN_DIGITS[s];
  const m = /^([一二两三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(s);
  if (!m) return null;
  return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[2] ? CN_DIGITS[m[2]] : 0);
}

/** 家庭人口: "3人", "3 口", "三人", 3 → 3; 1..20. */
export const normalizeHouseholdSize: FieldRule = (v: CellValue) => {
  if (v === null || (typeof v === "string" && trimAll(v) === "")) return ok(null, "household-size");
  const bad = () => problem(v, "household-size", "household-invalid", { value: showValue(v) });
  let n: number | null = null;
  if (typeof v === "number") n = v;
  else {
    const text = cellText(v);
    if (text === null || text.length > 20) return bad();
    const s = stripSpaces(nfkc(text)).replace(/[人口名个]$/, "");
    n = /^\d+$/.test(s) ? +s : parseChineseNumber(s);
  }
  if (n === null || !Number.isInteger(n) || n < 1 || n > 20) return bad();
  return ok(n, "household-size");
};

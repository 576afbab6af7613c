import { cellText, nfkc, showValue, stripSpaces, trimAll } from "../text";
import type { CellValue } from "../types";
import { type FieldRule, ok, problem } from "./rule";

/** Masks a phone number for wider eyes: 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return "*".repeat(phone.length);
  return phone.length === 11 && /^\d+$/.test(phone)
    ? phone.slice(0, 3) + "****" + phone.slice(7)
    : phone.slice(0, Math.max(0, phone.length - 8)) + "****" + phone.slice(-4);
}

/** One number in canonical form (13812345678 or 0755-12345678), or null. */
export function canonicalPhone(part: string): string | null {
  let s = stripSpaces(nfkc(part)).replace(/[()（）\-—–.]/g, "");
  if (s.startsWith("+86")) s = s.slice(3);
  else if (s.startsWith("0086")) s = s.slice(4);
  else if (/^86(1[3-9]\d{9})$/.test(s)) s = s.slice(2);
  if (/^1[3-9]\d{9}$/.test(s)) return s;
  // A landline after +86 loses its leading 0: +86 755 12345678.
  if (/^[1-9]\d{8,10}$/.test(s) && part.replace(/\s/g, "").match(/^(\+86|0086)/)) s = "0" + s;
  const m = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$/.exec(s);
  return m ? `${m[1]}-${m[2]}` : null;
}

const MOBILE_RE = /^1[3-9]\d{9}$/;
const SPLIT_RE = /[/／,，;；、]|\s{2,}|或/;

/** Mobile numbers and landlines: +86, 0086, dashes, spaces and full-width digits removed. */
export const normalizePhone: FieldRule = (v: CellValue) => {
  if (v === null || (typeof v === "string" && trimAll(v) === "")) return ok(null, "phone");
  // Most cells hold one mobile number as it should be.
  if (typeof v === "string" && MOBILE_RE.test(v)) return ok(v, "phone");
  const text = cellText(v);
  if (text === null || text.length > 100)
    return problem(v, "phone", "phone-invalid", { value: showValue(v) });
  const parts = nfkc(text)
    .split(SPLIT_RE)
    .map(trimAll)
    .filter((p) => p !== "");
  const canon = parts.map(canonicalPhone);
  if (canon.length === 0 || canon.some((c) => c === null))
    return problem(v, "phone", "phone-invalid", { value: showValue(v) });
  if (canon.length === 1) return ok(canon[0], "phone");
  return problem(canon.join("、"), "phone", "phone-multiple", { count: canon.length });
};

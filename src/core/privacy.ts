import { maskId } from "./rules/idNumber";
import { maskPhone } from "./rules/phone";

export { maskId, maskPhone };

/** An 18- or 15-character ID number, or an 11-digit mobile, standing alone in text. */
const ID_RE = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const MOBILE_RE = /(?<!\d)(1[3-9]\d{9})(?!\d)/g;
const LANDLINE_RE = /(?<!\d)(0\d{2,3}-\d{7,8})(?!\d)/g;

/**
 * Masks every ID number and phone number inside a text, for anything made for wider eyes:
 * 110105********123X, 138****5678.
 */
export function maskSensitiveText(s: string): string {
  return s
    .replace(ID_RE, (id) => maskId(id.toUpperCase()))
    .replace(MOBILE_RE, maskPhone)
    .replace(LANDLINE_RE, maskPhone);
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

import { dateToSerial } from "../../core/rules/dates";
import type { CellValue } from "../../core/types";

/** A value as Office.js takes it in range.values. */
export type ExcelValue = string | number | boolean;

/** Number format of date cells, as the exceljs host and the plan write them. */
export const DATE_FORMAT = "yyyy-mm-dd";

/**
 * Text that Excel would not keep as typed when written through range.values: Office.js parses a
 * string like keyboard input, so "=…", "+…", "-…" and "@…" become formulas, and digits, dates,
 * times, fractions, percentages, currency, TRUE/FALSE and a leading apostrophe are converted.
 */
const PARSED_START = /^\s*[=+\-@'#.(\d０-９＝＋－＠$¥￥€£]/;
const PARSED_WORD =
  /^\s*(true|false|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d)/i;

export function excelWouldParse(s: string): boolean {
  return PARSED_START.test(s) || PARSED_WORD.test(s);
}

/**
 * A core value for range.values. Text that Excel would parse gets a leading apostrophe: Excel
 * stores the rest as text, exactly (the apostrophe is not part of the value; the cell only gets
 * Excel's "quote prefix" flag). We do not set the "@" text format instead: it would change the
 * cell's format (and how a user's later input is taken) where the exceljs host leaves General.
 * Dates become serial numbers in the workbook's date system (the column or cell gets DATE_FORMAT).
 */
export function toExcelValue(v: CellValue | undefined, dateSystem: 1900 | 1904): ExcelValue {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : dateToSerial(v, dateSystem);
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (typeof v === "string") return v !== "" && excelWouldParse(v) ? "'" + v : v;
  return v;
}

/** A value read from range.values as the core takes it: an empty cell is null. */
export function fromExcelValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

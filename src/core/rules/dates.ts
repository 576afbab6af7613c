import { isValidDate, nfkc, stripSpaces } from "../text";
import type { CellValue } from "../types";
import type { DatePrecision } from "../messages/codes";
import { arabicDate } from "./chineseDate";

/** A date as precise as the source gave it: a year, a month or a day. */
export interface PartialDate {
  y: number;
  m?: number;
  d?: number;
  /** Read from "yyyy.1", which Excel also makes of "yyyy.10": month 1 or 10. */
  ambiguousMonth?: boolean;
}

export interface DateContext {
  dateSystem: 1900 | 1904;
  /** The cell's number format, where the host knows it. */
  numFmt?: string | null;
  /** Two-digit years up to this year are read as 20yy, later ones as 19yy. */
  twoDigitYearMax: number;
}

const DAY_MS = 86400000;
/** Largest serial Excel shows as a date: 9999-12-31. */
const MAX_SERIAL = 2958465;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[m - 1] ?? 0;
}

export function isRealDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1000 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/** A date number format: y or d outside quotes and brackets ("General", "0.00", "@" are not). */
export function isDateFormat(numFmt: string | null | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return /[yd]/i.test(bare);
}

/** Excel serial to a calendar day, in either date system; null where it is no real day (e.g. the fake 1900-02-29). */
export function serialToDate(serial: number, dateSystem: 1900 | 1904): PartialDate | null {
  if (!Number.isFinite(serial) || serial < (dateSystem === 1904 ? 0 : 1) || serial > MAX_SERIAL)
    return null;
  const whole = Math.floor(serial);
  let ms: number;
  if (dateSystem === 1904) ms = Date.UTC(1904, 0, 1) + whole * DAY_MS;
  else if (whole < 60) ms = Date.UTC(1899, 11, 31) + whole * DAY_MS;
  else if (whole === 60) return null;
  else ms = Date.UTC(1899, 11, 30) + whole * DAY_MS;
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function dateToSerial(date: Date, dateSystem: 1900 | 1904): number {
  const ms = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (dateSystem === 1904) return Math.round((ms - Date.UTC(1904, 0, 1)) / DAY_MS);
  const days = Math.round((ms - Date.UTC(1899, 11, 30)) / DAY_MS);
  return days < 61 ? days - 1 : days;
}

/**
 * A number in a cell with a date format as the day it shows, its time of day kept; null where it
 * shows no real day (the fake 1900-02-29, a serial out of range). Every host reads date cells so.
 */
export function serialToDateTime(serial: number, dateSystem: 1900 | 1904): Date | null {
  const d = serialToDate(serial, dateSystem);
  if (!d || d.m === undefined || d.d === undefined) return null;
  const ms = Math.round((serial - Math.floor(serial)) * DAY_MS);
  return new Date(Date.UTC(d.y, d.m - 1, d.d) + ms);
}

/** The serial number of a date and its time of day (dateToSerial's day, plus the fraction of the day). */
export function dateTimeToSerial(date: Date, dateSystem: 1900 | 1904): number {
  const dayMs = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const frac = (date.getTime() - dayMs) / DAY_MS;
  return dateToSerial(date, dateSystem) + frac;
}

function make(y: number, m?: number, d?: number): PartialDate | null {
  if (!Number.isInteger(y) || y < 1000 || y > 9999) return null;
  if (m === undefined) return { y };
  if (!Number.isInteger(m) || m < 1 || m > 12) return null;
  if (d === undefined) return { y, m };
  return isRealDate(y, m, d) ? { y, m, d } : null;
}

function expandYear(yy: number, max: number): number {
  return 2000 + yy <= max ? 2000 + yy : 1900 + yy;
}

const FULL_RE = /^(\d{4})(?:[./\-年](\d{1,2})(?:[./\-月](\d{1,2})日?)?月?)?年?$/;
const SHORT_RE = /^(\d{2})[./\-年](\d{1,2})(?:[./\-月](\d{1,2})日?)?月?$/;
const TIME_RE = /[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function parseDateText(raw: string, ctx: DateContext): PartialDate | null {
  if (raw.length > 40) return null;
  const s = arabicDate(stripSpaces(nfkc(raw).replace(TIME_RE, "")));
  let m = FULL_RE.exec(s);
  if (m) {
    const pd = make(
      +m[1],
      m[2] === undefined ? undefined : +m[2],
      m[3] === undefined ? undefined : +m[3]
    );
    if (pd && m[2] === "1" && m[3] === undefined && /^\d{4}\.1$/.test(s)) pd.ambiguousMonth = true;
    return pd;
  }
  m = /^(\d{4})(\d{2})(\d{2})?$/.exec(s);
  if (m) return make(+m[1], +m[2], m[3] === undefined ? undefined : +m[3]);
  m = /^(\d{2})年$/.exec(s);
  if (m) return make(expandYear(+m[1], ctx.twoDigitYearMax));
  m = SHORT_RE.exec(s);
  if (m)
    return make(
      expandYear(+m[1], ctx.twoDigitYearMax),
      +m[2],
      m[3] === undefined ? undefined : +m[3]
    );
  if (/^\d{5}$/.test(s)) return serialToDate(+s, ctx.dateSystem);
  return null;
}

function parseDateNumber(n: number, ctx: DateContext): PartialDate | null {
  if (!Number.isFinite(n)) return null;
  if (isDateFormat(ctx.numFmt)) return serialToDate(n, ctx.dateSystem);
  if (Number.isInteger(n)) {
    if (n >= 18000101 && n <= 99991231)
      return make(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
    if (n >= 180001 && n <= 999912) return make(Math.floor(n / 100), n % 100);
    if (n >= 1800 && n <= 2200) return make(n);
    return serialToDate(n, ctx.dateSystem);
  }
  const whole = Math.floor(n);
  const frac = n - whole;
  if (whole >= 1800 && whole <= 9999) return fromYearFraction(whole, frac);
  if (whole >= 0 && whole <= 99)
    return fromYearFraction(expandYear(whole, ctx.twoDigitYearMax), frac);
  return serialToDate(n, ctx.dateSystem);
}

/** 1965.03 → March 1965; 1965.3 → March; 1965.1 → January (or October: ambiguous); 1965.0312 → 12 March. */
function fromYearFraction(y: number, frac: number): PartialDate | null {
  const f4 = Math.round(frac * 10000);
  if (f4 % 100 !== 0) return make(y, Math.floor(f4 / 100), f4 % 100);
  const f2 = f4 / 100;
  if (f2 % 10 === 0) {
    const pd = make(y, f2 / 10);
    if (pd && f2 === 10) pd.ambiguousMonth = true;
    return pd;
  }
  return make(y, f2);
}

/** Reads a date in any form old workbooks hold; null when it cannot be read. */
export function parseDateValue(v: CellValue, ctx: DateContext): PartialDate | null {
  if (v instanceof Date) {
    if (!isValidDate(v)) return null;
    return make(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  if (typeof v === "number") return parseDateNumber(v, ctx);
  if (typeof v === "string") return parseDateText(v, ctx);
  return null;
}

export function toUtcDate(pd: PartialDate): Date {
  return new Date(Date.UTC(pd.y, (pd.m ?? 1) - 1, pd.d ?? 1));
}

/**
 * A full date as the cell it becomes: a date, or its text (yyyy-mm-dd) where the workbook's date
 * system has no serial for it (before 1900-01-01, or 1904-01-01): Excel shows such a serial as ####
 * and readers take it a day off.
 */
export function dateCell(pd: PartialDate, dateSystem: 1900 | 1904): Date | string {
  const date = toUtcDate(pd);
  return date.getTime() < Date.UTC(dateSystem, 0, 1) ? formatPartialDate(pd) : date;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "1965-03-12", "1965-03" or "1965". */
export function formatPartialDate(pd: PartialDate): string {
  return pd.m === undefined
    ? String(pd.y)
    : pd.d === undefined
      ? `${pd.y}-${pad(pd.m)}`
      : `${pd.y}-${pad(pd.m)}-${pad(pd.d)}`;
}

/** Does a less precise date agree with a full one? (month 1 or 10 for an ambiguous one) */
export function agreesWith(
  pd: PartialDate,
  full: Required<Pick<PartialDate, "y" | "m" | "d">>
): boolean {
  if (pd.y !== full.y) return false;
  if (pd.m === undefined) return true;
  if (pd.m !== full.m && !(pd.ambiguousMonth && full.m === 10)) return false;
  return pd.d === undefined || pd.d === full.d;
}

/** How exact a partial date is (for its message): the year only, or the year and month. */
export function datePrecision(pd: PartialDate): DatePrecision {
  return pd.m === undefined ? "year" : "month";
}

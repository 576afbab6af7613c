/** What the contact and suggestion forms share: their context, and the checks of a date and a text. */
import { type PartialDate, dateCell } from "../rules/dates";
import { isValidDate, trimAll } from "../text";
import type { z } from "../zod";
import { type LogSheet, type LogSpec, planAppend } from "./append";
import { calendarDay, isoDay } from "./days";
import { type RecordError, recordError } from "./errors";
import type { RegistryMember } from "./members";

export interface EntryContext {
  /** The user's today: their calendar day at UTC midnight (the host reads its clock; dayOf). */
  today: Date;
  /** The workbook's date system. */
  dateSystem?: 1900 | 1904;
  /** The registry's members (registryMembers). */
  members: readonly RegistryMember[];
  /** The log sheet as it is, or null when the workbook has none. */
  log: LogSheet | null;
}

/** The day of an entry (today when none is given), or why it cannot be one. */
export function entryDay(date: Date | undefined, today: Date): Date | RecordError {
  if (date === undefined) return calendarDay(today);
  if (!isValidDate(date)) return recordError("date-invalid", {});
  const day = calendarDay(date);
  return day.getTime() > calendarDay(today).getTime()
    ? recordError("date-in-future", { date: isoDay(day), today: isoDay(today) })
    : day;
}

/** A day as the cell it becomes in the workbook's date system (text before its first day). */
export function dayCell(day: Date, dateSystem: 1900 | 1904 = 1900): Date | string {
  const pd: PartialDate = {
    y: day.getUTCFullYear(),
    m: day.getUTCMonth() + 1,
    d: day.getUTCDate(),
  };
  return dateCell(pd, dateSystem);
}

/** Text as written to a cell: trimmed, null when empty. */
export function cellTextOf(s: string | undefined | null): string | null {
  if (s === undefined || s === null) return null;
  const t = trimAll(s);
  return t === "" ? null : t;
}

/** A form entry of the wrong shape, as errors (one per field; an invalid Date is date-invalid). */
export function shapeErrors(error: z.ZodError): RecordError[] {
  const fields = [...new Set(error.issues.map((i) => i.path.map(String).join(".") || "entry"))];
  return fields.map((field) =>
    field === "date" ? recordError("date-invalid", {}) : recordError("entry-invalid", { field })
  );
}

/** What stops any row from being appended to a log (its header cannot be found), found with the entry's own errors. */
export function logErrors(spec: LogSpec, log: LogSheet | null): RecordError[] {
  const planned = planAppend(spec, log, []);
  return planned.ok ? [] : planned.errors;
}

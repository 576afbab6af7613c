/**
 * Calendar days as the engine takes them: a Date at UTC midnight, its UTC fields the local
 * calendar day (the host turns its own clock into one: localTime.ts's dayOf). No clock, no zone.
 */
import { isValidDate } from "../text";

const DAY_MS = 86_400_000;

/** The calendar day a date stands for (its UTC fields), at UTC midnight; its time of day dropped. */
export function calendarDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** The day n days later (earlier for a negative n). */
export function addDays(d: Date, n: number): Date {
  return new Date(calendarDay(d).getTime() + n * DAY_MS);
}

/** Whole days from a to b (negative when b is before a). */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((calendarDay(b).getTime() - calendarDay(a).getTime()) / DAY_MS);
}

/** "2026-12-05". */
export function isoDay(d: Date): string {
  return calendarDay(d).toISOString().slice(0, 10);
}

/** A day of the calendar; null where it is no real date. */
export function validDay(d: Date | null | undefined): Date | null {
  return d && isValidDate(d) ? calendarDay(d) : null;
}

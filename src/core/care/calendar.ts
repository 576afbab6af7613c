/**
 * Anniversaries on the calendar: a birthday's next day, a year back. Someone born on 29 February
 * is reminded of on 28 February in a common year, as is usual in China (the greeting comes on the
 * last day of their month, not after it); every other day is kept as it is. This is the day of a
 * reminder only: the summary's age groups (summary/compute.ts) count the new age from 1 March.
 */
import { daysInMonth } from "../rules/dates";
import { daysBetween } from "../records/days";

/** The day of a month and day in a year: 29 February becomes 28 February in a common year. */
export function anniversaryIn(
  month: number,
  day: number,
  year: number
): { date: Date; leapDay: boolean } {
  const leapDay = month === 2 && day === 29 && daysInMonth(year, 2) === 28;
  return { date: new Date(Date.UTC(year, month - 1, leapDay ? 28 : day)), leapDay };
}

export interface NextBirthday {
  /** The day it is kept. */
  date: Date;
  /** Days from the day asked about: 0 when the birthday is that day. */
  inDays: number;
  /** The age reached on it. */
  age: number;
  /** Born on 29 February, kept on 28 February this time. */
  leapDay: boolean;
}

/** The first birthday on or after a day; null for someone not born by then. */
export function nextBirthday(birth: Date, asOf: Date): NextBirthday | null {
  if (birth.getTime() > asOf.getTime()) return null;
  const m = birth.getUTCMonth() + 1;
  const d = birth.getUTCDate();
  let year = asOf.getUTCFullYear();
  let next = anniversaryIn(m, d, year);
  if (next.date.getTime() < asOf.getTime()) next = anniversaryIn(m, d, ++year);
  return { ...next, inDays: daysBetween(asOf, next.date), age: year - birth.getUTCFullYear() };
}

/** The same day a year earlier (29 February → 28 February). */
export function yearBefore(day: Date): Date {
  return anniversaryIn(day.getUTCMonth() + 1, day.getUTCDate(), day.getUTCFullYear() - 1).date;
}

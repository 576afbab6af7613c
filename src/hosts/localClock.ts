import { type LocalTime, dayOf, formatOffset } from "../core/localTime";

/**
 * The host's clock, read in the time zone of the machine or browser it runs in (a command line
 * uses the system's; Excel and the web page the user's): what the engine is given as "now" and
 * "today". Never the UTC date, which in China is yesterday until 08:00.
 */
export function localNow(now: Date = new Date()): LocalTime {
  return {
    wall: new Date(
      Date.UTC(
        now.getFullYear(),
        now.getMonth(),
        now.getDate(),
        now.getHours(),
        now.getMinutes(),
        now.getSeconds()
      )
    ),
    offsetMinutes: -now.getTimezoneOffset(),
  };
}

/** Today in the user's time zone, as the engine takes days (UTC midnight of that day). */
export function localToday(now: Date = new Date()): Date {
  return dayOf(localNow(now));
}

/** The moment in ISO 8601 with the local offset: 2026-12-05T07:59:00+08:00 (report.json's createdAt). */
export function localIsoString(now: Date = new Date()): string {
  const t = localNow(now);
  const off = formatOffset(t.offsetMinutes).slice(3);
  return `${t.wall.toISOString().slice(0, 19)}${off}`;
}

/** Today as yyyy-mm-dd, the value of a date input. */
export function localTodayText(now: Date = new Date()): string {
  return localToday(now).toISOString().slice(0, 10);
}

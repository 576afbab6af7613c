/**
 * A moment as the user's clock shows it. The engine has no clock and no time zone: the host reads
 * its own (the system's time zone on the command line, the browser's or Excel's in the task pane)
 * and hands the engine this.
 */
export interface LocalTime {
  /** The wall-clock date and time, held in the UTC fields (as every date of the engine is). */
  wall: Date;
  /** Minutes east of UTC: 480 in China. */
  offsetMinutes: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "UTC+08:00", "UTC-05:30", "UTC+00:00". */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const a = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** "2026-12-05 07:59（UTC+08:00）": the user's time, with the zone it is in. */
export function formatLocalTime(t: LocalTime): string {
  const w = t.wall;
  const day = `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
  return `${day} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}（${formatOffset(t.offsetMinutes)}）`;
}

/** The calendar day of a local time, as the engine takes days (UTC midnight). */
export function dayOf(t: LocalTime): Date {
  const w = t.wall;
  return new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate()));
}

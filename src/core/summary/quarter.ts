import { lookupKey } from "../text";

export interface Quarter {
  year: number;
  /** 1..4 */
  q: number;
  /** First and last day, UTC midnight, both included. */
  start: Date;
  end: Date;
  /** 2026Q3 */
  label: string;
}

const CN_Q: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

export function quarterOf(year: number, q: number): Quarter {
  return {
    year,
    q,
    start: new Date(Date.UTC(year, (q - 1) * 3, 1)),
    end: new Date(Date.UTC(year, q * 3, 0)),
    label: `${year}Q${q}`,
  };
}

/** 2026Q3, 2026-Q3, 2026 q3, 2026年第三季度, 2026年第3季度, 2026年三季度 → the quarter; null if none. */
export function parseQuarter(text: string): Quarter | null {
  const s = lookupKey(text).toUpperCase();
  let m = /^(\d{4})[-_/]?Q([1-4])$/.exec(s);
  if (m) return quarterOf(+m[1], +m[2]);
  m = /^(\d{4})年?第?([一二三四1-4])季度?$/.exec(s);
  if (m) return quarterOf(+m[1], CN_Q[m[2]]);
  return null;
}

/** The quarter of a day. */
export function quarterOfDay(day: Date): Quarter {
  return quarterOf(day.getUTCFullYear(), Math.floor(day.getUTCMonth() / 3) + 1);
}

/** The last quarter that has ended by a day (the one a summary is usually made for). */
export function lastFinishedQuarter(today: Date): Quarter {
  return previousQuarter(quarterOfDay(today));
}

export function previousQuarter(q: Quarter): Quarter {
  return q.q === 1 ? quarterOf(q.year - 1, 4) : quarterOf(q.year, q.q - 1);
}

export function inQuarter(d: Date, q: Quarter): boolean {
  const t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return t >= q.start.getTime() && t <= q.end.getTime();
}

export function quarterRangeText(q: Quarter): string {
  const f = (d: Date) => d.toISOString().slice(0, 10);
  return `${f(q.start)} 至 ${f(q.end)}`;
}

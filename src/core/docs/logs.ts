import { parseDateValue } from "../rules/dates";
import { cellText, lookupKey } from "../text";
import type { CellValue } from "../types";

export const MEETING_LOG_SHEET = "例会台账";
export const MEETING_LOG_HEADERS = [
  "会议日期",
  "期次",
  "所在支部",
  "召集人",
  "参会人数",
  "议题",
  "问题分析",
  "改进措施",
  "记录人",
];
export const BULLETIN_LOG_SHEET = "通报台账";
export const BULLETIN_LOG_HEADERS = [
  "期号",
  "通报日期",
  "通报范围",
  "工作动态",
  "企业情况",
  "形势通报",
  "征集意见数",
  "采纳意见数",
];

export const CONTACT_LOG_SHEET = "联谊活动记录";
export const CONTACT_LOG_HEADERS = [
  "活动日期",
  "成员姓名",
  "公民身份号码",
  "活动类型",
  "内容",
  "联系人",
  "跟进情况",
];
export const SUGGESTION_LOG_SHEET = "意见建议";
export const SUGGESTION_LOG_HEADERS = [
  "提出日期",
  "提出人",
  "公民身份号码",
  "内容",
  "是否采纳",
  "落实情况",
];

/** A log sheet read by its headers: each row as header → value. */
export interface LogTable {
  /** 1-based row of the header, 0 when the sheet has none (a new log). */
  headerRow: number;
  /** 1-based column of each known header. */
  columns: Record<string, number>;
  records: { row: number; values: Record<string, CellValue> }[];
}

/** Reads a log sheet by its headers (found in the first 10 rows; spaces and full-width forms ignored). */
export function readLog(
  rows: readonly (readonly CellValue[])[],
  headers: readonly string[],
  aliases: Readonly<Record<string, string>> = {}
): LogTable {
  const wanted = new Map([
    ...Object.entries(aliases).map(([a, h]): [string, string] => [lookupKey(a), h]),
    ...headers.map((h): [string, string] => [lookupKey(h), h]),
  ]);
  let best = -1;
  let bestCols: Record<string, number> = {};
  rows.slice(0, 10).forEach((r, i) => {
    const cols: Record<string, number> = {};
    r.forEach((v, c) => {
      const t = cellText(v);
      const h = t === null ? undefined : wanted.get(lookupKey(t));
      if (h && cols[h] === undefined) cols[h] = c + 1;
    });
    if (Object.keys(cols).length > Object.keys(bestCols).length) {
      best = i;
      bestCols = cols;
    }
  });
  if (best < 0 || Object.keys(bestCols).length < 2)
    return { headerRow: 0, columns: {}, records: [] };
  const records = rows.slice(best + 1).flatMap((r, k) => {
    const values: Record<string, CellValue> = {};
    let any = false;
    for (const [h, c] of Object.entries(bestCols)) {
      values[h] = r[c - 1] ?? null;
      if (values[h] !== null && values[h] !== "") any = true;
    }
    return any ? [{ row: best + 2 + k, values }] : [];
  });
  return { headerRow: best + 1, columns: bestCols, records };
}

const yearOf = (v: CellValue, dateSystem: 1900 | 1904): number | null =>
  parseDateValue(v, { dateSystem, twoDigitYearMax: 2099 })?.y ?? null;

/** 期次 of a new meeting: 第N次, counted per year from the log (after the highest 第N次 that year). */
export function nextMeetingNumber(
  log: LogTable,
  date: Date,
  dateSystem: 1900 | 1904 = 1900
): number {
  const year = date.getUTCFullYear();
  let count = 0;
  let highest = 0;
  for (const r of log.records) {
    if (yearOf(r.values["会议日期"], dateSystem) !== year) continue;
    count++;
    const m = /第\s*(\d+)\s*次/.exec(lookupKey(String(r.values["期次"] ?? "")));
    if (m) highest = Math.max(highest, +m[1]);
  }
  return Math.max(count, highest) + 1;
}

/** 期号 of a new bulletin: the next after the highest 2026年第N期 of that year in the log. */
export function nextBulletinNumber(log: LogTable, year: number): number {
  let highest = 0;
  for (const r of log.records) {
    const m = /(\d{4})年第(\d+)期/.exec(lookupKey(String(r.values["期号"] ?? "")));
    if (m && +m[1] === year) highest = Math.max(highest, +m[2]);
  }
  return highest + 1;
}

/** 2026-11-20 → 2026年11月20日 */
export function chineseDate(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

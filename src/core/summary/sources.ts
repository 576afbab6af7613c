import { ADOPTED } from "../records/suggestionStatus";
import {
  BULLETIN_LOG_HEADERS,
  BULLETIN_LOG_SHEET,
  CONTACT_LOG_HEADERS,
  CONTACT_LOG_SHEET,
  type LogTable,
  MEETING_LOG_HEADERS,
  MEETING_LOG_SHEET,
  SUGGESTION_LOG_HEADERS,
  SUGGESTION_LOG_SHEET,
  readLog,
} from "../docs/logs";
import { headerScore } from "../header/recognize";
import { isReportSheet } from "../outputSheets";
import { REGISTRY_SHEET } from "../plan";
import { normalizeRegistry } from "../registry";
import { parseDateValue, toUtcDate } from "../rules/dates";
import { normalizeIdNumber } from "../rules/idNumber";
import { FIELDS, type FieldKey, splitCanonicalCategories } from "../schema";
import { cellText, isBlank, showValue } from "../text";
import type { CellValue, RawRow } from "../types";

/** One sheet of a source workbook, as the host read it. */
export interface SourceSheet {
  name: string;
  rows: RawRow[];
}

/** One workbook (one branch, typically). */
export interface SummarySource {
  file: string;
  sheets: SourceSheet[];
  dateSystem?: 1900 | 1904;
  /** The day its registry is judged on (the user's today, from the host). */
  asOf: Date;
}

export interface SummaryMember {
  key: string;
  id: string | null;
  name: string;
  gender: string | null;
  birthDate: Date | null;
  political: string | null;
  categories: string[];
  branch: string | null;
  education: string | null;
  recordedOn: Date | null;
  file: string;
}

export type EventKind = "meeting" | "bulletin" | "contact" | "suggestion";

export interface SummaryEvent {
  kind: EventKind;
  date: Date;
  file: string;
  branch: string | null;
  /** 谈心谈话 / 学习活动 / 困难帮扶 / 其他 for contacts. */
  type?: string;
  /** Who it concerns (contacts, suggestions): ID number and name. */
  id?: string | null;
  name?: string | null;
  adopted?: boolean;
  /** 期号 of a bulletin. */
  issue?: string | null;
}

/** A row that could not be counted: its date cannot be read. */
export interface UnreadableRow {
  file: string;
  sheet: string;
  row: number;
  column: string;
  value: CellValue;
}

export interface LogKind {
  kind: EventKind;
  sheet: string;
  headers: readonly string[];
  aliases: Record<string, string>;
  date: string;
}

export const LOG_KINDS: LogKind[] = [
  {
    kind: "meeting",
    sheet: MEETING_LOG_SHEET,
    headers: MEETING_LOG_HEADERS,
    aliases: { 开会日期: "会议日期", 会议时间: "会议日期", 支部: "所在支部" },
    date: "会议日期",
  },
  {
    kind: "bulletin",
    sheet: BULLETIN_LOG_SHEET,
    headers: BULLETIN_LOG_HEADERS,
    aliases: { 期数: "期号", 日期: "通报日期" },
    date: "通报日期",
  },
  {
    kind: "contact",
    sheet: CONTACT_LOG_SHEET,
    headers: CONTACT_LOG_HEADERS,
    aliases: {
      日期: "活动日期",
      姓名: "成员姓名",
      身份证号: "公民身份号码",
      身份证号码: "公民身份号码",
      类型: "活动类型",
    },
    date: "活动日期",
  },
  {
    kind: "suggestion",
    sheet: SUGGESTION_LOG_SHEET,
    headers: SUGGESTION_LOG_HEADERS,
    aliases: {
      日期: "提出日期",
      姓名: "提出人",
      身份证号: "公民身份号码",
      身份证号码: "公民身份号码",
      采纳情况: "是否采纳",
    },
    date: "提出日期",
  },
];

const grid = (s: SourceSheet): CellValue[][] => s.rows.map((r) => [...r.values]);
const text = (v: CellValue | undefined): string | null => {
  const t = v === undefined ? null : cellText(v);
  return t === null || t.trim() === "" ? null : t.trim();
};

/**
 * The log sheet of each kind: the one with its name, else the one whose headers match it best (3
 * or more, its date among them). A sheet is the log of one kind only: of a sheet whose headers
 * match two kinds (日期, 姓名, 身份证号, 内容 are both a contact's and a suggestion's), the kind it
 * matches better has it, then the kinds in LOG_KINDS order.
 */
function findLogs(sheets: SourceSheet[]): SourceParts["logs"] {
  const found: SourceParts["logs"] = [];
  const taken = new Set<SourceSheet>();
  const open: LogKind[] = [];
  for (const kind of LOG_KINDS) {
    const named = sheets.find((s) => s.name.replace(/\s/g, "") === kind.sheet && !taken.has(s));
    if (!named) open.push(kind);
    else {
      taken.add(named);
      found.push({ kind, sheet: named, log: readLog(grid(named), kind.headers, kind.aliases) });
    }
  }
  const candidates: { kind: LogKind; sheet: SourceSheet; score: number }[] = [];
  for (const kind of open)
    for (const sheet of sheets) {
      if (taken.has(sheet)) continue;
      const head = readLog(grid(sheet).slice(0, 10), kind.headers, kind.aliases);
      const score = Object.keys(head.columns).length;
      if (score >= 3 && head.columns[kind.date]) candidates.push({ kind, sheet, score });
    }
  // Best match first; of equal ones, the kind first in LOG_KINDS, then the first sheet.
  candidates.sort((x, y) => y.score - x.score);
  const done = new Set<LogKind>();
  for (const c of candidates) {
    if (done.has(c.kind) || taken.has(c.sheet)) continue;
    done.add(c.kind);
    taken.add(c.sheet);
    found.push({ ...c, log: readLog(grid(c.sheet), c.kind.headers, c.kind.aliases) });
  }
  return LOG_KINDS.flatMap((k) => found.filter((f) => f.kind === k));
}

/**
 * What the summary keeps of one workbook: its members (the registry through the engine), its
 * events (the logs, by their headers), the rows whose dates cannot be read, and the branch most of
 * its members belong to. Much smaller than the rows, and all plain data (a worker thread can
 * make it and hand it over).
 */
export interface SourceDigest {
  file: string;
  members: SummaryMember[];
  events: SummaryEvent[];
  unreadable: UnreadableRow[];
  mainBranch: string | null;
}

/** A workbook for the summary: as read, or already digested ({@link digestSource}). */
export type SummaryInput = SummarySource | SourceDigest;

export const isDigest = (s: SummaryInput): s is SourceDigest => "members" in s;

/** A workbook's sheets sorted out: the log of each kind it has, and its registry sheet. */
export interface SourceParts {
  logs: { kind: LogKind; sheet: SourceSheet; log: LogTable }[];
  /** The sheet (not a log, not one this tool wrote) whose header names most registry fields (成员名册 on a tie). */
  registry: SourceSheet | null;
}

/** Finds a workbook's logs (by name, else by headers) and its registry sheet. */
export function sourceParts(src: SummarySource): SourceParts {
  // What this tool wrote (an earlier summary's 汇总说明, a 校验报告) is no data to count.
  const sheets = src.sheets.filter((s) => !isReportSheet(s.name));
  const logs = findLogs(sheets);
  const logSheets = new Set(logs.map((l) => l.sheet));
  let registry: SourceSheet | null = null;
  let bestScore = 1;
  for (const s of sheets) {
    if (logSheets.has(s)) continue;
    const score = headerScore(grid(s).slice(0, 10));
    // Of equally good registries, 成员名册 (what 规范化 writes), wherever its tab is; else the first.
    if (score > bestScore || (score === bestScore && registry && s.name === REGISTRY_SHEET)) {
      registry = s;
      bestScore = score;
    }
  }
  return { logs, registry };
}

/** The registry sheet of a workbook through the engine; null when it has none. */
export function sourceRegistry(src: SummarySource, parts: SourceParts = sourceParts(src)) {
  return parts.registry
    ? normalizeRegistry(parts.registry.rows, { dateSystem: src.dateSystem ?? 1900, asOf: src.asOf })
    : null;
}

/** Reads one workbook: its registry through the engine, its logs by their headers. */
export function digestSource(src: SummarySource): SourceDigest {
  const parts = sourceParts(src);
  const r = sourceRegistry(src, parts);
  const members: SummaryMember[] = [];
  if (r) {
    const at = (k: FieldKey) => FIELDS.findIndex((f) => f.key === k);
    r.rows.forEach((row, i) => {
      const id =
        typeof row[at("idNumber")] === "string" &&
        /^\d{17}[\dX]$/.test(row[at("idNumber")] as string)
          ? (row[at("idNumber")] as string)
          : null;
      const date = (k: FieldKey) => (row[at(k)] instanceof Date ? (row[at(k)] as Date) : null);
      members.push({
        key: id ?? `${src.file}#${r.sourceRows[i]}`,
        id,
        name: text(row[at("name")]) ?? "",
        gender: text(row[at("gender")]),
        birthDate: date("birthDate"),
        political: text(row[at("political")]),
        categories: splitCanonicalCategories(text(row[at("category")]) ?? "") ?? [],
        branch: text(row[at("branch")]),
        education: text(row[at("education")]),
        recordedOn: date("recordedOn"),
        file: src.file,
      });
    });
  }
  const counts = new Map<string, number>();
  for (const m of members) if (m.branch) counts.set(m.branch, (counts.get(m.branch) ?? 0) + 1);
  const mainBranch = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const { events, unreadable } = sourceEvents(src, parts);
  return { file: src.file, members, events, unreadable, mainBranch };
}

/** The rows of a workbook's logs as events (those whose date can be read), and the rows whose date cannot. */
export function sourceEvents(
  src: SummarySource,
  parts: SourceParts = sourceParts(src)
): Pick<SourceDigest, "events" | "unreadable"> {
  const dateSystem = src.dateSystem ?? 1900;
  const events: SummaryEvent[] = [];
  const unreadable: UnreadableRow[] = [];
  const asOf = new Date(Date.UTC(9999, 0, 1));
  for (const f of parts.logs) {
    const k = f.kind;
    for (const rec of f.log.records) {
      const raw = rec.values[k.date] ?? null;
      const pd = isBlank(raw) ? null : parseDateValue(raw, { dateSystem, twoDigitYearMax: 2099 });
      if (!pd || pd.m === undefined || pd.d === undefined) {
        unreadable.push({
          file: src.file,
          sheet: f.sheet.name,
          row: rec.row,
          column: k.date,
          value: raw === null ? null : typeof raw === "string" ? raw : showValue(raw),
        });
        continue;
      }
      const v = rec.values;
      const idRaw = v["公民身份号码"] ?? null;
      const id = isBlank(idRaw) ? null : normalizeIdNumber(idRaw, { dateSystem, asOf }).key;
      events.push({
        kind: k.kind,
        date: toUtcDate(pd),
        file: src.file,
        branch: text(v["所在支部"]),
        type: text(v["活动类型"]) ?? undefined,
        id,
        name: text(v["成员姓名"] ?? v["提出人"]),
        adopted: k.kind === "suggestion" ? ADOPTED.test(text(v["是否采纳"]) ?? "") : undefined,
        issue: text(v["期号"]),
      });
    }
  }
  return { events, unreadable };
}

import { contactKind } from "../records/contactTypes";
import { memberFinder } from "../records/link";
import { CATEGORIES } from "../codes/category";
import { EDUCATION_LEVELS } from "../codes/education";
import { POLITICAL_STATUSES } from "../codes/political";
import { type Quarter, inQuarter, previousQuarter, quarterOf } from "./quarter";
import {
  type SummaryEvent,
  type SummaryInput,
  type SummaryMember,
  type UnreadableRow,
  digestSource,
  isDigest,
} from "./sources";

export const KEY_FIGURES = [
  "成员总数",
  "本季度新建档成员",
  "本季度支部间转移",
  "例会次数",
  "情况通报期数",
  "谈心谈话次数",
  "学习活动次数",
  "困难帮扶次数",
  "意见建议数",
  "采纳建议数",
  "联系覆盖率",
] as const;
export type KeyFigure = (typeof KEY_FIGURES)[number];

export const AGE_GROUPS = ["35岁以下", "35-44", "45-54", "55-64", "65岁及以上"] as const;
export const UNKNOWN = "不详";
export const NO_BRANCH = "（未填支部）";

/** A table of counts: row labels × column labels. */
export interface Pivot {
  title: string;
  rowHeader: string;
  rows: string[];
  columns: string[];
  /** counts[row][column] */
  counts: number[][];
}

export interface BranchActivity {
  branch: string;
  meetings: number;
  bulletins: number;
  talks: number;
  studies: number;
  helps: number;
  suggestions: number;
  adopted: number;
}

/** One record of a member in a branch. */
export interface BranchRecord {
  branch: string;
  file: string;
  recordedOn: Date | null;
}

/**
 * A member listed by two branches: moved from one to the other. Dated by the later record's
 * 建档日期 (null where that record has none).
 */
export interface Transfer {
  key: string;
  name: string;
  id: string | null;
  from: BranchRecord;
  to: BranchRecord;
}

/** A period's key figures, labelled for a table or a chart (2026Q3, 2026). */
export interface PeriodFigures {
  label: string;
  figures: Record<KeyFigure, number>;
}

export interface QuarterSummary {
  quarter: Quarter;
  files: string[];
  figures: Record<KeyFigure, number>;
  /** The previous quarter's figures, where it has any data. */
  previous: Record<KeyFigure, number> | null;
  /** The four quarters that end with this one, oldest first (the trend table and its chart). */
  recent: PeriodFigures[];
  pivots: Pivot[];
  activity: BranchActivity[];
  uncontacted: { name: string; branch: string }[];
  /** Transfers between branches whose later record falls in the quarter. */
  transfers: Transfer[];
  unreadable: UnreadableRow[];
  /** Members counted once (by ID number), for the data sheet of the add-in's PivotTables. */
  members: SummaryMember[];
}

interface Pool {
  members: SummaryMember[];
  events: SummaryEvent[];
  unreadable: UnreadableRow[];
  mainBranch: Map<string, string | null>;
  files: string[];
  /** Each member's first record in the whole committee: the earliest 建档日期 (null: undated). */
  firstRecorded: Map<string, Date | null>;
  transfers: Transfer[];
}

/** An undated record counts as older than any dated one. */
const recordTime = (m: SummaryMember) => m.recordedOn?.getTime() ?? 0;

/**
 * Members counted once by ID number across workbooks: a transfer counts where it was recorded
 * last. Also each member's first record, and the moves between branches (records in date order;
 * a record in the same branch as the one before is no move).
 */
function dedupe(
  all: SummaryMember[],
  mainBranch: ReadonlyMap<string, string | null>
): Pick<Pool, "members" | "firstRecorded" | "transfers"> {
  const byKey = new Map<string, SummaryMember[]>();
  for (const m of all) {
    const list = byKey.get(m.key);
    if (list) list.push(m);
    else byKey.set(m.key, [m]);
  }
  const members: SummaryMember[] = [];
  const firstRecorded = new Map<string, Date | null>();
  const transfers: Transfer[] = [];
  const branchOf = (m: SummaryMember) => m.branch ?? mainBranch.get(m.file) ?? NO_BRANCH;
  for (const [key, list] of byKey) {
    // Stable: of records equally dated, the one read last wins, as before.
    const sorted =
      list.length === 1 ? list : [...list].sort((a, b) => recordTime(a) - recordTime(b));
    const last = sorted[sorted.length - 1];
    members.push(last);
    firstRecorded.set(key, sorted[0].recordedOn);
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1];
      const b = sorted[i];
      if (branchOf(a) === branchOf(b)) continue;
      transfers.push({
        key,
        name: last.name,
        id: last.id,
        from: { branch: branchOf(a), file: a.file, recordedOn: a.recordedOn },
        to: { branch: branchOf(b), file: b.file, recordedOn: b.recordedOn },
      });
    }
  }
  return { members, firstRecorded, transfers };
}

export function pool(sources: readonly SummaryInput[]): Pool {
  const all: SummaryMember[] = [];
  const p: Pool = {
    members: [],
    events: [],
    unreadable: [],
    mainBranch: new Map(),
    files: [],
    firstRecorded: new Map(),
    transfers: [],
  };
  for (const s of sources) {
    const r = isDigest(s) ? s : digestSource(s);
    all.push(...r.members);
    p.events.push(...r.events);
    p.unreadable.push(...r.unreadable);
    p.mainBranch.set(s.file, r.mainBranch);
    p.files.push(s.file);
  }
  return { ...p, ...dedupe(all, p.mainBranch) };
}

/** Transfers whose later record falls in a period. */
const transfersIn = (p: Pool, q: Quarter) =>
  p.transfers.filter((t) => t.to.recordedOn !== null && inQuarter(t.to.recordedOn, q));

function ageAt(birth: Date, day: Date): number {
  let age = day.getUTCFullYear() - birth.getUTCFullYear();
  const before =
    day.getUTCMonth() < birth.getUTCMonth() ||
    (day.getUTCMonth() === birth.getUTCMonth() && day.getUTCDate() < birth.getUTCDate());
  if (before) age--;
  return age;
}

export function ageGroup(birth: Date | null, day: Date): string {
  if (!birth) return UNKNOWN;
  const a = ageAt(birth, day);
  return a < 35
    ? AGE_GROUPS[0]
    : a < 45
      ? AGE_GROUPS[1]
      : a < 55
        ? AGE_GROUPS[2]
        : a < 65
          ? AGE_GROUPS[3]
          : AGE_GROUPS[4];
}

/** The figure a contact counts in, by its kind (records/contactTypes.ts: the forms' rule too). */
const FIGURE_OF_KIND = {
  谈心谈话: "talks",
  学习活动: "studies",
  困难帮扶: "helps",
  其他: "other",
} as const;
const contactType = (t: string | undefined) => FIGURE_OF_KIND[contactKind(t)];

/** Only the labels that occur, in the code table's order, then any others, then 不详. */
function ordered(seen: Set<string>, order: readonly string[]): string[] {
  const known = order.filter((x) => seen.has(x));
  const other = [...seen].filter((x) => !order.includes(x) && x !== UNKNOWN).sort();
  return [...known, ...other, ...(seen.has(UNKNOWN) ? [UNKNOWN] : [])];
}

function countBy(
  members: SummaryMember[],
  label: (m: SummaryMember) => string[],
  title: string,
  header: string,
  order: readonly string[]
): Pivot {
  const counts = new Map<string, number>();
  for (const m of members) for (const l of label(m)) counts.set(l, (counts.get(l) ?? 0) + 1);
  const rows = ordered(new Set(counts.keys()), order);
  return {
    title,
    rowHeader: header,
    rows,
    columns: ["人数"],
    counts: rows.map((r) => [counts.get(r) ?? 0]),
  };
}

/** Members counted by two labels at once, in one pass: counts[row][column]. */
function crossCounts(
  members: readonly SummaryMember[],
  rowOf: (m: SummaryMember) => string,
  columnOf: (m: SummaryMember) => string,
  rows: readonly string[],
  columns: readonly string[]
): number[][] {
  const r = new Map(rows.map((x, i) => [x, i]));
  const c = new Map(columns.map((x, i) => [x, i]));
  const counts = rows.map(() => columns.map(() => 0));
  for (const m of members) {
    const i = r.get(rowOf(m));
    const j = c.get(columnOf(m));
    if (i !== undefined && j !== undefined) counts[i][j]++;
  }
  return counts;
}

function figuresFor(
  p: Pool,
  q: Quarter,
  find: (e: SummaryEvent) => SummaryMember | undefined
): {
  figures: Record<KeyFigure, number>;
  counted: Set<string>;
  contacted: Set<string>;
  any: boolean;
} {
  const ev = p.events.filter((e) => inQuarter(e.date, q));
  const contacts = ev.filter((e) => e.kind === "contact");
  // Members at the period's end: those first recorded by then (an undated record counts as always there).
  const counted = new Set(
    p.members
      .filter((m) => {
        const first = p.firstRecorded.get(m.key);
        return first == null || first.getTime() <= q.end.getTime();
      })
      .map((m) => m.key)
  );
  const members = counted.size;
  const contacted = new Set<string>();
  for (const e of contacts) {
    const m = find(e);
    if (m && counted.has(m.key)) contacted.add(m.key);
  }
  const bulletinIssues = new Set(
    ev.filter((e) => e.kind === "bulletin").map((e, i) => `${e.file}|${e.issue ?? `#${i}`}`)
  );
  const suggestions = ev.filter((e) => e.kind === "suggestion");
  const figures: Record<KeyFigure, number> = {
    成员总数: members,
    本季度新建档成员: p.members.filter((m) => {
      const first = p.firstRecorded.get(m.key);
      return first != null && inQuarter(first, q);
    }).length,
    本季度支部间转移: transfersIn(p, q).length,
    例会次数: ev.filter((e) => e.kind === "meeting").length,
    情况通报期数: bulletinIssues.size,
    谈心谈话次数: contacts.filter((e) => contactType(e.type) === "talks").length,
    学习活动次数: contacts.filter((e) => contactType(e.type) === "studies").length,
    困难帮扶次数: contacts.filter((e) => contactType(e.type) === "helps").length,
    意见建议数: suggestions.length,
    采纳建议数: suggestions.filter((e) => e.adopted).length,
    联系覆盖率: members === 0 ? 0 : Math.round((contacted.size / members) * 1000) / 1000,
  };
  return { figures, counted, contacted, any: ev.length > 0 };
}

/** The quarterly summary of many workbooks. Pure: the host reads the workbooks and writes the result. */
export function summarizeQuarter(sources: readonly SummaryInput[], q: Quarter): QuarterSummary {
  const p = pool(sources);
  return summarizePool(p, q);
}

export function summarizePool(p: Pool, q: Quarter): QuarterSummary {
  const find = memberFinder(p.members);
  const now = figuresFor(p, q, find);
  const prev = figuresFor(p, previousQuarter(q), find);
  const branchOf = (m: SummaryMember) => m.branch ?? NO_BRANCH;
  // The members at the quarter's end: those the composition tables count.
  const members = p.members.filter((m) => now.counted.has(m.key));
  // Branches in the order the workbooks list them; members with no branch last.
  const seenBranches = [...new Set(members.map(branchOf))];
  const branches = [
    ...seenBranches.filter((b) => b !== NO_BRANCH),
    ...seenBranches.filter((b) => b === NO_BRANCH),
  ];
  const politicalRows = ordered(
    new Set(members.map((m) => m.political ?? UNKNOWN)),
    POLITICAL_STATUSES
  );
  const byPolBranch: Pivot = {
    title: "政治面貌 × 所在支部",
    rowHeader: "政治面貌",
    rows: politicalRows,
    columns: branches,
    counts: crossCounts(members, (m) => m.political ?? UNKNOWN, branchOf, politicalRows, branches),
  };
  const pivots: Pivot[] = [
    byPolBranch,
    countBy(
      members,
      (m) => (m.categories.length ? m.categories : [UNKNOWN]),
      "统战对象类别",
      "统战对象类别",
      CATEGORIES
    ),
    countBy(members, (m) => [m.gender ?? UNKNOWN], "性别", "性别", ["男", "女"]),
    countBy(
      members,
      (m) => [ageGroup(m.birthDate, q.end)],
      `年龄段（截至 ${q.end.toISOString().slice(0, 10)}）`,
      "年龄段",
      AGE_GROUPS
    ),
    countBy(members, (m) => [m.education ?? UNKNOWN], "学历", "学历", EDUCATION_LEVELS),
  ];
  const activity = new Map<string, BranchActivity>();
  const act = (b: string) => {
    if (!activity.has(b))
      activity.set(b, {
        branch: b,
        meetings: 0,
        bulletins: 0,
        talks: 0,
        studies: 0,
        helps: 0,
        suggestions: 0,
        adopted: 0,
      });
    return activity.get(b)!;
  };
  for (const b of branches) act(b);
  const seenIssues = new Set<string>();
  p.events.forEach((e, index) => {
    if (!inQuarter(e.date, q)) return;
    const who = e.kind === "contact" || e.kind === "suggestion" ? find(e) : undefined;
    const b = (who ? branchOf(who) : null) ?? e.branch ?? p.mainBranch.get(e.file) ?? NO_BRANCH;
    const a = act(b);
    if (e.kind === "meeting") a.meetings++;
    else if (e.kind === "bulletin") {
      const key = `${e.file}|${e.issue ?? `#${index}`}`;
      if (!seenIssues.has(key)) a.bulletins++;
      seenIssues.add(key);
    } else if (e.kind === "suggestion") {
      a.suggestions++;
      if (e.adopted) a.adopted++;
    } else {
      const t = contactType(e.type);
      if (t !== "other") a[t]++;
    }
  });
  const recent = [3, 2, 1].reduce<Quarter[]>((qs) => [previousQuarter(qs[0]), ...qs], [q]);
  return {
    quarter: q,
    files: p.files,
    figures: now.figures,
    previous: prev.any ? prev.figures : null,
    recent: recent.map((r) => ({
      label: r.label,
      figures: r === q ? now.figures : figuresFor(p, r, find).figures,
    })),
    pivots,
    activity: [...activity.values()],
    uncontacted: members
      .filter((m) => !now.contacted.has(m.key))
      .map((m) => ({ name: m.name, branch: branchOf(m) })),
    transfers: transfersIn(p, q),
    unreadable: p.unreadable,
    members,
  };
}

export interface YearSummary {
  year: number;
  files: string[];
  quarters: QuarterSummary[];
  /** The year's figures: counts of events added over its quarters, members and coverage over the year. */
  total: Record<KeyFigure, number>;
  /** The previous year's, counted the same way, where it has any data. */
  previous: Record<KeyFigure, number> | null;
  /** Composition at the year's end and activity by branch over the year (as a quarter's). */
  pivots: Pivot[];
  activity: BranchActivity[];
  /** Members counted once (by ID number), for the data sheet of the add-in's PivotTables. */
  members: SummaryMember[];
  /** Transfers between branches whose later record falls in the year. */
  transfers: Transfer[];
  unreadable: UnreadableRow[];
}

/** The key figures that count events, and so add up over quarters. */
export function isAdditive(label: KeyFigure): boolean {
  return label !== "成员总数" && label !== "联系覆盖率";
}

function wholeYear(year: number): Quarter {
  return {
    year,
    q: 0,
    start: new Date(Date.UTC(year, 0, 1)),
    end: new Date(Date.UTC(year, 11, 31)),
    label: String(year),
  };
}

/** A year's figures from its quarters': their counts added; members and coverage over the year. */
function yearTotal(
  quarters: readonly Record<KeyFigure, number>[],
  whole: Record<KeyFigure, number>
): Record<KeyFigure, number> {
  return Object.fromEntries(
    KEY_FIGURES.map((k) => [k, isAdditive(k) ? quarters.reduce((a, q) => a + q[k], 0) : whole[k]])
  ) as Record<KeyFigure, number>;
}

/** The year before's figures, counted as the year's are; null where nothing happened in it. */
function yearBefore(
  p: Pool,
  year: number,
  find: (e: SummaryEvent) => SummaryMember | undefined
): Record<KeyFigure, number> | null {
  const quarters = [1, 2, 3, 4].map((q) => figuresFor(p, quarterOf(year, q), find).figures);
  const whole = figuresFor(p, wholeYear(year), find);
  return whole.any ? yearTotal(quarters, whole.figures) : null;
}

/**
 * An annual sheet: the key figures of each quarter of a year, of the whole year and of the year
 * before; the members' composition and the branches' activity over the year.
 */
export function summarizeYear(sources: readonly SummaryInput[], year: number): YearSummary {
  const p = pool(sources);
  const find = memberFinder(p.members);
  const quarters = [1, 2, 3, 4].map((q) => summarizePool(p, quarterOf(year, q)));
  const whole = summarizePool(p, wholeYear(year));
  return {
    year,
    files: p.files,
    quarters,
    total: yearTotal(
      quarters.map((q) => q.figures),
      whole.figures
    ),
    previous: yearBefore(p, year - 1, find),
    pivots: whole.pivots,
    activity: whole.activity,
    members: whole.members,
    transfers: whole.transfers,
    unreadable: p.unreadable,
  };
}

import { z } from "../zod";
import { maskSensitiveText } from "../privacy";
import type { RegistryResult } from "../registry";
import type { CellValue } from "../types";
import { DocBuilder, STYLES } from "./builder";
import { type LogTable, chineseDate, isoDate, nextMeetingNumber } from "./logs";
import { type SheetDoc, freeSheetName, maskDoc } from "./sheetDoc";

export const meetingInputSchema = z.object({
  date: z.date(),
  time: z.string().optional(),
  place: z.string().optional(),
  branch: z.string().min(1),
  convener: z.string().min(1),
  topics: z.array(z.string().min(1)).default([]),
  /** By default: the branch's members from 成员名册, by name. */
  participants: z.array(z.string().min(1)).optional(),
  absentees: z
    .array(z.object({ name: z.string().min(1), reason: z.string().default("") }))
    .default([]),
  analysis: z.string().optional(),
  measures: z
    .array(
      z.object({
        measure: z.string().min(1),
        owner: z.string().default(""),
        due: z.string().default(""),
      })
    )
    .default([]),
  recorder: z.string().optional(),
  title: z.string().default("统战工作例会记录"),
});

export type MeetingInput = z.input<typeof meetingInputSchema>;
export type Meeting = z.output<typeof meetingInputSchema>;

export interface MeetingContext {
  /** Names of every sheet of the workbook (a new name never takes one of them). */
  sheetNames: readonly string[];
  log: LogTable;
  /** Members of the registry by name and branch (no ID, no phone). */
  members: readonly { name: string; branch: string | null }[];
  dateSystem?: 1900 | 1904;
}

export interface MeetingRecord {
  sheetName: string;
  number: number;
  /** 第N次 */
  numberLabel: string;
  meeting: Meeting & { participants: string[] };
  doc: SheetDoc;
  /** The new row of 例会台账, in MEETING_LOG_HEADERS order. */
  logRow: CellValue[];
}

const HINT = {
  place: "（填写会议地点）",
  analysis: "（填写对统战工作中存在问题的分析）",
  none: "无",
  measures: "（措施、责任人、完成时限）",
  recorder: "（记录人）",
};

/** The registry's members by name and branch (no ID, no phone), as the meeting form and record need them. */
export function registryMembersOf(r: RegistryResult): { name: string; branch: string | null }[] {
  const nameAt = r.columns.findIndex((c) => c.field === "name");
  const branchAt = r.columns.findIndex((c) => c.field === "branch");
  return r.rows
    .filter((row) => typeof row[nameAt] === "string" && row[nameAt] !== "")
    .map((row) => ({
      name: String(row[nameAt]),
      branch: branchAt < 0 || row[branchAt] === null ? null : String(row[branchAt]),
    }));
}

/** Who attends by default: the branch's members, by name, in registry order, each once. */
export function branchMembers(members: MeetingContext["members"], branch: string): string[] {
  const norm = (s: string) => s.replace(/\s/g, "");
  return [
    ...new Set(
      members.filter((m) => m.branch && norm(m.branch) === norm(branch)).map((m) => m.name)
    ),
  ];
}

/** Builds the printable 例会记录 sheet and its 例会台账 row. Pure: no workbook is touched. */
export function buildMeetingRecord(input: MeetingInput, ctx: MeetingContext): MeetingRecord {
  const m = meetingInputSchema.parse(input);
  const participants = m.participants ?? branchMembers(ctx.members, m.branch);
  const number = nextMeetingNumber(ctx.log, m.date, ctx.dateSystem);
  const numberLabel = `第${number}次`;
  const sheetName = freeSheetName(`例会记录-${isoDate(m.date)}`, ctx.sheetNames);
  const b = new DocBuilder([12, 16, 12, 16, 12, 16]);
  b.line(m.title, STYLES.title, 40);
  b.line(`（${m.date.getUTCFullYear()}年${numberLabel}）`, STYLES.subtitle, 24);
  b.blank();
  b.pair(
    "会议时间",
    `${chineseDate(m.date)}${m.time ? " " + m.time : ""}`,
    "会议地点",
    m.place ?? HINT.place
  );
  b.pair("所在支部", m.branch, "召 集 人", m.convener);
  b.field("期    次", numberLabel);
  b.field("参会人员", participants.join("、"), "（参会人员姓名）");
  b.field(
    "缺席人员及原因",
    m.absentees.map((a) => (a.reason ? `${a.name}（${a.reason}）` : a.name)).join("、"),
    HINT.none
  );
  b.blank();
  b.line("一、议题", STYLES.heading, 26);
  if (m.topics.length === 0) b.line("（议题）", STYLES.hint);
  m.topics.forEach((t, i) => b.line(`${i + 1}. ${t}`, STYLES.text));
  b.line("二、问题分析", STYLES.heading, 26);
  b.line(
    m.analysis ?? HINT.analysis,
    m.analysis ? STYLES.text : STYLES.hint,
    m.analysis ? undefined : 60
  );
  b.line("三、改进措施", STYLES.heading, 26);
  const titles = b.table(
    ["措施", "责任人", "完成时限"],
    [3, 1, 2],
    m.measures.map((x) => [x.measure, x.owner, x.due]),
    HINT.measures
  );
  b.blank(16);
  b.pair("记 录 人", m.recorder ?? "", "审    核", "____________（签字）");
  const doc = maskDoc(b.build(sheetName, titles));
  const logRow: CellValue[] = [
    m.date,
    numberLabel,
    m.branch,
    m.convener,
    participants.length,
    m.topics.join("；"),
    m.analysis ?? null,
    m.measures.map((x) => [x.measure, x.owner, x.due].filter(Boolean).join("，")).join("；") ||
      null,
    m.recorder ?? null,
  ].map((v) => (typeof v === "string" ? maskSensitiveText(v) : v));
  return { sheetName, number, numberLabel, meeting: { ...m, participants }, doc, logRow };
}

/** The placeholders a custom 模板-例会记录 may use, and the repeated lists ({{#议题}}…{{/议题}}, {{#措施}}…). */
export function meetingTemplateData(rec: MeetingRecord): import("./template").TemplateData {
  const m = rec.meeting;
  return {
    values: {
      标题: m.title,
      日期: chineseDate(m.date),
      时间: m.time ?? "",
      地点: m.place ?? "",
      期次: rec.numberLabel,
      支部: m.branch,
      召集人: m.convener,
      参会人员: m.participants.join("、"),
      参会人数: String(m.participants.length),
      缺席人员: m.absentees.map((a) => (a.reason ? `${a.name}（${a.reason}）` : a.name)).join("、"),
      问题分析: m.analysis ?? "",
      记录人: m.recorder ?? "",
    },
    lists: {
      议题: m.topics.map((t, i) => ({ 议题: t, 序号: String(i + 1), ".": t })),
      措施: m.measures.map((x) => ({ 措施: x.measure, 责任人: x.owner, 完成时限: x.due })),
    },
  };
}

import { z } from "../zod";
import { maskSensitiveText } from "../privacy";
import type { CellValue } from "../types";
import { DocBuilder, STYLES } from "./builder";
import { type LogTable, chineseDate, nextBulletinNumber } from "./logs";
import { type SheetDoc, freeSheetName, maskDoc } from "./sheetDoc";

/** The parts of a bulletin that can be given (from --section 名称="…"), by their Chinese names. */
export const BULLETIN_SECTIONS = [
  "工作动态",
  "重大政策",
  "生产管理经营分配",
  "形势通报",
  "通报范围",
  "报送",
  "抄送",
] as const;
export type BulletinSection = (typeof BULLETIN_SECTIONS)[number];

/** Other names accepted for the sections. */
export const SECTION_ALIASES: Record<string, BulletinSection> = {
  企业情况: "生产管理经营分配",
  "生产、管理、经营、分配": "生产管理经营分配",
  生产经营: "生产管理经营分配",
  范围: "通报范围",
};

export const bulletinInputSchema = z.object({
  date: z.date(),
  issuer: z.string().default("中共本公司委员会统战工作办公室"),
  sections: z.record(z.string(), z.string()).default({}),
  opinions: z
    .array(
      z.object({
        from: z.string().min(1),
        content: z.string().min(1),
        handling: z.string().default(""),
        adopted: z.boolean().default(false),
      })
    )
    .default([]),
  title: z.string().default("统战情况通报"),
});

export type BulletinInput = z.input<typeof bulletinInputSchema>;

export interface BulletinContext {
  sheetNames: readonly string[];
  log: LogTable;
}

export interface BulletinIssue {
  sheetName: string;
  number: number;
  /** 2026年第N期 */
  issueLabel: string;
  doc: SheetDoc;
  /** The new row of 通报台账, in BULLETIN_LOG_HEADERS order. */
  logRow: CellValue[];
  /** Section names given that a bulletin does not have. */
  unknownSections: string[];
}

const HINTS: Record<BulletinSection, string> = {
  工作动态: "（上级有关统战工作的指示精神，党委的工作要点、要求和任务）",
  重大政策: "（企业出台的重大政策）",
  生产管理经营分配: "（企业生产、管理、经营、分配等方面的情况，并征求统战成员的意见）",
  形势通报: "（国内外政治、经济、军事等形势）",
  通报范围: "（通报范围）",
  报送: "（报送单位）",
  抄送: "（抄送单位）",
};

export function canonicalSection(name: string): BulletinSection | null {
  const n = name.replace(/\s/g, "");
  if ((BULLETIN_SECTIONS as readonly string[]).includes(n)) return n as BulletinSection;
  return SECTION_ALIASES[n] ?? SECTION_ALIASES[name] ?? null;
}

/** Builds the printable 情况通报 sheet and its 通报台账 row. Pure: no workbook is touched. */
export function buildBulletin(input: BulletinInput, ctx: BulletinContext): BulletinIssue {
  const b0 = bulletinInputSchema.parse(input);
  const year = b0.date.getUTCFullYear();
  const number = nextBulletinNumber(ctx.log, year);
  const issueLabel = `${year}年第${number}期`;
  const sheetName = freeSheetName(`情况通报-${issueLabel}`, ctx.sheetNames);
  const sections: Partial<Record<BulletinSection, string>> = {};
  const unknownSections: string[] = [];
  for (const [k, v] of Object.entries(b0.sections)) {
    const c = canonicalSection(k);
    if (c) sections[c] = v;
    else unknownSections.push(k);
  }
  const text = (s: BulletinSection) => sections[s] ?? HINTS[s];
  const style = (s: BulletinSection) => (sections[s] ? STYLES.text : STYLES.hint);
  const b = new DocBuilder([12, 16, 12, 16, 12, 16]);
  b.line(
    b0.title,
    { ...STYLES.title, font: { ...STYLES.title.font, size: 24, color: "FFC00000" } },
    44
  );
  b.line(issueLabel, STYLES.subtitle, 24);
  b.pair("发布单位", b0.issuer, "日    期", chineseDate(b0.date));
  b.field("通报范围", sections["通报范围"] ?? "", HINTS["通报范围"]);
  b.blank();
  b.line("一、工作动态", STYLES.heading, 26);
  b.line(text("工作动态"), style("工作动态"));
  b.line("二、企业情况", STYLES.heading, 26);
  b.line("（一）重大政策", STYLES.label, 22);
  b.line(text("重大政策"), style("重大政策"));
  b.line("（二）生产、管理、经营、分配", STYLES.label, 22);
  b.line(text("生产管理经营分配"), style("生产管理经营分配"));
  b.line("三、形势通报", STYLES.heading, 26);
  b.line(text("形势通报"), style("形势通报"));
  b.line("四、意见建议征集", STYLES.heading, 26);
  const titles = b.table(
    ["提出人", "内容", "处理意见"],
    [1, 3, 2],
    b0.opinions.map((o) => [o.from, o.content, o.handling]),
    "（收到的意见建议）"
  );
  b.blank(16);
  b.field("报送", sections["报送"] ?? "", HINTS["报送"]);
  b.field("抄送", sections["抄送"] ?? "", HINTS["抄送"]);
  const doc = maskDoc(b.build(sheetName, titles));
  const enterprise = [sections["重大政策"], sections["生产管理经营分配"]]
    .filter(Boolean)
    .join("；");
  const logRow: CellValue[] = [
    issueLabel,
    b0.date,
    sections["通报范围"] ?? null,
    sections["工作动态"] ?? null,
    enterprise || null,
    sections["形势通报"] ?? null,
    b0.opinions.length,
    b0.opinions.filter((o) => o.adopted).length,
  ].map((v) => (typeof v === "string" ? maskSensitiveText(v) : v));
  return { sheetName, number, issueLabel, doc, logRow, unknownSections };
}

/** The placeholders a custom 模板-情况通报 may use, and the repeated list {{#意见}}…{{/意见}}. */
export function bulletinTemplateData(
  issue: BulletinIssue,
  input: BulletinInput
): import("./template").TemplateData {
  const b = bulletinInputSchema.parse(input);
  const s: Record<string, string> = {};
  for (const [k, v] of Object.entries(b.sections)) {
    const c = canonicalSection(k);
    if (c) s[c] = v;
  }
  return {
    values: {
      标题: b.title,
      日期: chineseDate(b.date),
      期号: issue.issueLabel,
      发布单位: b.issuer,
      ...Object.fromEntries(BULLETIN_SECTIONS.map((k) => [k, s[k] ?? ""])),
      企业情况: [s["重大政策"], s["生产管理经营分配"]].filter(Boolean).join("；"),
    },
    lists: {
      意见: b.opinions.map((o) => ({ 提出人: o.from, 内容: o.content, 处理意见: o.handling })),
    },
  };
}

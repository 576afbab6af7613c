import { Command, Option } from "commander";
import { canonicalSection } from "../../src/core/docs/bulletin";
import { fileErrorMessage } from "../../src/core/fileErrors";
import { shownText } from "../../src/core/privacy";
import { parseDateValue, toUtcDate } from "../../src/core/rules/dates";
import type { Locale } from "../../src/core/types";
import {
  type AddedSheet,
  type DocRequest,
  addDocToFile,
  isFileError,
  sameFile,
} from "../../src/hosts/exceljs";
import { PDF_TEXT, printSheetPdf } from "./pdf";

export class DocsUsageError extends Error {}

export const DOC_TEXT = {
  "zh-CN": {
    meeting: "新建一次例会记录（例会记录-日期），并在“例会台账”追加一行",
    bulletin: "新建一期情况通报（情况通报-2026年第N期），并在“通报台账”追加一行",
    workbook: "台账工作簿（.xlsx；也可读 .xls .csv）",
    date: "日期，如 2026-11-20",
    branch: "所在支部",
    convener: "召集人",
    topic: "议题（可重复）",
    place: "会议地点",
    time: "会议时间，如 14:30",
    recorder: "记录人",
    participant: "参会人员（可重复；默认取该支部在成员名册中的全部成员）",
    absent: "缺席人员及原因，如 张三:出差（可重复）",
    analysis: "问题分析",
    measure: "改进措施：措施|责任人|完成时限（可重复）",
    section:
      "通报内容：名称=内容（名称：工作动态、重大政策、生产管理经营分配、形势通报、通报范围、报送、抄送；可重复）",
    issuer: "发布单位",
    opinion: "收到的意见建议：提出人|内容|处理意见（可重复；处理意见含“采纳”即计为采纳）",
    out: "输出工作簿",
    inPlace: "直接改写原工作簿（先另存一份 .bak）",
    needOut: "请用 --out 指定输出文件，或用 --in-place 直接改写原工作簿",
    bothOut: "--out 与 --in-place 只能选一个",
    badDate: (v: string) => `日期“${v}”无法识别，请写成 2026-11-20`,
    badSection: (v: string) => `--section 应写成 名称=内容：“${v}”`,
    unknownSection: (v: string) =>
      `不认识的通报部分“${v}”（可用：工作动态、重大政策、生产管理经营分配、形势通报、通报范围、报送、抄送）`,
    inPlaceXlsx: "只有 .xlsx 工作簿可以 --in-place 改写；其他格式请用 --out 另存为 .xlsx",
    sameAsInput: "输出文件就是输入文件：请改用 --in-place（会先保存 .bak）",
    done: (a: AddedSheet, out: string) =>
      `已新建工作表“${a.sheetName}”（${a.label}），并在“${a.logSheet}”追加一行${a.usedTemplate ? "（使用了自定义模板）" : ""}；输出：${out}`,
    backup: (p: string) => `原工作簿已备份为 ${p}`,
    unknownPlaceholders: (k: string[]) =>
      `模板中有不认识的占位符：${k.map((x) => `{{${x}}}`).join("、")}（已原样保留在表中）`,
  },
  en: {
    meeting: "add a meeting record (例会记录-date) and its row in 例会台账",
    bulletin: "add a bulletin (情况通报-2026年第N期) and its row in 通报台账",
    workbook: "the ledger workbook (.xlsx; .xls and .csv are read too)",
    date: "date, e.g. 2026-11-20",
    branch: "party branch",
    convener: "convener",
    topic: "a topic (repeatable)",
    place: "place",
    time: "time, e.g. 14:30",
    recorder: "recorder",
    participant: "a participant (repeatable; default: the branch's members in 成员名册)",
    absent: "an absentee and reason, e.g. 张三:出差 (repeatable)",
    analysis: "analysis of problems",
    measure: "a measure: measure|owner|due (repeatable)",
    section:
      "a section: name=text (工作动态, 重大政策, 生产管理经营分配, 形势通报, 通报范围, 报送, 抄送; repeatable)",
    issuer: "issuing body",
    opinion:
      "an opinion received: from|content|handling (repeatable; handling containing 采纳 counts as adopted)",
    out: "output workbook",
    inPlace: "rewrite the workbook itself (a .bak copy is kept)",
    needOut: "give --out for the output file, or --in-place to rewrite the workbook",
    bothOut: "give either --out or --in-place, not both",
    badDate: (v: string) => `date "${v}" cannot be read; write it as 2026-11-20`,
    badSection: (v: string) => `--section must be name=text: "${v}"`,
    unknownSection: (v: string) => `unknown bulletin section "${v}"`,
    inPlaceXlsx: "only an .xlsx workbook can be rewritten --in-place; use --out to save as .xlsx",
    sameAsInput: "the output is the input: use --in-place (a .bak copy is kept)",
    done: (a: AddedSheet, out: string) =>
      `Added sheet "${a.sheetName}" (${a.label}) and a row in "${a.logSheet}"${a.usedTemplate ? " (custom template)" : ""}; output: ${out}`,
    backup: (p: string) => `The original is kept as ${p}`,
    unknownPlaceholders: (k: string[]) =>
      `Unknown placeholders in the template: ${k.map((x) => `{{${x}}}`).join(", ")} (left in the sheet)`,
  },
};

const collect = (v: string, acc: string[]) => [...acc, v];

function parseDay(v: string, locale: Locale, showPii?: boolean): Date {
  const pd = parseDateValue(v, { dateSystem: 1900, twoDigitYearMax: 2099 });
  if (!pd || pd.d === undefined)
    throw new DocsUsageError(shownText(DOC_TEXT[locale].badDate(v), showPii));
  return toUtcDate(pd);
}

interface OutOptions {
  out?: string;
  inPlace?: boolean;
  /** Print the new sheet to a PDF beside the output too. */
  pdf?: boolean;
  /** Show ID numbers and phones on the console (the sheets never show them). */
  showPii?: boolean;
}

/** Adds a document to the workbook and writes it (to --out, or in place with a .bak). Exit code. */
async function editWorkbook(
  file: string,
  opts: OutOptions,
  locale: Locale,
  doc: DocRequest
): Promise<number> {
  const t = DOC_TEXT[locale];
  const say = (text: string) => shownText(text, opts.showPii) + "\n";
  if (!opts.out && !opts.inPlace) throw new DocsUsageError(t.needOut);
  if (opts.out && opts.inPlace) throw new DocsUsageError(t.bothOut);
  const target = opts.inPlace ? file : opts.out!;
  try {
    const r = await addDocToFile(file, target, doc, { inPlace: !!opts.inPlace, sameFile });
    if ("refused" in r)
      throw new DocsUsageError(r.refused === "in-place-needs-xlsx" ? t.inPlaceXlsx : t.sameAsInput);
    if (r.backup) process.stdout.write(say(t.backup(r.backup)));
    process.stdout.write(say(t.done(r.added, target)));
    let code = 0;
    const unknown = [...r.added.unknownPlaceholders];
    if (unknown.length > 0) {
      process.stderr.write(say(t.unknownPlaceholders(unknown)));
      code = 1;
    }
    if (opts.pdf)
      code = Math.max(
        code,
        await printSheetPdf(target, r.added.sheetName, [file], locale, opts.showPii)
      );
    return code;
  } catch (e) {
    if (isFileError(e)) {
      process.stderr.write(say(fileErrorMessage(e, locale)));
      return 2;
    }
    throw e;
  }
}

export function addDocsCommands(
  program: Command,
  locale: Locale,
  setExit: (c: number) => void,
  common: (c: Command) => Command
): void {
  const t = DOC_TEXT[locale];
  common(program.command("meeting").description(t.meeting).argument("<workbook>", t.workbook))
    .requiredOption("--date <date>", t.date)
    .requiredOption("--branch <name>", t.branch)
    .requiredOption("--convener <name>", t.convener)
    .option("--topic <text>", t.topic, collect, [])
    .option("--place <text>", t.place)
    .option("--time <hh:mm>", t.time)
    .option("--recorder <name>", t.recorder)
    .option("--participant <name>", t.participant, collect, [])
    .option("--absent <name:reason>", t.absent, collect, [])
    .option("--analysis <text>", t.analysis)
    .option("--measure <measure|owner|due>", t.measure, collect, [])
    .addOption(new Option("--out <file>", t.out))
    .addOption(new Option("--in-place", t.inPlace))
    .addOption(new Option("--pdf", PDF_TEXT[locale].option))
    .action(async (file: string, o) => {
      const date = parseDay(o.date, locale, o.showPii);
      setExit(
        await editWorkbook(file, o, locale, {
          meeting: {
            date,
            branch: o.branch,
            convener: o.convener,
            topics: o.topic,
            place: o.place,
            time: o.time,
            recorder: o.recorder,
            participants: o.participant.length > 0 ? o.participant : undefined,
            absentees: (o.absent as string[]).map((a) => {
              const [name, ...reason] = a.split(/[:：]/);
              return { name, reason: reason.join(":") };
            }),
            analysis: o.analysis,
            measures: (o.measure as string[]).map((m) => {
              const [measure, owner = "", due = ""] = m.split("|");
              return { measure, owner, due };
            }),
          },
        })
      );
    });
  common(program.command("bulletin").description(t.bulletin).argument("<workbook>", t.workbook))
    .requiredOption("--date <date>", t.date)
    .option("--section <name=text>", t.section, collect, [])
    .option("--issuer <name>", t.issuer)
    .option("--opinion <from|content|handling>", t.opinion, collect, [])
    .addOption(new Option("--out <file>", t.out))
    .addOption(new Option("--in-place", t.inPlace))
    .addOption(new Option("--pdf", PDF_TEXT[locale].option))
    .action(async (file: string, o) => {
      const date = parseDay(o.date, locale, o.showPii);
      const sections: Record<string, string> = {};
      for (const s of o.section as string[]) {
        const i = s.indexOf("=");
        if (i <= 0) throw new DocsUsageError(shownText(t.badSection(s), o.showPii));
        const name = s.slice(0, i).trim();
        if (!canonicalSection(name))
          throw new DocsUsageError(shownText(t.unknownSection(name), o.showPii));
        sections[name] = s.slice(i + 1);
      }
      const opinions = (o.opinion as string[]).map((x) => {
        const [from, content = "", handling = ""] = x.split("|");
        return {
          from,
          content: content || "（未填写）",
          handling,
          adopted: /采纳/.test(handling) && !/不采纳|未采纳/.test(handling),
        };
      });
      setExit(
        await editWorkbook(file, o, locale, {
          bulletin: {
            date,
            sections,
            opinions,
            ...(o.issuer ? { issuer: o.issuer } : {}),
          },
        })
      );
    });
}

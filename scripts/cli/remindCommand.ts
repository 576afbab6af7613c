import { Command, Option } from "commander";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  CARE_LISTS,
  type CareEntry,
  type CareLists,
  type CareSource,
  careListTitle,
  careLists,
  careReasonText,
  careSheet,
} from "../../src/core/care";
import { fileErrorMessage } from "../../src/core/fileErrors";
import { writeFailure } from "./writeFailure";
import { shownText } from "../../src/core/privacy";
import type { ContactType } from "../../src/core/records/contactTypes";
import { isoDay } from "../../src/core/records/days";
import { peopleOf } from "../../src/core/records/people";
import { parseDateValue, toUtcDate } from "../../src/core/rules/dates";
import type { UnreadableRow } from "../../src/core/summary";
import type { Locale } from "../../src/core/types";
import {
  type SourceFailure,
  removeStaleTemps,
  sameFile,
  writeDocWorkbook,
} from "../../src/hosts/exceljs";
import { localNow, localToday } from "../../src/hosts/localClock";
import readCareTask, { type CareRead, type CareTask } from "./careWorker";
import { cleanUpOnSignal } from "./cleanup";
import { collectInputs } from "./inputs";
import { PDF_TEXT, printSheetPdf } from "./pdf";
import { mapInPool } from "./pool";
import { makeProgress } from "./progress";
import { renderTable } from "./table";

export class RemindUsageError extends Error {}

const LIST_NUMBERS = ["一", "二", "三", "四"];

export const REMIND_TEXT = {
  "zh-CN": {
    remind:
      "关怀提醒：跨多个支部工作簿列出近期生日、家庭困难未帮扶、今年尚未联系、建档超过一年的成员",
    inputs: "工作簿或文件夹",
    days: "生日提醒：今后多少天（默认 30）",
    asOf: "按哪一天提醒，如 2026-12-01（默认今天，按本机时区）",
    out: "输出工作簿（默认当前文件夹下的 关怀提醒-日期.xlsx）",
    limit: "控制台上每类最多列出的人数（默认 20；0 为全部；输出工作簿中总是全部列出）",
    badDays: (v: string) => `--days“${v}”应为 0 到 366 之间的整数`,
    badAsOf: (v: string) => `--as-of 日期“${v}”无法识别，请写成 2026-12-01`,
    badLimit: (v: string) => `--limit“${v}”应为 0 或正整数`,
    badJobs: "--jobs 应为正整数",
    noInputs: "没有找到要读取的表格文件",
    isInput: "输出文件不能是输入文件之一",
    progress: "读取中",
    heading: (asOf: string, files: number, people: number) =>
      `关怀提醒（截至 ${asOf}；${files} 个工作簿，成员 ${people} 人）`,
    columns: ["姓名", "所在支部", "公民身份号码", "提醒原因", "最近联系"],
    none: "  （无）",
    more: (n: number) => `  ……另有 ${n} 人，见输出工作簿`,
    lastContact: (day: string, type: ContactType) => `${day}（${type}）`,
    noContact: "无记录",
    unlinked: (n: number) =>
      `${n} 条联谊活动记录在名册中找不到对应的成员，未计入（请核对其中的姓名和公民身份号码）`,
    noRegistry: (file: string, contacts: number) =>
      contacts > 0
        ? `${file}：没有找到成员名册，只读取了其中的 ${contacts} 条联谊活动记录`
        : `${file}：没有找到成员名册，也没有联谊活动记录`,
    unreadable: (n: number) => `联谊活动记录中 ${n} 行日期无法识别，未计入：`,
    row: (f: string, s: string, r: number, c: string, v: string) =>
      `  ${f} 工作表“${s}”第 ${r} 行 ${c}：“${v}”`,
    noneRead: "没有一个工作簿能读取，未生成关怀提醒",
    interrupted: "已中断：未写完的关怀提醒（临时文件）已删除",
    done: (sheet: string, out: string, n: number) =>
      `已读取 ${n} 个工作簿，生成“${sheet}”（身份证号、手机号已打码）：${out}`,
  },
  en: {
    remind:
      "care reminders: birthdays soon, families in hardship without help, members not contacted this year, records over a year old, across branch workbooks",
    inputs: "workbooks or folders",
    days: "birthdays in the next this many days (default 30)",
    asOf: "the day to remind for, e.g. 2026-12-01 (default today, in this machine's time zone)",
    out: "output workbook (default 关怀提醒-<date>.xlsx in the current folder)",
    limit:
      "largest number of members listed per list on the console (default 20; 0 for all; the workbook lists all)",
    badDays: (v: string) => `--days "${v}" must be a whole number from 0 to 366`,
    badAsOf: (v: string) => `--as-of date "${v}" cannot be read; write it as 2026-12-01`,
    badLimit: (v: string) => `--limit "${v}" must be 0 or a positive whole number`,
    badJobs: "--jobs must be a positive whole number",
    noInputs: "no spreadsheet files found",
    isInput: "the output cannot be one of the inputs",
    progress: "Reading",
    heading: (asOf: string, files: number, people: number) =>
      `Care reminders as of ${asOf} (${files} workbooks, ${people} members)`,
    columns: ["Name", "Branch", "ID number", "Reason", "Last contact"],
    none: "  (none)",
    more: (n: number) => `  … ${n} more: see the output workbook`,
    lastContact: (day: string, type: ContactType) => `${day} (${CONTACT_TYPE_EN[type]})`,
    noContact: "none",
    unlinked: (n: number) =>
      `${n} rows of the contact log name no member of the registries and were not counted (check their names and ID numbers)`,
    noRegistry: (file: string, contacts: number) =>
      contacts > 0
        ? `${file}: no member registry found; only its ${contacts} contacts were read`
        : `${file}: no member registry and no contact log found`,
    unreadable: (n: number) =>
      `${n} rows of the contact log with unreadable dates were not counted:`,
    row: (f: string, s: string, r: number, c: string, v: string) =>
      `  ${f} sheet "${s}" row ${r} ${c}: "${v}"`,
    noneRead: "no workbook could be read; no care reminders written",
    interrupted: "interrupted: the unfinished care reminders (a temp file) removed",
    done: (sheet: string, out: string, n: number) =>
      `Read ${n} workbooks; wrote "${sheet}" (ID and phone numbers masked): ${out}`,
  },
};

const CONTACT_TYPE_EN: Record<ContactType, string> = {
  谈心谈话: "talk",
  学习活动: "study session",
  困难帮扶: "hardship help",
  其他: "other",
};

type RemindText = (typeof REMIND_TEXT)["zh-CN"];

/** A whole number in [min, max] as typed, or undefined when not given. */
function wholeOption(
  value: string | undefined,
  min: number,
  max: number,
  bad: string
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  if (value.trim() === "" || !Number.isInteger(n) || n < min || n > max)
    throw new RemindUsageError(bad);
  return n;
}

/** --as-of as a calendar day (UTC midnight), read as meeting --date is: 2026-12-01, 2026年12月1日… */
function asOfOption(value: string, bad: string): Date {
  const pd = parseDateValue(value, { dateSystem: 1900, twoDigitYearMax: 2099 });
  if (!pd || pd.m === undefined || pd.d === undefined) throw new RemindUsageError(bad);
  return toUtcDate(pd);
}

/** One list on the console: its title, then a table of its first `limit` members (0: all). */
function listText(
  lists: CareLists,
  key: (typeof CARE_LISTS)[number],
  index: number,
  limit: number,
  t: RemindText,
  locale: Locale
): string {
  const entries: CareEntry[] = lists[key];
  const title = careListTitle(
    key,
    {
      count: entries.length,
      days: lists.days,
      windowDays: lists.helpWindowDays,
      year: lists.asOf.getUTCFullYear(),
    },
    locale
  );
  const head = locale === "zh-CN" ? `${LIST_NUMBERS[index]}、${title}` : `${index + 1}. ${title}`;
  if (entries.length === 0) return `${head}\n${t.none}`;
  const shown = limit > 0 ? entries.slice(0, limit) : entries;
  const table = renderTable(
    t.columns,
    shown.map((e) => {
      const m = e.member;
      const branches = m.branch
        ? [m.branch, ...m.branches.filter((b) => b !== m.branch)]
        : m.branches;
      return [
        m.name,
        branches.join("、"),
        m.id ?? "",
        careReasonText(e.reason, locale),
        e.lastContact && e.lastContactType
          ? t.lastContact(isoDay(e.lastContact), e.lastContactType)
          : t.noContact,
      ];
    })
  )
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
  const more = entries.length > shown.length ? `\n${t.more(entries.length - shown.length)}` : "";
  return `${head}\n${table}${more}`;
}

export function addRemindCommand(
  program: Command,
  locale: Locale,
  setExit: (c: number) => void,
  common: (c: Command) => Command
): void {
  const t = REMIND_TEXT[locale];
  common(program.command("remind").description(t.remind).argument("<inputs...>", t.inputs))
    .addOption(new Option("--days <n>", t.days))
    .addOption(new Option("--as-of <date>", t.asOf))
    .addOption(new Option("--out <file>", t.out))
    .addOption(new Option("--limit <n>", t.limit))
    .addOption(new Option("--pdf", PDF_TEXT[locale].option))
    .action(async (args: string[], o) => {
      // The lists carry no full ID number or phone (core masks them), on the console as on the
      // sheet; --show-pii only stops masking what else is echoed (file names, what was typed).
      const say = (text: string) => shownText(text, o.showPii) + "\n";
      const bad = (text: string) => new RemindUsageError(shownText(text, o.showPii));
      const days = wholeOption(o.days, 0, 366, t.badDays(String(o.days))) ?? 30;
      const limit = wholeOption(o.limit, 0, Number.MAX_SAFE_INTEGER, t.badLimit(String(o.limit)));
      const asOf = o.asOf === undefined ? localToday() : asOfOption(o.asOf, t.badAsOf(o.asOf));
      const jobsGiven = wholeOption(o.jobs, 1, Number.MAX_SAFE_INTEGER, t.badJobs);
      const out = path.resolve(o.out ?? `关怀提醒-${isoDay(asOf)}.xlsx`);
      // A previous output found in an input folder is left out; one named as an input is refused.
      const given = new Set(args.map((a) => path.resolve(a)));
      const inputs: string[] = [];
      for (const f of await collectInputs(args)) {
        if (await sameFile(f, out)) {
          if (given.has(path.resolve(f))) throw bad(t.isInput);
          continue;
        }
        inputs.push(f);
      }
      if (inputs.length === 0) throw bad(t.noInputs);
      // The sheet names members: what a killed run left half-written goes, and on Ctrl+C so does
      // this run's (the output's temp file, a workbook LibreOffice converted for reading).
      removeStaleTemps([path.dirname(out)]);
      cleanUpOnSignal([path.dirname(out)], t.interrupted);
      // Readers as for the summary: this thread and jobs − 1 workers, one core fewer by default.
      const jobs = Math.min(inputs.length, jobsGiven ?? Math.max(1, os.availableParallelism() - 1));
      const progress = makeProgress(inputs.length, t.progress, !!o.quiet);
      let read = 0;
      const reads = await mapInPool(
        inputs.map((input): CareTask => ({ input })),
        jobs,
        path.join(__dirname, "careWorker.js"),
        readCareTask,
        (_, i) =>
          progress.tick(
            shownText(`[${++read}/${inputs.length}] ${path.basename(inputs[i])}`, o.showPii)
          ),
        { hereToo: true }
      );
      progress.stop();
      const cares: CareSource[] = [];
      const unreadable: UnreadableRow[] = [];
      const failures: SourceFailure[] = [];
      for (const r of reads as CareRead[]) {
        if ("failure" in r) failures.push(r.failure);
        else {
          cares.push(r.care);
          unreadable.push(...r.care.unreadableContacts);
        }
      }
      for (const f of failures) process.stderr.write(say(fileErrorMessage(f, locale)));
      if (cares.length === 0) {
        process.stderr.write(say(t.noneRead));
        setExit(2);
        return;
      }
      for (const c of cares)
        if (!c.registrySheet)
          process.stderr.write(say(t.noRegistry(path.basename(c.file), c.contacts.length)));
      // One person per ID number across the workbooks; those without one stay apart by workbook.
      const members = cares.flatMap((c) => c.members);
      const contacts = cares.flatMap((c) => c.contacts);
      const lists = careLists(members, contacts, { asOf, days });
      const doc = careSheet(lists, { madeAt: localNow() });
      try {
        await fs.mkdir(path.dirname(out), { recursive: true });
        await writeDocWorkbook([doc], out);
      } catch (e) {
        // No room, no permission, a file or folder in the way: said in the user's words, exit 2.
        const info = writeFailure(e, out);
        if (!info) throw e;
        process.stderr.write(say(fileErrorMessage(info, locale)));
        setExit(2);
        return;
      }
      const text = [
        t.heading(isoDay(asOf), cares.length, peopleOf(members).length),
        ...CARE_LISTS.map((key, i) => listText(lists, key, i, limit ?? 20, t, locale)),
      ].join("\n\n");
      process.stdout.write(say(text + "\n"));
      if (lists.unlinkedContacts > 0) process.stdout.write(say(t.unlinked(lists.unlinkedContacts)));
      if (unreadable.length > 0) {
        process.stdout.write(say(t.unreadable(unreadable.length)));
        for (const u of unreadable)
          process.stdout.write(
            say(t.row(path.basename(u.file), u.sheet, u.row, u.column, String(u.value ?? "")))
          );
      }
      process.stdout.write(say(t.done(doc.name, out, cares.length)));
      const pdf = o.pdf ? await printSheetPdf(out, doc.name, inputs, locale, o.showPii) : 0;
      setExit(Math.max(pdf, failures.length > 0 ? 2 : unreadable.length > 0 ? 1 : 0));
    });
}

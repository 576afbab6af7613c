import { careLists } from "../../core/care/rules";
import { careSheet } from "../../core/care/sheet";
import { type RecordsSource, recordsSource } from "../../core/care/source";
import type { AppendPlan } from "../../core/records/append";
import { memberChoices } from "../../core/records/choices";
import { type ContactEntry, planContactLog } from "../../core/records/contact";
import type { Outcome } from "../../core/records/errors";
import {
  type SuggestionList,
  type SuggestionUpdate,
  openSuggestions,
  planSuggestionUpdates,
} from "../../core/records/openSuggestions";
import { type SuggestionEntry, planSuggestionLog } from "../../core/records/suggestion";
import type {
  CareRequest,
  CareRun,
  MemberList,
  RecordWritten,
  SuggestionsUpdated,
} from "../ledgerHost";
import { writtenOf } from "../records";
import { applyAppendPlan, applyUpdatePlan } from "./logs";
import { OfficeLiveCheck } from "./live";
import { readSource } from "./readSource";
import { renderDoc } from "./renderDoc";
import { localNow, localToday } from "../localClock";
import type { BulletinInput } from "../../core/docs/bulletin";
import type { MeetingInput } from "../../core/docs/meeting";
import { REGISTRY_SHEET } from "../../core/plan";
import { normalizeRegistry } from "../../core/registry";
import {
  CHANGE_LOG_SHEET,
  REPORT_SHEET,
  changeLogSheet,
  problemReportSheet,
} from "../../core/report";
import type { SummaryPeriod } from "../../core/summary/docs";
import type { Locale } from "../../core/types";
import type { Problem } from "../../core/problem";
import type { LedgerHost, ProgressFn, RegistryRun, SummaryRun } from "../ledgerHost";
import { type ApiSupport, FEATURE, officeApiSupport } from "./api";
import type { RequestStats } from "./batch";
import { type OfficeAddedDocSheet, addBulletin, addMeeting } from "./docs";
import { type ExcelRun, type HostEnv, makeEnv } from "./env";
import { DEFAULT_REQUEST_BUDGET } from "./payload";
import { rawRows, readHeads, readWhole } from "./readSheets";
import { type RegistryResult, registryCell } from "../../core/registry";
import { selectCell } from "./select";
import { replaceSheet } from "./sheets";
import { writeSummary } from "./summary";
import {
  type WorkbookInfo,
  isOutputSheet,
  pickRegistrySheet,
  readWorkbookInfo,
  sheetNamed,
} from "./workbook";
import { writeRegistrySheet, writeReportSheet } from "./writeRegistry";

export type { ExcelRun } from "./env";

export interface OfficeHostOptions {
  /** Default: Excel.run. */
  run?: ExcelRun;
  /** Default: what Office.context.requirements says. */
  api?: ApiSupport;
  /** Bytes one request may carry (default 4,000,000: under Excel on the web's 5 MB). */
  requestBudget?: number;
  /** The day the data is judged on (default: today, in the user's time zone). */
  asOf?: Date;
  /** When a summary is made (default: now). */
  now?: () => Date;
  /** Called with each note (something left out on this Excel), as it comes. */
  onNote?: (message: string) => void;
}

/** What 校验 and 规范化 return here: the run, and what was left out on this Excel. */
export interface OfficeRegistryRun extends RegistryRun {
  /** The whole result: Office reads the sheet in memory, as Excel holds it. */
  result: RegistryResult;
  notes: string[];
  /** Syncs through the request batches, and how many of them the 5 MB budget forced. */
  requests: RequestStats;
  /** The sheet the registry was written to (after 规范化); absent after 校验. */
  writtenSheet?: string;
}

const LABELS = {
  "zh-CN": {
    read: "读取工作簿",
    rows: "读取名册",
    check: "校验",
    write: "写入成员名册",
    report: "写入校验报告和变更记录",
    done: "完成",
    noHeader: "找不到名册表头，未写入任何工作表。",
    noMerges:
      "本机 Excel 读不出合并单元格（需要 ExcelApi 1.13）：合并到多行的值（如合并的“所在支部”）只算在第一行。",
    rewritten:
      "“成员名册”已按规范重写：原表中的格式、批注和公式未保留，每处修改和删除的行见“变更记录”。",
  },
  en: {
    read: "Reading the workbook",
    rows: "Reading the registry",
    check: "Validating",
    write: "Writing 成员名册",
    report: "Writing 校验报告 and 变更记录",
    done: "Done",
    noHeader: "No registry header was found; no sheet was written.",
    noMerges:
      "This Excel cannot read merged cells (ExcelApi 1.13): a value merged over several rows counts in its first row only.",
    rewritten:
      "成员名册 was rewritten in standard form: its formats, notes and formulas were not kept; every change and removed row is in 变更记录.",
  },
};

/**
 * The Office.js host of the task pane (kind "office"): the same core as the exceljs host, read
 * from and written to the open workbook. Each action is one Excel.run; reads and writes are
 * queued and sent in as few context.sync() calls as Excel on the web's 5 MB request limit allows.
 */
export class OfficeLedgerHost implements LedgerHost {
  readonly kind = "office" as const;
  private readonly run: ExcelRun;
  private readonly api: () => ApiSupport;
  private readonly budget: number;

  /** 成员名册 checked as staff type while the pane is open. */
  readonly live: OfficeLiveCheck;

  constructor(private readonly options: OfficeHostOptions = {}) {
    this.run = options.run ?? (<T>(f: (c: Excel.RequestContext) => Promise<T>) => Excel.run(f));
    this.api = () => options.api ?? officeApiSupport();
    this.budget = options.requestBudget ?? DEFAULT_REQUEST_BUDGET;
    this.live = new OfficeLiveCheck({
      run: this.run,
      api: { excel: (minor) => this.api().excel(minor) },
      locale: "zh-CN",
      asOf: () => options.asOf ?? localToday(options.now?.()),
      requestBudget: this.budget,
    });
  }

  private env(context: Excel.RequestContext, progress?: ProgressFn): HostEnv {
    return makeEnv(context, this.api(), this.budget, progress, this.options.onNote);
  }

  /** Reads the registry sheet (see pickRegistrySheet) and runs the engine over it. */
  private async readRegistry(env: HostEnv, locale: Locale) {
    const t = LABELS[locale];
    env.progress(0.02, t.read);
    const info = await readWorkbookInfo(env.context);
    const heads = await readHeads(
      env.context,
      info.sheets.filter((s) => !isOutputSheet(s.name)).map((s) => s.name)
    );
    const head = pickRegistrySheet(heads, info.active);
    if (!head) throw new Error("工作簿中没有工作表 (the workbook has no sheet)");
    env.progress(0.1, t.rows);
    if (!env.api.excel(FEATURE.mergedAreas)) env.note(t.noMerges);
    const [sheet] = await readWhole(env.reads, [head], env.api, {
      withMerges: new Set([head.name]),
      progress: (done, total) => env.progress(0.1 + (0.3 * done) / Math.max(1, total), t.rows),
    });
    env.progress(0.4, t.check);
    const result = normalizeRegistry(rawRows(sheet, info.dateSystem), {
      locale,
      dateSystem: info.dateSystem,
      asOf: this.options.asOf ?? localToday(this.options.now?.()),
    });
    return { info, sheetName: head.name, result };
  }

  async validate(locale: Locale, progress?: ProgressFn): Promise<OfficeRegistryRun> {
    return this.run(async (context) => {
      const env = this.env(context, progress);
      const { sheetName, result } = await this.readRegistry(env, locale);
      env.progress(1, LABELS[locale].done);
      return { sheetName, result, notes: env.notes, requests: env.stats };
    });
  }

  async normalize(locale: Locale, progress?: ProgressFn): Promise<OfficeRegistryRun> {
    return this.run(async (context) => {
      const env = this.env(context, progress);
      const t = LABELS[locale];
      const { info, sheetName, result } = await this.readRegistry(env, locale);
      if (result.header === null) {
        env.note(t.noHeader);
        env.progress(1, t.done);
        return { sheetName, result, notes: env.notes, requests: env.stats };
      }
      await this.writeRegistry(env, info, sheetName, result, locale);
      env.progress(1, t.done);
      return {
        sheetName,
        result,
        notes: env.notes,
        requests: env.stats,
        writtenSheet: REGISTRY_SHEET,
      };
    });
  }

  /**
   * Writes 成员名册 (after the source sheet, which is kept: Office.js changes cannot be undone;
   * or in place of an older 成员名册, the source itself included), then 校验报告 and 变更记录 (in
   * place of older ones, else at the end).
   */
  private async writeRegistry(
    env: HostEnv,
    info: WorkbookInfo,
    sheetName: string,
    result: OfficeRegistryRun["result"],
    locale: Locale
  ): Promise<void> {
    const t = LABELS[locale];
    const w = env.writer(info.dateSystem);
    env.progress(0.5, t.write);
    const source = sheetNamed(info, sheetName);
    if (sheetName === REGISTRY_SHEET) env.note(t.rewritten);
    const registry = await replaceSheet(
      w.batch,
      info,
      REGISTRY_SHEET,
      source ? source.position + 1 : undefined
    );
    await writeRegistrySheet(w, registry, result.plan, result.rows, locale);
    env.progress(0.8, t.report);
    const report = await replaceSheet(w.batch, info, REPORT_SHEET);
    await writeReportSheet(w, report, problemReportSheet(result, locale));
    const changes = await replaceSheet(w.batch, info, CHANGE_LOG_SHEET);
    await writeReportSheet(w, changes, changeLogSheet(result.changes, result.dropped, locale));
    await w.batch.add(0, () => registry.activate());
    await w.batch.flush();
  }

  async branches(): Promise<string[]> {
    return this.run(async (context) => {
      const env = this.env(context);
      const { result } = await this.readRegistry(env, "zh-CN");
      const at = result.columns.findIndex((c) => c.field === "branch");
      if (at < 0) return [];
      const seen = new Set<string>();
      for (const row of result.rows) {
        const b = row[at];
        if (typeof b === "string" && b.trim() !== "") seen.add(b.trim());
      }
      return [...seen];
    });
  }

  async addMeeting(input: MeetingInput, progress?: ProgressFn): Promise<OfficeAddedDocSheet> {
    return this.run((context) => addMeeting(this.env(context, progress), input));
  }

  async addBulletin(input: BulletinInput, progress?: ProgressFn): Promise<OfficeAddedDocSheet> {
    return this.run((context) => addBulletin(this.env(context, progress), input));
  }

  async summary(period: SummaryPeriod, progress?: ProgressFn): Promise<SummaryRun> {
    const madeAt = localNow(this.options.now?.());
    return this.run((context) => writeSummary(this.env(context, progress), period, madeAt));
  }

  async selectProblem(problem: Problem, run: RegistryRun): Promise<void> {
    const written = (run as Partial<OfficeRegistryRun>).writtenSheet;
    const source = {
      sheet: run.sheetName,
      row: problem.row || 1,
      column: problem.sourceColumn || 1,
    };
    const candidates: { sheet: string; row: number; column: number }[] = [];
    if (written) {
      // In 成员名册 where the problem has a row there; else in the source sheet, if it is another one.
      const cell = registryCell(problem, run.result);
      if (cell) candidates.push({ sheet: written, ...cell });
      else if (run.sheetName !== written) candidates.push(source);
      candidates.push({ sheet: written, row: 1, column: 1 });
    } else candidates.push(source);
    await this.run((context) => selectCell(context, candidates));
  }
  /** Today, in the user's time zone (or the day the host was given). */
  private today(): Date {
    return this.options.asOf ?? localToday(this.options.now?.());
  }

  /** The workbook's members and logs (one read of every sheet), as of today. */
  private async records(env: HostEnv, label: string) {
    const { info, source } = await readSource(env, this.today(), { from: 0.05, to: 0.5, label });
    return { info, rs: recordsSource(source) };
  }

  async members(): Promise<MemberList> {
    return this.run(async (context) => {
      const { rs } = await this.records(this.env(context), "读取名册");
      return { sheet: rs.registrySheet, members: memberChoices(rs.members) };
    });
  }

  /** Appends what a form planned, or returns why not (nothing written then). */
  private append(
    progress: ProgressFn | undefined,
    plan: (rs: RecordsSource, info: WorkbookInfo) => Outcome<{ plan: AppendPlan }>
  ): Promise<Outcome<{ written: RecordWritten }>> {
    return this.run(async (context) => {
      const env = this.env(context, progress);
      const { info, rs } = await this.records(env, "读取名册和台账");
      const planned = plan(rs, info);
      if (!planned.ok) return planned;
      env.progress(0.6, `写入${planned.plan.sheet}`);
      const w = env.writer(info.dateSystem);
      await applyAppendPlan(w, info, planned.plan);
      await w.batch.flush();
      env.progress(1, "完成");
      return { ok: true, written: writtenOf(planned.plan) };
    });
  }

  recordContact(
    entry: ContactEntry,
    progress?: ProgressFn
  ): Promise<Outcome<{ written: RecordWritten }>> {
    return this.append(progress, (rs, info) =>
      planContactLog(entry, {
        today: this.today(),
        dateSystem: info.dateSystem,
        members: rs.members,
        log: rs.contactLog,
      })
    );
  }

  recordSuggestion(
    entry: SuggestionEntry,
    progress?: ProgressFn
  ): Promise<Outcome<{ written: RecordWritten }>> {
    return this.append(progress, (rs, info) =>
      planSuggestionLog(entry, {
        today: this.today(),
        dateSystem: info.dateSystem,
        members: rs.members,
        log: rs.suggestionLog,
      })
    );
  }

  async openSuggestions(): Promise<SuggestionList> {
    return this.run(async (context) => {
      const { info, rs } = await this.records(this.env(context), "读取意见建议");
      return openSuggestions(rs.suggestionLog, info.dateSystem);
    });
  }

  async updateSuggestions(
    updates: SuggestionUpdate[],
    progress?: ProgressFn
  ): Promise<Outcome<{ updated: SuggestionsUpdated }>> {
    return this.run(async (context) => {
      const env = this.env(context, progress);
      const { info, rs } = await this.records(env, "读取意见建议");
      const planned = planSuggestionUpdates(rs.suggestionLog, updates);
      if (!planned.ok) return planned;
      const w = env.writer(info.dateSystem);
      await applyUpdatePlan(w, planned.plan);
      await w.batch.flush();
      env.progress(1, "完成");
      const { sheet, cells } = planned.plan;
      return { ok: true, updated: { sheet, cells: cells.length } };
    });
  }

  private async care(env: HostEnv, request: CareRequest) {
    const { info, rs } = await this.records(env, "读取名册和联谊活动记录");
    const lists = careLists(rs.members, rs.contacts, {
      asOf: request.asOf ?? this.today(),
      days: request.days,
    });
    return { info, run: { lists, registrySheet: rs.registrySheet } };
  }

  async careLists(request: CareRequest, progress?: ProgressFn): Promise<CareRun> {
    return this.run(async (context) => {
      const env = this.env(context, progress);
      const { run } = await this.care(env, request);
      env.progress(1, "完成");
      return run;
    });
  }

  async writeCareSheet(
    request: CareRequest,
    progress?: ProgressFn
  ): Promise<CareRun & { sheetName: string }> {
    const madeAt = localNow(this.options.now?.());
    return this.run(async (context) => {
      const env = this.env(context, progress);
      const { info, run } = await this.care(env, request);
      env.progress(0.6, "写入关怀提醒");
      // The day's sheet made before is replaced, in its place.
      const doc = careSheet(run.lists, { madeAt });
      const w = env.writer(info.dateSystem);
      const ws = await replaceSheet(w.batch, info, doc.name);
      await renderDoc(w, ws, doc);
      await w.batch.add(0, () => ws.activate());
      await w.batch.flush();
      env.progress(1, "完成");
      return { ...run, sheetName: doc.name };
    });
  }

  async selectMember(row: number, registrySheet: string | null): Promise<void> {
    const sheet = registrySheet ?? (await this.members()).sheet;
    if (sheet) await this.run((context) => selectCell(context, [{ sheet, row, column: 1 }]));
  }
}

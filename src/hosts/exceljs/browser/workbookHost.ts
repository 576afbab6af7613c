import { careLists } from "../../../core/care/rules";
import { careSheet } from "../../../core/care/sheet";
import type { RecordsSource } from "../../../core/care/source";
import type { AppendPlan, LogSheet } from "../../../core/records/append";
import type { EntryContext } from "../../../core/records/entry";
import { memberChoices } from "../../../core/records/choices";
import { type ContactEntry, planContactLog } from "../../../core/records/contact";
import type { Outcome } from "../../../core/records/errors";
import {
  type SuggestionList,
  type SuggestionUpdate,
  openSuggestions,
  planSuggestionUpdates,
} from "../../../core/records/openSuggestions";
import { type SuggestionEntry, planSuggestionLog } from "../../../core/records/suggestion";
import { writtenOf } from "../../records";
import type {
  CareRequest,
  CareRun,
  MemberList,
  RecordWritten,
  SuggestionsUpdated,
} from "../../ledgerHost";
import { readRecords, writeAppend, writeDocSheet, writeUpdates } from "../docs/records";
import { dayOf } from "../../../core/localTime";
import { localNow, localToday } from "../../localClock";
import type { BulletinInput } from "../../../core/docs/bulletin";
import type { MeetingInput } from "../../../core/docs/meeting";
import { fileErrorMessage } from "../../../core/fileErrors";
import { REGISTRY_SHEET } from "../../../core/plan";
import { registryCell } from "../../../core/registry";
import type { CellValue, Locale } from "../../../core/types";
import type { Problem } from "../../../core/problem";
import type {
  AddedDocSheet,
  LedgerHost,
  ProgressFn,
  RegistryRun,
  SummaryRun,
} from "../../ledgerHost";
import { convertWorkbook } from "../convert/convertWorkbook";
import { addBulletin, addMeeting } from "../docs/addDocs";
import { isFileError } from "../fileError";
import { memoryPlatform } from "../platform";
import { registryMembers } from "../read/registryMembers";
import { packageSource } from "../summary/packageSource";
import { type SummaryPeriod, summaryDocs } from "../../../core/summary/docs";
import { docSheet } from "../write/docSheet";
import { type SheetChartView, sheetCharts } from "../xlsx/chartReader";
import { PackageWriter } from "../xlsx/packageWriter";
import { WorkbookPackage } from "../xlsx/workbookPackage";
import { MemorySink, bytesSource } from "../zip/byteSource";
import { type CellNote, sheetNotes, workbookFills } from "./sheetMarks";
import { ZipReader } from "../zip/zipReader";
import { ZipWriter } from "../zip/zipWriter";
import { webCodec } from "./webCodec";

/** Where the page should show a cell (the standalone page has its own grid instead of Excel's). */
export type SelectCell = (sheet: string, row: number, column: number) => void;

/** Called after an action changed the workbook, with the sheet it made or wrote to (the page shows it). */
export type WorkbookChanged = (sheet: string | null) => void;

/** A message the page can show as it is: the core's file errors in the user's language. */
export class HostError extends Error {}

/** The limits a workbook opened in the page is read with: the command line's. */
export const PAGE_ZIP_LIMITS = {
  maxEntries: 20_000,
  maxUncompressedBytes: 4096 * 1024 * 1024,
};

/** The first rows of a sheet, for the page's grid. */
export interface SheetPreview {
  rows: CellValue[][];
  /** More rows follow those shown. */
  more: boolean;
  /** Each cell's solid fill as CSS (#rrggbb), null where it has none; by row and column as `rows`. */
  fills: (string | null)[][];
  /** The notes of the cells shown. */
  notes: CellNote[];
}

/** A workbook's bytes opened as a package. */
export async function openPackage(bytes: Uint8Array, file: string): Promise<WorkbookPackage> {
  const zip = await ZipReader.open(bytesSource(bytes), webCodec, { file, ...PAGE_ZIP_LIMITS });
  return WorkbookPackage.open(zip, file);
}

/**
 * The standalone page's host: a workbook opened in the browser, held as its bytes and read as its
 * package. Every action is the command line's pipeline over it (the same core, the same sheets,
 * the same streaming: a sheet is read as it inflates, the result written as a new package), and
 * its result becomes the workbook the page holds. Nothing leaves the browser.
 */
export class WorkbookHost implements LedgerHost {
  readonly kind = "standalone" as const;
  private normalizedSheet: string | null = null;
  /** The action running, which the next waits for. */
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private bytes: Uint8Array,
    private pkg: WorkbookPackage,
    readonly fileName: string,
    private readonly onSelect: SelectCell = () => undefined,
    private readonly locale: Locale = "zh-CN",
    /** Called after an action changed the workbook (the page redraws its grid, showing that sheet). */
    private readonly onChange: WorkbookChanged = () => undefined
  ) {}

  /** The workbook's sheets, in tab order. */
  get sheetNames(): string[] {
    return this.pkg.sheets.map((s) => s.name);
  }

  /** The charts of a sheet (what their parts cache), for the page to draw above its grid. */
  async charts(sheet: string): Promise<SheetChartView[]> {
    const info = this.pkg.worksheets.find((s) => s.name === sheet);
    return info ? this.guard(() => sheetCharts(this.pkg, info)) : [];
  }

  /** The first rows of a sheet (values as read), with their fills and notes, for display. */
  async preview(sheet: string, maxRows: number): Promise<SheetPreview> {
    const info = this.pkg.worksheets.find((s) => s.name === sheet);
    if (!info) return { rows: [], more: false, fills: [], notes: [] };
    return this.guard(async () => {
      const colors = await workbookFills(this.pkg);
      const { rows } = await this.pkg.readRows(info, { maxRows: maxRows + 1, withStyles: true });
      const out: CellValue[][] = [];
      const fills: (string | null)[][] = [];
      let more = false;
      for await (const r of rows) {
        if (r.rowNumber! > maxRows) {
          more = true;
          break;
        }
        while (out.length < r.rowNumber! - 1) {
          out.push([]);
          fills.push([]);
        }
        out.push([...r.values]);
        fills.push((r.styles ?? []).map((s) => (s === null ? null : (colors[s] ?? null))));
      }
      return { rows: out, more, fills, notes: await sheetNotes(this.pkg, info, maxRows) };
    });
  }

  private async guard<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      if (isFileError(e)) throw new HostError(fileErrorMessage(e, this.locale));
      throw e;
    }
  }

  /**
   * Runs an action that reads the workbook and then replaces it, after those started before it
   * have ended (failed or not): two saves clicked in quick succession both land, neither undoing
   * the other by rebuilding the workbook it read. Only the public actions take a turn; what they
   * call inside does not (it would wait for itself).
   */
  private inTurn<T>(action: () => Promise<T>): Promise<T> {
    const turn = this.running.then(action, action);
    this.running = turn.catch(() => undefined);
    return turn;
  }

  /**
   * Runs a change of the workbook: its output becomes the workbook the page holds, and the page
   * shows the sheet `shown` names (the one the action made or wrote to).
   */
  private async change<T>(
    write: (out: PackageWriter) => Promise<T>,
    shown: (result: T) => string | null
  ): Promise<T> {
    return this.guard(async () => {
      const sink = new MemorySink();
      const result = await write(
        await PackageWriter.create(this.pkg, new ZipWriter(sink, webCodec, this.fileName))
      );
      this.bytes = sink.bytes();
      this.pkg = await openPackage(this.bytes, this.fileName);
      this.onChange(shown(result));
      return result;
    });
  }

  private async registry(
    locale: Locale,
    apply: boolean,
    progress?: ProgressFn
  ): Promise<RegistryRun> {
    progress?.(0.05, "读取名册");
    const options = { file: this.fileName, locale };
    const platform = memoryPlatform(webCodec);
    const found = apply
      ? await this.change(
          async (out) => {
            const r = await convertWorkbook(this.pkg, options, platform, out);
            this.normalizedSheet = REGISTRY_SHEET;
            return r;
          },
          () => REGISTRY_SHEET
        )
      : await this.guard(() => convertWorkbook(this.pkg, options, platform, null));
    progress?.(1, "完成");
    return { sheetName: found.sheet, result: found };
  }

  validate(locale: Locale, progress?: ProgressFn): Promise<RegistryRun> {
    return this.inTurn(() => this.registry(locale, false, progress));
  }

  normalize(locale: Locale, progress?: ProgressFn): Promise<RegistryRun> {
    return this.inTurn(() => this.registry(locale, true, progress));
  }

  async branches(): Promise<string[]> {
    const members = await this.guard(() => registryMembers(this.pkg));
    return [...new Set(members.map((m) => m.branch).filter((b): b is string => !!b))];
  }

  addMeeting(input: MeetingInput): Promise<AddedDocSheet> {
    return this.inTurn(() =>
      this.change(
        (out) => addMeeting(this.pkg, out, input),
        (r) => r.sheetName
      )
    );
  }

  addBulletin(input: BulletinInput): Promise<AddedDocSheet> {
    return this.inTurn(() =>
      this.change(
        (out) => addBulletin(this.pkg, out, input),
        (r) => r.sheetName
      )
    );
  }

  summary(period: SummaryPeriod, progress?: ProgressFn): Promise<SummaryRun> {
    return this.inTurn(() => this.writeSummary(period, progress));
  }

  private async writeSummary(period: SummaryPeriod, progress?: ProgressFn): Promise<SummaryRun> {
    progress?.(0.2, "统计");
    const madeAt = localNow();
    const source = await this.guard(() => packageSource(this.pkg, { asOf: dayOf(madeAt) }));
    const s = summaryDocs([source], period, madeAt);
    await this.change(
      async (out) => {
        const names = new Set(s.docs.map((d) => d.name));
        // A summary of the same period made before is replaced, in its place.
        for (const sheet of this.pkg.sheets) if (names.has(sheet.name)) out.remove(sheet);
        for (const doc of s.docs)
          await out.addSheet(docSheet(doc, out.styles, this.pkg.dateSystem));
        const order = this.pkg.sheets.map((x) => x.name);
        for (const d of s.docs) if (!order.includes(d.name)) order.push(d.name);
        await out.finish(order, this.pkg.shownSheet ?? s.sheet);
      },
      () => s.sheet
    );
    progress?.(1, "完成");
    return {
      sheetName: s.sheet,
      unreadable: s.unreadable,
      pivotTables: false,
      notes: ["网页版生成静态汇总表；数据透视表需在 Excel 加载项中生成。"],
    };
  }

  async selectProblem(p: Problem, run: RegistryRun): Promise<void> {
    if (this.normalizedSheet) {
      const cell = registryCell(p, run.result);
      if (cell) return this.onSelect(this.normalizedSheet, cell.row, cell.column);
    }
    this.onSelect(run.sheetName, p.row, Math.max(1, p.sourceColumn));
  }

  /** The workbook as .xlsx bytes, for 下载工作簿. */
  toBytes(): Uint8Array {
    return this.bytes;
  }
  /** The workbook's members and logs, as of the user's today. */
  private records(today: Date): Promise<RecordsSource> {
    return this.guard(() => readRecords(this.pkg, today));
  }

  async members(): Promise<MemberList> {
    const rs = await this.records(localToday());
    return { sheet: rs.registrySheet, members: memberChoices(rs.members) };
  }

  /** Appends what a form planned to a log (which of the workbook's), or returns why not (nothing written then). */
  private append(
    progress: ProgressFn | undefined,
    which: (rs: RecordsSource) => LogSheet | null,
    plan: (ctx: EntryContext) => Outcome<{ plan: AppendPlan }>
  ): Promise<Outcome<{ written: RecordWritten }>> {
    return this.inTurn(() => this.appendNow(progress, which, plan));
  }

  private async appendNow(
    progress: ProgressFn | undefined,
    which: (rs: RecordsSource) => LogSheet | null,
    plan: (ctx: EntryContext) => Outcome<{ plan: AppendPlan }>
  ): Promise<Outcome<{ written: RecordWritten }>> {
    progress?.(0.1, "读取名册和台账");
    const today = localToday();
    const rs = await this.records(today);
    const log = which(rs);
    const planned = plan({ today, dateSystem: this.pkg.dateSystem, members: rs.members, log });
    if (!planned.ok) return planned;
    progress?.(0.6, `写入${planned.plan.sheet}`);
    await this.change(
      (out) => writeAppend(this.pkg, out, planned.plan, log),
      () => planned.plan.sheet
    );
    progress?.(1, "完成");
    return { ok: true, written: writtenOf(planned.plan) };
  }

  recordContact(
    entry: ContactEntry,
    progress?: ProgressFn
  ): Promise<Outcome<{ written: RecordWritten }>> {
    return this.append(
      progress,
      (rs) => rs.contactLog,
      (ctx) => planContactLog(entry, ctx)
    );
  }

  recordSuggestion(
    entry: SuggestionEntry,
    progress?: ProgressFn
  ): Promise<Outcome<{ written: RecordWritten }>> {
    return this.append(
      progress,
      (rs) => rs.suggestionLog,
      (ctx) => planSuggestionLog(entry, ctx)
    );
  }

  async openSuggestions(): Promise<SuggestionList> {
    const rs = await this.records(localToday());
    return openSuggestions(rs.suggestionLog, this.pkg.dateSystem);
  }

  updateSuggestions(
    updates: SuggestionUpdate[],
    progress?: ProgressFn
  ): Promise<Outcome<{ updated: SuggestionsUpdated }>> {
    return this.inTurn(() => this.updateSuggestionsNow(updates, progress));
  }

  private async updateSuggestionsNow(
    updates: SuggestionUpdate[],
    progress?: ProgressFn
  ): Promise<Outcome<{ updated: SuggestionsUpdated }>> {
    progress?.(0.1, "读取意见建议");
    const rs = await this.records(localToday());
    const planned = planSuggestionUpdates(rs.suggestionLog, updates);
    if (!planned.ok) return planned;
    const log = rs.suggestionLog;
    if (log && planned.plan.cells.length > 0)
      await this.change(
        (out) => writeUpdates(this.pkg, out, planned.plan, log),
        () => planned.plan.sheet
      );
    progress?.(1, "完成");
    return { ok: true, updated: { sheet: planned.plan.sheet, cells: planned.plan.cells.length } };
  }

  async careLists(request: CareRequest, progress?: ProgressFn): Promise<CareRun> {
    progress?.(0.1, "读取名册和联谊活动记录");
    const today = localToday();
    const rs = await this.records(today);
    progress?.(1, "完成");
    return {
      lists: careLists(rs.members, rs.contacts, {
        asOf: request.asOf ?? today,
        days: request.days,
      }),
      registrySheet: rs.registrySheet,
    };
  }

  writeCareSheet(
    request: CareRequest,
    progress?: ProgressFn
  ): Promise<CareRun & { sheetName: string }> {
    return this.inTurn(() => this.writeCareSheetNow(request, progress));
  }

  private async writeCareSheetNow(
    request: CareRequest,
    progress?: ProgressFn
  ): Promise<CareRun & { sheetName: string }> {
    const run = await this.careLists(request, (f, label) => progress?.(f * 0.5, label));
    progress?.(0.6, "写入关怀提醒");
    // The day's sheet made before is replaced, in its place.
    const doc = careSheet(run.lists, { madeAt: localNow() });
    await this.change(
      (out) => writeDocSheet(this.pkg, out, doc),
      () => doc.name
    );
    this.onSelect(doc.name, 1, 1);
    progress?.(1, "完成");
    return { ...run, sheetName: doc.name };
  }

  async selectMember(row: number, registrySheet: string | null): Promise<void> {
    const sheet = registrySheet ?? (await this.members()).sheet;
    if (sheet) this.onSelect(sheet, row, 1);
  }
}

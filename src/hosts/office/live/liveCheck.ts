/**
 * 成员名册 checked as staff type, while the task pane is open (issue #17): Worksheet.onChanged
 * (ExcelApi 1.7) reports an edit; the edited rows are read again by address (an event's details
 * hold one cell only), checked by the core (LiveRegistry: the engine of 校验, duplicates over the
 * whole sheet), and marked or unmarked. Values are never changed here.
 *
 * Events are gathered: a burst (a paste, a fill-down, typing fast) and the events that come while
 * a check runs become one check. What the add-in writes itself is not checked again (the event's
 * triggerSource, ExcelApi 1.14; before that, the addresses it declared). A check takes a fixed
 * number of syncs whatever the sheet's size: the rows, the notes on the cells to mark, the marks
 * (plus what the 5 MB request limit forces). A paste of more than LIVE_ROW_LIMIT rows is not
 * checked row by row: the pane suggests 校验.
 */
import { type Block, blockAddress, cellAddress } from "../../../core/a1";
import {
  type CellRef,
  LIVE_ROW_LIMIT,
  LiveRegistry,
  type LiveRow,
  type LiveSuggestion,
  fixLog,
} from "../../../core/live";
import { REGISTRY_SHEET } from "../../../core/plan";
import type { Locale } from "../../../core/types";
import type { LiveChecker, LiveState } from "../../ledgerHost";
import { type ApiSupport, FEATURE } from "../api";
import { type ExcelRun, type HostEnv, makeEnv } from "../env";
import { DEFAULT_REQUEST_BUDGET } from "../payload";
import { rawRows, readHeads, readWhole } from "../readSheets";
import { DATE_FORMAT, toExcelValue } from "../cellValues";
import { readWorkbookInfo, sheetNamed } from "../workbook";
import { selectCell } from "../select";
import { appendChangeLog } from "./changeLog";
import { EditQueue } from "./edits";
import { applyLiveMarks, keyOf, readComments } from "./marks";

/** ExcelApi of Worksheet.onChanged, and of the event's triggerSource. */
const ON_CHANGED = 7;
const TRIGGER_SOURCE = 14;

export interface LiveCheckOptions {
  run: ExcelRun;
  api: ApiSupport;
  /** The language of the notes (start may change it). */
  locale: Locale;
  /** The day the data is judged on: the user's today, asked at each check (a pane open past midnight). */
  asOf: Date | (() => Date);
  requestBudget?: number;
  /** Runs fn once a burst of events has passed (default: 300 ms later). */
  later?: (fn: () => void) => void;
  /** Runs a batch in the request context an event handler was added in (default: Excel.run). */
  runIn?: <T>(
    context: Excel.RequestContext,
    batch: (c: Excel.RequestContext) => Promise<T>
  ) => Promise<T>;
  /** Told of every new state (the task pane's count and list). */
  onState?: (state: LiveState) => void;
}

export class OfficeLiveCheck implements LiveChecker {
  state: LiveState = { state: "off" };
  /** Checks carried out since start (one per gathered burst). */
  checks = 0;
  private live: LiveRegistry | null = null;
  private handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null =
    null;
  private readonly edits = new EditQueue(LIVE_ROW_LIMIT);
  private scheduled = false;
  private running: Promise<void> = Promise.resolve();
  /** Addresses the add-in writes to itself, whose events (without triggerSource) are skipped. */
  private readonly own: string[] = [];
  private width = 0;
  /** 成员名册's merged areas as read at the start (a 所在支部 merged down over a branch's rows). */
  private merges: readonly Block[] = [];
  /** The day the running check judges on (the day it started). */
  private judgedOn = new Date(0);
  private dateSystem: 1900 | 1904 = 1900;
  private locale: Locale;
  private readonly listeners = new Set<(state: LiveState) => void>();

  constructor(private readonly options: LiveCheckOptions) {
    this.locale = options.locale;
  }

  subscribe(listener: (state: LiveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private env(context: Excel.RequestContext): HostEnv {
    return makeEnv(
      context,
      this.options.api,
      this.options.requestBudget ?? DEFAULT_REQUEST_BUDGET,
      undefined
    );
  }

  private set(state: LiveState): LiveState {
    this.state = state;
    this.options.onState?.(state);
    for (const l of this.listeners) l(state);
    return state;
  }

  private on(tooMany = 0): LiveState {
    const live = this.live!;
    return this.set({
      state: "on",
      counts: live.counts(),
      problems: live.problems(),
      // Notes (ExcelApi 1.18), else comments (1.10): as 规范化 explains its marks.
      explained: this.options.api.excel(FEATURE.comments),
      tooMany,
    });
  }

  private today(): Date {
    const asOf = this.options.asOf;
    return typeof asOf === "function" ? asOf() : asOf;
  }

  /**
   * Reads 成员名册 whole, learns which marks it carries (the check's notes), and starts listening
   * to its edits. Started again, it begins afresh (after 规范化 the sheet is a new one).
   */
  async start(locale: Locale = this.locale): Promise<LiveState> {
    this.locale = locale;
    this.judgedOn = this.today();
    await this.stop();
    if (!this.options.api.excel(ON_CHANGED)) return this.set({ state: "unsupported" });
    return this.options.run(async (context) => {
      const env = this.env(context);
      const info = await readWorkbookInfo(context);
      if (!sheetNamed(info, REGISTRY_SHEET)) return this.set({ state: "no-registry" });
      const [head] = await readHeads(context, [REGISTRY_SHEET]);
      const [sheet] = await readWhole(env.reads, [head], env.api, {
        withMerges: new Set([REGISTRY_SHEET]),
      });
      this.dateSystem = info.dateSystem;
      this.width = head.left + head.columns - 1;
      this.merges = sheet.merges;
      const rows: LiveRow[] = rawRows(sheet, info.dateSystem).map((r) => ({
        row: r.rowNumber!,
        values: r.values,
        numFmts: r.numFmts,
      }));
      const live = LiveRegistry.start(rows, this.checkOptions());
      if (!live) return this.set({ state: "no-registry" });
      const ws = context.workbook.worksheets.getItem(REGISTRY_SHEET);
      if (!env.api.excel(FEATURE.notes) && env.api.excel(FEATURE.comments)) {
        const comments = await readComments(context, ws);
        live.adopt((c) => comments.get(keyOf(c))?.content);
      } else if (env.api.excel(FEATURE.notes)) {
        const found: { cell: CellRef; note: Excel.Note }[] = [];
        for (const cell of live.markedCells())
          await env.reads.add(64, () => {
            const note = ws.notes.getItemOrNullObject(cellAddress(cell.row, cell.column));
            note.load("content");
            found.push({ cell, note });
          });
        await env.reads.flush();
        const notes = new Map(
          found
            .filter((f) => !f.note.isNullObject)
            .map((f) => [`${f.cell.row},${f.cell.column}`, f.note.content])
        );
        live.adopt((c) => notes.get(`${c.row},${c.column}`));
      }
      this.live = live;
      this.handler = ws.onChanged.add((e) => this.onChanged(e));
      await context.sync();
      return this.on();
    });
  }

  /** Stops listening (the switch in the pane turned off, or the pane closing). */
  async stop(): Promise<void> {
    const handler = this.handler;
    this.handler = null;
    this.live = null;
    this.edits.take();
    if (handler) {
      const runIn =
        this.options.runIn ??
        (<T>(c: Excel.RequestContext, f: (c: Excel.RequestContext) => Promise<T>) =>
          Excel.run(c, f));
      try {
        await runIn(handler.context as Excel.RequestContext, async (context) => {
          handler.remove();
          await context.sync();
        });
      } catch {
        // The sheet it listened to is gone (规范化 wrote a new 成员名册): nothing to remove.
      }
    }
    if (this.state.state !== "off") this.set({ state: "off" });
  }

  /**
   * 按建议修正: writes the value the check suggests for a problem's cell (the engine's, as 规范化
   * would write it), logs it in 变更记录 (old → new), and checks the row again. Null where the
   * cell has no suggestion (nothing is written).
   */
  async fix(cell: CellRef): Promise<LiveSuggestion | null> {
    const s = this.live?.suggestionAt(cell) ?? null;
    if (!s) return null;
    const address = cellAddress(s.row, s.column);
    const fixing = this.running.then(async () => {
      await this.options.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(REGISTRY_SHEET);
        if (!this.options.api.excel(TRIGGER_SOURCE)) this.expectOwnWrite(address);
        const target = ws.getRange(address);
        if (s.newValue instanceof Date) target.numberFormat = [[DATE_FORMAT]];
        target.values = [[toExcelValue(s.newValue, this.dateSystem)]];
        await appendChangeLog(context, fixLog(s, this.locale), this.dateSystem);
      });
      this.edits.add(address, "RangeEdited");
      await this.checkEdits();
    });
    this.running = fixing.catch(() => undefined);
    await fixing;
    return s;
  }

  suggestionAt(cell: CellRef): LiveSuggestion | null {
    return this.live?.suggestionAt(cell) ?? null;
  }

  async select(cell: CellRef): Promise<void> {
    await this.options.run((context) =>
      selectCell(context, [{ sheet: REGISTRY_SHEET, row: cell.row, column: cell.column }])
    );
  }

  /** Declares a write the add-in is about to make to 成员名册 (its event is not checked). */
  expectOwnWrite(address: string): void {
    this.own.push(address.replace(/^.*!/, "").replace(/\$/g, ""));
  }

  /** Resolves once no check is waiting or running. */
  async whenIdle(): Promise<void> {
    while (this.scheduled) await new Promise((resolve) => setTimeout(resolve, 5));
    await this.running;
  }

  private checkOptions() {
    return { dateSystem: this.dateSystem, asOf: this.judgedOn, locale: this.locale };
  }

  private onChanged(e: Excel.WorksheetChangedEventArgs): Promise<void> {
    if (!this.live) return Promise.resolve();
    if (this.options.api.excel(TRIGGER_SOURCE) && e.triggerSource === "ThisLocalAddin")
      return Promise.resolve();
    const mine = this.own.indexOf(e.address.replace(/\$/g, ""));
    if (mine >= 0) {
      this.own.splice(mine, 1);
      return Promise.resolve();
    }
    this.edits.add(e.address, e.changeType);
    if (!this.scheduled) {
      this.scheduled = true;
      const later = this.options.later ?? ((fn: () => void) => setTimeout(fn, 300));
      later(() => {
        this.scheduled = false;
        this.running = this.running
          .then(() => this.checkEdits())
          // Said in the pane; the next edit is checked again.
          .catch((e: unknown) =>
            this.set({ state: "error", message: e instanceof Error ? e.message : String(e) })
          )
          .then(() => undefined);
      });
    }
    return Promise.resolve();
  }

  /** Checks what was gathered: one read of the rows, one of the notes, one write. */
  private async checkEdits(): Promise<void> {
    if (!this.live || this.edits.empty) return;
    const edits = this.edits.take();
    if (edits.restructured) {
      await this.start();
      return;
    }
    // A new day (the pane was left open past midnight): the whole sheet is judged on it, then the edit.
    if (this.today().getTime() !== this.judgedOn.getTime()) {
      await this.start();
      if (!this.live) return;
    }
    if (edits.runs.length === 0) {
      if (edits.tooMany) this.on(edits.tooMany);
      return;
    }
    const restart = await this.options.run(async (context) => {
      const env = this.env(context);
      const ws = context.workbook.worksheets.getItem(REGISTRY_SHEET);
      const right = Math.max(1, this.width, Math.min(edits.right, this.width + 50));
      this.width = right;
      const blocks = edits.runs.map((run) => {
        // From the top of any merged area the rows are in, so that its value reaches every row.
        const top = mergedTop(this.merges, run.top, run.bottom);
        const range = ws.getRange(blockAddress(top, 1, run.bottom, right));
        range.load("values,numberFormat");
        return { run, top, range };
      });
      await context.sync();
      const rows: LiveRow[] = blocks.flatMap(({ run, top, range }) =>
        rawRows(
          {
            name: REGISTRY_SHEET,
            top,
            left: 1,
            rows: run.bottom - top + 1,
            columns: right,
            values: range.values,
            formats: range.numberFormat,
            merges: this.merges.filter((m) => m.top <= run.bottom && m.bottom >= top),
          },
          this.dateSystem
        )
          .filter((r) => r.rowNumber! >= run.top)
          .map((r) => ({ row: r.rowNumber!, values: r.values, numFmts: r.numFmts }))
      );
      const check = this.live!.check(rows);
      if (check.restart) return true;
      await applyLiveMarks(env.reads, env.writer(this.dateSystem).batch, ws, check, env.api);
      return false;
    });
    this.checks++;
    if (restart) await this.start();
    else this.on(edits.tooMany);
  }
}

/** The first row of the merged areas that reach into rows top…bottom (top where there are none). */
export function mergedTop(merges: readonly Block[], top: number, bottom: number): number {
  let first = top;
  for (const m of merges) if (m.top < first && m.bottom >= top && m.top <= bottom) first = m.top;
  return first;
}

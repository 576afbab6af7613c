import type { BulletinInput } from "../core/docs/bulletin";
import type { MeetingInput } from "../core/docs/meeting";
import type { RegistryFindings } from "../core/registry";
import type { SummaryPeriod } from "../core/summary/docs";
import type { UnreadableRow } from "../core/summary/sources";
import type { Locale } from "../core/types";
import type { Problem } from "../core/problem";
import type { CareLists } from "../core/care/rules";
import type { MemberChoice } from "../core/records/choices";
import type { ContactEntry } from "../core/records/contact";
import type { Outcome } from "../core/records/errors";
import type { SuggestionList, SuggestionUpdate } from "../core/records/openSuggestions";
import type { SuggestionEntry } from "../core/records/suggestion";
import type { LiveCounts, LiveSuggestion } from "../core/live";

/** Progress of a long action: a fraction (0..1) and what is being done, for the task pane's indicator. */
export type ProgressFn = (fraction: number, label: string) => void;

export interface RegistryRun {
  /** The sheet the registry was read from. */
  sheetName: string;
  result: RegistryFindings;
}

export interface AddedDocSheet {
  sheetName: string;
  /** 第N次 or 2026年第N期 */
  label: string;
  logSheet: string;
  unknownPlaceholders: string[];
  usedTemplate: boolean;
}

export interface SummaryRun {
  sheetName: string;
  unreadable: UnreadableRow[];
  /** Real PivotTables were made (Excel with ExcelApi 1.8), or only the static tables. */
  pivotTables: boolean;
  /** Why something was left out (e.g. PivotTables need ExcelApi 1.8). */
  notes: string[];
}

/** The registry's members for the forms, and the sheet they were read from. */
export interface MemberList {
  /** The registry sheet; null when the workbook has none. */
  sheet: string | null;
  members: MemberChoice[];
}

/** Rows a form appended to a log. */
export interface RecordWritten {
  sheet: string;
  /** The sheet was made (it was missing). */
  created: boolean;
  /** The 1-based rows written, in order. */
  rows: number[];
}

/** Suggestions updated in place. */
export interface SuggestionsUpdated {
  sheet: string;
  /** How many cells changed (0: the values were already so). */
  cells: number;
}

/** 关怀提醒 as of a day. */
export interface CareRequest {
  /** The day (the user's calendar day, UTC midnight); default today. */
  asOf?: Date;
  /** Birthdays in the next this many days; default 30. */
  days?: number;
}

/** The care lists, and the registry sheet their rows are in. */
export interface CareRun {
  lists: CareLists;
  registrySheet: string | null;
}

/**
 * What the task pane asks of a workbook. Two hosts implement it: Excel through Office.js
 * (src/hosts/office) and the standalone page, a workbook opened in the browser as its package
 * (src/hosts/exceljs/browser).
 * Both run the same core; only reading and writing differ.
 */
/** Where the live check of 成员名册 stands (Excel only). */
export type LiveState =
  | { state: "off" }
  /** This Excel has no change events (before ExcelApi 1.7). */
  | { state: "unsupported" }
  /** The workbook has no 成员名册 with a header to check against. */
  | { state: "no-registry" }
  /** A check failed (Excel's message); the next edit is checked again. */
  | { state: "error"; message: string }
  | {
      state: "on";
      counts: LiveCounts;
      problems: Problem[];
      /** Marks carry their explanation (a note, ExcelApi 1.18, or a comment, 1.10), or colours only. */
      explained: boolean;
      /** Rows of the last edit not checked, there being more than LIVE_ROW_LIMIT: 校验 is suggested. */
      tooMany: number;
    };

/** 成员名册 checked as staff type, while the task pane is open (Excel: the page has no edit events). */
export interface LiveChecker {
  /** Reads 成员名册 and starts listening to its edits (again, after 规范化: a new sheet). */
  start(locale: Locale): Promise<LiveState>;
  /** Stops listening (the pane's switch). */
  stop(): Promise<void>;
  /** Called with every new state; returns how to stop being called. */
  subscribe(listener: (state: LiveState) => void): () => void;
  /** The value 按建议修正 would write into a problem's cell; null where there is none. */
  suggestionAt(cell: { row: number; column: number }): LiveSuggestion | null;
  /** 按建议修正: writes it, logs it in 变更记录, checks the row again. */
  fix(cell: { row: number; column: number }): Promise<LiveSuggestion | null>;
  /** Selects a cell of 成员名册. */
  select(cell: { row: number; column: number }): Promise<void>;
}

export interface LedgerHost {
  readonly kind: "office" | "standalone";
  /** The live check of 成员名册, where the host has one. */
  readonly live?: LiveChecker;
  /** 校验: reads the registry sheet and reports, changing nothing. */
  validate(locale: Locale, progress?: ProgressFn): Promise<RegistryRun>;
  /** 规范化: validates, then writes 成员名册, 校验报告 and 变更记录 and marks the cells. */
  normalize(locale: Locale, progress?: ProgressFn): Promise<RegistryRun>;
  /** The branches named in the registry (for the meeting form). */
  branches(): Promise<string[]>;
  addMeeting(input: MeetingInput, progress?: ProgressFn): Promise<AddedDocSheet>;
  addBulletin(input: BulletinInput, progress?: ProgressFn): Promise<AddedDocSheet>;
  /** 季度汇总 (or 年度汇总) of this workbook. */
  summary(period: SummaryPeriod, progress?: ProgressFn): Promise<SummaryRun>;
  /** Selects the cell of a problem (in 成员名册 after 规范化, else in the source sheet). */
  selectProblem(problem: Problem, run: RegistryRun): Promise<void>;
  /** The registry's members, each once, in registry order (for the contact and suggestion forms). */
  members(): Promise<MemberList>;
  /**
   * 记录联谊活动: appends one row per member to 联谊活动记录 (made when missing). When the entry
   * cannot be written (date after today, empty 内容, a member not in the registry…), returns every
   * reason as data and writes nothing.
   */
  recordContact(
    entry: ContactEntry,
    progress?: ProgressFn
  ): Promise<Outcome<{ written: RecordWritten }>>;
  /** 意见建议: appends one row to 意见建议 (made when missing), likewise. */
  recordSuggestion(
    entry: SuggestionEntry,
    progress?: ProgressFn
  ): Promise<Outcome<{ written: RecordWritten }>>;
  /** The suggestions still 待定 or not yet carried out. */
  openSuggestions(): Promise<SuggestionList>;
  /** Changes 是否采纳 / 落实情况 of suggestions in place; nothing else in the sheet changes. */
  updateSuggestions(
    updates: SuggestionUpdate[],
    progress?: ProgressFn
  ): Promise<Outcome<{ updated: SuggestionsUpdated }>>;
  /** 关怀提醒: the four lists, from the registry and the contact log; writes nothing. */
  careLists(request: CareRequest, progress?: ProgressFn): Promise<CareRun>;
  /** Writes the lists as the printable sheet 关怀提醒-日期 (masked); returns its name. */
  writeCareSheet(
    request: CareRequest,
    progress?: ProgressFn
  ): Promise<CareRun & { sheetName: string }>;
  /** Selects a member's row in the registry sheet (a care list's entry clicked). */
  selectMember(row: number, registrySheet: string | null): Promise<void>;
}

export type { MemberChoice };

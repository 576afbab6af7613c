import type { BulletinInput } from "../core/docs/bulletin";
import type { MeetingInput } from "../core/docs/meeting";
import type { RegistryFindings } from "../core/registry";
import type { Quarter } from "../core/summary/quarter";
import type { UnreadableRow } from "../core/summary/sources";
import type { Locale } from "../core/types";
import type { Problem } from "../core/problem";

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

/**
 * What the task pane asks of a workbook. Two hosts implement it: Excel through Office.js
 * (src/hosts/office) and the standalone page, a workbook opened in the browser as its package
 * (src/hosts/exceljs/browser).
 * Both run the same core; only reading and writing differ.
 */
export interface LedgerHost {
  readonly kind: "office" | "standalone";
  /** 校验: reads the registry sheet and reports, changing nothing. */
  validate(locale: Locale, progress?: ProgressFn): Promise<RegistryRun>;
  /** 规范化: validates, then writes 成员名册, 校验报告 and 变更记录 and marks the cells. */
  normalize(locale: Locale, progress?: ProgressFn): Promise<RegistryRun>;
  /** The branches named in the registry (for the meeting form). */
  branches(): Promise<string[]>;
  addMeeting(input: MeetingInput, progress?: ProgressFn): Promise<AddedDocSheet>;
  addBulletin(input: BulletinInput, progress?: ProgressFn): Promise<AddedDocSheet>;
  /** 季度汇总 of this workbook. */
  summary(quarter: Quarter, progress?: ProgressFn): Promise<SummaryRun>;
  /** Selects the cell of a problem (in 成员名册 after 规范化, else in the source sheet). */
  selectProblem(problem: Problem, run: RegistryRun): Promise<void>;
}

import type ExcelJS from "exceljs";
import type { BulletinInput } from "../../core/docs/bulletin";
import type { MeetingInput } from "../../core/docs/meeting";
import { fileErrorMessage } from "../../core/fileErrors";
import { FIELDS } from "../../core/schema";
import type { Quarter } from "../../core/summary/quarter";
import type { Locale, Problem } from "../../core/types";
import type { AddedDocSheet, LedgerHost, ProgressFn, RegistryRun, SummaryRun } from "../ledgerHost";
import { addBulletin, addMeeting, registryMembers } from "./docs/workbookDocs";
import { isFileError } from "./fileError";
import { applyNormalized, validateWorkbook } from "./normalizeWorkbook";
import { addSummarySheets, workbookSource } from "./summarySheets";

/** Where the page should show a cell (the standalone page has its own grid instead of Excel's). */
export type SelectCell = (sheet: string, row: number, column: number) => void;

/** A message the page can show as it is: the core's file errors in the user's language. */
export class HostError extends Error {}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * The standalone page's host: a workbook opened in the browser with exceljs. Same core, same
 * sheets as the Excel add-in and the batch tool; nothing leaves the browser.
 */
export class WorkbookHost implements LedgerHost {
  readonly kind = "standalone" as const;
  private normalizedSheet: string | null = null;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly fileName: string,
    private readonly onSelect: SelectCell = () => undefined,
    private readonly locale: Locale = "zh-CN"
  ) {}

  private guard<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (isFileError(e)) throw new HostError(fileErrorMessage(e, this.locale));
      throw e;
    }
  }

  async validate(locale: Locale, progress?: ProgressFn): Promise<RegistryRun> {
    progress?.(0.1, "读取名册");
    await tick();
    const { sheet, result } = this.guard(() =>
      validateWorkbook(this.workbook, { file: this.fileName, locale })
    );
    progress?.(1, "完成");
    return { sheetName: sheet.name, result };
  }

  async normalize(locale: Locale, progress?: ProgressFn): Promise<RegistryRun> {
    progress?.(0.1, "读取名册");
    await tick();
    const { sheet, result } = this.guard(() =>
      validateWorkbook(this.workbook, { file: this.fileName, locale })
    );
    progress?.(0.6, "写入成员名册");
    await tick();
    const name = sheet.name;
    applyNormalized(this.workbook, sheet, result, locale);
    this.normalizedSheet = "成员名册";
    progress?.(1, "完成");
    return { sheetName: name, result };
  }

  async branches(): Promise<string[]> {
    return [
      ...new Set(
        registryMembers(this.workbook)
          .map((m) => m.branch)
          .filter((b): b is string => !!b)
      ),
    ];
  }

  async addMeeting(input: MeetingInput): Promise<AddedDocSheet> {
    return addMeeting(this.workbook, input);
  }

  async addBulletin(input: BulletinInput): Promise<AddedDocSheet> {
    return addBulletin(this.workbook, input);
  }

  async summary(quarter: Quarter, progress?: ProgressFn): Promise<SummaryRun> {
    progress?.(0.2, "统计");
    await tick();
    const source = workbookSource(this.workbook, this.fileName, ["汇总说明"]);
    const s = addSummarySheets(this.workbook, [source], { quarter });
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
      const row = run.result.sourceRows.indexOf(p.row);
      const col = p.field
        ? FIELDS.findIndex((f) => f.key === p.field)
        : run.result.columns.findIndex((c) => c.sourceColumn === p.sourceColumn);
      if (row >= 0 && col >= 0) return this.onSelect(this.normalizedSheet, row + 2, col + 1);
    }
    this.onSelect(run.sheetName, p.row, Math.max(1, p.sourceColumn));
  }

  /** The workbook as .xlsx bytes, for 下载工作簿. */
  async toBytes(): Promise<ArrayBuffer> {
    return (await this.workbook.xlsx.writeBuffer()) as ArrayBuffer;
  }
}

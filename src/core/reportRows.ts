import { problemTitle, renderProblem } from "./messages";
import type { RegistryCounts } from "./registry";
import { columnLetter } from "./a1";
import type { CellValue, Change, DroppedRow, Locale } from "./types";
import type { Problem } from "./problem";

/**
 * The rows of the 校验报告 and 变更记录 sheets, one at a time: what problemReportSheet and
 * changeLogSheet (report.ts) build in memory, and what the streaming writer writes row by row
 * from problems and changes spooled to disk. Pure: no I/O.
 */

const T = {
  "zh-CN": {
    reportHeaders: ["原行号", "姓名", "列", "原值", "级别", "问题", "建议"],
    countHeaders: ["问题类型", "代码", "级别", "数量"],
    changeHeaders: ["原行号", "姓名", "列", "原值", "新值", "规则"],
    error: "错误",
    warning: "提示",
    total: "合计",
    summary: (c: RegistryCounts) =>
      `共 ${c.members} 名成员：错误 ${c.errors} 个，提示 ${c.warnings} 个，修改 ${c.changes} 处，删除非成员行 ${c.dropped} 行`,
    dropped: {
      title: "删除：标题行",
      header: "删除：表头行",
      blank: "删除：空行",
      total: "删除：合计行",
      template: "删除：未填写的序号行",
      footer: "删除：表尾说明行",
      "no-header": "未处理：找不到表头",
    },
    deleted: "(已删除)",
    blankRun: (n: number) => `删除：空行（连续 ${n} 行）`,
  },
  en: {
    reportHeaders: [
      "Source row",
      "Name",
      "Column",
      "Original value",
      "Severity",
      "Problem",
      "Suggestion",
    ],
    countHeaders: ["Problem", "Code", "Severity", "Count"],
    changeHeaders: ["Source row", "Name", "Column", "Old value", "New value", "Rule"],
    error: "error",
    warning: "warning",
    total: "Total",
    summary: (c: RegistryCounts) =>
      `${c.members} members: ${c.errors} errors, ${c.warnings} warnings, ${c.changes} changes, ${c.dropped} non-member rows removed`,
    dropped: {
      title: "removed: title row",
      header: "removed: header row",
      blank: "removed: blank row",
      total: "removed: total row",
      template: "removed: unfilled numbered row",
      footer: "removed: footer line",
      "no-header": "not processed: no header",
    },
    deleted: "(removed)",
    blankRun: (n: number) => `removed: ${n} blank rows in a row`,
  },
} as const;

/** Column widths of 校验报告 and 变更记录. */
export const PROBLEM_REPORT_WIDTHS: readonly number[] = [9, 10, 14, 22, 7, 50, 40];
export const CHANGE_LOG_WIDTHS: readonly number[] = [9, 10, 14, 28, 28, 22];

const columnLabel = (column: string, sourceColumn: number) =>
  column || (sourceColumn > 0 ? columnLetter(sourceColumn) : "");

/**
 * Counts problems by code for the top of 校验报告. Codes are listed by count, most first; codes
 * with the same count in the order their first problem comes in the report (row, then column).
 * Problems may be added in any order if each comes with its place in the report (`position`,
 * compared element by element); without one, the order of adding is the order of the report.
 */
export class ProblemTally {
  private readonly byCode = new Map<
    string,
    { severity: Problem["severity"]; count: number; first: readonly number[] }
  >();
  private added = 0;
  total = 0;

  add(p: Pick<Problem, "code" | "severity">, position?: readonly number[]): void {
    const at = position ?? [this.added];
    this.added++;
    this.total++;
    const e = this.byCode.get(p.code);
    if (!e) this.byCode.set(p.code, { severity: p.severity, count: 1, first: at });
    else {
      e.count++;
      if (comparePositions(at, e.first) < 0) {
        e.first = at;
        e.severity = p.severity;
      }
    }
  }

  /** Code, severity and count of each code, in the order of the report. */
  entries(): { code: string; severity: Problem["severity"]; count: number }[] {
    return [...this.byCode.entries()]
      .sort((a, b) => b[1].count - a[1].count || comparePositions(a[1].first, b[1].first))
      .map(([code, e]) => ({ code, severity: e.severity, count: e.count }));
  }
}

function comparePositions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** The top of 校验报告, down to and including the header of the problem table. */
export function problemReportHead(
  counts: RegistryCounts,
  tally: ProblemTally,
  locale: Locale
): { rows: CellValue[][]; headerRows: number[] } {
  const t = T[locale];
  const rows: CellValue[][] = [[t.summary(counts)], [], [...t.countHeaders]];
  const headerRows = [2];
  for (const e of tally.entries())
    rows.push([
      problemTitle(e.code, locale),
      e.code,
      e.severity === "error" ? t.error : t.warning,
      e.count,
    ]);
  rows.push([t.total, "", "", tally.total], []);
  headerRows.push(rows.length);
  rows.push([...t.reportHeaders]);
  return { rows, headerRows };
}

/** One row of the problem table of 校验报告. */
export function problemRow(p: Problem, locale: Locale): CellValue[] {
  const t = T[locale];
  const { message, fix } = renderProblem(p, locale);
  return [
    p.row || "",
    p.name,
    columnLabel(p.column, p.sourceColumn),
    p.value,
    p.severity === "error" ? t.error : t.warning,
    message,
    fix ?? "",
  ];
}

/** The header row of 变更记录. */
export function changeLogHeader(locale: Locale): CellValue[] {
  return [...T[locale].changeHeaders];
}

/** One changed cell in 变更记录. */
export function changeRow(c: Change): CellValue[] {
  return [c.row, c.name, columnLabel(c.column, c.sourceColumn), c.oldValue, c.newValue, c.rule];
}

/**
 * The rows of 变更记录 for one removed row: one per cell that held something; a run of blank rows
 * is one row naming its first and last row and how many.
 */
export function droppedRowCells(d: DroppedRow, locale: Locale): CellValue[][] {
  const t = T[locale];
  if (d.reason === "blank" && d.toRow !== undefined && d.toRow > d.row)
    return [[`${d.row}–${d.toRow}`, "", "", "", t.deleted, t.blankRun(d.toRow - d.row + 1)]];
  const rows: CellValue[][] = [];
  d.values.forEach((v, i) => {
    if (v !== null && v !== "")
      rows.push([d.row, "", columnLetter(i + 1), v, t.deleted, t.dropped[d.reason]]);
  });
  return rows;
}

import type { RegistryResult } from "./registry";
import { columnLetter } from "./text";
import type { CellValue, Change, DroppedRow, Locale, Problem } from "./types";

export const REPORT_SHEET = "校验报告";
export const CHANGE_LOG_SHEET = "变更记录";

const T = {
  "zh-CN": {
    reportHeaders: ["原行号", "姓名", "列", "原值", "级别", "问题", "建议"],
    countHeaders: ["问题类型", "级别", "数量"],
    changeHeaders: ["原行号", "姓名", "列", "原值", "新值", "规则"],
    error: "错误",
    warning: "提示",
    total: "合计",
    summary: (r: RegistryResult) =>
      `共 ${r.counts.members} 名成员：错误 ${r.counts.errors} 个，提示 ${r.counts.warnings} 个，修改 ${r.counts.changes} 处，删除非成员行 ${r.counts.dropped} 行`,
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
    countHeaders: ["Problem", "Severity", "Count"],
    changeHeaders: ["Source row", "Name", "Column", "Old value", "New value", "Rule"],
    error: "error",
    warning: "warning",
    total: "Total",
    summary: (r: RegistryResult) =>
      `${r.counts.members} members: ${r.counts.errors} errors, ${r.counts.warnings} warnings, ${r.counts.changes} changes, ${r.counts.dropped} non-member rows removed`,
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
  },
} as const;

export interface ReportSheet {
  /** Rows of the sheet, top to bottom. */
  rows: CellValue[][];
  /** 0-based row indexes of header rows (to be styled). */
  headerRows: number[];
  widths: number[];
}

const columnLabel = (column: string, sourceColumn: number) =>
  column || (sourceColumn > 0 ? columnLetter(sourceColumn) : "");

/** 校验报告: a short count by problem type on top, then one row per problem, sorted by row. */
export function problemReportSheet(result: RegistryResult, locale: Locale): ReportSheet {
  const t = T[locale];
  const byCode = new Map<string, { severity: string; count: number; message: string }>();
  for (const p of result.problems) {
    const e = byCode.get(p.code) ?? { severity: p.severity, count: 0, message: p.code };
    e.count++;
    byCode.set(p.code, e);
  }
  const rows: CellValue[][] = [[t.summary(result)], [], [...t.countHeaders]];
  const headerRows = [2];
  const counts = [...byCode.entries()].sort((a, b) => b[1].count - a[1].count);
  for (const [code, e] of counts)
    rows.push([code, e.severity === "error" ? t.error : t.warning, e.count]);
  rows.push([t.total, "", result.problems.length], []);
  headerRows.push(rows.length);
  rows.push([...t.reportHeaders]);
  const sorted = [...result.problems].sort(
    (a, b) => a.row - b.row || a.sourceColumn - b.sourceColumn
  );
  for (const p of sorted) rows.push(problemRow(p, t));
  return { rows, headerRows, widths: [9, 10, 14, 22, 7, 50, 40] };
}

function problemRow(p: Problem, t: (typeof T)[Locale]): CellValue[] {
  return [
    p.row || "",
    p.name,
    columnLabel(p.column, p.sourceColumn),
    p.value,
    p.severity === "error" ? t.error : t.warning,
    p.message,
    p.fix ?? "",
  ];
}

/** 变更记录: every changed cell (old → new), then every removed row, cell by cell, so that nothing is lost. */
export function changeLogSheet(
  changes: readonly Change[],
  dropped: readonly DroppedRow[],
  locale: Locale
): ReportSheet {
  const t = T[locale];
  const rows: CellValue[][] = [[...t.changeHeaders]];
  for (const c of changes)
    rows.push([
      c.row,
      c.name,
      columnLabel(c.column, c.sourceColumn),
      c.oldValue,
      c.newValue,
      c.rule,
    ]);
  for (const d of dropped) {
    d.values.forEach((v, i) => {
      if (v !== null && v !== "")
        rows.push([d.row, "", columnLetter(i + 1), v, t.deleted, t.dropped[d.reason]]);
    });
  }
  return { rows, headerRows: [0], widths: [9, 10, 14, 28, 28, 22] };
}

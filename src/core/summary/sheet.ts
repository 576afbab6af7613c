import { STYLES } from "../docs/builder";
import {
  A4_PORTRAIT,
  type DocCell,
  type DocMerge,
  type DocStyle,
  type SheetDoc,
  maskDoc,
} from "../docs/sheetDoc";
import { columnLetter } from "../a1";
import { type LocalTime, formatLocalTime } from "../localTime";
import type { CellValue } from "../types";
import type { UnreadableRow } from "./sources";
import {
  KEY_FIGURES,
  type BranchActivity,
  type KeyFigure,
  type PeriodFigures,
  type Pivot,
  type QuarterSummary,
  isAdditive,
  type Transfer,
  type YearSummary,
} from "./compute";
import type { ChartSpec } from "../docs/chart";
import {
  CHART_BAND_ROWS,
  type TablePlace,
  chartBand,
  columnsChart,
  rowsChart,
  secondChartRow,
} from "./charts";
import { quarterRangeText } from "./quarter";

import { SUMMARY_NOTES_SHEET, summarySheetName, yearSheetName } from "./names";

export { SUMMARY_NOTES_SHEET, summarySheetName, yearSheetName };

const NUM: DocStyle = { ...STYLES.td, align: { h: "right", v: "middle" } };
const PCT: DocStyle = { ...NUM, numFmt: "0.0%" };
const CHANGE: DocStyle = { ...NUM, numFmt: "+0;-0;0" };
const CHANGE_PCT: DocStyle = { ...NUM, numFmt: "+0.0%;-0.0%;0.0%" };
const DATE: DocStyle = { ...STYLES.td, numFmt: "yyyy-mm-dd" };
const TOTAL: DocStyle = { ...NUM, font: { ...STYLES.td.font, bold: true }, fill: "FFF2F2F2" };
const TOTAL_LABEL: DocStyle = {
  ...STYLES.td,
  font: { ...STYLES.td.font, bold: true },
  fill: "FFF2F2F2",
};

/** Writes cells row by row; knows where it is, so that formulas can point at the cells above. */
class Grid {
  readonly cells: DocCell[] = [];
  readonly merges: DocMerge[] = [];
  readonly heights: Record<number, number> = {};
  row = 0;

  put(r: number, c: number, value: CellValue, style?: DocStyle, formula?: string): void {
    this.cells.push(formula ? { r, c, value, style, formula } : { r, c, value, style });
  }

  next(): number {
    return ++this.row;
  }

  title(text: string, width: number, style: DocStyle, height = 24): void {
    const r = this.next();
    this.put(r, 1, text, style);
    if (width > 1) this.merges.push({ top: r, left: 1, bottom: r, right: width });
    this.heights[r] = height;
  }
}

const sumCol = (c: number, from: number, to: number) =>
  `SUM(${columnLetter(c)}${from}:${columnLetter(c)}${to})`;
const sumRow = (r: number, from: number, to: number) =>
  `SUM(${columnLetter(from)}${r}:${columnLetter(to)}${r})`;

/** A pivot as a bordered table, with a 合计 row (SUM formulas) and, where asked, a 合计 column. */
function pivotTable(
  g: Grid,
  p: Pivot,
  totalLabel = "合计",
  totalColumn = p.columns.length > 1
): TablePlace & { total: number } {
  g.next();
  g.title(p.title, 2, STYLES.heading, 22);
  const header = g.next();
  const cross = totalColumn;
  const cols = [p.rowHeader, ...p.columns, ...(cross ? ["合计"] : [])];
  cols.forEach((h, i) => g.put(header, i + 1, h, STYLES.th));
  const first = header + 1;
  p.rows.forEach((label, i) => {
    const r = g.next();
    g.put(r, 1, label, STYLES.td);
    p.counts[i].forEach((n, j) => g.put(r, j + 2, n, NUM));
    if (cross) {
      const total = p.counts[i].reduce((a, b) => a + b, 0);
      g.put(r, p.columns.length + 2, total, TOTAL, sumRow(r, 2, p.columns.length + 1));
    }
  });
  const last = g.row;
  const t = g.next();
  g.put(t, 1, totalLabel, TOTAL_LABEL);
  for (let j = 0; j < p.columns.length + (cross ? 1 : 0); j++) {
    const c = j + 2;
    const value =
      j < p.columns.length
        ? p.counts.reduce((a, row) => a + row[j], 0)
        : p.counts.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);
    g.put(t, c, value, TOTAL, p.rows.length > 0 ? sumCol(c, first, last) : undefined);
  }
  // The column that counts each row: the 合计 column, or the only one.
  return { header, first, last, total: cross ? p.columns.length + 2 : 2 };
}

/** Activity by branch: a 合计 row, but no 合计 column (meetings and suggestions do not add up). */
function activityTable(g: Grid, activity: readonly BranchActivity[]): TablePlace {
  return pivotTable(
    g,
    {
      title: "各支部活动情况",
      rowHeader: "所在支部",
      rows: activity.map((a) => a.branch),
      columns: ["例会", "情况通报", "谈心谈话", "学习活动", "困难帮扶", "意见建议", "采纳建议"],
      counts: activity.map((a) => [
        a.meetings,
        a.bulletins,
        a.talks,
        a.studies,
        a.helps,
        a.suggestions,
        a.adopted,
      ]),
    },
    "合计",
    false
  );
}

/** The figures that count activity, over the last four quarters (the trend chart's table). */
export const TREND_FIGURES = [
  "例会次数",
  "情况通报期数",
  "谈心谈话次数",
  "学习活动次数",
  "困难帮扶次数",
  "意见建议数",
] as const satisfies readonly KeyFigure[];

/** 近四个季度: a row per quarter, a column per activity figure, and 联系覆盖率. */
function recentTable(g: Grid, recent: readonly PeriodFigures[]): TablePlace {
  g.next();
  g.title("近四个季度", 2, STYLES.heading, 22);
  const h = g.next();
  const first = h + 1;
  ["季度", ...TREND_FIGURES, "联系覆盖率"].forEach((t, i) => g.put(h, i + 1, t, STYLES.th));
  for (const p of recent) {
    const r = g.next();
    g.put(r, 1, p.label, STYLES.td);
    TREND_FIGURES.forEach((k, i) => g.put(r, i + 2, p.figures[k], NUM));
    g.put(r, TREND_FIGURES.length + 2, p.figures.联系覆盖率, PCT);
  }
  return { header: h, first, last: g.row };
}

/** The activity columns of 各支部活动情况 (例会 … 意见建议; not 采纳建议, a part of 意见建议). */
const ACTIVITY_COLUMNS = [2, 3, 4, 5, 6, 7];

/**
 * The charts above a summary's tables: 政治面貌 (a pie of each status's members), 统战对象类别
 * (bars), the branches' activity (clustered columns) and the activity over four quarters (lines).
 */
function summaryCharts(
  band: number,
  political: TablePlace & { total: number },
  category: TablePlace & { total: number },
  activity: TablePlace,
  trend: ChartSpec | null
): ChartSpec[] {
  const [a, b, c, d] = chartBand(band);
  return [
    columnsChart("pie", "成员政治面貌构成", political, [political.total], a),
    columnsChart("bar", "统战对象类别（人次）", category, [category.total], b),
    columnsChart("column", "各支部活动情况", activity, ACTIVITY_COLUMNS, c),
    trend && { ...trend, anchor: d },
  ].filter((x): x is ChartSpec => x !== null);
}

/**
 * The sheet 季度汇总-2026Q3: title, period, sources, key figures, composition, activity by branch,
 * members not contacted. Like every summary sheet, it shows no ID number or phone (maskDoc).
 */
export function quarterSummarySheet(s: QuarterSummary, madeAt: LocalTime): SheetDoc {
  const g = new Grid();
  const width = 9;
  g.title(`统战工作季度汇总（${s.quarter.year}年第${s.quarter.q}季度）`, width, STYLES.title, 36);
  g.title(`统计期间：${quarterRangeText(s.quarter)}`, width, STYLES.text, 20);
  g.title(`数据来源：${s.files.join("、")}`, width, STYLES.text, 20);
  g.title(`生成时间：${formatLocalTime(madeAt)}`, width, STYLES.text, 20);
  const band = g.row + 2;
  g.row += CHART_BAND_ROWS;
  g.next();
  g.title("关键指标", 2, STYLES.heading, 22);
  const h = g.next();
  g.put(h, 1, "指标", STYLES.th);
  g.put(h, 2, "本季度", STYLES.th);
  if (s.previous) g.put(h, 3, "较上季度", STYLES.th);
  for (const label of KEY_FIGURES) {
    const r = g.next();
    const rate = label === "联系覆盖率";
    g.put(r, 1, label, STYLES.td);
    g.put(r, 2, s.figures[label], rate ? PCT : NUM);
    if (s.previous) {
      const change = Math.round((s.figures[label] - s.previous[label]) * 1000) / 1000;
      g.put(r, 3, change, rate ? CHANGE_PCT : CHANGE);
    }
  }
  const places = s.pivots.map((p) =>
    pivotTable(g, p, p.title === "统战对象类别" ? "合计（人次）" : "合计")
  );
  const activity = activityTable(g, s.activity);
  const recent = recentTable(g, s.recent);
  const trend = columnsChart(
    "line",
    "近四个季度活动次数",
    recent,
    TREND_FIGURES.map((_, i) => i + 2),
    chartBand(band)[3]
  );
  const charts = summaryCharts(band, places[0], places[1], activity, trend);
  g.next();
  g.title(`本季度未联系成员（${s.uncontacted.length} 人）`, 2, STYLES.heading, 22);
  const uh = g.next();
  g.put(uh, 1, "姓名", STYLES.th);
  g.put(uh, 2, "所在支部", STYLES.th);
  for (const m of s.uncontacted) {
    const r = g.next();
    g.put(r, 1, m.name, STYLES.td);
    g.put(r, 2, m.branch, STYLES.td);
  }
  return maskDoc({
    name: summarySheetName(s.quarter.label),
    charts,
    cells: g.cells,
    merges: g.merges,
    widths: [24, 14, 12, 12, 12, 12, 12, 12, 12],
    heights: g.heights,
    print: { ...A4_PORTRAIT, orientation: "landscape", rowBreaks: [secondChartRow(band)] },
  });
}

export interface SummaryNotes {
  /** 2026-07-01 至 2026-09-30 */
  period: string;
  files: readonly string[];
  unreadable: readonly UnreadableRow[];
  /** Transfers between branches in the period. */
  transfers: readonly Transfer[];
}

/**
 * 汇总说明: the period, the sources, the transfers between branches in the period (both branches
 * and dates; ID numbers masked) and every row that could not be counted (file, sheet, row, column,
 * value).
 */
export function summaryNotesSheet(n: SummaryNotes): SheetDoc {
  const g = new Grid();
  g.title("汇总说明", 6, STYLES.heading, 24);
  g.title(
    `统计期间：${n.period}。成员按公民身份号码去重：同一人在多个支部出现只计一次，按最近建档的支部统计；` +
      "同一人先后在两个支部建档即为支部间转移，不算新建档成员（新建档以其在全委员会最早的建档日期为准）。",
    6,
    STYLES.text,
    54
  );
  g.title(`数据来源：${n.files.join("、")}`, 6, STYLES.text, 36);
  g.next();
  g.title(`本期支部间转移（${n.transfers.length} 人次）`, 6, STYLES.heading, 22);
  const th = g.next();
  ["姓名", "公民身份号码", "原支部", "原建档日期", "现支部", "现建档日期"].forEach((t, i) =>
    g.put(th, i + 1, t, STYLES.th)
  );
  for (const t of n.transfers) {
    const r = g.next();
    g.put(r, 1, t.name, STYLES.td);
    g.put(r, 2, t.id, STYLES.td);
    g.put(r, 3, t.from.branch, STYLES.td);
    g.put(r, 4, t.from.recordedOn, DATE);
    g.put(r, 5, t.to.branch, STYLES.td);
    g.put(r, 6, t.to.recordedOn, DATE);
  }
  if (n.transfers.length === 0) g.put(g.next(), 1, "（本期没有支部间转移）", STYLES.hint);
  g.next();
  const h = g.next();
  ["文件", "工作表", "行号", "列", "无法识别的日期（未计入）"].forEach((t, i) =>
    g.put(h, i + 1, t, STYLES.th)
  );
  for (const u of n.unreadable) {
    const r = g.next();
    [u.file, u.sheet, u.row, u.column, u.value].forEach((v, i) => g.put(r, i + 1, v, STYLES.td));
  }
  if (n.unreadable.length === 0) g.put(g.next(), 1, "（所有日期均可识别）", STYLES.hint);
  return maskDoc({
    name: SUMMARY_NOTES_SHEET,
    cells: g.cells,
    merges: g.merges,
    widths: [30, 22, 16, 12, 16, 12],
    heights: g.heights,
    print: A4_PORTRAIT,
  });
}

/**
 * The annual sheet: key figures with a column per quarter, one for the year (counts as SUM
 * formulas), the year before and the change on it; then the members' composition at the year's end
 * and the branches' activity over the year.
 */
/** A key figure's name on the annual sheet, whose columns are the quarters: 本季度新建档成员 → 新建档成员. */
export const yearLabel = (label: KeyFigure): string => label.replace(/^本季度/, "");

export function yearSummarySheet(y: YearSummary, madeAt: LocalTime): SheetDoc {
  const g = new Grid();
  const width = 9;
  g.title(`统战工作年度汇总（${y.year}年）`, width, STYLES.title, 36);
  g.title(`统计期间：${y.year}-01-01 至 ${y.year}-12-31`, width, STYLES.text, 20);
  g.title(`数据来源：${y.files.join("、")}`, width, STYLES.text, 20);
  g.title(`生成时间：${formatLocalTime(madeAt)}`, width, STYLES.text, 20);
  const band = g.row + 2;
  g.row += CHART_BAND_ROWS;
  g.next();
  g.title("关键指标", 2, STYLES.heading, 22);
  const h = g.next();
  const heads = ["指标", "第一季度", "第二季度", "第三季度", "第四季度", "全年"];
  if (y.previous) heads.push(`${y.year - 1}年`, "较上年", "增减幅度");
  heads.forEach((t, i) => g.put(h, i + 1, t, STYLES.th));
  for (const label of KEY_FIGURES) {
    const r = g.next();
    const rate = label === "联系覆盖率";
    g.put(r, 1, yearLabel(label), STYLES.td);
    y.quarters.forEach((q, i) => g.put(r, i + 2, q.figures[label], rate ? PCT : NUM));
    // Counts of events add up over the quarters; members and coverage are taken over the year.
    const additive = isAdditive(label);
    g.put(
      r,
      6,
      y.total[label],
      rate ? { ...PCT, font: TOTAL.font, fill: TOTAL.fill } : TOTAL,
      additive ? sumRow(r, 2, 5) : undefined
    );
    if (y.previous) {
      const before = y.previous[label];
      g.put(r, 7, before, rate ? PCT : NUM);
      const change = Math.round((y.total[label] - before) * 1000) / 1000;
      g.put(r, 8, change, rate ? CHANGE_PCT : CHANGE, `F${r}-G${r}`);
      // A rate's change is in points (column H); a count's also as a share of last year's.
      if (!rate && before !== 0)
        g.put(r, 9, Math.round((change / before) * 1000) / 1000, CHANGE_PCT, `H${r}/G${r}`);
      else g.put(r, 9, null, NUM);
    }
  }
  const places = y.pivots.map((p) =>
    pivotTable(g, p, p.title === "统战对象类别" ? "合计（人次）" : "合计")
  );
  const activity = activityTable(g, y.activity);
  // The activity figures of each quarter, from the key figures' rows (columns 第一季度 … 第四季度).
  const trendRows = TREND_FIGURES.map((k) => h + 1 + KEY_FIGURES.indexOf(k));
  const trend = rowsChart("line", "各季度活动次数", h, 2, 5, trendRows, chartBand(band)[3]);
  const charts = summaryCharts(band, places[0], places[1], activity, trend);
  return maskDoc({
    name: yearSheetName(y.year),
    charts,
    cells: g.cells,
    merges: g.merges,
    widths: [24, 14, 12, 12, 12, 12, 12, 12, 12],
    heights: g.heights,
    print: { ...A4_PORTRAIT, orientation: "landscape", rowBreaks: [secondChartRow(band)] },
  });
}

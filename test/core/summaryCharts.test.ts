/**
 * The charts a summary sheet plans (SheetDoc.charts): their kinds and titles, that they draw from
 * the sheet's own cells (labels where the categories are, numbers where the values are), and that
 * they stand in free space: over no cell with a value, no merged title, no other chart, and clear
 * of the page breaks.
 */
import type { Block } from "../../src/core/a1";
import { type ChartSpec, blockCells, chartProblems } from "../../src/core/docs/chart";
import type { SheetDoc } from "../../src/core/docs/sheetDoc";
import { summarizeQuarter, summarizeYear } from "../../src/core/summary/compute";
import { quarterOf } from "../../src/core/summary/quarter";
import { quarterSummarySheet, yearSummarySheet } from "../../src/core/summary/sheet";
import type { SummarySource } from "../../src/core/summary/sources";
import type { CellValue, RawRow } from "../../src/core/types";
import { utc } from "./helpers";

const MADE_AT = { wall: utc(2026, 12, 4), offsetMinutes: 480 };
const rows = (grid: CellValue[][]): RawRow[] =>
  grid.map((values, i) => ({ rowNumber: i + 1, values, numFmts: values.map(() => null) }));

function source(branch: string, members: [string, string, string][]): SummarySource {
  return {
    file: `${branch}.xlsx`,
    asOf: utc(2026, 12, 4),
    sheets: [
      {
        name: "成员名册",
        rows: rows([
          ["姓名", "政治面貌", "统战对象类别", "所在支部", "建档日期"],
          ...members.map(([n, p, c]) => [n, p, c, branch, utc(2024, 1, 1)]),
        ]),
      },
      {
        name: "例会台账",
        rows: rows([
          ["会议日期", "期次", "所在支部", "召集人", "参会人数", "议题"],
          [utc(2026, 2, 10), "第1次", branch, "书记", 5, "学习"],
          [utc(2026, 8, 10), "第2次", branch, "书记", 5, "座谈"],
        ]),
      },
      {
        name: "联谊活动记录",
        rows: rows([
          ["活动日期", "成员姓名", "活动类型", "活动内容"],
          [utc(2026, 8, 1), members[0][0], "谈心谈话", "谈心"],
          [utc(2026, 5, 2), members[0][0], "困难帮扶", "走访"],
        ]),
      },
    ],
  };
}

const SOURCES = [
  source("机关支部", [
    ["张三", "中国民主同盟盟员", "民主党派成员"],
    ["李四", "群众", "党外知识分子"],
  ]),
  source("一车间支部", [["王五", "无党派人士", "无党派人士"]]),
];

const quarter = quarterSummarySheet(summarizeQuarter(SOURCES, quarterOf(2026, 3)), MADE_AT);
const year = yearSummarySheet(summarizeYear(SOURCES, 2026), MADE_AT);

const valueAt = (doc: SheetDoc, p: { r: number; c: number }) =>
  doc.cells.find((x) => x.r === p.r && x.c === p.c)?.value;
const inside = (b: Block, r: number, c: number) =>
  r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;
const meet = (a: Block, b: Block) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const chart = (doc: SheetDoc, title: string): ChartSpec =>
  doc.charts!.find((c) => c.title === title)!;
const labels = (doc: SheetDoc, c: ChartSpec) =>
  blockCells(c.categories).map((p) => valueAt(doc, p));
const names = (doc: SheetDoc, c: ChartSpec) =>
  c.series.map((s) => (typeof s.name === "string" ? s.name : valueAt(doc, s.name)));

describe.each([
  ["the quarterly summary", quarter, "近四个季度活动次数"],
  ["the annual summary", year, "各季度活动次数"],
])("%s's charts", (_, doc, trendTitle) => {
  const charts = doc.charts ?? [];

  it("are a pie, bars, clustered columns and lines", () => {
    expect(charts.map((c) => [c.kind, c.title])).toEqual([
      ["pie", "成员政治面貌构成"],
      ["bar", "统战对象类别（人次）"],
      ["column", "各支部活动情况"],
      ["line", trendTitle],
    ]);
    for (const c of charts) expect(chartProblems(c)).toEqual([]);
  });

  it("draw from the sheet's own cells: labels for categories and names, numbers for values", () => {
    for (const c of charts) {
      for (const l of labels(doc, c)) expect(typeof l === "string" && l !== "").toBe(true);
      for (const n of names(doc, c)) expect(typeof n === "string" && n !== "").toBe(true);
      for (const s of c.series)
        for (const p of blockCells(s.values)) expect(typeof valueAt(doc, p)).toBe("number");
    }
  });

  it("show the composition and the activity of each branch", () => {
    expect(labels(doc, chart(doc, "成员政治面貌构成"))).toEqual(
      expect.arrayContaining(["中国民主同盟盟员", "群众", "无党派民主人士"])
    );
    expect(labels(doc, chart(doc, "统战对象类别（人次）"))).toEqual(
      expect.arrayContaining(["民主党派成员", "党外知识分子"])
    );
    const activity = chart(doc, "各支部活动情况");
    expect(labels(doc, activity)).toEqual(expect.arrayContaining(["机关支部", "一车间支部"]));
    expect(names(doc, activity)).toEqual([
      "例会",
      "情况通报",
      "谈心谈话",
      "学习活动",
      "困难帮扶",
      "意见建议",
    ]);
  });

  it("stand in free space: over no value, merged cell or other chart, and clear of page breaks", () => {
    const anchors = charts.map((c) => c.anchor);
    for (const a of anchors) {
      expect(a.left).toBeGreaterThanOrEqual(1);
      expect(a.right).toBeLessThanOrEqual(doc.widths.length);
      const covered = doc.cells.filter(
        (x) => x.value !== null && x.value !== "" && inside(a, x.r, x.c)
      );
      expect(covered).toEqual([]);
      expect(doc.merges.filter((m) => meet(m, a))).toEqual([]);
      // A page break is neither under a chart nor at its edges (the top of its first row or of
      // the row below its last).
      for (const r of doc.print.rowBreaks ?? []) expect(r < a.top || r > a.bottom + 1).toBe(true);
    }
    anchors.forEach((a, i) => anchors.slice(i + 1).forEach((b) => expect(meet(a, b)).toBe(false)));
  });
});

it("the quarterly trend runs over the last four quarters, the annual over the year's four", () => {
  expect(labels(quarter, chart(quarter, "近四个季度活动次数"))).toEqual([
    "2025Q4",
    "2026Q1",
    "2026Q2",
    "2026Q3",
  ]);
  const annual = chart(year, "各季度活动次数");
  expect(labels(year, annual)).toEqual(["第一季度", "第二季度", "第三季度", "第四季度"]);
  expect(names(year, annual)).toEqual([
    "例会次数",
    "情况通报期数",
    "谈心谈话次数",
    "学习活动次数",
    "困难帮扶次数",
    "意见建议数",
  ]);
  const meetings = annual.series[0].values;
  expect(blockCells(meetings).map((p) => valueAt(year, p))).toEqual([2, 0, 2, 0]);
});

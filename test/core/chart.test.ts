import { type ChartSpec, blockCells, chartData, chartProblems } from "../../src/core/docs/chart";
import { utc } from "./helpers";

const column: ChartSpec = {
  kind: "column",
  title: "各支部活动情况",
  anchor: { top: 10, left: 1, bottom: 25, right: 6 },
  categories: { top: 2, left: 1, bottom: 4, right: 1 },
  series: [
    { name: { r: 1, c: 2 }, values: { top: 2, left: 2, bottom: 4, right: 2 } },
    { name: "谈心谈话（次）", values: { top: 2, left: 3, bottom: 4, right: 3 } },
  ],
};

const cells = [
  { r: 1, c: 1, value: "所在支部" },
  { r: 1, c: 2, value: "例会" },
  { r: 1, c: 3, value: "谈心谈话" },
  { r: 2, c: 1, value: "机关支部" },
  { r: 2, c: 2, value: 3 },
  { r: 2, c: 3, value: 1 },
  { r: 3, c: 1, value: utc(2026, 9, 30) },
  { r: 3, c: 2, value: "无" },
  { r: 4, c: 1, value: 2026 },
  { r: 4, c: 2, value: 0 },
  { r: 4, c: 3, value: 2.5 },
];

describe("a chart's plan", () => {
  it("walks a block row by row", () => {
    expect(blockCells({ top: 2, left: 3, bottom: 3, right: 4 })).toEqual([
      { r: 2, c: 3 },
      { r: 2, c: 4 },
      { r: 3, c: 3 },
      { r: 3, c: 4 },
    ]);
    expect(blockCells({ top: 5, left: 2, bottom: 5, right: 2 })).toEqual([{ r: 5, c: 2 }]);
  });

  it("reads what it shows from the sheet's cells: labels as text, values as numbers or gaps", () => {
    expect(chartData(column, cells)).toEqual({
      categories: ["机关支部", "2026-09-30", "2026"],
      series: [
        { name: "例会", values: [3, null, 0] },
        { name: "谈心谈话（次）", values: [1, null, 2.5] },
      ],
    });
  });

  it("shows an empty label and no value where the sheet has no cell", () => {
    const far: ChartSpec = {
      ...column,
      categories: { top: 20, left: 1, bottom: 21, right: 1 },
      series: [{ name: { r: 30, c: 1 }, values: { top: 20, left: 2, bottom: 21, right: 2 } }],
    };
    expect(chartData(far, cells)).toEqual({
      categories: ["", ""],
      series: [{ name: "", values: [null, null] }],
    });
  });

  it("finds nothing wrong with a good plan, a row of categories included", () => {
    expect(chartProblems(column)).toEqual([]);
    expect(
      chartProblems({
        kind: "line",
        title: "各季度活动次数",
        anchor: column.anchor,
        categories: { top: 1, left: 2, bottom: 1, right: 5 },
        series: [{ name: { r: 2, c: 1 }, values: { top: 2, left: 2, bottom: 2, right: 5 } }],
      })
    ).toEqual([]);
  });

  it("says what is wrong with a bad plan", () => {
    expect(
      chartProblems({
        ...column,
        kind: "pie",
        categories: { top: 2, left: 1, bottom: 4, right: 2 },
        series: [
          column.series[0],
          { name: "多余", values: { top: 2, left: 3, bottom: 3, right: 4 } },
        ],
      })
    ).toEqual([
      "categories are not one row or one column",
      "a pie has one series",
      "series and categories differ in length",
      "series values are not one row or one column",
      "series and categories differ in length",
    ]);
    expect(chartProblems({ ...column, series: [] })).toEqual(["no series"]);
  });
});

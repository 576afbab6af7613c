import { parseQuarter, previousQuarter, quarterOf } from "../../src/core/summary/quarter";
import { ageGroup, summarizeQuarter, summarizeYear } from "../../src/core/summary/compute";
import { type SummarySource, digestSource } from "../../src/core/summary/sources";
import type { CellValue, RawRow } from "../../src/core/types";
import { utc } from "./helpers";

describe("quarters", () => {
  it.each([
    "2026Q3",
    "2026-Q3",
    "2026q3",
    "2026 Q3",
    "2026年第三季度",
    "2026年第3季度",
    "2026年三季度",
  ])("%s", (s) => {
    expect(parseQuarter(s)).toMatchObject({
      year: 2026,
      q: 3,
      start: utc(2026, 7, 1),
      end: utc(2026, 9, 30),
      label: "2026Q3",
    });
  });
  it("refuses what is no quarter", () => {
    for (const s of ["2026Q5", "2026", "Q3", "第三季度", "2026年第五季度"])
      expect(parseQuarter(s)).toBeNull();
  });
  it("knows the quarter before and the last day of February", () => {
    expect(previousQuarter(quarterOf(2026, 1)).label).toBe("2025Q4");
    expect(quarterOf(2024, 1).end).toEqual(utc(2024, 3, 31));
    expect(quarterOf(2026, 4).end).toEqual(utc(2026, 12, 31));
  });
});

describe("age groups at the quarter's end", () => {
  const end = utc(2026, 9, 30);
  it.each([
    [utc(1991, 10, 1), "35岁以下"],
    [utc(1991, 9, 30), "35-44"],
    [utc(1982, 1, 1), "35-44"],
    [utc(1981, 9, 30), "45-54"],
    [utc(1962, 1, 1), "55-64"],
    [utc(1961, 9, 30), "65岁及以上"],
  ])("born %s → %s", (birth, group) => expect(ageGroup(birth, end)).toBe(group));
  it("不详 without a birth date", () => expect(ageGroup(null, end)).toBe("不详"));
});

describe("a workbook digested where it is read gives the same summary as its rows", () => {
  const rows = (grid: CellValue[][]): RawRow[] =>
    grid.map((values, i) => ({ rowNumber: i + 1, values, numFmts: values.map(() => null) }));
  const source: SummarySource = {
    file: "机关支部.xlsx",
    sheets: [
      {
        name: "成员名册",
        rows: rows([
          ["姓名", "性别", "出生日期", "政治面貌", "统战对象类别", "所在支部", "建档日期"],
          [
            "张三",
            "男",
            utc(1970, 5, 1),
            "中国民主同盟盟员",
            "民主党派成员",
            "机关支部",
            utc(2026, 8, 1),
          ],
          ["李四", "女", utc(1990, 1, 9), "群众", "党外知识分子", "机关支部", utc(2025, 3, 1)],
        ]),
      },
      {
        name: "例会台账",
        rows: rows([
          ["会议日期", "期次", "所在支部", "召集人", "参会人数", "议题"],
          [utc(2026, 7, 10), "第1次", "机关支部", "李书记", 8, "学习"],
          ["2026年2月30日", "第2次", "机关支部", "李书记", 8, "日期写错"],
        ]),
      },
    ],
  };
  const q = quarterOf(2026, 3);

  it("digestSource keeps members, events and unreadable rows, and the file", () => {
    const d = digestSource(source);
    expect(d.file).toBe("机关支部.xlsx");
    expect(d.members.map((m) => [m.name, m.branch])).toEqual([
      ["张三", "机关支部"],
      ["李四", "机关支部"],
    ]);
    expect(d.events).toHaveLength(1);
    expect(d.unreadable).toEqual([
      expect.objectContaining({ sheet: "例会台账", row: 3, value: "2026年2月30日" }),
    ]);
    expect(d.mainBranch).toBe("机关支部");
  });

  it("summarizeQuarter and summarizeYear take digests and rows alike, mixed too", () => {
    const other: SummarySource = { ...source, file: "一车间支部.xlsx" };
    const digests = [digestSource(source), digestSource(other)];
    expect(summarizeQuarter(digests, q)).toEqual(summarizeQuarter([source, other], q));
    expect(summarizeQuarter([digests[0], other], q)).toEqual(summarizeQuarter([source, other], q));
    expect(summarizeYear(digests, 2026)).toEqual(summarizeYear([source, other], 2026));
  });
});

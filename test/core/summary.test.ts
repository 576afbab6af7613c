import { parseQuarter, previousQuarter, quarterOf } from "../../src/core/summary/quarter";
import { ageGroup, summarizeQuarter, summarizeYear } from "../../src/core/summary/compute";
import { quarterSummarySheet, yearSummarySheet } from "../../src/core/summary/sheet";
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
    asOf: utc(2026, 11, 23),
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

describe("transfers between branches", () => {
  const rows = (grid: CellValue[][]): RawRow[] =>
    grid.map((values, i) => ({ rowNumber: i + 1, values, numFmts: values.map(() => null) }));
  const HEAD = ["姓名", "公民身份号码", "所在支部", "建档日期"];
  const A = "11010519491231002X";
  const B = "440524188001010014";
  const C = "37072519881105149X";
  const D = "110105194912310021"; // wrong check digit: keyed by file and row
  const book = (file: string, members: CellValue[][]): SummarySource => ({
    file,
    asOf: utc(2026, 11, 23),
    sheets: [{ name: "成员名册", rows: rows([HEAD, ...members]) }],
  });
  const sources = [
    book("机关支部.xlsx", [
      ["张三", A, "机关支部", utc(2025, 3, 1)],
      ["王五", B, "机关支部", utc(2026, 8, 10)],
      ["赵六", C, "机关支部", utc(2026, 2, 1)],
    ]),
    book("生产支部.xlsx", [
      ["张三", A, "生产支部", utc(2026, 8, 1)],
      ["赵六", C, "生产支部", utc(2026, 3, 15)],
      ["孙八", D, "生产支部", utc(2026, 8, 2)],
    ]),
    // 张三 again, later, in a third branch: two moves.
    book("三车间.xlsx", [
      ["张三", A, null, utc(2026, 11, 5)],
      ["吴十", "440524188001010015", "三车间", utc(2020, 1, 1)],
    ]),
  ];

  it("counts a transfer once, as a transfer and not as a new member", () => {
    const q3 = summarizeQuarter(sources, quarterOf(2026, 3));
    expect(q3.figures.成员总数).toBe(5);
    expect(q3.figures.本季度新建档成员).toBe(2); // 王五, 孙八
    expect(q3.figures.本季度支部间转移).toBe(1); // 张三 机关支部 → 生产支部
    expect(q3.transfers).toEqual([
      {
        key: A,
        name: "张三",
        id: A,
        from: { branch: "机关支部", file: "机关支部.xlsx", recordedOn: utc(2025, 3, 1) },
        to: { branch: "生产支部", file: "生产支部.xlsx", recordedOn: utc(2026, 8, 1) },
      },
    ]);
    const q1 = summarizeQuarter(sources, quarterOf(2026, 1));
    expect(q1.figures.本季度新建档成员).toBe(1); // 赵六, first recorded 2026-02-01
    expect(q1.figures.本季度支部间转移).toBe(1); // 赵六 → 生产支部 2026-03-15
  });

  it("takes the branch of a record without one from its workbook's main branch", () => {
    const q4 = summarizeQuarter(sources, quarterOf(2026, 4));
    expect(q4.transfers.map((t) => [t.from.branch, t.to.branch])).toEqual([["生产支部", "三车间"]]);
    expect(q4.figures.本季度新建档成员).toBe(0);
  });

  it("adds up over the year", () => {
    const y = summarizeYear(sources, 2026);
    expect(y.total.本季度新建档成员).toBe(3);
    expect(y.total.本季度支部间转移).toBe(3);
    expect(y.transfers.map((t) => t.name)).toEqual(["张三", "张三", "赵六"]);
  });

  it("calls an undated first record older than any dated one: the member is not new", () => {
    const undated = [
      book("甲.xlsx", [["周九", A, "甲支部", null]]),
      book("乙.xlsx", [["周九", A, "乙支部", utc(2026, 8, 1)]]),
    ];
    const q3 = summarizeQuarter(undated, quarterOf(2026, 3));
    expect(q3.figures.本季度新建档成员).toBe(0);
    expect(q3.figures.本季度支部间转移).toBe(1);
    expect(q3.transfers[0].from).toEqual({ branch: "甲支部", file: "甲.xlsx", recordedOn: null });
  });

  it("is no transfer when both records are in the same branch", () => {
    const twice = [
      book("甲.xlsx", [["周九", A, "甲支部", utc(2025, 1, 1)]]),
      book("甲副本.xlsx", [["周九", A, "甲支部", utc(2026, 8, 1)]]),
    ];
    const q3 = summarizeQuarter(twice, quarterOf(2026, 3));
    expect(q3.figures.本季度支部间转移).toBe(0);
    expect(q3.figures.本季度新建档成员).toBe(0);
    expect(q3.figures.成员总数).toBe(1);
  });
});

describe("sheets this tool wrote", () => {
  const rows = (grid: CellValue[][]): RawRow[] =>
    grid.map((values, i) => ({ rowNumber: i + 1, values, numFmts: values.map(() => null) }));
  it("are not read as a registry (an earlier summary's 汇总说明 lists names and masked IDs)", () => {
    const d = digestSource({
      file: "上次汇总.xlsx",
      asOf: utc(2026, 11, 23),
      sheets: [
        {
          name: "汇总说明",
          rows: rows([
            ["姓名", "公民身份号码", "原支部", "原建档日期", "现支部", "现建档日期"],
            ["调动者", "110105********002X", "机关支部", utc(2020, 1, 1), "一车间支部", null],
          ]),
        },
        {
          name: "校验报告",
          rows: rows([
            ["姓名", "性别", "所在支部"],
            ["张三", "男", "甲"],
          ]),
        },
      ],
    });
    expect(d.members).toEqual([]);
  });
});

describe("the last four quarters and the year compared with the last", () => {
  const MADE_AT = { wall: utc(2026, 12, 4), offsetMinutes: 480 };
  const rows = (grid: CellValue[][]): RawRow[] =>
    grid.map((values, i) => ({ rowNumber: i + 1, values, numFmts: values.map(() => null) }));
  const meeting = (d: Date, n: number): CellValue[] => [
    d,
    `第${n}次`,
    "机关支部",
    "李书记",
    8,
    "学习",
  ];
  const source: SummarySource = {
    file: "机关支部.xlsx",
    asOf: utc(2026, 12, 4),
    sheets: [
      {
        name: "成员名册",
        rows: rows([
          ["姓名", "政治面貌", "所在支部", "建档日期"],
          ["张三", "中国民主同盟盟员", "机关支部", utc(2025, 3, 1)],
          ["李四", "群众", "机关支部", utc(2026, 5, 1)],
        ]),
      },
      {
        name: "例会台账",
        rows: rows([
          ["会议日期", "期次", "所在支部", "召集人", "参会人数", "议题"],
          meeting(utc(2025, 11, 10), 1),
          meeting(utc(2025, 12, 10), 2),
          meeting(utc(2025, 6, 10), 3),
          meeting(utc(2026, 2, 10), 4),
          meeting(utc(2026, 8, 10), 5),
          meeting(utc(2026, 9, 10), 6),
          meeting(utc(2026, 9, 20), 7),
        ]),
      },
      {
        name: "联谊活动记录",
        rows: rows([
          ["活动日期", "成员姓名", "活动类型", "活动内容"],
          [utc(2025, 6, 1), "张三", "谈心谈话", "谈心"],
          [utc(2026, 8, 1), "张三", "谈心谈话", "谈心"],
          [utc(2026, 8, 2), "李四", "学习活动", "学习"],
        ]),
      },
    ],
  };

  it("gives a quarter the four quarters that end with it, oldest first", () => {
    const q3 = summarizeQuarter([source], quarterOf(2026, 3));
    expect(q3.recent.map((r) => [r.label, r.figures.例会次数])).toEqual([
      ["2025Q4", 2],
      ["2026Q1", 1],
      ["2026Q2", 0],
      ["2026Q3", 3],
    ]);
    expect(q3.recent[3].figures).toEqual(q3.figures);
    expect(q3.recent[3].figures.联系覆盖率).toBe(1);
  });

  it("gives a year its total and the year before's, counted alike", () => {
    const y = summarizeYear([source], 2026);
    expect(y.total.例会次数).toBe(4);
    expect(y.previous?.例会次数).toBe(3);
    expect(y.total.谈心谈话次数).toBe(1);
    expect(y.previous?.谈心谈话次数).toBe(1);
    expect(y.total.成员总数).toBe(2);
    expect(y.total.本季度新建档成员).toBe(1); // 李四
    expect(y.previous?.本季度新建档成员).toBe(1); // 张三
    expect(y.total.联系覆盖率).toBe(1);
    // At 2025's end only 张三 was recorded (李四 came in May 2026).
    expect(y.previous?.成员总数).toBe(1);
    expect(y.previous?.联系覆盖率).toBe(1);
    // The year's composition and activity, as a quarter's are made.
    expect(y.activity).toEqual([
      expect.objectContaining({ branch: "机关支部", meetings: 4, talks: 1, studies: 1 }),
    ]);
    expect(y.pivots.map((p) => p.title)).toContain("统战对象类别");
  });

  it("has no year before where nothing happened in it", () => {
    expect(summarizeYear([source], 2025).previous).toBeNull();
  });

  it("lays the comparison out on the annual sheet, as values and formulas", () => {
    const doc = yearSummarySheet(summarizeYear([source], 2026), MADE_AT);
    const at = (r: number, c: number) => doc.cells.find((x) => x.r === r && x.c === c);
    const head = doc.cells.find((x) => x.value === "指标")!.r;
    expect([6, 7, 8, 9].map((c) => at(head, c)?.value)).toEqual([
      "全年",
      "2025年",
      "较上年",
      "增减幅度",
    ]);
    const meetings = doc.cells.find((x) => x.value === "例会次数" && x.c === 1)!.r;
    expect([6, 7, 8, 9].map((c) => at(meetings, c)?.value)).toEqual([4, 3, 1, 0.333]);
    expect(at(meetings, 8)?.formula).toBe(`F${meetings}-G${meetings}`);
    const rate = doc.cells.find((x) => x.value === "联系覆盖率" && x.c === 1)!.r;
    expect([8, 9].map((c) => at(rate, c)?.value)).toEqual([0, null]);
    const titles = doc.cells.filter((x) => x.c === 1).map((x) => x.value);
    expect(titles).toEqual(expect.arrayContaining(["统战对象类别", "各支部活动情况"]));
  });

  it("puts 近四个季度 on the quarterly sheet", () => {
    const doc = quarterSummarySheet(summarizeQuarter([source], quarterOf(2026, 3)), MADE_AT);
    const title = doc.cells.find((x) => x.value === "近四个季度")!.r;
    const row = (r: number) => doc.cells.filter((x) => x.r === r).map((x) => x.value);
    expect(row(title + 1)).toEqual([
      "季度",
      "例会次数",
      "情况通报期数",
      "谈心谈话次数",
      "学习活动次数",
      "困难帮扶次数",
      "意见建议数",
      "联系覆盖率",
    ]);
    expect(row(title + 2)).toEqual(["2025Q4", 2, 0, 0, 0, 0, 0, 0]);
    expect(row(title + 5)).toEqual(["2026Q3", 3, 0, 1, 1, 0, 0, 1]);
  });
});

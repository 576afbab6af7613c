import { renderProblem } from "../../src/core/messages";
import { RegistryNormalizer } from "../../src/core/normalizer";
import type { Problem } from "../../src/core/problem";
import { normalizeRegistry } from "../../src/core/registry";
import { FIELDS } from "../../src/core/schema";
import type { CellValue } from "../../src/core/types";
import { lostCells } from "../helpers/noLoss";
import { AS_OF, utc } from "./helpers";

/** A problem's message as a user reads it. */
const message = (p: Problem, locale: "zh-CN" | "en" = "zh-CN") => renderProblem(p, locale).message;

const opts = { asOf: AS_OF };
const col = (h: string) => FIELDS.findIndex((f) => f.header === h);

const messy: CellValue[][] = [
  ["××公司统战成员登记表（2008年）"],
  ["填报单位：机关党委", null, null, "填报日期：2008年5月"],
  [
    "序号",
    "姓　名",
    "性别",
    "民族",
    "出生年月",
    "身份证号码",
    "党派",
    "联系电话",
    "备注",
    "自定义",
  ],
  [
    1,
    "张 三",
    null,
    "汉",
    "1949.12",
    "11010519491231002x",
    "民盟",
    "+86 138-1234-5678",
    " 老同志 ",
    "x",
  ],
  [2, "李四", "男", "回", 19881105, "370725881105149", 5, "0755 12345678", null, null],
  [null, null, null, null, null, null, null, null, null, null],
  [3, null, null, null, null, null, null, null, null, null],
  [4, "王五", "女", "汉族", "1965年3月", null, "九三", "13912345678", null, null, "多出来的"],
  [5, "赵六", "女", "汉族", "1988-11-05", "37072519881105149X", "群众", null, null, null],
  ["合计", "4人"],
  ["填表人：小刘"],
];

describe("normalizeRegistry on a messy sheet", () => {
  const r = normalizeRegistry(messy, opts);

  it("keeps the members and renumbers them", () => {
    expect(r.rows.map((x) => x[col("姓名")])).toEqual(["张三", "李四", "王五", "赵六"]);
    expect(r.rows.map((x) => x[col("序号")])).toEqual([1, 2, 3, 4]);
    expect(r.sourceRows).toEqual([4, 5, 8, 9]);
  });

  it("writes canonical values", () => {
    const [zhang, li, wang] = r.rows;
    expect(zhang[col("性别")]).toBe("女");
    expect(zhang[col("民族")]).toBe("汉族");
    expect(zhang[col("出生日期")]).toEqual(utc(1949, 12, 31));
    expect(zhang[col("公民身份号码")]).toBe("11010519491231002X");
    expect(zhang[col("政治面貌")]).toBe("中国民主同盟盟员");
    expect(zhang[col("手机号码")]).toBe("13812345678");
    expect(zhang[col("备注")]).toBe("老同志");
    expect(li[col("民族")]).toBe("回族");
    expect(li[col("公民身份号码")]).toBe("37072519881105149X");
    expect(li[col("出生日期")]).toEqual(utc(1988, 11, 5));
    expect(li[col("手机号码")]).toBe("0755-12345678");
    expect(wang[col("出生日期")]).toBe("1965-03");
    expect(wang[col("政治面貌")]).toBe("九三学社社员");
  });

  it("keeps unknown columns and data beyond the header, after the canonical ones", () => {
    expect(r.columns.slice(23).map((c) => c.header)).toEqual(["自定义", "(第K列)"]);
    expect(r.rows[0][23]).toBe("x");
    expect(r.rows[2][24]).toBe("多出来的");
    expect(r.problems.filter((p) => p.code === "column-unmapped").map((p) => p.column)).toEqual([
      "自定义",
      "(第K列)",
    ]);
  });

  it("drops and logs title, header, blank, template, total and footer rows", () => {
    expect(r.dropped.map((d) => [d.row, d.reason])).toEqual([
      [1, "title"],
      [2, "title"],
      [3, "header"],
      [6, "blank"],
      [7, "template"],
      [10, "total"],
      [11, "footer"],
    ]);
    expect(r.dropped.find((d) => d.reason === "total")!.values).toEqual(["合计", "4人"]);
  });

  it("logs every change with row, name, column, old and new value, and rule", () => {
    expect(r.changes).toContainEqual({
      row: 4,
      name: "张三",
      field: "idNumber",
      column: "公民身份号码",
      sourceColumn: 6,
      oldValue: "11010519491231002x",
      newValue: "11010519491231002X",
      rule: "id-number",
    });
    expect(r.changes).toContainEqual(
      expect.objectContaining({
        row: 4,
        column: "性别",
        oldValue: null,
        newValue: "女",
        rule: "gender-from-id",
      })
    );
    expect(r.changes).toContainEqual(
      expect.objectContaining({
        row: 5,
        column: "公民身份号码",
        oldValue: "370725881105149",
        rule: "id-15-to-18",
      })
    );
    expect(r.changes).toContainEqual(
      expect.objectContaining({
        row: 3,
        column: "公民身份号码",
        oldValue: "身份证号码",
        rule: "header",
      })
    );
    expect(lostCells(messy, r)).toEqual([]);
  });

  it("finds the same ID twice, on both rows", () => {
    const dup = r.problems.filter((p) => p.code === "id-duplicate");
    expect(dup.map((p) => [p.row, p.name, p.column])).toEqual([
      [5, "李四", "公民身份号码"],
      [9, "赵六", "公民身份号码"],
    ]);
    expect(message(dup[0])).toBe("公民身份号码与第 9 行重复");
    expect(dup[0].severity).toBe("error");
  });

  it("reports each problem with row, name, column, value, code, severity, message and fix", () => {
    const p = r.problems.find((x) => x.code === "birth-date-partial")!;
    expect(p).toEqual({
      code: "birth-date-partial",
      severity: "warning",
      row: 8,
      name: "王五",
      field: "birthDate",
      column: "出生日期",
      sourceColumn: 5,
      value: "1965年3月",
      params: { value: "1965年3月", precision: "month" },
    });
    expect(renderProblem(p, "zh-CN")).toEqual({
      message: "出生日期“1965年3月”只精确到月，又无有效身份证号可补全",
      fix: "补全年月日",
    });
    expect(renderProblem(p, "en")).toEqual({
      message:
        'Date of birth "1965年3月" gives only the month, and there is no valid ID number to complete it',
      fix: "Complete the year, month and day",
    });
    expect(r.counts).toMatchObject({
      members: 4,
      errors: r.problems.filter((x) => x.severity === "error").length,
    });
  });

  it("plans formats, drop-downs and marks", () => {
    expect(r.plan.sheetName).toBe("成员名册");
    expect(r.plan.columns[col("公民身份号码")].numFmt).toBe("@");
    expect(r.plan.columns[col("出生日期")].numFmt).toBe("yyyy-mm-dd");
    expect(r.plan.columns[col("政治面貌")].list).toContain("中国民主同盟盟员");
    expect(r.plan.marks).toContainEqual({
      row: 2,
      column: col("出生日期"),
      severity: "warning",
      note: expect.stringContaining("只精确到月"),
    });
    expect(r.plan.marks).toContainEqual(
      expect.objectContaining({ row: 1, column: col("公民身份号码"), severity: "error" })
    );
  });

  it("speaks English when asked", () => {
    const en = normalizeRegistry(messy, { ...opts, locale: "en" });
    const dup = en.problems.find((x) => x.code === "id-duplicate")!;
    expect(message(dup, "en")).toBe("The same ID number is on row(s) 9");
    // A problem is data: the same one is shown in the other language afterwards.
    expect(dup.params).toEqual({ rows: [9], more: 0 });
    expect(message(dup, "zh-CN")).toBe("公民身份号码与第 9 行重复");
    expect(en.plan.marks.find((m) => m.note.includes("row(s) 9"))).toBeDefined();
  });
});

describe("streaming", () => {
  it("gives member rows back as they come once the header is known, and duplicates at the end", () => {
    const engine = new RegistryNormalizer({ ...opts, headerSearchRows: 3 });
    expect(engine.push(["姓名", "公民身份号码"])).toEqual([]);
    expect(engine.push(["张三", "11010519491231002X"])).toEqual([]);
    const third = engine.push(["李四", "11010519491231002X"]);
    expect(third.map((x) => x.sourceRow)).toEqual([2, 3]);
    const fourth = engine.push({ rowNumber: 10, values: ["王五", null] });
    expect(fourth[0].sourceRow).toBe(10);
    const end = engine.end();
    expect(end.rows).toEqual([]);
    expect(end.problems.filter((p) => p.code === "id-duplicate").map((p) => p.row)).toEqual([2, 3]);
    expect(end.memberRows).toBe(3);
  });

  it("uses number formats and the 1904 date system", () => {
    const r = normalizeRegistry(
      [{ values: ["姓名", "出生日期"] }, { values: ["张三", 22351], numFmts: [null, "yyyy/m/d"] }],
      { ...opts, dateSystem: 1904 }
    );
    expect(r.rows[0][col("出生日期")]).toEqual(utc(1965, 3, 12));
  });
});

describe("whole-sheet problems", () => {
  it("reports a missing header clearly and keeps every row", () => {
    const grid = [["这不是名册"], ["a", "b"], [1, 2]];
    const r = normalizeRegistry(grid, opts);
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ code: "header-not-found", severity: "error", row: 0 }),
    ]);
    expect(message(r.problems[0])).toContain("找不到表头");
    expect(lostCells(grid, r)).toEqual([]);
  });

  it("warns of missing key columns", () => {
    const r = normalizeRegistry(
      [
        ["姓名", "民族"],
        ["张三", "汉"],
      ],
      opts
    );
    expect(r.problems.filter((p) => p.code === "column-missing").map((p) => p.column)).toEqual([
      "性别",
      "出生日期",
      "公民身份号码",
    ]);
    expect(r.rows[0][col("民族")]).toBe("汉族");
  });

  it("warns of a person listed twice with different IDs", () => {
    const r = normalizeRegistry(
      [
        ["姓名", "出生日期", "身份证号"],
        ["张三", "1949-12-31", "11010519491231002X"],
        ["张三", "1949-12-31", "110105194912310045"],
      ],
      opts
    );
    expect(r.problems.filter((p) => p.code === "possible-duplicate").map((p) => p.row)).toEqual([
      2, 3,
    ]);
  });
});

describe("many copies of one ID", () => {
  it("names at most five other rows in each message, and stays fast", () => {
    const grid: CellValue[][] = [["姓名", "公民身份号码"]];
    for (let i = 0; i < 20_000; i++) grid.push([`张${i % 100}`, "11010519491231002X"]);
    const r = normalizeRegistry(grid, opts);
    const dup = r.problems.filter((p) => p.code === "id-duplicate");
    expect(dup).toHaveLength(20_000);
    expect(message(dup[0])).toBe("公民身份号码与第 3、4、5、6、7 行等 19999 行重复");
    expect(message(dup[0], "en")).toBe(
      "The same ID number is on row(s) 3, 4, 5, 6, 7 and 19994 more"
    );
    expect(Math.max(...dup.map((p) => message(p).length))).toBeLessThan(60);
  });
});

/**
 * The registry checked as staff type (LiveRegistry): the rows of an edit checked by the engine of
 * 校验, an ID number typed twice marking both rows, marks taken off when fixed, the notes the same
 * as 规范化 writes, and the header's edit asking for a fresh start.
 */
import { type LiveRow, LiveRegistry, fixLog } from "../../src/core/live";
import { renderProblem } from "../../src/core/messages";
import { normalizeRegistry } from "../../src/core/registry";
import type { CellValue } from "../../src/core/types";
import { AS_OF, idOf } from "./helpers";

const HEADER = ["序号", "姓名", "性别", "民族", "出生日期", "公民身份号码", "所在支部", "备注"];
const col = (h: string) => HEADER.indexOf(h) + 1;
const ID = col("公民身份号码");
const OPTIONS = { dateSystem: 1900 as const, asOf: AS_OF, locale: "zh-CN" as const };

const ZHANG = idOf("19700105", "011");
const LI = idOf("19800229", "022");
const WANG = idOf("19900315", "031");
/** One checksum digit off. */
const BAD = ZHANG.slice(0, 17) + (ZHANG[17] === "0" ? "1" : "0");

const member = (
  i: number,
  name: string,
  id: string,
  extra: Partial<Record<string, CellValue>> = {}
) =>
  HEADER.map((h) =>
    h === "序号"
      ? i
      : h === "姓名"
        ? name
        : h === "公民身份号码"
          ? id
          : h === "所在支部"
            ? "机关支部"
            : (extra[h] ?? null)
  );

const SHEET: CellValue[][] = [
  HEADER,
  member(1, "张三", ZHANG),
  member(2, "李四", LI),
  member(3, "王五", WANG),
];
const rowsOf = (grid: CellValue[][]): LiveRow[] =>
  grid.map((values, i) => ({ row: i + 1, values }));
const edit = (row: number, values: CellValue[]): LiveRow => ({ row, values });

describe("LiveRegistry", () => {
  it("has nothing to check without a header", () => {
    expect(LiveRegistry.start(rowsOf([["随便"], [1]]), OPTIONS)).toBeNull();
  });

  it("marks the cell of a mistake typed into a row, and takes the mark off once it is fixed", () => {
    const live = LiveRegistry.start(rowsOf(SHEET), OPTIONS)!;
    expect(live.counts()).toEqual({ errors: 0, warnings: 0, rows: 0 });
    const typed = live.check([edit(3, member(2, "李四", BAD))]);
    expect(typed.restart).toBe(false);
    expect(typed.unmark).toEqual([]);
    expect(typed.mark).toHaveLength(1);
    const [m] = typed.mark;
    expect(m).toMatchObject({ row: 3, column: ID, severity: "error" });
    const problem = live.problems().find((p) => p.row === 3)!;
    expect(problem.code).toBe("id-checksum");
    expect(m.note).toBe(renderProblem(problem, "zh-CN").message);
    expect(typed.counts).toEqual({ errors: 1, warnings: 0, rows: 1 });
    // Checked again unchanged: nothing to do.
    expect(live.check([edit(3, member(2, "李四", BAD))]).mark).toEqual([]);
    const fixed = live.check([edit(3, member(2, "李四", LI))]);
    expect(fixed).toEqual({
      mark: [],
      unmark: [{ row: 3, column: ID, was: m.note }],
      restart: false,
      counts: { errors: 0, warnings: 0, rows: 0 },
    });
  });

  it("marks both rows when an ID number already in the sheet is typed, and both come off when it changes", () => {
    const live = LiveRegistry.start(rowsOf(SHEET), OPTIONS)!;
    const twice = live.check([edit(5, member(4, "赵六", ZHANG))]);
    expect(twice.mark.map((m) => [m.row, m.column])).toEqual([
      [2, ID],
      [5, ID],
    ]);
    expect(twice.mark[0].note).toContain("5");
    expect(twice.mark[1].note).toContain("2");
    expect(live.problems().map((p) => [p.row, p.code])).toEqual([
      [2, "id-duplicate"],
      [5, "id-duplicate"],
    ]);
    const changed = live.check([edit(5, member(4, "赵六", idOf("19991231", "041")))]);
    expect(changed.mark).toEqual([]);
    expect(changed.unmark).toEqual([
      { row: 2, column: ID, was: twice.mark[0].note },
      { row: 5, column: ID, was: twice.mark[1].note },
    ]);
  });

  it("writes the notes 规范化 writes for the same rows", () => {
    const messy: CellValue[][] = [
      HEADER,
      member(1, "张三", ZHANG, { 民族: "汉" }),
      member(2, "李四", BAD, { 出生日期: "1980年13月" }),
      member(3, "王五", ZHANG, { 民族: "火星族" }),
    ];
    const clean = LiveRegistry.start(rowsOf(SHEET), OPTIONS)!;
    const live = clean.check(rowsOf(messy).slice(1));
    const result = normalizeRegistry(messy, OPTIONS);
    const expected = result.plan.marks.map((m) => ({
      row: result.sourceRows[m.row],
      column: result.columns[m.column].sourceColumn,
      severity: m.severity,
      note: m.note,
    }));
    expect(live.mark).toEqual(expected);
    expect(live.mark.length).toBeGreaterThanOrEqual(4);
  });

  it("counts a mark the sheet already has (its note is the check's) as there", () => {
    const sheet = [HEADER, member(1, "张三", BAD), member(2, "李四", LI)];
    const first = LiveRegistry.start(rowsOf(sheet), OPTIONS)!;
    const note = first.check([edit(2, sheet[1])]).mark[0].note;
    const live = LiveRegistry.start(rowsOf(sheet), OPTIONS, (c) =>
      c.row === 2 && c.column === ID ? note : undefined
    )!;
    expect(live.counts()).toEqual({ errors: 1, warnings: 0, rows: 1 });
    expect(live.check([edit(2, sheet[1])]).mark).toEqual([]);
    expect(live.check([edit(2, member(1, "张三", ZHANG))]).unmark).toEqual([
      { row: 2, column: ID, was: note },
    ]);
    // A note of someone else's on the cell is not the check's mark.
    const other = LiveRegistry.start(rowsOf(sheet), OPTIONS, () => "我的批注")!;
    expect(other.check([edit(2, member(1, "张三", ZHANG))]).unmark).toEqual([]);
  });

  it("asks for a fresh start when the header is edited", () => {
    const live = LiveRegistry.start(rowsOf(SHEET), OPTIONS)!;
    expect(live.headerRow).toBe(1);
    expect(live.check([edit(1, [...HEADER, "新列"])]).restart).toBe(true);
  });

  it("offers the engine's value of a cell as its fix, and changes nothing itself", () => {
    const live = LiveRegistry.start(rowsOf(SHEET), OPTIONS)!;
    const row = member(2, "李四", LI, { 民族: "汉" });
    live.check([edit(3, row)]);
    expect(live.suggestionAt({ row: 3, column: col("民族") })).toMatchObject({
      row: 3,
      column: col("民族"),
      name: "李四",
      header: "民族",
      oldValue: "汉",
      newValue: "汉族",
    });
    expect(live.suggestionAt({ row: 3, column: col("姓名") })).toBeNull();
    expect(row[col("民族") - 1]).toBe("汉");
  });

  it("forgets a row emptied (no member any more): its marks come off", () => {
    const live = LiveRegistry.start(rowsOf(SHEET), OPTIONS)!;
    const [m] = live.check([edit(3, member(2, "李四", BAD))]).mark;
    const emptied = live.check([
      edit(
        3,
        HEADER.map(() => null)
      ),
    ]);
    expect(emptied.unmark).toEqual([{ row: 3, column: ID, was: m.note }]);
    expect(emptied.counts.errors).toBe(0);
  });

  it("offers the ID number's 出生日期 and 性别 where the row disagrees with it, logged as a fix", () => {
    const live = LiveRegistry.start(rowsOf(SHEET), OPTIONS)!;
    // 张三's ID number says 1970-01-05 and male (sequence 011).
    live.check([edit(2, member(1, "张三", ZHANG, { 出生日期: "1971-01-05", 性别: "女" }))]);
    const birth = live.suggestionAt({ row: 2, column: col("出生日期") });
    expect(birth).toMatchObject({ oldValue: "1971-01-05", rule: "birth-date-mismatch" });
    expect(birth?.newValue).toEqual(new Date(Date.UTC(1970, 0, 5)));
    const gender = live.suggestionAt({ row: 2, column: col("性别") })!;
    expect(gender).toMatchObject({ oldValue: "女", newValue: "男", header: "性别", name: "张三" });
    expect(fixLog(gender, "zh-CN")).toEqual({
      header: ["原行号", "姓名", "列", "原值", "新值", "规则"],
      row: [2, "张三", "性别", "女", "男", "按建议修正，成员名册（gender-mismatch）"],
    });
  });
});

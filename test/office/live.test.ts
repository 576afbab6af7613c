/**
 * 成员名册 checked as staff type (OfficeLiveCheck), on a fake Excel built on office-addin-mock:
 * Worksheet.onChanged events for a single cell, a 500-row paste, the add-in's own write, a burst of
 * 20 events, an ID number typed twice, the switch off; marks set and taken off; notes of someone
 * else's kept; and the syncs of a check the same for a sheet of 100 rows and one of 3,000.
 */
import { cellAddress } from "../../src/core/a1";
import { renderProblem } from "../../src/core/messages";
import { apiSupportUpTo } from "../../src/hosts/office/api";
import type { LiveState } from "../../src/hosts/ledgerHost";
import { OfficeLiveCheck } from "../../src/hosts/office/live";
import { MARK_FILL } from "../../src/hosts/office/styles";
import { FakeExcel, type SheetInit } from "./fakeExcel";
import { HEADERS, MESSY, col, memberRow, registrySheet } from "./registryData";

const AS_OF = new Date(Date.UTC(2026, 11, 1));
const ID = col("公民身份号码") + 1;
const GENDER = col("性别") + 1;
const LAST = HEADERS.length;

function setup(n: number, maxApi = 18, shape: (s: SheetInit) => SheetInit = (s) => s) {
  const fx = new FakeExcel([shape(registrySheet(n, "成员名册"))], { maxApi });
  const waiting: (() => void)[] = [];
  const states: LiveState[] = [];
  const live = new OfficeLiveCheck({
    run: fx.run,
    api: apiSupportUpTo(maxApi),
    locale: "zh-CN",
    asOf: AS_OF,
    later: (fn) => waiting.push(fn),
    runIn: (_c, f) => fx.run(f),
    onState: (s) => states.push(s),
  });
  const sheet = fx.sheet("成员名册");
  /** The burst is over: the gathered edits are checked. */
  const settle = async () => {
    waiting.splice(0).forEach((f) => f());
    await live.whenIdle();
  };
  /** Types values into a row (1-based sheet row, from column col), as a user would; Excel then reports it. */
  const type = (row: number, column: number, values: unknown[]) =>
    values.forEach((v, j) => sheet.setValue(row, column + j, v as never));
  const fill = (row: number, column: number) =>
    (sheet.style(row, column).fill as { color?: string } | undefined)?.color;
  const note = (row: number, column: number) =>
    sheet.notes.find((x) => x.address === cellAddress(row, column))?.text;
  return { fx, live, sheet, settle, type, fill, note, states };
}

/** A valid ID number of member i's birth, with another sequence (a new person). */
const idOfMember = (i: number) => String(memberRow(i).values[col("公民身份号码")]);

describe("Office live check", () => {
  it("starts on 成员名册: counts the problems it has, marks nothing yet", async () => {
    const { live, fx, states } = setup(12);
    const state = await live.start();
    expect(state).toMatchObject({ state: "on", explained: true, tooMany: 0 });
    if (state.state !== "on") return;
    expect(state.counts).toEqual({ errors: 2, warnings: 1, rows: 3 });
    expect(state.problems.map((p) => [p.row, p.code])).toEqual([
      [2 + MESSY.badGender, "gender-invalid"],
      [2 + MESSY.badId, "id-checksum"],
      [2 + MESSY.missingId, "id-missing"],
    ]);
    expect(fx.calls.get("notes.add") ?? 0).toBe(0);
    expect(states.at(-1)).toBe(state);
  });

  it("marks a mistake typed into one cell, with the note 规范化 writes, and takes it off when fixed", async () => {
    const { live, fx, settle, type, fill, note } = setup(12);
    await live.start();
    const row = 9;
    const good = idOfMember(row - 2);
    type(row, ID, [good.slice(0, 17) + (good[17] === "1" ? "2" : "1")]);
    const before = fx.syncs;
    await fx.fireChanged("成员名册", { address: cellAddress(row, ID) });
    await settle();
    expect(live.checks).toBe(1);
    // The rows, the notes on the cells to mark, the marks.
    expect(fx.syncs - before).toBe(3);
    expect(fill(row, ID)).toBe(MARK_FILL.error);
    const problem = live.state.state === "on" && live.state.problems.find((p) => p.row === row);
    expect(problem && problem.code).toBe("id-checksum");
    expect(note(row, ID)).toBe(problem && renderProblem(problem, "zh-CN").message);
    expect(live.state).toMatchObject({ counts: { errors: 3, warnings: 1, rows: 4 } });
    // The value typed is left as it is.
    expect(fx.sheet("成员名册").value(row, ID)).not.toBe(good);

    type(row, ID, [good]);
    await fx.fireChanged("成员名册", { address: cellAddress(row, ID) });
    await settle();
    expect(fill(row, ID)).toBeUndefined();
    expect(note(row, ID)).toBeUndefined();
    expect(live.state).toMatchObject({ counts: { errors: 2, warnings: 1, rows: 3 } });
  });

  it("checks a 500-row paste once, marking each bad row", async () => {
    const { live, fx, settle, type, fill } = setup(20);
    await live.start();
    for (let r = 30; r < 530; r++) {
      const v = memberRow(r + 100).values;
      if (r % 100 === 0) v[col("性别")] = "未知性别";
      type(r, 1, v);
    }
    const before = fx.syncs;
    await fx.fireChanged("成员名册", { address: `A30:${cellAddress(529, LAST)}` });
    await settle();
    expect(live.checks).toBe(1);
    expect(fx.syncs - before).toBe(3);
    for (const r of [100, 200, 300, 400, 500]) expect(fill(r, GENDER)).toBe(MARK_FILL.error);
    expect(fill(101, GENDER)).toBeUndefined();
    expect(live.state).toMatchObject({ counts: { errors: 7 } });
  });

  it("does not check what the add-in writes itself: by triggerSource, or by the address it declared", async () => {
    const withSource = setup(12, 18);
    await withSource.live.start();
    withSource.type(9, GENDER, ["??"]);
    await withSource.fx.fireChanged("成员名册", {
      address: cellAddress(9, GENDER),
      triggerSource: "ThisLocalAddin",
    });
    await withSource.settle();
    expect(withSource.live.checks).toBe(0);

    const older = setup(12, 13);
    await older.live.start();
    older.live.expectOwnWrite(`成员名册!$${"C"}$9`);
    older.type(9, GENDER, ["??"]);
    await older.fx.fireChanged("成员名册", { address: "C9" });
    await older.settle();
    expect(older.live.checks).toBe(0);
    // The next edit of the same cell is the user's.
    await older.fx.fireChanged("成员名册", { address: "C9" });
    await older.settle();
    expect(older.live.checks).toBe(1);
    // Excel without notes (before ExcelApi 1.18): the explanation is a comment, as 规范化 writes it.
    expect(older.fill(9, GENDER)).toBe(MARK_FILL.error);
    expect(older.note(9, GENDER)).toBeUndefined();
    expect(older.live.state).toMatchObject({ explained: true });
    const problem =
      older.live.state.state === "on" && older.live.state.problems.find((p) => p.row === 9);
    expect(older.sheet.comments).toEqual([
      expect.objectContaining({
        address: "C9",
        text: problem && renderProblem(problem, "zh-CN").message,
      }),
    ]);
  });

  it("explains marks in comments before ExcelApi 1.18 (taking off its own, keeping others'), colours only before 1.10", async () => {
    const { live, fx, sheet, settle, type, fill } = setup(12, 13);
    sheet.comments.push({ address: cellAddress(8, GENDER), text: "待本人确认" });
    await live.start();
    for (const row of [8, 10]) type(row, GENDER, ["不详?"]);
    await fx.fireChanged("成员名册", { address: `C8:C10` });
    await settle();
    expect(fill(8, GENDER)).toBe(MARK_FILL.error);
    expect(fill(10, GENDER)).toBe(MARK_FILL.error);
    const byCell = () => Object.fromEntries(sheet.comments.map((c) => [c.address, c.text]));
    expect(byCell()["C8"]).toBe("待本人确认");
    expect(byCell()["C10"]).toContain("不详?");
    for (const row of [8, 10]) type(row, GENDER, ["男"]);
    await fx.fireChanged("成员名册", { address: `C8:C10` });
    await settle();
    expect(byCell()).toEqual({ C8: "待本人确认" });
    expect(fill(10, GENDER)).toBeUndefined();

    const plain = setup(12, 9);
    await plain.live.start();
    plain.type(9, GENDER, ["?"]);
    await plain.fx.fireChanged("成员名册", { address: "C9" });
    await plain.settle();
    expect(plain.fill(9, GENDER)).toBe(MARK_FILL.error);
    expect(plain.sheet.comments).toEqual([]);
    expect(plain.live.state).toMatchObject({ explained: false });
  });

  it("makes one check of 20 events in a burst", async () => {
    const { live, fx, settle, type, fill } = setup(30);
    await live.start();
    for (let r = 5; r < 25; r++) {
      type(r, GENDER, ["X"]);
      await fx.fireChanged("成员名册", { address: cellAddress(r, GENDER) });
    }
    await settle();
    expect(live.checks).toBe(1);
    for (let r = 5; r < 25; r++) expect(fill(r, GENDER)).toBe(MARK_FILL.error);
  });

  it("marks both rows when an ID number already in the sheet is typed again", async () => {
    const { live, fx, settle, type, fill, note } = setup(12);
    await live.start();
    const first = 7;
    type(11, ID, [idOfMember(first - 2)]);
    await fx.fireChanged("成员名册", { address: cellAddress(11, ID) });
    await settle();
    expect(fill(first, ID)).toBe(MARK_FILL.error);
    expect(fill(11, ID)).toBe(MARK_FILL.error);
    expect(note(first, ID)).toContain("11");
    expect(note(11, ID)).toContain(String(first));
    type(11, ID, [idOfMember(11 - 2)]);
    await fx.fireChanged("成员名册", { address: cellAddress(11, ID) });
    await settle();
    expect(fill(first, ID)).toBeUndefined();
    expect(note(first, ID)).toBeUndefined();
  });

  it("keeps a note someone else wrote on a cell it marks", async () => {
    const { live, fx, sheet, settle, type, fill, note } = setup(12);
    await live.start();
    sheet.notes.push({ address: cellAddress(8, GENDER), text: "待本人确认" });
    type(8, GENDER, ["不详?"]);
    await fx.fireChanged("成员名册", { address: cellAddress(8, GENDER) });
    await settle();
    expect(fill(8, GENDER)).toBe(MARK_FILL.error);
    expect(note(8, GENDER)).toBe("待本人确认");
    type(8, GENDER, ["男"]);
    await fx.fireChanged("成员名册", { address: cellAddress(8, GENDER) });
    await settle();
    expect(note(8, GENDER)).toBe("待本人确认");
  });

  it("takes off the marks 规范化 left once they are fixed (its notes are the check's)", async () => {
    const { live, fx, sheet, settle, type, fill, note } = setup(12);
    const row = 2 + MESSY.badGender;
    // As 规范化 left it: the cell filled, the problem's note.
    const probe = await live.start();
    const p = probe.state === "on" ? probe.problems.find((x) => x.row === row)! : null;
    sheet.notes.push({
      address: cellAddress(row, GENDER),
      text: renderProblem(p!, "zh-CN").message,
    });
    sheet.style(row, GENDER).fill = { color: MARK_FILL.error };
    await live.start();
    type(row, GENDER, ["女"]);
    await fx.fireChanged("成员名册", { address: cellAddress(row, GENDER) });
    await settle();
    expect(fill(row, GENDER)).toBeUndefined();
    expect(note(row, GENDER)).toBeUndefined();
  });

  it("按建议修正: writes the suggested value, logs it in 变更记录 and takes the mark off", async () => {
    const { live, fx, sheet, settle, type, fill, note } = setup(12);
    await live.start();
    const row = 9;
    const gender = memberRow(row - 2).values[col("性别")];
    type(row, col("民族") + 1, ["汉"]);
    const wrong = gender === "男" ? "女" : "男";
    type(row, GENDER, [wrong]);
    await fx.fireChanged("成员名册", { address: `C${row}:D${row}` });
    await settle();
    expect(fill(row, GENDER)).toBeDefined();
    // A cell with no suggestion: nothing is written.
    expect(await live.fix({ row, column: 2 })).toBeNull();
    const before = live.checks;
    const fixed = await live.fix({ row, column: GENDER });
    expect(fixed).toMatchObject({ row, column: GENDER, oldValue: wrong, newValue: gender });
    expect(sheet.value(row, GENDER)).toBe(gender);
    expect(sheet.value(row, col("民族") + 1)).toBe("汉");
    expect(fill(row, GENDER)).toBeUndefined();
    expect(note(row, GENDER)).toBeUndefined();
    expect(live.checks).toBe(before + 1);
    expect(fx.sheet("变更记录").values("A1:F2")).toEqual([
      ["原行号", "姓名", "列", "原值", "新值", "规则"],
      [
        row,
        memberRow(row - 2).values[col("姓名")],
        "性别",
        wrong,
        gender,
        "按建议修正，成员名册（gender-mismatch）",
      ],
    ]);
    // The add-in's own write is not checked again when Excel reports it.
    await fx.fireChanged("成员名册", {
      address: cellAddress(row, GENDER),
      triggerSource: "ThisLocalAddin",
    });
    await settle();
    expect(live.checks).toBe(before + 1);
  });

  it("reads a value merged down over rows into each edited row, as 校验 does", async () => {
    // 民族 written once and merged over rows 3–5, with a name that is no ethnic group.
    const ETHNICITY = col("民族") + 1;
    const { live, fx, settle, type } = setup(12, 18, (s) => {
      const values = s.values!.map((r) => [...r]);
      values[2][ETHNICITY - 1] = "穿青人";
      values[3][ETHNICITY - 1] = null;
      values[4][ETHNICITY - 1] = null;
      return {
        ...s,
        values,
        merges: [`${cellAddress(3, ETHNICITY)}:${cellAddress(5, ETHNICITY)}`],
      };
    });
    const invalid = () =>
      live.state.state === "on"
        ? live.state.problems.filter((p) => p.code === "ethnicity-unrecognised").map((p) => p.row)
        : [];
    await live.start();
    expect(invalid()).toEqual([3, 4, 5]);
    // Another cell of row 5 edited: its 民族 is still the merged value.
    type(5, LAST, ["改了备注"]);
    const before = fx.syncs;
    await fx.fireChanged("成员名册", { address: cellAddress(5, LAST) });
    await settle();
    expect(live.checks).toBe(1);
    expect(invalid()).toEqual([3, 4, 5]);
    expect(fx.syncs - before).toBe(3);
  });

  it("stops when switched off: edits are no longer checked", async () => {
    const { live, fx, settle, type, fill, states } = setup(12);
    await live.start();
    await live.stop();
    expect(states.at(-1)).toEqual({ state: "off" });
    expect(fx.handlers).toHaveLength(0);
    type(9, GENDER, ["??"]);
    await fx.fireChanged("成员名册", { address: cellAddress(9, GENDER) });
    await settle();
    expect(live.checks).toBe(0);
    expect(fill(9, GENDER)).toBeUndefined();
  });

  it("suggests 校验 for a paste of more than 5,000 rows instead of checking it", async () => {
    const { live, fx, settle } = setup(12);
    await live.start();
    const before = fx.syncs;
    await fx.fireChanged("成员名册", { address: "A2:W6001" });
    await settle();
    expect(fx.syncs).toBe(before);
    expect(live.state).toMatchObject({ state: "on", tooMany: 6000 });
  });

  it("needs the same syncs per check for a sheet of 100 rows and one of 3,000", async () => {
    const syncsOf = async (n: number) => {
      const { live, fx, settle, type } = setup(n);
      await live.start();
      type(50, GENDER, ["?"]);
      const before = fx.syncs;
      await fx.fireChanged("成员名册", { address: cellAddress(50, GENDER) });
      await settle();
      return fx.syncs - before;
    };
    expect(await syncsOf(100)).toBe(3);
    expect(await syncsOf(3000)).toBe(3);
  });

  it("judges on the new day when the pane is left open past midnight", async () => {
    const fx = new FakeExcel([registrySheet(12, "成员名册")]);
    let today = new Date(Date.UTC(2026, 11, 1));
    const waiting: (() => void)[] = [];
    const live = new OfficeLiveCheck({
      run: fx.run,
      api: apiSupportUpTo(18),
      locale: "zh-CN",
      asOf: () => today,
      later: (fn) => waiting.push(fn),
      runIn: (_c, f) => fx.run(f),
    });
    await live.start();
    const sheet = fx.sheet("成员名册");
    const edit = async (row: number) => {
      sheet.setValue(row, GENDER, "?");
      const before = fx.syncs;
      await fx.fireChanged("成员名册", { address: cellAddress(row, GENDER) });
      waiting.splice(0).forEach((f) => f());
      await live.whenIdle();
      return fx.syncs - before;
    };
    expect(await edit(8)).toBe(3);
    today = new Date(Date.UTC(2026, 11, 2));
    // The sheet read again on the new day, then the edit checked as always.
    expect(await edit(9)).toBeGreaterThan(3);
    expect(sheet.style(9, GENDER).fill).toEqual({ color: MARK_FILL.error });
    expect(await edit(10)).toBe(3);
  });

  it("says so when a check fails (成员名册 gone), and is not stuck", async () => {
    const { live, fx, settle, type } = setup(12);
    await live.start();
    type(9, GENDER, ["?"]);
    await fx.fireChanged("成员名册", { address: cellAddress(9, GENDER) });
    fx.sheets = fx.sheets.filter((s) => s.name !== "成员名册");
    await settle();
    expect(live.state).toMatchObject({
      state: "error",
      message: expect.stringContaining("成员名册"),
    });
  });

  it("is unsupported before ExcelApi 1.7, and has nothing to check without 成员名册", async () => {
    const old = new OfficeLiveCheck({
      run: new FakeExcel([registrySheet(3, "成员名册")]).run,
      api: apiSupportUpTo(6),
      locale: "zh-CN",
      asOf: AS_OF,
    });
    expect(await old.start()).toEqual({ state: "unsupported" });
    const fx = new FakeExcel([registrySheet(3, "名单")]);
    const none = new OfficeLiveCheck({
      run: fx.run,
      api: apiSupportUpTo(18),
      locale: "zh-CN",
      asOf: AS_OF,
    });
    expect(await none.start()).toEqual({ state: "no-registry" });
  });
});

import { REGISTRY_SHEET } from "../../src/core/plan";
import {
  CHANGE_LOG_SHEET,
  REPORT_SHEET,
  changeLogSheet,
  problemReportSheet,
} from "../../src/core/report";
import { dateToSerial } from "../../src/core/rules/dates";
import type { CellValue } from "../../src/core/types";
import { packageResult } from "./packageParity";
import { apiSupportUpTo } from "../../src/hosts/office/api";
import { OfficeLedgerHost } from "../../src/hosts/office/officeHost";
import {
  type FakeOptions,
  FakeExcel,
  type FakeSheet,
  type SheetInit,
  colLetters,
} from "./fakeExcel";
import { HEADERS, MESSY, TRICKY_REMARKS, col, registrySheet } from "./registryData";

const AS_OF = new Date(Date.UTC(2026, 0, 1));

function setup(sheets: SheetInit[], options: FakeOptions & { budget?: number } = {}) {
  const fx = new FakeExcel(sheets, options);
  const notes: string[] = [];
  const host = new OfficeLedgerHost({
    run: fx.run,
    api: apiSupportUpTo(options.maxApi ?? 18),
    asOf: AS_OF,
    requestBudget: options.budget,
    onNote: (n) => notes.push(n),
  });
  return { fx, host, notes };
}

/** A core value as it must stand in the sheet: dates as serials, null as empty. */
const inSheet = (v: CellValue, dateSystem: 1900 | 1904 = 1900) =>
  v === null ? "" : v instanceof Date ? dateToSerial(v, dateSystem) : v;

const address = (row: number, column: number) => `${colLetters(column)}${row}`;

function sheetRows(sheet: FakeSheet, rows: number, width: number) {
  return sheet.values(`A2:${colLetters(width)}${rows + 1}`);
}

describe("normalize (规范化) through Office.js", () => {
  const source = registrySheet(100);
  let expected: Awaited<ReturnType<typeof packageResult>>;
  beforeAll(async () => {
    expected = await packageResult(source, { asOf: AS_OF });
  });

  it("reads the sheet as the package host does: same rows, problems and changes from the core", async () => {
    const { host } = setup([source]);
    const run = await host.validate("zh-CN");
    expect(run.result.rows).toEqual(expected.rows);
    expect(run.result.problems).toEqual(expected.problems);
    expect(run.result.changes).toEqual(expected.changes);
    expect(run.result.dropped).toEqual(expected.dropped);
    expect(run.result.plan).toEqual(expected.plan);
    expect(expected.counts).toMatchObject({ members: 100, errors: 2, warnings: 1 });
  });

  it("writes 成员名册, 校验报告 and 变更记录 with the core's values, next to the untouched source", async () => {
    const { fx, host } = setup([source, { name: "其他", values: [["x"]] }]);
    const run = await host.normalize("zh-CN");
    expect(run.sheetName).toBe("Sheet1");
    expect(run.result.counts).toEqual(expected.counts);
    expect(fx.sheets.sort((a, b) => a.position - b.position).map((s) => s.name)).toEqual([
      "Sheet1",
      REGISTRY_SHEET,
      "其他",
      REPORT_SHEET,
      CHANGE_LOG_SHEET,
    ]);
    // The source is as it was.
    expect(fx.sheet("Sheet1").values("A1:W101")).toEqual(
      source.values!.map((r) => r.map((v) => (v === null ? "" : v)))
    );
    const reg = fx.sheet(REGISTRY_SHEET);
    const width = expected.columns.length;
    expect(reg.values(`A1:${colLetters(width)}1`)[0]).toEqual(
      expected.plan.columns.map((c) => c.header)
    );
    expect(sheetRows(reg, 100, width)).toEqual(expected.rows.map((r) => r.map((v) => inSheet(v))));
    expect(reg.formulas.size).toBe(0);
    // Report sheets: the core's grids, cell for cell.
    const report = problemReportSheet(expected, "zh-CN");
    const rep = fx.sheet(REPORT_SHEET);
    report.rows.forEach((r, i) =>
      r.forEach((v, j) => expect(rep.value(i + 1, j + 1)).toEqual(inSheet(v)))
    );
    const changes = changeLogSheet(expected.changes, expected.dropped, "zh-CN");
    expect(changes.rows.length).toBeGreaterThan(1);
    const chg = fx.sheet(CHANGE_LOG_SHEET);
    changes.rows.forEach((r, i) =>
      r.forEach((v, j) => expect(chg.value(i + 1, j + 1)).toEqual(inSheet(v)))
    );
    expect(rep.freeze).toEqual({ rows: report.headerRows[report.headerRows.length - 1] + 1 });
    expect(chg.freeze).toEqual({ rows: 1 });
    expect(rep.style(1 + report.headerRows[0], 1)).toMatchObject({
      font: { bold: true },
      fill: { color: "#D9E1F2" },
    });
    expect(fx.active?.name).toBe(REGISTRY_SHEET);
  });

  it("applies the plan: number formats, widths, header, frozen panes, filter, drop-down lists", async () => {
    const { fx, host } = setup([source]);
    await host.normalize("zh-CN");
    const reg = fx.sheet(REGISTRY_SHEET);
    const idCol = col("公民身份号码") + 1;
    const birthCol = col("出生日期") + 1;
    const phoneCol = col("手机号码") + 1;
    expect(reg.format(2, idCol)).toBe("@");
    expect(reg.format(101, idCol)).toBe("@");
    expect(reg.format(2, phoneCol)).toBe("@");
    expect(reg.format(50, birthCol)).toBe("yyyy-mm-dd");
    expect(reg.format(50, col("建档日期") + 1)).toBe("yyyy-mm-dd");
    expect(reg.format(50, col("姓名") + 1)).toBe("General");
    // The ID number stays 18 characters of text (not a number that lost its last digits).
    expect(reg.value(2, idCol)).toBe(expected.rows[0][col("公民身份号码")]);
    expected.plan.columns.forEach((c, i) =>
      expect(reg.widths.get(i + 1)).toBeCloseTo((c.width * 7 + 5) * 0.75, 1)
    );
    expect(reg.style(1, 1)).toMatchObject({
      font: { bold: true },
      fill: { color: "#D9E1F2" },
      horizontalAlignment: "Center",
      wrapText: true,
      borders: { top: { style: "Continuous", weight: "Thin", color: "#B4B4B4" } },
    });
    expect(reg.freeze).toEqual({ at: "A1:B1" });
    expect(reg.autoFilter).toBe(`A1:${colLetters(HEADERS.length)}101`);
    const lists = expected.plan.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.list);
    expect(lists.map(({ c }) => c.header)).toEqual([
      "性别",
      "民族",
      "政治面貌",
      "学历",
      "家庭经济状况",
    ]);
    expect(reg.validations).toHaveLength(lists.length);
    for (const { c, i } of lists) {
      const v = reg.validations.find(
        (x) => x.address === `${colLetters(i + 1)}2:${colLetters(i + 1)}101`
      );
      expect(v).toEqual({
        address: `${colLetters(i + 1)}2:${colLetters(i + 1)}101`,
        ignoreBlanks: true,
        rule: { list: { inCellDropDown: true, source: c.list!.join(",") } },
        errorAlert: {
          showAlert: true,
          style: "Warning",
          title: "不在代码表中",
          message: `请从下拉列表中选择${c.header}`,
        },
      });
    }
  });

  it("fills error and warning cells by colour through RangeAreas and puts the core's note on each", async () => {
    const { fx, host } = setup([source]);
    await host.normalize("zh-CN");
    const reg = fx.sheet(REGISTRY_SHEET);
    const marks = expected.plan.marks;
    expect(marks.some((m) => m.severity === "error")).toBe(true);
    expect(marks.some((m) => m.severity === "warning")).toBe(true);
    for (const m of marks) {
      expect(reg.style(m.row + 2, m.column + 1)).toMatchObject({
        fill: { color: m.severity === "error" ? "#FFC7CE" : "#FFEB9C" },
      });
    }
    // The bad gender and the bad ID number are errors, noted in their cells.
    const gender = address(2 + MESSY.badGender, col("性别") + 1);
    expect(reg.notes.find((n) => n.address === gender)?.text).toBe(
      marks.find((m) => m.row === MESSY.badGender && m.column === col("性别"))!.note
    );
    expect(reg.notes.map((n) => n.address).sort()).toEqual(
      marks.map((m) => address(m.row + 2, m.column + 1)).sort()
    );
    // A clean cell has no fill.
    expect(reg.style(60, col("姓名") + 1).fill).toBeUndefined();
    // Two colours: at most two RangeAreas at this size (one per severity), not one call per cell.
    expect(fx.calls.get("getRanges")).toBeLessThanOrEqual(2);
    expect(fx.calls.get("notes.add")).toBe(marks.length);
  });

  it("writes text that looks like a formula, a number or a boolean as that very text", async () => {
    const { fx, host } = setup([source]);
    await host.normalize("zh-CN");
    const reg = fx.sheet(REGISTRY_SHEET);
    const remarks = col("备注") + 1;
    TRICKY_REMARKS.forEach((t, i) => {
      const expectedText = expected.rows[i][col("备注")];
      expect(typeof expectedText).toBe("string");
      expect(reg.value(2 + i, remarks)).toBe(expectedText);
      expect(reg.formulas.has(`${2 + i},${remarks}`)).toBe(false);
    });
    expect(reg.value(2, remarks)).toBe("=SUM(A1:A3)");
    expect(reg.quoted.has(`2,${remarks}`)).toBe(true);
    // Plain text needs no apostrophe, and its cell keeps the General format.
    expect(reg.quoted.has(`2,${col("姓名") + 1}`)).toBe(false);
    expect(reg.format(2, remarks)).toBe("General");
    expect(reg.formulas.size).toBe(0);
  });

  it("validate (校验) reads in few syncs and writes nothing", async () => {
    const { fx, host } = setup([source]);
    const run = await host.validate("zh-CN");
    expect(run.result.counts).toEqual(expected.counts);
    expect(run.result.rows).toEqual(expected.rows);
    expect(fx.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fx.valueWrites).toHaveLength(0);
    expect(fx.syncs).toBe(3);
  });

  it("reports progress between phases, from 0 to 1", async () => {
    const { host } = setup([source]);
    const seen: [number, string][] = [];
    await host.normalize("zh-CN", (f, label) => seen.push([f, label]));
    const fractions = seen.map(([f]) => f);
    expect(fractions[0]).toBeLessThan(0.1);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(new Set(seen.map(([, l]) => l))).toEqual(
      new Set(["读取工作簿", "读取名册", "校验", "写入成员名册", "写入校验报告和变更记录", "完成"])
    );
  });
});

describe("normalize on older Excel (API sets missing)", () => {
  const source = registrySheet(30);

  it("ExcelApi 1.7: no drop-down lists, notes, RangeAreas or filter; each degradation noted", async () => {
    const { fx, host, notes } = setup([source], { maxApi: 7 });
    const run = await host.normalize("zh-CN");
    const reg = fx.sheet(REGISTRY_SHEET);
    expect(reg.validations).toHaveLength(0);
    expect(reg.notes).toHaveLength(0);
    expect(reg.comments).toHaveLength(0);
    expect(reg.autoFilter).toBeNull();
    expect(fx.calls.get("getRanges")).toBeUndefined();
    // The cells are still coloured, one range per run of cells.
    for (const m of run.result.plan.marks)
      expect(reg.style(m.row + 2, m.column + 1)).toMatchObject({
        fill: { color: m.severity === "error" ? "#FFC7CE" : "#FFEB9C" },
      });
    expect(run.notes).toEqual(notes);
    expect(notes.join("\n")).toMatch(/数据验证（需要 ExcelApi 1.8）/);
    expect(notes.join("\n")).toMatch(/不支持注释和批注（需要 ExcelApi 1.10）/);
    expect(notes.join("\n")).toMatch(/筛选按钮（需要 ExcelApi 1.9）/);
    expect(notes.join("\n")).toMatch(/合并单元格（需要 ExcelApi 1.13）/);
    expect(notes).toHaveLength(4);
    // Values and formats are written all the same.
    expect(reg.value(2, 2)).toBe(run.result.rows[0][1]);
    expect(reg.format(2, col("公民身份号码") + 1)).toBe("@");
    expect(reg.freeze).toEqual({ at: "A1:B1" });
  });

  it("ExcelApi 1.10 to 1.17: the problems go into comments instead of notes", async () => {
    const { fx, host, notes } = setup([source], { maxApi: 17 });
    const run = await host.normalize("en");
    const reg = fx.sheet(REGISTRY_SHEET);
    expect(reg.notes).toHaveLength(0);
    expect(reg.comments.map((c) => c.text)).toEqual(run.result.plan.marks.map((m) => m.note));
    expect(reg.validations.length).toBeGreaterThan(0);
    expect(notes).toEqual([
      "This Excel has no notes (ExcelApi 1.18): problems are explained in comments (ExcelApi 1.10).",
    ]);
  });
});

describe("normalize: where the registry comes from and goes to", () => {
  it("a second run reads 成员名册 and rewrites it in place, with the reports", async () => {
    const source = registrySheet(20);
    const { fx, host } = setup([source, { name: "备用", values: [["备用"]] }]);
    await host.normalize("zh-CN");
    const order = () => [...fx.sheets].sort((a, b) => a.position - b.position).map((s) => s.name);
    const before = order();
    fx.sheet(REGISTRY_SHEET).setValue(3, col("民族") + 1, "回");
    const run = await host.normalize("zh-CN");
    expect(run.sheetName).toBe(REGISTRY_SHEET);
    expect(run.notes).toEqual([expect.stringMatching(/^“成员名册”已按规范重写/)]);
    expect(order()).toEqual(before);
    expect(fx.sheet(REGISTRY_SHEET).value(3, col("民族") + 1)).toBe("回族");
    expect(run.result.changes.map((c) => [c.row, c.oldValue, c.newValue])).toEqual([
      [3, "回", "回族"],
    ]);
    expect(fx.sheet(CHANGE_LOG_SHEET).values("A2:E2")[0]).toEqual([
      3,
      expect.any(String),
      "民族",
      "回",
      "回族",
    ]);
    expect(fx.sheets).toHaveLength(5);
  });

  it("the active sheet wins a tie between two registries; output sheets are never taken for one", async () => {
    const a = registrySheet(5, "一支部");
    const b = registrySheet(8, "二支部");
    const { host } = setup([a, b], { active: "二支部" });
    expect((await host.validate("zh-CN")).sheetName).toBe("二支部");
    const { host: host2 } = setup([{ name: REPORT_SHEET, values: [["原行号", "姓名", "列"]] }, a]);
    expect((await host2.validate("zh-CN")).sheetName).toBe("一支部");
  });

  it("a sheet without a registry header: nothing is written, and the run says why", async () => {
    const { fx, host } = setup([{ name: "Sheet1", values: [["随便"], ["什么"]] }]);
    const run = await host.normalize("zh-CN");
    expect(run.result.header).toBeNull();
    expect(run.notes).toEqual(["找不到名册表头，未写入任何工作表。"]);
    expect(fx.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("reads the 1904 date system (probed through DATE), and writes dates in it", async () => {
    const source = registrySheet(10, "Sheet1", 1904);
    const expected = await packageResult(source, { asOf: AS_OF, date1904: true });
    const { fx, host } = setup([source], { date1904: true });
    const run = await host.normalize("zh-CN");
    expect(run.result.rows).toEqual(expected.rows);
    const birth = run.result.rows[0][col("出生日期")] as Date;
    expect(birth).toEqual(new Date(Date.UTC(1950, 0, 1)));
    expect(fx.sheet(REGISTRY_SHEET).value(2, col("出生日期") + 1)).toBe(dateToSerial(birth, 1904));
    expect(dateToSerial(birth, 1904)).not.toBe(dateToSerial(birth, 1900));
  });

  it("a value merged down rows is read in every row, as the package host reads it", async () => {
    const source = registrySheet(6);
    const branch = col("所在支部");
    for (let i = 3; i <= 6; i++) source.values![i][branch] = null;
    source.merges = [`${colLetters(branch + 1)}3:${colLetters(branch + 1)}7`, "A9:B9"];
    const expected = await packageResult(source, { asOf: AS_OF });
    const { host } = setup([source]);
    const run = await host.validate("zh-CN");
    expect(run.result.rows).toEqual(expected.rows);
    expect(run.result.rows.slice(1, 6).map((r) => r[branch])).toEqual(
      new Array(5).fill(source.values![2][branch])
    );
  });
});

describe("selectProblem", () => {
  const source = registrySheet(12);

  it("after 规范化: the problem's cell in 成员名册", async () => {
    const { fx, host } = setup([source]);
    const run = await host.normalize("zh-CN");
    const p = run.result.problems.find((x) => x.field === "gender")!;
    await host.selectProblem(p, run);
    expect(fx.active?.name).toBe(REGISTRY_SHEET);
    const row = run.result.sourceRows.indexOf(p.row) + 2;
    expect(fx.selected).toEqual({ sheet: REGISTRY_SHEET, address: address(row, col("性别") + 1) });
  });

  it("after 校验: the problem's cell in the source sheet", async () => {
    const shifted: SheetInit = { ...source, name: "原始名册", at: "C4" };
    const { fx, host } = setup([{ name: "封面", values: [["封面"]] }, shifted]);
    const run = await host.validate("zh-CN");
    expect(run.sheetName).toBe("原始名册");
    const p = run.result.problems.find((x) => x.field === "idNumber" && x.severity === "error")!;
    expect(p.row).toBe(4 + 1 + MESSY.badId);
    await host.selectProblem(p, run);
    expect(fx.active?.name).toBe("原始名册");
    expect(fx.selected).toEqual({ sheet: "原始名册", address: address(p.row, p.sourceColumn) });
    expect(fx.sheet("原始名册").value(p.row, p.sourceColumn)).toBe(p.value);
  });
});

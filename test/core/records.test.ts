import { CONTACT_LOG_HEADERS, SUGGESTION_LOG_HEADERS } from "../../src/core/docs/logs";
import {
  type AppendPlan,
  CONTACT_LOG,
  type ContactEntry,
  DATE_FORMAT,
  type EntryContext,
  TEXT_FORMAT,
  dayCell,
  idKey,
  memberFinder,
  peopleOf,
  planAppend,
  planContactLog,
  registryMembers,
  resolveMembers,
} from "../../src/core/records";
import { normalizeRegistry } from "../../src/core/registry";
import { quarterOf } from "../../src/core/summary/quarter";
import { summarizeQuarter } from "../../src/core/summary/compute";
import { digestSource } from "../../src/core/summary/sources";
import type { CellValue } from "../../src/core/types";
import { idOf, utc } from "./helpers";

const ZHANG = idOf("19700105", "002");
const LI = idOf("19800229", "011");
const WANG = idOf("19901220", "021");

const REGISTRY: CellValue[][] = [
  ["姓名", "公民身份号码", "所在支部", "手机号码", "家庭经济状况", "联系人", "建档日期"],
  ["张三", ZHANG, "机关支部", "13812345678", "困难", "李书记", utc(2024, 5, 1)],
  ["李四", LI, "机关支部", "13912345678", "一般", "李书记", utc(2025, 3, 1)],
  ["王五", WANG, "生产支部", "13712345678", "良好", "赵主任", utc(2026, 2, 1)],
  // 张三 again, recorded later in another branch (moved): one person.
  ["张三", ZHANG, "生产支部", null, null, "赵主任", utc(2026, 6, 1)],
  // Two people called 陈七, without ID numbers.
  ["陈七", null, "机关支部", null, null, null, null],
  ["陈七", null, "生产支部", null, null, null, null],
];

const TODAY = utc(2026, 12, 5);
/** The day of the entries below. */
const DAY = utc(2026, 12, 1);
const members = registryMembers(normalizeRegistry(REGISTRY, { asOf: TODAY }));
const ctx = (log: EntryContext["log"] = null): EntryContext => ({
  today: TODAY,
  members,
  log,
});

/** What the host does with a plan, on a grid (row 1 first). */
function apply(grid: readonly (readonly CellValue[])[] | null, plan: AppendPlan): CellValue[][] {
  const g = (grid ?? []).map((r) => [...r]);
  const set = (r: number, c: number, v: CellValue) => {
    while (g.length < r) g.push([]);
    while (g[r - 1].length < c) g[r - 1].push(null);
    g[r - 1][c - 1] = v;
  };
  plan.header?.forEach((h, i) => set(plan.headerRow, i + 1, h));
  for (const h of plan.addedHeaders) set(plan.headerRow, h.column, h.value);
  for (const r of plan.rows) for (const c of r.cells) set(r.row, c.column, c.value);
  return g;
}

const entry = (over: Partial<ContactEntry> = {}): ContactEntry => ({
  members: [{ name: "李四" }],
  date: DAY,
  type: "谈心谈话",
  content: "了解家庭情况",
  ...over,
});

describe("the registry's members", () => {
  it("are read from the engine's output with their registry rows", () => {
    expect(members.map((m) => [m.name, m.idNumber, m.branch, m.row])).toEqual([
      ["张三", ZHANG, "机关支部", 2],
      ["李四", LI, "机关支部", 3],
      ["王五", WANG, "生产支部", 4],
      ["张三", ZHANG, "生产支部", 5],
      ["陈七", null, "机关支部", 6],
      ["陈七", null, "生产支部", 7],
    ]);
    // 出生日期 from the ID number when the registry has none.
    expect(members[1].birthDate).toEqual(utc(1980, 2, 29));
    expect(members[0]).toMatchObject({
      mobile: "13812345678",
      familyEconomy: "困难",
      contactCadre: "李书记",
      recordedOn: utc(2024, 5, 1),
    });
  });

  it("leave out what is not canonical and rows with neither name nor ID", () => {
    const read = registryMembers({
      columns: [
        { header: "姓名", field: "name", sourceColumn: 1 },
        { header: "公民身份号码", field: "idNumber", sourceColumn: 2 },
        { header: "家庭经济状况", field: "familyEconomy", sourceColumn: 3 },
      ],
      rows: [
        ["甲", "12345", "很困难"],
        [null, null, "困难"],
        ["  ", ZHANG, null],
      ],
      sourceRows: [4, 5, 6],
    });
    expect(read).toEqual([
      expect.objectContaining({ name: "甲", idNumber: null, familyEconomy: null, row: 4 }),
      expect.objectContaining({ name: "", idNumber: ZHANG, birthDate: utc(1970, 1, 5), row: 6 }),
    ]);
  });

  it("are counted once when two branches list the same ID number: the later record, gaps filled", () => {
    const people = peopleOf(members);
    expect(people.map((p) => p.key)).toEqual([ZHANG, LI, WANG, "row:6", "row:7"]);
    const zhang = people[0];
    expect(zhang.rows).toEqual([2, 5]);
    expect(zhang.branches).toEqual(["机关支部", "生产支部"]);
    expect(zhang.member).toMatchObject({
      branch: "生产支部",
      row: 5,
      contactCadre: "赵主任",
      // Empty in the later record: taken from the earlier one.
      mobile: "13812345678",
      familyEconomy: "困难",
      recordedOn: utc(2026, 6, 1),
    });
  });

  it("of records equally dated or undated, the later row wins", () => {
    const twice = peopleOf([
      { ...members[0], recordedOn: null, branch: "甲", row: 2 },
      { ...members[0], recordedOn: null, branch: "乙", row: 9 },
    ]);
    expect(twice).toHaveLength(1);
    expect(twice[0].member.branch).toBe("乙");
  });
});

describe("linking a log row to a member: by ID number, then by a unique name", () => {
  const people = peopleOf(members);
  const find = memberFinder(people);
  it("finds by ID number whatever the name says (a name typed wrong)", () => {
    expect(find({ id: ZHANG, name: "张山" })?.key).toBe(ZHANG);
  });
  it("finds by name when the ID number is empty or no member has it", () => {
    expect(find({ id: null, name: "李四" })?.key).toBe(LI);
    expect(find({ id: idOf("19991231"), name: "王五" })?.key).toBe(WANG);
  });
  it("finds no one by a name two people have, nor by nothing", () => {
    expect(find({ name: "陈七" })).toBeUndefined();
    expect(find({ id: null, name: null })).toBeUndefined();
    expect(find({ name: "不在名册" })).toBeUndefined();
  });
  it("finds a member of two branches by name: one person, not two", () => {
    expect(find({ name: "张三" })?.key).toBe(ZHANG);
  });
});

describe("a form's members found in the registry", () => {
  const people = peopleOf(members);
  it("by ID number as typed (spaces, full-width digits, a 15-digit number)", () => {
    const spaced = `${ZHANG.slice(0, 6)} ${ZHANG.slice(6, 14)} ${ZHANG.slice(14)}`;
    const full = LI.replace(/\d/g, (d) => String.fromCharCode(0xff10 + +d));
    const old = idOf("19590315", "123");
    const oldPeople = peopleOf([{ ...members[2], idNumber: old, row: 9 }]);
    expect(idKey(spaced)).toBe(ZHANG);
    const r = resolveMembers([{ id: spaced }, { id: full }], people);
    expect(r.ok && r.people.map((p) => p.key)).toEqual([ZHANG, LI]);
    const r15 = resolveMembers([{ id: `110105590315123` }], oldPeople);
    expect(r15.ok && r15.people[0].key).toBe(old);
  });
  it("by name (spaces ignored) and by registry row, each once", () => {
    const r = resolveMembers([{ name: "李 四" }, { row: 5 }, { row: 2 }, { id: LI }], people);
    expect(r.ok && r.people.map((p) => p.key)).toEqual([LI, ZHANG]);
  });
  it("refuses a row that no longer holds the member the form showed (registry sorted since)", () => {
    expect(resolveMembers([{ row: 2, name: "张 三" }], people)).toMatchObject({ ok: true });
    expect(
      resolveMembers(
        [
          { row: 2, name: "李四" },
          { row: 99, name: "王五" },
        ],
        people
      )
    ).toEqual({
      ok: false,
      errors: [
        { code: "member-moved", params: { row: 2, name: "李四" } },
        { code: "member-moved", params: { row: 99, name: "王五" } },
      ],
    });
  });
  it("says which are not found, or ambiguous, or that none was given", () => {
    const r = resolveMembers(
      [{ name: "陈七" }, { name: "赵六" }, { row: 99 }, { id: "123" }, { name: "" }],
      people
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        { code: "member-ambiguous", params: { name: "陈七", count: 2 } },
        { code: "member-not-found", params: { by: "name", value: "赵六" } },
        { code: "member-not-found", params: { by: "row", value: "99" } },
        { code: "member-not-found", params: { by: "id", value: "123" } },
        { code: "member-not-found", params: { by: "name", value: "" } },
      ],
    });
    expect(resolveMembers([], people)).toEqual({
      ok: false,
      errors: [{ code: "member-missing", params: {} }],
    });
  });
});

describe("记录联谊活动: rows for 联谊活动记录", () => {
  it("makes the log when there is none: header, then one row in header order", () => {
    const r = planContactLog(entry({ followUp: "下月回访" }), ctx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan).toEqual({
      sheet: "联谊活动记录",
      create: true,
      headerRow: 1,
      header: CONTACT_LOG_HEADERS,
      addedHeaders: [],
      rows: [
        {
          row: 2,
          cells: [
            { column: 1, value: utc(2026, 12, 1), numFmt: DATE_FORMAT },
            { column: 2, value: "李四" },
            { column: 3, value: LI, numFmt: TEXT_FORMAT },
            { column: 4, value: "谈心谈话" },
            { column: 5, value: "了解家庭情况" },
            // 联系人 from the registry.
            { column: 6, value: "李书记" },
            { column: 7, value: "下月回访" },
          ],
        },
      ],
    });
    expect(r.people.map((p) => p.name)).toEqual(["李四"]);
  });

  it("defaults the date to today, and takes a date of today", () => {
    const r = planContactLog(entry({ date: undefined }), ctx());
    expect(r.ok && r.plan.rows[0].cells[0].value).toEqual(TODAY);
    // A time of day is no other day.
    const t = planContactLog(entry({ date: new Date(Date.UTC(2026, 11, 5, 23, 59)) }), ctx());
    expect(t.ok && t.plan.rows[0].cells[0].value).toEqual(TODAY);
  });

  it("writes the member a form showed on a row, and refuses the row once it holds someone else", () => {
    const shown = planContactLog(entry({ members: [{ row: 2, name: "张三" }] }), ctx());
    expect(shown.ok && shown.people.map((p) => p.name)).toEqual(["张三"]);
    const moved = planContactLog(entry({ members: [{ row: 2, name: "李四" }] }), ctx());
    expect(moved).toEqual({
      ok: false,
      errors: [{ code: "member-moved", params: { row: 2, name: "李四" } }],
    });
  });

  it("makes one row per member for several at once, each member once, 联系人 their own", () => {
    const r = planContactLog(
      entry({
        members: [{ row: 2 }, { name: "李四" }, { id: WANG }, { id: ZHANG }],
        type: "学习活动",
        content: "学习会议精神",
      }),
      ctx()
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const grid = apply(null, r.plan);
    expect(grid).toEqual([
      CONTACT_LOG_HEADERS,
      [DAY, "张三", ZHANG, "学习活动", "学习会议精神", "赵主任", null],
      [DAY, "李四", LI, "学习活动", "学习会议精神", "李书记", null],
      [DAY, "王五", WANG, "学习活动", "学习会议精神", "赵主任", null],
    ]);
  });

  it("writes the 联系人 given instead of the registry's", () => {
    const r = planContactLog(entry({ contact: " 周部长 " }), ctx());
    expect(r.ok && r.plan.rows[0].cells[5].value).toBe("周部长");
  });

  it("appends under an existing log by its headers: another order, other words, extra columns", () => {
    const log = {
      name: "联谊活动记录",
      rows: [
        ["××公司联谊活动记录（2026年）"],
        ["序号", "身份证号", "成员姓名", "活动日期", "内容", "备注", "活动类型", "联系人"],
        [1, ZHANG, "张三", utc(2026, 3, 1), "走访", "已归档", "谈心谈话", "李书记"],
        [],
        // Something under a column of its own only, below the log: not overwritten.
        [null, null, null, null, null, "见附件"],
        [],
      ],
    };
    const r = planContactLog(entry({ followUp: "跟进" }), ctx(log));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan).toMatchObject({
      sheet: "联谊活动记录",
      create: false,
      headerRow: 2,
      header: null,
    });
    // 跟进情况 is missing: added after the last header.
    expect(r.plan.addedHeaders).toEqual([{ column: 9, value: "跟进情况" }]);
    expect(r.plan.rows.map((x) => x.row)).toEqual([6]);
    const grid = apply(log.rows, r.plan);
    expect(grid[1]).toEqual([...log.rows[1], "跟进情况"]);
    expect(grid[5]).toEqual([
      null,
      LI,
      "李四",
      utc(2026, 12, 1),
      "了解家庭情况",
      null,
      "谈心谈话",
      "李书记",
      "跟进",
    ]);
    expect(grid.slice(0, 5)).toEqual(
      log.rows.slice(0, 5).map((row, i) => (i === 1 ? grid[1] : row))
    );
    // The ID number is written as text wherever its column is.
    expect(r.plan.rows[0].cells.find((c) => c.column === 2)).toEqual({
      column: 2,
      value: LI,
      numFmt: TEXT_FORMAT,
    });
  });

  it("writes the header into an existing empty sheet (of another name too)", () => {
    const r = planContactLog(entry(), ctx({ name: "联谊活动", rows: [[], [null, "  "]] }));
    expect(r.ok && r.plan).toMatchObject({
      sheet: "联谊活动",
      create: false,
      headerRow: 1,
      header: CONTACT_LOG_HEADERS,
      rows: [{ row: 2 }],
    });
  });

  it("refuses a sheet that holds data but no header of the log", () => {
    const r = planContactLog(
      entry(),
      ctx({ name: "联谊活动记录", rows: [["随手记"], ["张三来访"]] })
    );
    expect(r).toEqual({
      ok: false,
      errors: [{ code: "log-unrecognised", params: { sheet: "联谊活动记录" } }],
    });
  });

  it("refuses a date in the future, empty content, an unknown type, a member not in the registry: all at once", () => {
    const r = planContactLog(
      {
        members: [{ name: "李四" }, { name: "赵六" }],
        date: utc(2026, 12, 6),
        type: "聚餐",
        content: " \u3000 ",
      },
      ctx({ name: "联谊活动记录", rows: [["随手记"]] })
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        { code: "member-not-found", params: { by: "name", value: "赵六" } },
        { code: "date-in-future", params: { date: "2026-12-06", today: "2026-12-05" } },
        {
          code: "type-invalid",
          params: { value: "聚餐", allowed: ["谈心谈话", "学习活动", "困难帮扶", "其他"] },
        },
        { code: "content-empty", params: {} },
        { code: "log-unrecognised", params: { sheet: "联谊活动记录" } },
      ],
    });
  });

  it("takes a type typed with spaces or full-width, and refuses an invalid date or a bad shape", () => {
    const r = planContactLog(entry({ type: " 困难 帮扶 " }), ctx());
    expect(r.ok && r.plan.rows[0].cells[3].value).toBe("困难帮扶");
    expect(planContactLog(entry({ date: new Date(NaN) }), ctx())).toEqual({
      ok: false,
      errors: [{ code: "date-invalid", params: {} }],
    });
    const bad = { ...entry(), content: 42 } as unknown as ContactEntry;
    expect(planContactLog(bad, ctx())).toEqual({
      ok: false,
      errors: [{ code: "entry-invalid", params: { field: "content" } }],
    });
  });

  it("writes a day before the date system's first as text, as the registry does", () => {
    expect(dayCell(utc(2026, 12, 1), 1904)).toEqual(utc(2026, 12, 1));
    expect(dayCell(utc(1899, 12, 31), 1900)).toBe("1899-12-31");
    expect(dayCell(utc(1903, 6, 1), 1904)).toBe("1903-06-01");
  });

  it("refuses rows past Excel's last row", () => {
    const empty: CellValue[] = [];
    const rows: CellValue[][] = new Array<CellValue[]>(1_048_576).fill(empty);
    rows[0] = [...CONTACT_LOG_HEADERS];
    rows[1_048_575] = ["x"];
    expect(planAppend(CONTACT_LOG, { name: "联谊活动记录", rows }, [{}])).toEqual({
      ok: false,
      errors: [{ code: "log-full", params: { sheet: "联谊活动记录", limit: 1_048_576 } }],
    });
    rows[1_048_575] = empty;
    rows[1_048_574] = ["x"];
    const last = planAppend(CONTACT_LOG, { name: "联谊活动记录", rows }, [{}]);
    expect(last.ok && last.plan.rows[0].row).toBe(1_048_576);
  });

  it("writes rows the quarterly summary links to their members (by ID number)", () => {
    const first = planContactLog(entry({ date: utc(2026, 11, 2) }), ctx());
    if (!first.ok) throw new Error("refused");
    let log = apply(null, first.plan);
    const second = planContactLog(
      entry({ members: [{ row: 5 }], date: utc(2026, 11, 3), type: "困难帮扶", content: "慰问" }),
      ctx({ name: "联谊活动记录", rows: log })
    );
    if (!second.ok) throw new Error("refused");
    expect(second.plan.rows.map((r) => r.row)).toEqual([3]);
    log = apply(log, second.plan);
    // A name typed wrong by hand beside the right ID number is still 张三's.
    log[2][1] = "张山";
    const q = summarizeQuarter(
      [
        {
          file: "台账.xlsx",
          asOf: TODAY,
          sheets: [
            { name: "成员名册", rows: REGISTRY.map((values) => ({ values })) },
            { name: "联谊活动记录", rows: log.map((values) => ({ values })) },
          ],
        },
      ],
      quarterOf(2026, 4)
    );
    expect(q.figures.谈心谈话次数).toBe(1);
    expect(q.figures.困难帮扶次数).toBe(1);
    expect(q.uncontacted.map((m) => m.name)).toEqual(["王五", "陈七", "陈七"]);
    const digest = digestSource({
      file: "台账.xlsx",
      asOf: TODAY,
      sheets: [{ name: "联谊活动记录", rows: log.map((values) => ({ values })) }],
    });
    expect(digest.events.map((e) => [e.id, e.name, e.type])).toEqual([
      [LI, "李四", "谈心谈话"],
      [ZHANG, "张山", "困难帮扶"],
    ]);
  });
});

describe("the log headers the rows follow", () => {
  it("are DOMAIN.md's, in order", () => {
    expect(CONTACT_LOG.headers).toEqual([
      "活动日期",
      "成员姓名",
      "公民身份号码",
      "活动类型",
      "内容",
      "联系人",
      "跟进情况",
    ]);
    expect(SUGGESTION_LOG_HEADERS).toEqual([
      "提出日期",
      "提出人",
      "公民身份号码",
      "内容",
      "是否采纳",
      "落实情况",
    ]);
  });
});

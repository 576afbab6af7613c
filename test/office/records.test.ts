/**
 * The Office host's contact and suggestion forms and care lists, on a fake Excel built on
 * office-addin-mock: rows appended to a log that is missing, that has rows, whose header is in
 * another order; suggestions updated in place; the 关怀提醒 sheet; and a fixed number of syncs
 * whatever the log's length.
 */
import { CONTACT_LOG_HEADERS, SUGGESTION_LOG_HEADERS } from "../../src/core/docs/logs";
import { dateToSerial } from "../../src/core/rules/dates";
import { apiSupportUpTo } from "../../src/hosts/office/api";
import { OfficeLedgerHost } from "../../src/hosts/office/officeHost";
import { FakeExcel, type SheetInit } from "./fakeExcel";
import { col, memberRow, registrySheet } from "./registryData";

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const AS_OF = utc(2026, 12, 1);
const serial = (y: number, m: number, d: number) => dateToSerial(utc(y, m, d), 1900);

function setup(sheets: SheetInit[]) {
  const fx = new FakeExcel(sheets);
  const host = new OfficeLedgerHost({ run: fx.run, api: apiSupportUpTo(18), asOf: AS_OF });
  return { fx, host };
}

const registry = registrySheet(12, "成员名册");
/** Member i of the registry (row i + 2): name and ID number. */
const member = (i: number) => {
  const v = memberRow(i).values;
  return { name: String(v[col("姓名")]), id: String(v[col("公民身份号码")]) };
};

const contact = (rows: number[], extra: Record<string, unknown> = {}) => ({
  members: rows.map((row) => ({ row })),
  date: utc(2026, 11, 20),
  type: "谈心谈话",
  content: "了解近况",
  ...extra,
});

describe("Office host: 记录联谊活动", () => {
  it("makes 联谊活动记录 when missing: DOMAIN.md's header, one row per member, ID numbers as text", async () => {
    const { fx, host } = setup([registry]);
    const r = await host.recordContact(contact([2, 3]));
    expect(r).toEqual({
      ok: true,
      written: { sheet: "联谊活动记录", created: true, rows: [2, 3] },
    });
    const log = fx.sheet("联谊活动记录");
    expect(log.values("A1:G1")[0]).toEqual(CONTACT_LOG_HEADERS);
    for (const [row, i] of [
      [2, 0],
      [3, 1],
    ]) {
      expect(log.values(`A${row}:G${row}`)[0]).toEqual([
        serial(2026, 11, 20),
        member(i).name,
        member(i).id,
        "谈心谈话",
        "了解近况",
        "李书记",
        "",
      ]);
      expect(typeof log.value(row, 3)).toBe("string");
      expect(log.format(row, 3)).toBe("@");
      expect(log.format(row, 1)).toBe("yyyy-mm-dd");
    }
    expect(log.freeze).toEqual({ rows: 1 });
    expect(log.style(1, 1)).toMatchObject({ font: { bold: true } });
    // Workbook, sheet heads, every sheet read, the writes.
    expect(fx.syncs).toBe(4);
  });

  it("appends under a log with rows, each value under its header in another order; missing headers added", async () => {
    const old = [
      ["张三", "自带列", "110105195001010011", serial(2026, 3, 1), "学习活动", "学习"],
      ["李四", "x", "110105195001020011", serial(2026, 4, 1), "其他", "走访"],
    ];
    const { fx, host } = setup([
      registry,
      {
        name: "联谊活动记录",
        values: [["成员姓名", "备注", "身份证号", "活动日期", "活动类型", "内容"], ...old],
        formats: [[], ["General", "General", "@"], ["General", "General", "@"]],
      },
    ]);
    // 备注 of the next rows holds a formula showing nothing yet (the row counts as empty): kept.
    const numbering = '=IF(A4="","",ROW()-3)';
    fx.sheet("联谊活动记录").formulas.set("4,2", numbering);
    const r = await host.recordContact(contact([4], { contact: "王部长", followUp: "下月回访" }));
    expect(r.ok && r.written).toEqual({ sheet: "联谊活动记录", created: false, rows: [4] });
    const log = fx.sheet("联谊活动记录");
    expect(log.formulas.get("4,2")).toBe(numbering);
    expect(log.values("A1:H1")[0]).toEqual([
      "成员姓名",
      "备注",
      "身份证号",
      "活动日期",
      "活动类型",
      "内容",
      "联系人",
      "跟进情况",
    ]);
    // The rows that were there are as they were.
    expect(log.values("A2:F3")).toEqual(old);
    expect(log.values("A4:H4")[0]).toEqual([
      member(2).name,
      "",
      member(2).id,
      serial(2026, 11, 20),
      "谈心谈话",
      "了解近况",
      "王部长",
      "下月回访",
    ]);
    expect(log.format(4, 3)).toBe("@");
  });

  it("needs the same number of syncs for a log of 10 rows and one of 3,000", async () => {
    const logOf = (n: number): SheetInit => ({
      name: "联谊活动记录",
      values: [
        CONTACT_LOG_HEADERS,
        ...Array.from({ length: n }, (_, i) => [
          serial(2026, 1, 1) + (i % 300),
          member(i % 12).name,
          member(i % 12).id,
          "谈心谈话",
          `第${i + 1}次`,
          "李书记",
          null,
        ]),
      ],
    });
    const syncs: number[] = [];
    for (const n of [10, 3000]) {
      const { fx, host } = setup([registry, logOf(n)]);
      const r = await host.recordContact(contact([2, 3, 5]));
      expect(r.ok && r.written.rows).toEqual([n + 2, n + 3, n + 4]);
      expect(fx.sheet("联谊活动记录").value(n + 4, 2)).toBe(member(3).name);
      syncs.push(fx.syncs);
    }
    expect(syncs[1]).toBe(syncs[0]);
    expect(syncs[0]).toBe(4);
  });

  it("writes nothing for a date after today, an empty 内容 or a member not in the registry", async () => {
    const { fx, host } = setup([registry]);
    const r = await host.recordContact(
      contact([2, 999], { date: utc(2026, 12, 2), content: "  " })
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.code).sort()).toEqual([
      "content-empty",
      "date-in-future",
      "member-not-found",
    ]);
    expect(fx.sheets.map((s) => s.name)).toEqual(["成员名册"]);
    expect(fx.valueWrites).toHaveLength(0);
  });

  it("refuses a member whose registry row was sorted away since the pane listed it, writing nothing", async () => {
    const { fx, host } = setup([registry]);
    const [first, second] = (await host.members()).members;
    // The pane listed first on its row; the registry was sorted since, and the row now holds second.
    const sorted = {
      ...registry,
      values: [registry.values![0], ...registry.values!.slice(1).reverse()],
    };
    const { fx: fx2, host: host2 } = setup([sorted]);
    const r = await host2.recordContact({
      ...contact([]),
      members: [{ row: first.row, name: first.name }],
    });
    expect(r).toEqual({
      ok: false,
      errors: [{ code: "member-moved", params: { row: first.row, name: first.name } }],
    });
    expect(fx2.sheets.map((s) => s.name)).toEqual(["成员名册"]);
    expect(fx2.valueWrites).toHaveLength(0);
    // Unsorted, the same form writes that member.
    const ok = await host.recordContact({
      ...contact([]),
      members: [{ row: second.row, name: second.name }],
    });
    expect(ok.ok).toBe(true);
    expect(fx.sheet("联谊活动记录").value(2, 2)).toBe(second.name);
  });

  it("lists the registry's members once each, ID numbers masked", async () => {
    const { host } = setup([registry]);
    const list = await host.members();
    expect(list.sheet).toBe("成员名册");
    expect(list.members[0]).toEqual({
      row: 2,
      name: member(0).name,
      branch: expect.any(String),
      branches: [expect.any(String)],
      id: member(0).id.slice(0, 6) + "********" + member(0).id.slice(14),
      contactCadre: "李书记",
    });
    expect(JSON.stringify(list)).not.toMatch(/\d{17}[\dX]/);
  });
});

describe("Office host: 意见建议", () => {
  it("appends a suggestion, lists it as open, and updates only 是否采纳 and 落实情况 in place", async () => {
    const { fx, host } = setup([
      registry,
      {
        name: "意见建议",
        values: [
          SUGGESTION_LOG_HEADERS,
          [serial(2026, 5, 1), "张三", null, "食堂", "是", "已落实"],
        ],
      },
    ]);
    const r = await host.recordSuggestion({
      proposer: { row: 2 },
      date: utc(2026, 11, 30),
      content: "增加夜班班车",
    });
    expect(r.ok && r.written.rows).toEqual([3]);
    const log = fx.sheet("意见建议");
    expect(log.values("A3:F3")[0]).toEqual([
      serial(2026, 11, 30),
      member(0).name,
      member(0).id,
      "增加夜班班车",
      "待定",
      "",
    ]);
    const open = await host.openSuggestions();
    expect(open.total).toBe(2);
    expect(open.open.map((s) => [s.row, s.content, s.adopted])).toEqual([
      [3, "增加夜班班车", "待定"],
    ]);
    const before = log.values("A1:F3");
    const u = await host.updateSuggestions([{ row: 3, adopted: "是", carriedOut: "12月起试运行" }]);
    expect(u).toEqual({ ok: true, updated: { sheet: "意见建议", cells: 2 } });
    const after = log.values("A1:F3");
    before[2][4] = "是";
    before[2][5] = "12月起试运行";
    expect(after).toEqual(before);
    expect((await host.openSuggestions()).open).toEqual([]);
    const bad = await host.updateSuggestions([{ row: 3, adopted: "也许" }]);
    expect(bad.ok).toBe(false);
    expect(log.value(3, 5)).toBe("是");
  });

  it("adds 落实情况 to a log without it when a listed suggestion is closed", async () => {
    const { fx, host } = setup([
      registry,
      {
        name: "意见建议",
        values: [
          ["提出日期", "提出人", "内容", "是否采纳"],
          [serial(2026, 5, 1), "张三", "食堂", "是"],
        ],
      },
    ]);
    const open = await host.openSuggestions();
    expect(open.open.map((s) => [s.row, s.reason])).toEqual([[2, "not-carried-out"]]);
    const u = await host.updateSuggestions([{ row: 2, carriedOut: "已增加窗口" }]);
    expect(u).toEqual({ ok: true, updated: { sheet: "意见建议", cells: 1 } });
    const log = fx.sheet("意见建议");
    expect(log.values("A1:E2")).toEqual([
      ["提出日期", "提出人", "内容", "是否采纳", "落实情况"],
      [serial(2026, 5, 1), "张三", "食堂", "是", "已增加窗口"],
    ]);
    expect(log.style(1, 5)).toMatchObject({ font: { bold: true } });
    expect((await host.openSuggestions()).open).toEqual([]);
  });
});

describe("Office host: 关怀提醒", () => {
  it("writes the printable, masked sheet and selects a member's row", async () => {
    const { fx, host } = setup([registry]);
    const run = await host.writeCareSheet({ asOf: AS_OF, days: 30 });
    expect(run.sheetName).toBe("关怀提醒-2026-12-01");
    expect(run.registrySheet).toBe("成员名册");
    // Nobody has been contacted in 2026: all on that list.
    expect(run.lists.uncontacted).toHaveLength(12);
    const sheet = fx.sheet("关怀提醒-2026-12-01");
    expect(sheet.value(1, 1)).toBe("统战成员关怀提醒");
    const all = sheet.grid.flat().map(String).join("\n");
    expect(all).toContain(member(0).name);
    expect(all).not.toMatch(/\d{17}[\dX]/);
    expect(all).not.toMatch(/1\d{10}/);
    expect(sheet.page).toMatchObject({ paperSize: "A4", orientation: "Landscape" });
    expect(fx.active?.name).toBe("关怀提醒-2026-12-01");
    await host.selectMember(run.lists.uncontacted[3].member.row, run.registrySheet);
    expect(fx.selected).toEqual({ sheet: "成员名册", address: "A5" });
  });

  it("links a contact recorded through the form: the member leaves the uncontacted list", async () => {
    const { host } = setup([registry]);
    await host.recordContact(contact([2]));
    const run = await host.careLists({ asOf: AS_OF });
    expect(run.lists.uncontacted.map((e) => e.member.row)).not.toContain(2);
    expect(run.lists.uncontacted).toHaveLength(11);
  });
});

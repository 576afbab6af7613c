/**
 * The workbook host (the standalone page's, on a package) records contacts and suggestions,
 * updates suggestions in place and writes 关怀提醒, on real .xlsx bytes written by exceljs and read
 * back with exceljs: the new rows, the cells that did not change, the styles kept, and the
 * quarterly summary counting what the forms wrote.
 */
import ExcelJS from "exceljs";
import { summarizeQuarter } from "../../../src/core/summary/compute";
import { quarterOf } from "../../../src/core/summary/quarter";
import { CONTACT_LOG_HEADERS, SUGGESTION_LOG_HEADERS } from "../../../src/core/docs/logs";
import { localToday } from "../../../src/hosts/localClock";
import { WorkbookHost, openPackage } from "../../../src/hosts/exceljs/browser/workbookHost";
import { packageSource } from "../../../src/hosts/exceljs/summary/packageSource";
import { idFor } from "../../fixtures/branchWorkbooks";

const FILE = "台账.xlsx";
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const REGISTRY_HEADERS = [
  "序号",
  "姓名",
  "性别",
  "出生日期",
  "公民身份号码",
  "所在支部",
  "家庭经济状况",
  "联系人",
  "建档日期",
];
const PEOPLE = [
  { name: "张伟", id: idFor("19700315", 1, true), branch: "机关支部", economy: "一般" },
  { name: "王芳", id: idFor("19821224", 2, false), branch: "机关支部", economy: "困难" },
  { name: "李强", id: idFor("19650101", 3, true), branch: "一车间支部", economy: "良好" },
];

type Cells = (string | number | Date | null)[][];

/** A workbook: 成员名册 plus the sheets given (values from A1; a fill on cells named "fill"). */
async function workbook(sheets: { name: string; rows: Cells; fill?: string[] }[] = []) {
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet("成员名册");
  reg.addRow(REGISTRY_HEADERS);
  PEOPLE.forEach((p, i) =>
    reg.addRow([
      i + 1,
      p.name,
      i === 1 ? "女" : "男",
      null,
      p.id,
      p.branch,
      p.economy,
      "李书记",
      utc(2026, 1, 5),
    ])
  );
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r) => ws.addRow(r));
    for (const a of s.fill ?? [])
      ws.getCell(a).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function hostOf(bytes: Uint8Array) {
  const selected: [string, number, number][] = [];
  const host = new WorkbookHost(bytes, await openPackage(bytes, FILE), FILE, (s, r, c) =>
    selected.push([s, r, c])
  );
  return { host, selected };
}

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const rowValues = (ws: ExcelJS.Worksheet, r: number, width: number) =>
  Array.from({ length: width }, (_, i) => {
    const v = ws.getRow(r).getCell(i + 1).value;
    return v === undefined ? null : v;
  });

const entry = (rows: number[], extra: Record<string, unknown> = {}) => ({
  members: rows.map((row) => ({ row })),
  date: utc(2026, 11, 20),
  type: "学习活动",
  content: "学习会议精神",
  ...extra,
});

describe("workbook host: 记录联谊活动", () => {
  it("makes 联谊活动记录 with one row per member; the IDs are text; the other sheets are kept", async () => {
    const before = await workbook();
    const { host } = await hostOf(before);
    const r = await host.recordContact(entry([2, 3]));
    expect(r).toEqual({
      ok: true,
      written: { sheet: "联谊活动记录", created: true, rows: [2, 3] },
    });
    const wb = await read(host.toBytes());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["成员名册", "联谊活动记录"]);
    const log = wb.getWorksheet("联谊活动记录")!;
    expect(rowValues(log, 1, 7)).toEqual(CONTACT_LOG_HEADERS);
    expect(rowValues(log, 2, 7)).toEqual([
      utc(2026, 11, 20),
      "张伟",
      PEOPLE[0].id,
      "学习活动",
      "学习会议精神",
      "李书记",
      null,
    ]);
    expect(rowValues(log, 3, 7).slice(1, 3)).toEqual(["王芳", PEOPLE[1].id]);
    expect(log.getCell("C2").numFmt).toBe("@");
    expect(log.getCell("A2").numFmt).toBe("yyyy-mm-dd");
    const reg = (await read(before)).getWorksheet("成员名册")!;
    const regAfter = wb.getWorksheet("成员名册")!;
    for (let r = 1; r <= 4; r++) expect(rowValues(regAfter, r, 9)).toEqual(rowValues(reg, r, 9));
  });

  it("appends under a log whose header is in another order, keeping its rows, its own column and its styles", async () => {
    const old: Cells = [
      ["备注", "成员姓名", "活动类型", "身份证号", "活动日期", "内容"],
      ["自带", "李强", "其他", PEOPLE[2].id, utc(2026, 2, 1), "走访"],
      [null, "张伟", "谈心谈话", PEOPLE[0].id, utc(2026, 3, 1), "谈心"],
    ];
    const { host } = await hostOf(
      await workbook([{ name: "联谊活动记录", rows: old, fill: ["B2"] }])
    );
    const r = await host.recordContact(
      entry([4], { type: "困难帮扶", contact: "王部长", followUp: "送慰问金" })
    );
    expect(r.ok && r.written).toEqual({ sheet: "联谊活动记录", created: false, rows: [4] });
    const log = (await read(host.toBytes())).getWorksheet("联谊活动记录")!;
    expect(rowValues(log, 1, 8)).toEqual([...(old[0] as string[]), "联系人", "跟进情况"]);
    expect(rowValues(log, 2, 6)).toEqual(old[1]);
    expect(rowValues(log, 3, 6)).toEqual(old[2]);
    expect(log.getCell("B2").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    expect(rowValues(log, 4, 8)).toEqual([
      null,
      "李强",
      "困难帮扶",
      PEOPLE[2].id,
      utc(2026, 11, 20),
      "学习会议精神",
      "王部长",
      "送慰问金",
    ]);
  });

  it("keeps the format of empty rows made ready for the log, a date or an ID number adding only its number format", async () => {
    const ready = ["A2", "B2", "C2", "D2", "E2", "F2", "G2", "A3"];
    const { host } = await hostOf(
      await workbook([{ name: "联谊活动记录", rows: [CONTACT_LOG_HEADERS], fill: ready }])
    );
    const r = await host.recordContact(entry([2]));
    expect(r.ok && r.written.rows).toEqual([2]);
    const log = (await read(host.toBytes())).getWorksheet("联谊活动记录")!;
    expect(rowValues(log, 2, 3)).toEqual([utc(2026, 11, 20), "张伟", PEOPLE[0].id]);
    for (const a of ready)
      expect([a, log.getCell(a).fill]).toEqual([
        a,
        expect.objectContaining({ fgColor: { argb: "FFFFFF00" } }),
      ]);
    expect(log.getCell("A2").numFmt).toBe("yyyy-mm-dd");
    expect(log.getCell("C2").numFmt).toBe("@");
    expect(log.getCell("B2").numFmt).toBeUndefined();
    expect(log.getCell("A3").value).toBeNull();
  });

  it("writes nothing when the entry cannot be written, and says every reason", async () => {
    const before = await workbook();
    const { host } = await hostOf(before);
    const r = await host.recordContact(
      entry([2], { date: new Date(localToday().getTime() + 86400000), content: "" })
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.code).sort()).toEqual([
      "content-empty",
      "date-in-future",
    ]);
    expect(Buffer.from(host.toBytes()).equals(Buffer.from(before))).toBe(true);
    const unknown = await host.recordContact({
      ...entry([]),
      members: [{ id: "110105199001011234" }],
    });
    expect(!unknown.ok && unknown.errors[0].code).toBe("member-not-found");
    expect(Buffer.from(host.toBytes()).equals(Buffer.from(before))).toBe(true);
  });

  it("keeps every save clicked in quick succession, a refused one between them stopping none", async () => {
    const { host } = await hostOf(await workbook());
    const saves = [
      host.recordContact(entry([2], { content: "第一次" })),
      host.recordContact(entry([3], { content: "" })),
      host.recordContact(entry([3], { content: "第二次" })),
      host.recordSuggestion({ proposer: { row: 4 }, date: utc(2026, 11, 2), content: "增设班车" }),
      host.recordContact(entry([4], { content: "第三次" })),
    ];
    const results = await Promise.all(saves);
    expect(results.map((r) => r.ok)).toEqual([true, false, true, true, true]);
    const wb = await read(host.toBytes());
    const log = wb.getWorksheet("联谊活动记录")!;
    expect([2, 3, 4].map((r) => rowValues(log, r, 5).slice(1))).toEqual([
      ["张伟", PEOPLE[0].id, "学习活动", "第一次"],
      ["王芳", PEOPLE[1].id, "学习活动", "第二次"],
      ["李强", PEOPLE[2].id, "学习活动", "第三次"],
    ]);
    expect(log.rowCount).toBe(4);
    expect(rowValues(wb.getWorksheet("意见建议")!, 2, 4).slice(1)).toEqual([
      "李强",
      PEOPLE[2].id,
      "增设班车",
    ]);
  });

  it("is counted by the quarterly summary: what the form wrote is linked to the members", async () => {
    const { host } = await hostOf(await workbook());
    await host.recordContact(entry([2, 3, 4])); // 学习活动 × 3
    await host.recordContact(entry([3], { type: "困难帮扶", date: utc(2026, 10, 8) }));
    await host.recordContact(entry([2], { type: "谈心谈话", date: utc(2026, 6, 30) })); // Q2
    const pkg = await openPackage(host.toBytes(), FILE);
    const s = summarizeQuarter(
      [await packageSource(pkg, { asOf: utc(2026, 12, 31) })],
      quarterOf(2026, 4)
    );
    expect(s.figures["学习活动次数"]).toBe(3);
    expect(s.figures["困难帮扶次数"]).toBe(1);
    expect(s.figures["谈心谈话次数"]).toBe(0);
    expect(s.figures["联系覆盖率"]).toBe(1);
    expect(s.uncontacted).toEqual([]);
  });
});

describe("workbook host: 意见建议", () => {
  it("appends a suggestion and updates it in place: only 是否采纳 and 落实情况 change, their styles kept", async () => {
    const rows: Cells = [
      SUGGESTION_LOG_HEADERS,
      [utc(2026, 5, 1), "李强", PEOPLE[2].id, "改善食堂", "待定", null],
    ];
    const { host } = await hostOf(await workbook([{ name: "意见建议", rows, fill: ["E2", "A2"] }]));
    const added = await host.recordSuggestion({
      proposer: { name: "王芳" },
      date: utc(2026, 11, 2),
      content: "增设班车",
      adopted: "是",
    });
    expect(added.ok && added.written.rows).toEqual([3]);
    const open = await host.openSuggestions();
    expect(open.open.map((s) => [s.row, s.reason])).toEqual([
      [2, "pending"],
      [3, "not-carried-out"],
    ]);
    const beforeUpdate = await read(host.toBytes());
    const u = await host.updateSuggestions([
      { row: 2, adopted: "否", carriedOut: "已答复" },
      { row: 3, carriedOut: "12月起运行" },
    ]);
    expect(u).toEqual({ ok: true, updated: { sheet: "意见建议", cells: 3 } });
    const after = (await read(host.toBytes())).getWorksheet("意见建议")!;
    const was = beforeUpdate.getWorksheet("意见建议")!;
    const expected = [1, 2, 3].map((r) => rowValues(was, r, 6));
    expected[1][4] = "否";
    expected[1][5] = "已答复";
    expected[2][5] = "12月起运行";
    expect([1, 2, 3].map((r) => rowValues(after, r, 6))).toEqual(expected);
    expect(after.getCell("E2").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    expect(after.getCell("A2").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    expect((await host.openSuggestions()).open).toEqual([]);
  });
});

describe("workbook host: 意见建议 without 落实情况", () => {
  it("adds the column when a listed suggestion is closed, as a header, the other cells kept", async () => {
    const rows: Cells = [
      ["提出日期", "提出人", "内容", "是否采纳"],
      [utc(2026, 5, 1), "李强", "改善食堂", "是"],
    ];
    const { host } = await hostOf(await workbook([{ name: "意见建议", rows }]));
    expect((await host.openSuggestions()).open.map((s) => s.row)).toEqual([2]);
    const u = await host.updateSuggestions([{ row: 2, carriedOut: "已增加窗口" }]);
    expect(u).toEqual({ ok: true, updated: { sheet: "意见建议", cells: 1 } });
    const log = (await read(host.toBytes())).getWorksheet("意见建议")!;
    expect(rowValues(log, 1, 5)).toEqual([...(rows[0] as string[]), "落实情况"]);
    expect(rowValues(log, 2, 5)).toEqual([...rows[1], "已增加窗口"]);
    expect(log.getCell("E1").font?.bold).toBe(true);
    expect((await host.openSuggestions()).open).toEqual([]);
  });
});

describe("workbook host: 关怀提醒", () => {
  it("lists, writes the masked sheet (replaced when made again the same day) and selects a member", async () => {
    const { host, selected } = await hostOf(await workbook());
    await host.recordContact(entry([4], { type: "困难帮扶" }));
    const asOf = utc(2026, 12, 10);
    const run = await host.careLists({ asOf, days: 20 });
    expect(run.registrySheet).toBe("成员名册");
    expect(run.lists.birthdays.map((e) => e.member.name)).toEqual(["王芳"]);
    expect(run.lists.hardship.map((e) => e.member.name)).toEqual(["王芳"]);
    expect(run.lists.uncontacted.map((e) => e.member.name)).toEqual(["张伟", "王芳"]);
    const written = await host.writeCareSheet({ asOf, days: 20 });
    expect(written.sheetName).toBe("关怀提醒-2026-12-10");
    await host.writeCareSheet({ asOf, days: 20 });
    const wb = await read(host.toBytes());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "成员名册",
      "联谊活动记录",
      "关怀提醒-2026-12-10",
    ]);
    const sheet = wb.getWorksheet("关怀提醒-2026-12-10")!;
    const text: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    expect(text.join("\n")).toContain("王芳");
    expect(text.join("\n")).not.toMatch(/\d{17}[\dX]/);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });
    await host.selectMember(run.lists.hardship[0].member.row, run.registrySheet);
    expect(selected.at(-1)).toEqual(["成员名册", 3, 1]);
  });
});

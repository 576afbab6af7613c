import { SUGGESTION_LOG_HEADERS } from "../../src/core/docs/logs";
import {
  type EntryContext,
  type LogSheet,
  type SuggestionEntry,
  adoptionState,
  isCarriedOut,
  openReason,
  openSuggestions,
  planSuggestionLog,
  planSuggestionUpdates,
  registryMembers,
} from "../../src/core/records";
import { normalizeRegistry } from "../../src/core/registry";
import { digestSource } from "../../src/core/summary/sources";
import type { CellValue } from "../../src/core/types";
import { idOf, utc } from "./helpers";

const ZHANG = idOf("19700105", "002");
const LI = idOf("19800229", "011");

const TODAY = utc(2026, 12, 5);
const members = registryMembers(
  normalizeRegistry(
    [
      ["姓名", "公民身份号码", "所在支部"],
      ["张三", ZHANG, "机关支部"],
      ["李四", LI, "生产支部"],
    ],
    { asOf: TODAY }
  )
);
const ctx = (log: LogSheet | null = null): EntryContext => ({ today: TODAY, members, log });
const entry = (over: Partial<SuggestionEntry> = {}): SuggestionEntry => ({
  proposer: { name: "张三" },
  date: utc(2026, 11, 30),
  content: "食堂增加窗口",
  ...over,
});

describe("意见建议: a row for the log", () => {
  it("makes the log when there is none; 是否采纳 待定 unless given", () => {
    const r = planSuggestionLog(entry(), ctx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.person.key).toBe(ZHANG);
    expect(r.plan).toEqual({
      sheet: "意见建议",
      create: true,
      headerRow: 1,
      header: SUGGESTION_LOG_HEADERS,
      addedHeaders: [],
      rows: [
        {
          row: 2,
          cells: [
            { column: 1, value: utc(2026, 11, 30), numFmt: "yyyy-mm-dd" },
            { column: 2, value: "张三" },
            { column: 3, value: ZHANG, numFmt: "@" },
            { column: 4, value: "食堂增加窗口" },
            { column: 5, value: "待定" },
            { column: 6, value: null },
          ],
        },
      ],
    });
  });

  it("takes 是/否/待定 and 落实情况, and appends after the last row", () => {
    const log: LogSheet = {
      name: "意见建议",
      rows: [
        ["提出人", "身份证号码", "日期", "内容", "采纳情况", "落实情况"],
        ["李四", LI, utc(2026, 1, 5), "增加班车", "是", "已落实"],
      ],
    };
    const r = planSuggestionLog(
      entry({ proposer: { id: LI }, adopted: "是", carriedOut: " 已安排 " }),
      ctx(log)
    );
    expect(r.ok && r.plan.rows).toEqual([
      {
        row: 3,
        cells: [
          { column: 1, value: "李四" },
          { column: 2, value: LI, numFmt: "@" },
          { column: 3, value: utc(2026, 11, 30), numFmt: "yyyy-mm-dd" },
          { column: 4, value: "食堂增加窗口" },
          { column: 5, value: "是" },
          { column: 6, value: "已安排" },
        ],
      },
    ]);
  });

  it("refuses a future date, empty content, another 是否采纳, a proposer not in the registry", () => {
    const r = planSuggestionLog(
      { proposer: { name: "赵六" }, date: utc(2027, 1, 1), content: "", adopted: "部分采纳" },
      ctx()
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        { code: "member-not-found", params: { by: "name", value: "赵六" } },
        { code: "date-in-future", params: { date: "2027-01-01", today: "2026-12-05" } },
        { code: "content-empty", params: {} },
        { code: "adoption-invalid", params: { value: "部分采纳", allowed: ["是", "否", "待定"] } },
      ],
    });
  });
});

describe("when a suggestion is open", () => {
  it.each<[CellValue, CellValue, string | null]>([
    [null, null, "pending"],
    ["", "已落实", "pending"],
    ["待定", null, "pending"],
    [" 研究中 ", null, "pending"],
    ["部分采纳", null, "adoption-unclear"],
    ["是", null, "not-carried-out"],
    ["已采纳", "  ", "not-carried-out"],
    ["是", "正在落实", "not-carried-out"],
    ["是", "尚未完成", "not-carried-out"],
    ["采纳", "未落实", "not-carried-out"],
    ["同意", "推进中", "not-carried-out"],
    ["是", "已落实", null],
    ["是", "2026年10月已增加两个窗口", null],
    ["ｙｅｓ", "完成", null],
    ["否", null, null],
    ["不采纳", "未落实", null],
  ])("是否采纳 %p, 落实情况 %p → %p", (adopted, done, reason) => {
    expect(openReason(adopted, done)).toBe(reason);
  });

  it("reads 是否采纳 as the summary counts adoption", () => {
    const values = [
      "是",
      "采纳",
      "已采纳",
      "采用",
      "同意",
      "yes",
      "Y",
      "否",
      "待定",
      "部分采纳",
      "",
    ];
    const rows = [
      ["提出日期", "提出人", "内容", "是否采纳"],
      ...values.map((v, i) => [utc(2026, 10, i + 1), "张三", `建议${i}`, v]),
    ];
    const d = digestSource({
      file: "a.xlsx",
      asOf: TODAY,
      sheets: [{ name: "意见建议", rows: rows.map((values) => ({ values })) }],
    });
    expect(d.events.map((e) => e.adopted)).toEqual(
      values.map((v) => adoptionState(v) === "adopted")
    );
    expect(values.map(adoptionState)).toEqual([
      ...Array(7).fill("adopted"),
      "rejected",
      "pending",
      "unclear",
      "pending",
    ]);
  });

  it("calls a 落实情况 done when it says nothing of being unfinished", () => {
    expect(
      [null, "", "已落实", "已完成", "落实中", "无", "暂无", "—", "/"].map((v) => isCarriedOut(v))
    ).toEqual([false, false, true, true, false, false, false, false, false]);
  });
});

const LOG: LogSheet = {
  name: "意见建议",
  rows: [
    ["意见建议登记表"],
    ["提出日期", "提出人", "公民身份号码", "内容", "是否采纳", "落实情况", "备注"],
    [utc(2026, 3, 1), "张三", ZHANG, "增加班车", "是", "已落实", null],
    [utc(2026, 4, 1), "李四", LI, "食堂增加窗口", "待定", null, "下次例会研究"],
    ["2026.5.6", "张三", ZHANG, "开放阅览室", "是", "落实中", null],
    [utc(2026, 6, 1), "李四", "110105800229011", "减少会议", "否", null, null],
    [],
    ["2026年13月1日", "王五", null, "设立意见箱", "部分采纳", null, null],
  ],
};

describe("the open suggestions", () => {
  it("are listed in sheet order with their rows and why, ID numbers masked", () => {
    const list = openSuggestions(LOG);
    expect(list.sheet).toBe("意见建议");
    expect(list.total).toBe(5);
    expect(list.open).toEqual([
      {
        row: 4,
        date: utc(2026, 4, 1),
        proposer: "李四",
        id: `110105********${LI.slice(-4)}`,
        content: "食堂增加窗口",
        adopted: "待定",
        carriedOut: null,
        reason: "pending",
      },
      {
        row: 5,
        date: utc(2026, 5, 6),
        proposer: "张三",
        id: `110105********${ZHANG.slice(-4)}`,
        content: "开放阅览室",
        adopted: "是",
        carriedOut: "落实中",
        reason: "not-carried-out",
      },
      {
        row: 8,
        date: null,
        proposer: "王五",
        id: null,
        content: "设立意见箱",
        adopted: "部分采纳",
        carriedOut: null,
        reason: "adoption-unclear",
      },
    ]);
    expect(JSON.stringify(list)).not.toContain(ZHANG);
    expect(JSON.stringify(list)).not.toContain(LI);
  });

  it("are none without a log", () => {
    expect(openSuggestions(null)).toEqual({ sheet: "意见建议", total: 0, open: [] });
  });
});

describe("updating a suggestion in place", () => {
  it("refuses a row that no longer holds the suggestion the list showed (rows added since)", () => {
    const listed = openSuggestions(LOG).open[0];
    const moved = { ...LOG, rows: [LOG.rows[0], [], ...LOG.rows.slice(1)] };
    const update = { row: listed.row, adopted: "否", content: listed.content };
    expect(planSuggestionUpdates(moved, [update])).toEqual({
      ok: false,
      errors: [{ code: "suggestion-moved", params: { sheet: "意见建议", row: 4 } }],
    });
    expect(planSuggestionUpdates(LOG, [update])).toMatchObject({ ok: true });
  });

  it("changes 是否采纳 and 落实情况 of the row, and nothing else", () => {
    const r = planSuggestionUpdates(LOG, [
      { row: 4, adopted: " 是 ", carriedOut: "已增加两个窗口" },
      { row: 5, carriedOut: "已落实" },
    ]);
    expect(r).toEqual({
      ok: true,
      plan: {
        sheet: "意见建议",
        headerRow: 2,
        addedHeaders: [],
        cells: [
          { row: 4, column: 5, value: "是" },
          { row: 4, column: 6, value: "已增加两个窗口" },
          { row: 5, column: 6, value: "已落实" },
        ],
      },
    });
    // Applied, the two rows are closed; the others are as they were.
    const after = LOG.rows.map((row) => [...row]);
    if (r.ok) for (const c of r.plan.cells) after[c.row - 1][c.column - 1] = c.value;
    expect(openSuggestions({ name: "意见建议", rows: after }).open.map((s) => s.row)).toEqual([8]);
    expect(after.filter((_, i) => i !== 3 && i !== 4)).toEqual(
      LOG.rows.filter((_, i) => i !== 3 && i !== 4)
    );
  });

  it("finds the columns by header, leaves equal values out, empties 落实情况 with an empty text, and lets a later update win", () => {
    const moved: LogSheet = {
      name: "建议",
      rows: [
        ["落实情况", "是否采纳", "内容", "提出人", "提出日期"],
        ["已落实", "是", "甲", "张三", utc(2026, 1, 1)],
      ],
    };
    expect(
      planSuggestionUpdates(moved, [
        { row: 2, adopted: "是", carriedOut: "" },
        { row: 2, adopted: "否" },
        { row: 2, adopted: "待定" },
      ])
    ).toEqual({
      ok: true,
      plan: {
        sheet: "建议",
        headerRow: 1,
        addedHeaders: [],
        cells: [
          { row: 2, column: 1, value: null },
          { row: 2, column: 2, value: "待定" },
        ],
      },
    });
  });

  it("refuses a row with no suggestion, another 是否采纳, an update of nothing", () => {
    expect(
      planSuggestionUpdates(LOG, [
        { row: 2, adopted: "是" },
        { row: 7, carriedOut: "x" },
        { row: 4, adopted: "采纳了" },
        { row: 5 },
      ])
    ).toEqual({
      ok: false,
      errors: [
        { code: "suggestion-not-found", params: { sheet: "意见建议", row: 2 } },
        { code: "suggestion-not-found", params: { sheet: "意见建议", row: 7 } },
        { code: "adoption-invalid", params: { value: "采纳了", allowed: ["是", "否", "待定"] } },
        { code: "nothing-to-update", params: { row: 5 } },
      ],
    });
    expect(planSuggestionUpdates(null, [{ row: 2, adopted: "是" }])).toEqual({
      ok: false,
      errors: [{ code: "suggestion-not-found", params: { sheet: "意见建议", row: 2 } }],
    });
  });

  it("adds 落实情况 (or 是否采纳) where the log lacks it, so a suggestion listed as open can be closed", () => {
    const noColumns: LogSheet = {
      name: "意见建议",
      rows: [
        ["提出日期", "提出人", "内容", null, "备注"],
        [utc(2026, 1, 1), "张三", "甲", null, "x"],
        [utc(2026, 2, 1), "李四", "乙"],
      ],
    };
    expect(openSuggestions(noColumns).open.map((s) => s.row)).toEqual([2, 3]);
    const r = planSuggestionUpdates(noColumns, [
      { row: 2, carriedOut: "已落实" },
      { row: 3, adopted: "否" },
      { row: 3, carriedOut: "" },
    ]);
    expect(r).toEqual({
      ok: true,
      plan: {
        sheet: "意见建议",
        headerRow: 1,
        addedHeaders: [
          { column: 6, value: "落实情况" },
          { column: 7, value: "是否采纳" },
        ],
        cells: [
          { row: 2, column: 6, value: "已落实" },
          { row: 3, column: 7, value: "否" },
        ],
      },
    });
    // Emptying a cell of a column that is not there adds nothing.
    expect(planSuggestionUpdates(noColumns, [{ row: 3, carriedOut: "" }])).toEqual({
      ok: true,
      plan: { sheet: "意见建议", headerRow: 1, addedHeaders: [], cells: [] },
    });
  });
});

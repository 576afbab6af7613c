import {
  CARE_LISTS,
  type CareEntry,
  type CareLists,
  anniversaryIn,
  careLists,
  careSheet,
  careSheetName,
  contactEvents,
  nextBirthday,
  yearBefore,
} from "../../src/core/care";
import { registryMembers } from "../../src/core/records";
import { normalizeRegistry } from "../../src/core/registry";
import { summarizeQuarter } from "../../src/core/summary/compute";
import { quarterOf } from "../../src/core/summary/quarter";
import { type SummarySource, digestSource } from "../../src/core/summary/sources";
import type { CellValue } from "../../src/core/types";
import { idOf, utc } from "./helpers";

const ZHANG = idOf("19700105", "002");
const LI = idOf("19800229", "011");
const WANG = idOf("19901220", "021");
const ZHAO = idOf("19850119", "031");
const SUN = idOf("19850120", "041");
const ZHOU = idOf("19600610", "051");
const WU = idOf("19650710", "061");
const ZHENG = idOf("19700810", "071");

const REGISTRY: CellValue[][] = [
  ["姓名", "公民身份号码", "所在支部", "手机号码", "家庭经济状况", "联系人", "建档日期"],
  ["张三", ZHANG, "机关支部", "13812345678", "困难", "李书记", utc(2024, 5, 1)],
  ["李四", LI, "机关支部", "13912345678", "一般", "李书记", utc(2025, 12, 20)],
  ["王五", WANG, "生产支部", null, "良好", "赵主任", utc(2025, 12, 19)],
  ["赵六", ZHAO, "生产支部", null, null, "赵主任", utc(2026, 1, 1)],
  ["孙七", SUN, "生产支部", null, null, "赵主任", utc(2020, 3, 1)],
  ["周八", ZHOU, "机关支部", null, "困难", "李书记", utc(2026, 2, 1)],
  ["吴九", WU, "机关支部", null, "困难", "李书记", utc(2026, 2, 1)],
  ["郑十", ZHENG, "机关支部", null, "困难", "李书记", utc(2026, 2, 1)],
  // 张三 again: moved to 生产支部, recorded later (家庭经济状况 left empty there).
  ["张三", ZHANG, "生产支部", null, null, "赵主任", utc(2026, 6, 1)],
  ["陈七", null, "机关支部", null, null, null, null],
  ["陈七", null, "生产支部", null, null, null, null],
];

const LOG: CellValue[][] = [
  ["活动日期", "成员姓名", "公民身份号码", "活动类型", "内容"],
  // By ID number, the name typed wrong.
  [utc(2026, 3, 1), "张山", ZHANG, "谈心谈话", "谈心"],
  // No ID number: by name.
  [utc(2026, 5, 1), "王五", null, "学习活动", "学习"],
  // An ID number no member has: by name.
  [utc(2026, 6, 1), "赵六", idOf("19991231", "999"), "谈心谈话", "谈心"],
  // A name two members have, no ID number: no one's.
  [utc(2026, 7, 1), "陈七", null, "其他", "走访"],
  // After the day: not seen.
  [utc(2026, 12, 25), "孙七", SUN, "谈心谈话", "谈心"],
  // 慰问 counts as help, as the summary counts it: 90 days before 12-20.
  [utc(2026, 9, 21), "周八", ZHOU, "慰问", "节日慰问"],
  // 91 days before.
  [utc(2026, 9, 20), "吴九", WU, "困难帮扶", "送米送油"],
  [utc(2026, 12, 1), "吴九", WU, "谈心谈话", "回访"],
  // Last year only.
  [utc(2025, 11, 11), "郑十", ZHENG, "谈心谈话", "谈心"],
];

const ASOF = utc(2026, 12, 20);
const rows = (grid: CellValue[][]) => grid.map((values) => ({ values }));
const book = (asOf: Date): SummarySource => ({
  file: "台账.xlsx",
  asOf,
  sheets: [
    { name: "成员名册", rows: rows(REGISTRY) },
    { name: "联谊活动记录", rows: rows(LOG) },
  ],
});
const members = registryMembers(normalizeRegistry(REGISTRY, { asOf: ASOF }));
const contacts = contactEvents(digestSource(book(ASOF)).events);
const lists = careLists(members, contacts, { asOf: ASOF });

const names = (es: CareEntry[]) => es.map((e) => e.member.name);

describe("birthdays on the calendar", () => {
  it("crosses the new year: as of 12-20, a 01-05 birthday is in 16 days", () => {
    expect(nextBirthday(utc(1970, 1, 5), utc(2026, 12, 20))).toEqual({
      date: utc(2027, 1, 5),
      inDays: 16,
      age: 57,
      leapDay: false,
    });
  });
  it("keeps 29 February on 28 February in a common year", () => {
    expect(anniversaryIn(2, 29, 2027)).toEqual({ date: utc(2027, 2, 28), leapDay: true });
    expect(anniversaryIn(2, 29, 2028)).toEqual({ date: utc(2028, 2, 29), leapDay: false });
    expect(nextBirthday(utc(1980, 2, 29), utc(2027, 2, 1))).toEqual({
      date: utc(2027, 2, 28),
      inDays: 27,
      age: 47,
      leapDay: true,
    });
    // On 28 February of a common year it is today; the day after, it is next year's.
    expect(nextBirthday(utc(1980, 2, 29), utc(2027, 2, 28))?.inDays).toBe(0);
    expect(nextBirthday(utc(1980, 2, 29), utc(2027, 3, 1))).toEqual({
      date: utc(2028, 2, 29),
      inDays: 365,
      age: 48,
      leapDay: false,
    });
    // In a leap year the day itself.
    expect(nextBirthday(utc(1980, 2, 29), utc(2028, 2, 28))).toMatchObject({
      date: utc(2028, 2, 29),
      inDays: 1,
    });
  });
  it("is today on the day, and none before birth", () => {
    expect(nextBirthday(utc(1990, 12, 20), utc(2026, 12, 20))).toMatchObject({
      inDays: 0,
      age: 36,
    });
    expect(nextBirthday(utc(2027, 1, 1), utc(2026, 12, 20))).toBeNull();
  });
  it("takes a year back from 29 February to 28 February", () => {
    expect(yearBefore(utc(2028, 2, 29))).toEqual(utc(2027, 2, 28));
    expect(yearBefore(utc(2026, 12, 20))).toEqual(utc(2025, 12, 20));
  });
});

describe("the care lists", () => {
  it("birthdays in the next 30 days: today and day 30 included, day 31 not, soonest first", () => {
    expect(lists.birthdays.map((e) => [e.member.name, e.reason])).toEqual([
      [
        "王五",
        {
          code: "birthday-soon",
          params: { date: "2026-12-20", inDays: 0, age: 36, leapDay: false },
        },
      ],
      [
        "张三",
        {
          code: "birthday-soon",
          params: { date: "2027-01-05", inDays: 16, age: 57, leapDay: false },
        },
      ],
      [
        "赵六",
        {
          code: "birthday-soon",
          params: { date: "2027-01-19", inDays: 30, age: 42, leapDay: false },
        },
      ],
    ]);
    const wider = careLists(members, contacts, { asOf: ASOF, days: 31 });
    expect(names(wider.birthdays)).toEqual(["王五", "张三", "赵六", "孙七"]);
  });

  it("a 29 February birthday in a common year is on 28 February, and says so", () => {
    const feb = careLists(members, contacts, { asOf: utc(2027, 2, 1), days: 30 });
    expect(feb.birthdays.map((e) => [e.member.name, e.reason.params])).toEqual([
      ["李四", { date: "2027-02-28", inDays: 27, age: 47, leapDay: true }],
    ]);
  });

  it("困难 without 困难帮扶 in 90 days: a help 90 days back counts, 91 does not; 慰问 is help", () => {
    expect(
      lists.hardship.map((e) => [e.member.name, e.reason.params, e.lastContact, e.lastContactType])
    ).toEqual([
      // 家庭经济状况 from 张三's earlier record (the later one leaves it empty).
      ["张三", { windowDays: 90, lastHelp: null }, utc(2026, 3, 1), "谈心谈话"],
      ["吴九", { windowDays: 90, lastHelp: "2026-09-20" }, utc(2026, 12, 1), "谈心谈话"],
      ["郑十", { windowDays: 90, lastHelp: null }, utc(2025, 11, 11), "谈心谈话"],
    ]);
    expect(lists.hardship.every((e) => e.reason.code === "hardship-no-help")).toBe(true);
    const longer = careLists(members, contacts, { asOf: ASOF, helpWindowDays: 91 });
    expect(names(longer.hardship)).toEqual(["张三", "郑十"]);
  });

  it("no contact this year: linked by ID number (a name typed wrong), else by a unique name", () => {
    expect(lists.uncontacted.map((e) => [e.member.name, e.member.row, e.lastContact])).toEqual([
      ["李四", 3, null],
      // Contacted on 12-25 only: after the day, so not seen.
      ["孙七", 6, null],
      ["郑十", 9, utc(2025, 11, 11)],
      // Two people named 陈七 and a contact without ID number: it is neither's.
      ["陈七", 11, null],
      ["陈七", 12, null],
    ]);
    expect(lists.uncontacted[0].reason).toEqual({
      code: "no-contact-this-year",
      params: { year: 2026 },
    });
    expect(lists.unlinkedContacts).toBe(1);
  });

  it("records over a year old (the same date a year back is not yet), oldest first, then undated", () => {
    expect(lists.stale.map((e) => [e.member.name, e.reason])).toEqual([
      ["孙七", { code: "record-stale", params: { recordedOn: "2020-03-01", days: 2485 } }],
      ["王五", { code: "record-stale", params: { recordedOn: "2025-12-19", days: 366 } }],
      ["陈七", { code: "record-undated", params: {} }],
      ["陈七", { code: "record-undated", params: {} }],
    ]);
  });

  it("lists a member of two branches once: the later record's branch, both branches, both rows", () => {
    const zhang = lists.birthdays.find((e) => e.member.name === "张三")!;
    expect(zhang.member).toEqual({
      name: "张三",
      branch: "生产支部",
      branches: ["机关支部", "生产支部"],
      id: `110105********${ZHANG.slice(-4)}`,
      phone: "138****5678",
      contactCadre: "赵主任",
      row: 10,
      rows: [2, 10],
    });
    for (const key of CARE_LISTS)
      expect(lists[key].filter((e) => e.member.name === "张三").length).toBeLessThanOrEqual(1);
  });

  it("shows no full ID number or phone", () => {
    const json = JSON.stringify(lists);
    for (const id of [ZHANG, LI, WANG, ZHAO, SUN, ZHOU, WU, ZHENG]) expect(json).not.toContain(id);
    expect(json).not.toMatch(/1[3-9]\d{9}/);
  });

  it("defaults to 30 and 90 days, and takes only whole days, none negative", () => {
    expect([lists.days, lists.helpWindowDays, lists.asOf]).toEqual([30, 90, ASOF]);
    const odd = careLists(members, contacts, { asOf: ASOF, days: -3, helpWindowDays: 89.9 });
    expect([odd.days, odd.helpWindowDays]).toEqual([0, 89]);
    expect(names(odd.birthdays)).toEqual(["王五"]);
  });

  it("takes the day from a date with a time of day, and skips contacts without a valid date", () => {
    const late = careLists(
      members,
      [...contacts, { date: new Date(NaN), id: LI, name: "李四", type: "谈心谈话" }],
      { asOf: new Date(Date.UTC(2026, 11, 20, 23, 59)) }
    );
    expect(late.asOf).toEqual(ASOF);
    expect(names(late.uncontacted)).toEqual(names(lists.uncontacted));
    expect(late.unlinkedContacts).toBe(1);
  });

  it("agrees with the quarterly summary on who was not contacted (Q1 is the year so far on 03-31)", () => {
    const day = utc(2026, 3, 31);
    const mine = careLists(members, contactEvents(digestSource(book(day)).events), { asOf: day });
    const summary = summarizeQuarter([book(day)], quarterOf(2026, 1));
    expect(names(mine.uncontacted)).toEqual(summary.uncontacted.map((m) => m.name));
    expect(names(mine.uncontacted)).not.toContain("张三");
  });

  it("are empty without members, and count every contact unlinked", () => {
    const none: CareLists = careLists([], contacts, { asOf: ASOF });
    expect(CARE_LISTS.map((k) => none[k].length)).toEqual([0, 0, 0, 0]);
    expect(none.unlinkedContacts).toBe(contacts.length - 1);
  });
});

describe("the printable sheet 关怀提醒-YYYY-MM-DD", () => {
  const doc = careSheet(lists, {
    madeAt: { wall: new Date(Date.UTC(2026, 11, 20, 9, 30)), offsetMinutes: 480 },
  });
  const at = (r: number, c: number) => doc.cells.find((x) => x.r === r && x.c === c)?.value;
  const rowOf = (text: string) => doc.cells.find((x) => x.value === text)!.r;

  it("is named by the day, and takes a free name", () => {
    expect(careSheetName(ASOF)).toBe("关怀提醒-2026-12-20");
    expect(doc.name).toBe("关怀提醒-2026-12-20");
    expect(careSheet(lists, { sheetNames: ["关怀提醒-2026-12-20"] }).name).toBe(
      "关怀提醒-2026-12-20(2)"
    );
  });

  it("prints on A4 landscape, one page wide, with page numbers, over its seven columns", () => {
    expect(doc.print).toMatchObject({
      paperSize: "A4",
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      footer: "&C第 &P 页 共 &N 页",
    });
    const last = Math.max(...doc.cells.map((c) => c.r));
    expect(doc.print.printArea).toBe(`A1:G${last}`);
    expect(doc.widths).toHaveLength(7);
    expect(Math.max(...doc.cells.map((c) => c.c))).toBe(7);
  });

  it("has a title, the day and settings, when it was made, and the four lists with their counts", () => {
    expect(at(1, 1)).toBe("统战成员关怀提醒");
    expect(at(2, 1)).toBe("截至 2026-12-20；生日提醒：今后 30 天；困难帮扶：近 90 天");
    expect(at(3, 1)).toBe("生成时间：2026-12-20 09:30（UTC+08:00）");
    const headings = doc.cells
      .filter((c) => typeof c.value === "string" && /^[一二三四]、/.test(c.value))
      .map((c) => c.value);
    expect(headings).toEqual([
      "一、近期生日（今后 30 天，3 人）",
      "二、家庭经济困难、近 90 天未帮扶（3 人）",
      "三、2026年尚未联系（5 人）",
      "四、建档超过一年或没有建档日期（4 人）",
    ]);
  });

  it("lists each member with masked ID and phone, the reason and the last contact", () => {
    const h = rowOf("一、近期生日（今后 30 天，3 人）") + 1;
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => at(h, c))).toEqual([
      "姓名",
      "所在支部",
      "公民身份号码",
      "手机号码",
      "提醒原因",
      "最近联系",
      "联系人",
    ]);
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => at(h + 2, c))).toEqual([
      "张三",
      "生产支部、机关支部",
      `110105********${ZHANG.slice(-4)}`,
      "138****5678",
      "1月5日（还有 16 天）生日，满 57 岁",
      utc(2026, 3, 1),
      "赵主任",
    ]);
    expect(at(h + 1, 5)).toBe("今天（12月20日）生日，满 36 岁");
    expect(doc.cells.find((c) => c.r === h + 2 && c.c === 6)?.style).toMatchObject({
      numFmt: "yyyy-mm-dd",
    });
    const u = rowOf("三、2026年尚未联系（5 人）") + 2;
    expect([at(u, 1), at(u, 5), at(u, 6)]).toEqual(["李四", "2026年尚未联系", "无记录"]);
  });

  it("shows （无） under an empty list", () => {
    const empty = careSheet(careLists([], [], { asOf: ASOF }));
    expect(empty.cells.filter((c) => c.value === "（无）")).toHaveLength(4);
  });

  it("holds no full ID number or phone anywhere", () => {
    for (const c of doc.cells) {
      expect(String(c.value)).not.toMatch(/\d{17}[\dX]/);
      expect(String(c.value)).not.toMatch(/1[3-9]\d{9}/);
    }
  });
});

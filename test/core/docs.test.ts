import { buildBulletin } from "../../src/core/docs/bulletin";
import {
  BULLETIN_LOG_HEADERS,
  MEETING_LOG_HEADERS,
  nextBulletinNumber,
  nextMeetingNumber,
  readLog,
} from "../../src/core/docs/logs";
import { branchMembers, buildMeetingRecord } from "../../src/core/docs/meeting";
import { freeSheetName, type SheetDoc } from "../../src/core/docs/sheetDoc";
import { fillTemplate } from "../../src/core/docs/template";
import type { CellValue } from "../../src/core/types";
import { utc } from "./helpers";

const meetingLog = readLog(
  [
    ["例会台账"],
    [
      "会议日期",
      "期次",
      "所在支部",
      "召集人",
      "参会人数",
      "议题",
      "问题分析",
      "改进措施",
      "记录人",
    ],
    [utc(2025, 3, 1), "第1次", "机关支部", "李书记", 8, "a", null, null, null],
    ["2025.6.1", "第2次", "机关支部", "李书记", 8, "b", null, null, null],
    [utc(2025, 9, 1), "第3次", "机关支部", "李书记", 8, "c", null, null, null],
    ["2026年2月3日", "第1次", "机关支部", "李书记", 8, "d", null, null, null],
    [46100, "第 2 次", "机关支部", "李书记", 8, "e", null, null, null],
  ],
  MEETING_LOG_HEADERS
);

const members = [
  { name: "张三", branch: "机关支部" },
  { name: "李四", branch: "一车间支部" },
  { name: "王五", branch: "机关 支部" },
  { name: "张三", branch: "机关支部" },
];

const texts = (doc: SheetDoc) =>
  doc.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");

describe("logs and numbering", () => {
  it("reads a log by its headers, under a title", () => {
    expect(meetingLog.headerRow).toBe(2);
    expect(meetingLog.records).toHaveLength(5);
  });
  it("counts meetings per year: 第N次 after the highest of that year", () => {
    expect(nextMeetingNumber(meetingLog, utc(2026, 11, 20))).toBe(3);
    expect(nextMeetingNumber(meetingLog, utc(2025, 12, 1))).toBe(4);
    expect(nextMeetingNumber(meetingLog, utc(2027, 1, 5))).toBe(1);
    expect(nextMeetingNumber(readLog([], MEETING_LOG_HEADERS), utc(2026, 1, 1))).toBe(1);
  });
  it("numbers bulletins after the highest 期号 of the year", () => {
    const log = readLog(
      [
        BULLETIN_LOG_HEADERS,
        ["2026年第4期", utc(2026, 5, 1)],
        ["2026年第2期", utc(2026, 2, 1)],
        ["2025年第9期", utc(2025, 12, 1)],
      ],
      BULLETIN_LOG_HEADERS
    );
    expect(nextBulletinNumber(log, 2026)).toBe(5);
    expect(nextBulletinNumber(log, 2025)).toBe(10);
    expect(nextBulletinNumber(log, 2027)).toBe(1);
  });
  it("never takes a sheet name twice", () => {
    expect(freeSheetName("例会记录-2026-11-20", ["成员名册"])).toBe("例会记录-2026-11-20");
    expect(freeSheetName("例会记录-2026-11-20", ["例会记录-2026-11-20"])).toBe(
      "例会记录-2026-11-20(2)"
    );
    expect(freeSheetName("a", ["A", "a(2)"])).toBe("a(3)");
  });
});

describe("例会记录", () => {
  const rec = buildMeetingRecord(
    {
      date: utc(2026, 11, 20),
      time: "14:30",
      place: "三楼会议室",
      branch: "机关支部",
      convener: "李书记",
      topics: ["学习会议精神", "安排联谊活动，联系电话 13812345678"],
      absentees: [{ name: "赵六", reason: "出差" }],
      measures: [{ measure: "每月走访一次", owner: "王副书记", due: "2026年12月底" }],
      recorder: "小刘",
    },
    { sheetNames: ["成员名册", "例会记录-2026-11-20"], log: meetingLog, members }
  );

  it("is named by its date, with a suffix when taken, and numbered for its year", () => {
    expect(rec.sheetName).toBe("例会记录-2026-11-20(2)");
    expect(rec.numberLabel).toBe("第3次");
  });
  it("lists the branch's members by name by default, each once", () => {
    expect(rec.meeting.participants).toEqual(["张三", "王五"]);
    expect(branchMembers(members, "一车间支部")).toEqual(["李四"]);
  });
  it("fills every part", () => {
    const t = texts(rec.doc);
    for (const want of [
      "统战工作例会记录",
      "（2026年第3次）",
      "2026年11月20日 14:30",
      "三楼会议室",
      "机关支部",
      "李书记",
      "张三、王五",
      "赵六（出差）",
      "1. 学习会议精神",
      "每月走访一次",
      "王副书记",
      "2026年12月底",
      "小刘",
      "一、议题",
      "二、问题分析",
      "三、改进措施",
      "措施",
      "责任人",
      "完成时限",
    ]) {
      expect(t).toContain(want);
    }
    expect(t.some((x) => x.includes("（签字）"))).toBe(true);
  });
  it("shows no phone or ID number, whatever was typed", () => {
    for (const s of texts(rec.doc)) {
      expect(s).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
      expect(s).not.toMatch(/\d{17}[\dX]/);
    }
    expect(texts(rec.doc)).toContain("2. 安排联谊活动，联系电话 138****5678");
  });
  it("makes its 例会台账 row", () => {
    expect(rec.logRow).toEqual([
      utc(2026, 11, 20),
      "第3次",
      "机关支部",
      "李书记",
      2,
      "学习会议精神；安排联谊活动，联系电话 138****5678",
      null,
      "每月走访一次，王副书记，2026年12月底",
      "小刘",
    ]);
  });
  it("is laid out for A4 portrait, fit to one page wide, with page numbers and print titles for its table", () => {
    expect(rec.doc.print).toMatchObject({
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: 1,
      fitToHeight: 0,
      footer: "&C第 &P 页 共 &N 页",
    });
    const th = rec.doc.cells.find((c) => c.value === "措施")!;
    expect(rec.doc.print.printTitlesRow).toBe(`${th.r}:${th.r}`);
  });
});

describe("情况通报", () => {
  const log = readLog(
    [BULLETIN_LOG_HEADERS, ["2026年第4期", utc(2026, 5, 1), "全体", null, null, null, 0, 0]],
    BULLETIN_LOG_HEADERS
  );
  const issue = buildBulletin(
    {
      date: utc(2026, 11, 25),
      sections: {
        工作动态: "传达上级精神",
        企业情况: "三季度生产平稳",
        形势通报: "国内经济稳中向好",
        报送: "上级党委统战部",
        其他: "x",
      },
      opinions: [
        { from: "张三", content: "增加技术培训", handling: "已采纳", adopted: true },
        { from: "李四", content: "改善食堂", handling: "研究中" },
      ],
    },
    { sheetNames: [], log }
  );
  it("is numbered after the highest 期号 of the year and named by it", () => {
    expect(issue.issueLabel).toBe("2026年第5期");
    expect(issue.sheetName).toBe("情况通报-2026年第5期");
  });
  it("has its three parts, the opinions table, hints where nothing was given, and the footer", () => {
    const t = texts(issue.doc);
    for (const want of [
      "统战情况通报",
      "一、工作动态",
      "传达上级精神",
      "二、企业情况",
      "（一）重大政策",
      "（二）生产、管理、经营、分配",
      "三季度生产平稳",
      "三、形势通报",
      "国内经济稳中向好",
      "四、意见建议征集",
      "提出人",
      "处理意见",
      "增加技术培训",
      "报送",
      "上级党委统战部",
      "抄送",
    ]) {
      expect(t).toContain(want);
    }
    const hint = issue.doc.cells.find((c) => c.value === "（企业出台的重大政策）")!;
    expect(hint.style).toMatchObject({ font: { color: "FFA6A6A6", italic: true } });
  });
  it("reports section names it does not know", () => {
    expect(issue.unknownSections).toEqual(["其他"]);
  });
  it("makes its 通报台账 row", () => {
    expect(issue.logRow).toEqual([
      "2026年第5期",
      utc(2026, 11, 25),
      null,
      "传达上级精神",
      "三季度生产平稳",
      "国内经济稳中向好",
      2,
      1,
    ]);
  });
});

describe("custom templates", () => {
  const style = { host: { font: { name: "楷体", size: 15 } } };
  const template: SheetDoc = {
    name: "模板-例会记录",
    cells: [
      { r: 1, c: 1, value: "{{支部}}例会（{{期次}}）", style },
      { r: 2, c: 1, value: "日期：{{日期}}", style },
      { r: 3, c: 1, value: "{{#议题}}议题{{序号}}", style },
      { r: 3, c: 2, value: "{{议题}}{{/议题}}", style },
      { r: 4, c: 1, value: "参会：{{参会人员}}；{{不存在的}}", style },
      { r: 5, c: 1, value: 42 as CellValue },
    ],
    merges: [
      { top: 1, left: 1, bottom: 1, right: 4 },
      { top: 3, left: 2, bottom: 3, right: 4 },
      { top: 4, left: 1, bottom: 4, right: 4 },
    ],
    widths: [10, 20, 20, 20],
    heights: { 1: 30, 3: 18, 4: 24 },
    print: {
      paperSize: "A4",
      orientation: "portrait",
      margins: { left: 1, right: 1, top: 1, bottom: 1, header: 0.5, footer: 0.5 },
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: false,
    },
    hostPrint: { pageSetup: { orientation: "landscape" } },
  };
  const filled = fillTemplate(template, "例会记录-2026-11-20", {
    values: {
      支部: "机关支部",
      期次: "第3次",
      日期: "2026年11月20日",
      参会人员: "张三、王五",
      序号: "",
    },
    lists: {
      议题: ["学习", "安排活动", "其他事项"].map((t, i) => ({ 议题: t, 序号: String(i + 1) })),
    },
  });
  const at = (r: number, c: number) => filled.doc.cells.find((x) => x.r === r && x.c === c)?.value;

  it("fills placeholders and repeats the rows between {{#议题}} and {{/议题}}", () => {
    expect(at(1, 1)).toBe("机关支部例会（第3次）");
    expect(at(2, 1)).toBe("日期：2026年11月20日");
    expect([at(3, 1), at(3, 2), at(4, 1), at(4, 2), at(5, 1), at(5, 2)]).toEqual([
      "议题1",
      "学习",
      "议题2",
      "安排活动",
      "议题3",
      "其他事项",
    ]);
    expect(at(6, 1)).toBe("参会：张三、王五；{{不存在的}}");
    expect(at(7, 1)).toBe(42);
  });
  it("keeps styles, merges (shifted and repeated), widths, heights and the template's print setup", () => {
    expect(filled.doc.cells.filter((c) => c.style === style)).toHaveLength(2 + 2 * 3 + 1);
    expect(filled.doc.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 4 },
      { top: 3, left: 2, bottom: 3, right: 4 },
      { top: 4, left: 2, bottom: 4, right: 4 },
      { top: 5, left: 2, bottom: 5, right: 4 },
      { top: 6, left: 1, bottom: 6, right: 4 },
    ]);
    expect(filled.doc.widths).toEqual([10, 20, 20, 20]);
    expect(filled.doc.heights).toEqual({ 1: 30, 3: 18, 4: 18, 5: 18, 6: 24 });
    expect(filled.doc.hostPrint).toEqual({ pageSetup: { orientation: "landscape" } });
    expect(filled.doc.name).toBe("例会记录-2026-11-20");
  });
  it("reports unknown placeholders", () => {
    expect(filled.unknown).toEqual(["不存在的"]);
  });
});

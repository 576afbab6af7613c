import { buildBulletin } from "../../src/core/docs/bulletin";
import {
  BULLETIN_LOG_HEADERS,
  BULLETIN_LOG_SHEET,
  MEETING_LOG_HEADERS,
  MEETING_LOG_SHEET,
  readLog,
} from "../../src/core/docs/logs";
import { type MeetingInput, buildMeetingRecord } from "../../src/core/docs/meeting";
import type { SheetDoc } from "../../src/core/docs/sheetDoc";
import { dateToSerial } from "../../src/core/rules/dates";
import type { CellValue } from "../../src/core/types";
import { apiSupportUpTo } from "../../src/hosts/office/api";
import { OfficeLedgerHost } from "../../src/hosts/office/officeHost";
import { widthToPoints } from "../../src/hosts/office/styles";
import {
  FakeExcel,
  type FakeOptions,
  type FakeSheet,
  type SheetInit,
  colLetters,
} from "./fakeExcel";
import { packageAddDoc, packageMembers } from "./packageParity";
import { registrySheet } from "./registryData";

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function setup(sheets: SheetInit[], options: FakeOptions = {}) {
  const fx = new FakeExcel(sheets, options);
  const host = new OfficeLedgerHost({ run: fx.run, api: apiSupportUpTo(options.maxApi ?? 18) });
  return { fx, host };
}

const inSheet = (v: CellValue) => (v === null ? "" : v instanceof Date ? dateToSerial(v, 1900) : v);

/** Every cell of the core's sheet is in the fake sheet: values, formulas, merges, widths, heights. */
function expectRendered(sheet: FakeSheet, doc: SheetDoc): void {
  for (const c of doc.cells) {
    if (c.formula) expect(sheet.cell(`${colLetters(c.c)}${c.r}`)).toBe("=" + c.formula);
    else expect(sheet.value(c.r, c.c)).toEqual(inSheet(c.value));
  }
  expect(sheet.merges).toEqual(
    doc.merges.map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }))
  );
  doc.widths.forEach((w, i) => expect(sheet.widths.get(i + 1)).toBe(widthToPoints(w)));
  for (const [r, h] of Object.entries(doc.heights)) expect(sheet.heights.get(Number(r))).toBe(h);
  expect(sheet.formulas.size).toBe(doc.cells.filter((c) => c.formula).length);
}

const registry = registrySheet(40, "成员名册");
const meeting: MeetingInput = {
  date: utc(2026, 3, 5),
  time: "14:30",
  place: "三楼会议室",
  branch: "机关支部",
  convener: "李书记",
  topics: ["学习文件精神", "-讨论困难帮扶名单", "=不是公式"],
  measures: [{ measure: "走访困难成员", owner: "王委员", due: "3月底" }],
  recorder: "小刘",
};

describe("addMeeting (新建例会) through Office.js", () => {
  it("writes the core's 例会记录 sheet and its 例会台账 row, as the package host does", async () => {
    const { fx, host } = setup([registry]);
    const added = await host.addMeeting(meeting);
    // The same record from the core, with the package host's reading of the same workbook.
    const rec = buildMeetingRecord(meeting, {
      sheetNames: ["成员名册"],
      log: readLog([], MEETING_LOG_HEADERS),
      members: await packageMembers([registry]),
    });
    expect(rec.meeting.participants.length).toBe(10);
    expect(added).toEqual({
      sheetName: "例会记录-2026-03-05",
      label: "第1次",
      logSheet: MEETING_LOG_SHEET,
      unknownPlaceholders: [],
      usedTemplate: false,
      unknownSections: [],
      notes: [],
    });
    const sheet = fx.sheet(added.sheetName);
    expectRendered(sheet, rec.doc);
    // Topics starting with - or = are text, not formulas.
    const texts = rec.doc.cells.map((c) => c.value);
    expect(texts).toContain("2. -讨论困难帮扶名单");
    expect(sheet.formulas.size).toBe(0);
    // The package host's sheet has the same values in every cell the core wrote.
    const { added: ex, wb } = await packageAddDoc([registry], { meeting });
    expect(ex.sheetName).toBe(added.sheetName);
    const exSheet = wb.getWorksheet(ex.sheetName)!;
    for (const c of rec.doc.cells) {
      const v = exSheet.getCell(c.r, c.c).value;
      if (
        !exSheet.getCell(c.r, c.c).isMerged ||
        exSheet.getCell(c.r, c.c).master.address === exSheet.getCell(c.r, c.c).address
      )
        expect(sheet.value(c.r, c.c)).toEqual(inSheet((v === "" ? null : v) as CellValue));
    }
    // Styles: the core's, through setCellProperties.
    expect(sheet.style(1, 1)).toMatchObject({
      font: { name: "宋体", size: 20, bold: true },
      horizontalAlignment: "Center",
      verticalAlignment: "Center",
    });
    const th = rec.doc.cells.find((c) => c.value === "措施")!;
    expect(sheet.style(th.r, th.c)).toMatchObject({
      fill: { color: "#F2F2F2" },
      borders: { top: { style: "Continuous", weight: "Thin" }, left: { style: "Continuous" } },
    });
    // Page setup: A4 portrait, margins, one page wide, print titles, page numbers in the footer.
    expect(sheet.page).toMatchObject({
      paperSize: "A4",
      orientation: "Portrait",
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1 },
    });
    expect(sheet.margins).toEqual({ unit: "Inches", options: rec.doc.print.margins });
    expect(sheet.titleRows).toBe(`$${th.r}:$${th.r}`);
    expect(sheet.printArea).toBe(rec.doc.print.printArea);
    expect(sheet.headerFooter).toEqual({ centerFooter: "第 &P 页 共 &N 页" });
    // 例会台账, made with DOMAIN.md's headers, and the row.
    const log = fx.sheet(MEETING_LOG_SHEET);
    expect(log.values("A1:I1")[0]).toEqual(MEETING_LOG_HEADERS);
    expect(log.values("A2:I2")[0]).toEqual(rec.logRow.map(inSheet));
    expect(log.format(2, 1)).toBe("yyyy-mm-dd");
    expect(log.freeze).toEqual({ rows: 1 });
    expect(log.style(1, 1)).toMatchObject({ font: { bold: true }, fill: { color: "#D9E1F2" } });
    expect(fx.active?.name).toBe(added.sheetName);
    // Workbook, sheet heads, the registry (for the participants), the writes.
    expect(fx.syncs).toBe(4);
  });

  it("numbers the next meeting from the log, and appends under it (a missing column is added)", async () => {
    const log: SheetInit = {
      name: MEETING_LOG_SHEET,
      values: [
        ["例会台账（机关支部）"],
        ["期次", "会议日期", "所在支部", "召集人", "议题"],
        ["第1次", 46030, "机关支部", "李书记", "a"],
        ["第2次", 46060, "机关支部", "李书记", "b"],
      ],
      formats: [[], [], ["General", "yyyy-m-d"], ["General", "yyyy-m-d"]],
    };
    const { fx, host } = setup([registry, log, { name: "例会记录-2026-03-05", values: [["旧"]] }]);
    const added = await host.addMeeting({ ...meeting, participants: ["张三", "李四"] });
    expect(added.label).toBe("第3次");
    expect(added.sheetName).toBe("例会记录-2026-03-05(2)");
    const sheet = fx.sheet(MEETING_LOG_SHEET);
    expect(sheet.values("A2:I2")[0]).toEqual([
      "期次",
      "会议日期",
      "所在支部",
      "召集人",
      "议题",
      "参会人数",
      "问题分析",
      "改进措施",
      "记录人",
    ]);
    expect(sheet.values("A5:I5")[0]).toEqual([
      "第3次",
      dateToSerial(meeting.date, 1900),
      "机关支部",
      "李书记",
      "学习文件精神；-讨论困难帮扶名单；=不是公式",
      2,
      "",
      "走访困难成员，王委员，3月底",
      "小刘",
    ]);
    expect(sheet.format(5, 2)).toBe("yyyy-mm-dd");
    expect(sheet.formulas.size).toBe(0);
    // The same as the package host appends.
    const { added: ex, wb } = await packageAddDoc(
      [registry, log, { name: "例会记录-2026-03-05", values: [["旧"]] }],
      { meeting: { ...meeting, participants: ["张三", "李四"] } }
    );
    expect(ex.label).toBe("第3次");
    const exLog = wb.getWorksheet(MEETING_LOG_SHEET)!;
    for (let c = 1; c <= 9; c++) {
      const v = exLog.getRow(5).getCell(c).value as CellValue;
      expect(sheet.value(5, c)).toEqual(inSheet(v === undefined ? null : v));
    }
  });
});

describe("addBulletin (新建通报) through Office.js", () => {
  it("writes the core's 情况通报 and its 通报台账 row", async () => {
    const input = {
      date: utc(2026, 7, 1),
      sections: { 工作动态: "传达上级精神", 形势通报: "+国内形势平稳", 不存在: "x" },
      opinions: [{ from: "张三", content: "建议加强培训", adopted: true }],
    };
    const { fx, host } = setup([registry]);
    const added = await host.addBulletin(input);
    const issue = buildBulletin(input, {
      sheetNames: ["成员名册"],
      log: readLog([], BULLETIN_LOG_HEADERS),
    });
    expect(added).toMatchObject({
      sheetName: "情况通报-2026年第1期",
      label: "2026年第1期",
      logSheet: BULLETIN_LOG_SHEET,
      usedTemplate: false,
      unknownSections: ["不存在"],
    });
    expectRendered(fx.sheet(added.sheetName), issue.doc);
    expect(fx.sheet(added.sheetName).style(1, 1)).toMatchObject({
      font: { size: 24, color: "#C00000", bold: true },
    });
    const log = fx.sheet(BULLETIN_LOG_SHEET);
    expect(log.values("A1:H1")[0]).toEqual(BULLETIN_LOG_HEADERS);
    expect(log.values("A2:H2")[0]).toEqual(issue.logRow.map(inSheet));
    const { added: ex } = await packageAddDoc([registry], { bulletin: input });
    expect(ex.label).toBe(added.label);
  });
});

describe("custom template 模板-例会记录", () => {
  function templateSheet(fx: FakeExcel): void {
    const t = fx.addSheet({
      name: "模板-例会记录",
      values: [
        ["{{支部}}统战例会（{{期次}}）"],
        ["时间：{{日期}}"],
        ["{{#议题}}{{序号}}", "{{议题}}{{/议题}}"],
        ["记录：{{记录人}} {{审批人}}"],
      ],
      merges: ["A1:D1", "B3:D3"],
    });
    Object.assign(t.style(1, 1), {
      font: { name: "楷体", size: 18, bold: true, color: "#1F4E79" },
      horizontalAlignment: "Center",
    });
    t.style(3, 2).borders = { bottom: { style: "Dash", weight: "Thin", color: "#000000" } };
    t.style(4, 1).fill = { color: "#EEEEEE", pattern: "Solid" };
    t.widths.set(1, widthToPoints(14));
    t.widths.set(2, widthToPoints(30));
    t.heights.set(1, 36);
    t.heights.set(3, 20);
    t.page = { orientation: "Landscape", paperSize: "A4", leftMargin: 36, topMargin: 43.2 };
    t.headerFooter = { centerFooter: "&P / &N" };
  }

  const input: MeetingInput = {
    date: utc(2026, 11, 20),
    branch: "机关支部",
    convener: "李书记",
    topics: ["甲", "乙"],
    recorder: "小刘",
    participants: ["张三"],
  };

  it("keeps the template's styles, merges, widths, heights and page setup, and fills it", async () => {
    const fx = new FakeExcel([registry]);
    templateSheet(fx);
    const host = new OfficeLedgerHost({ run: fx.run, api: apiSupportUpTo(18) });
    const added = await host.addMeeting(input);
    expect(added).toMatchObject({
      sheetName: "例会记录-2026-11-20",
      usedTemplate: true,
      unknownPlaceholders: ["审批人"],
      notes: [],
    });
    const ws = fx.sheet(added.sheetName);
    expect(ws.value(1, 1)).toBe("机关支部统战例会（第1次）");
    expect(ws.style(1, 1)).toMatchObject({
      font: { name: "楷体", size: 18, bold: true, color: "#1F4E79" },
      horizontalAlignment: "Center",
    });
    expect(ws.value(2, 1)).toBe("时间：2026年11月20日");
    expect([ws.value(3, 1), ws.value(3, 2), ws.value(4, 1), ws.value(4, 2)]).toEqual([
      "1",
      "甲",
      "2",
      "乙",
    ]);
    expect(ws.style(4, 2)).toMatchObject({ borders: { bottom: { style: "Dash" } } });
    expect(ws.value(5, 1)).toBe("记录：小刘 {{审批人}}");
    expect(ws.style(5, 1)).toMatchObject({ fill: { color: "#EEEEEE" } });
    expect(
      ws.merges.map((m) => `${colLetters(m.left)}${m.top}:${colLetters(m.right)}${m.bottom}`).sort()
    ).toEqual(["A1:D1", "B3:D3", "B4:D4"]);
    expect(ws.widths.get(1)).toBeCloseTo(widthToPoints(14), 0);
    expect(ws.widths.get(2)).toBeCloseTo(widthToPoints(30), 0);
    expect(ws.heights.get(1)).toBe(36);
    expect(ws.heights.get(4)).toBe(20);
    expect(ws.page).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      leftMargin: 36,
      topMargin: 43.2,
    });
    expect(ws.headerFooter.centerFooter).toBe("&P / &N");
    // The template is left as it was; the log has its row.
    expect(fx.sheet("模板-例会记录").value(1, 1)).toBe("{{支部}}统战例会（{{期次}}）");
    expect(fx.sheet(MEETING_LOG_SHEET).value(2, 2)).toBe("第1次");
  });

  it("on Excel without cell properties (ExcelApi 1.8) it fills the text and says what is lost", async () => {
    const fx = new FakeExcel([registry], { maxApi: 8 });
    templateSheet(fx);
    const host = new OfficeLedgerHost({ run: fx.run, api: apiSupportUpTo(8) });
    const added = await host.addMeeting(input);
    expect(added.usedTemplate).toBe(true);
    const ws = fx.sheet(added.sheetName);
    expect([ws.value(1, 1), ws.value(3, 2), ws.value(4, 2)]).toEqual([
      "机关支部统战例会（第1次）",
      "甲",
      "乙",
    ]);
    expect(ws.style(1, 1).font).toBeUndefined();
    expect(ws.merges).toHaveLength(0);
    expect(ws.page).toEqual({});
    expect(added.notes.join("\n")).toMatch(/读不出模板的格式（需要 ExcelApi 1.9）/);
    expect(added.notes.join("\n")).toMatch(/合并单元格（需要 ExcelApi 1.13）/);
    expect(added.notes.join("\n")).toMatch(/页面设置（需要 ExcelApi 1.9）/);
    expect(fx.calls.get("setCellProperties")).toBeUndefined();
  });
});

describe("records on older Excel", () => {
  it("ExcelApi 1.8: the built-in layout is styled property by property; no page setup, with a note", async () => {
    const { fx, host } = setup([registry], { maxApi: 8 });
    const added = await host.addMeeting(meeting);
    const ws = fx.sheet(added.sheetName);
    expect(fx.calls.get("setCellProperties")).toBeUndefined();
    expect(ws.style(1, 1)).toMatchObject({
      font: { name: "宋体", size: 20, bold: true },
      horizontalAlignment: "Center",
    });
    expect(ws.page).toEqual({});
    expect(ws.margins).toBeNull();
    expect(added.notes).toEqual([expect.stringMatching(/页面设置（需要 ExcelApi 1.9）/)]);
    // The same values as with full support.
    const full = setup([registry]);
    const again = await full.host.addMeeting(meeting);
    expect(ws.values("A1:F40")).toEqual(full.fx.sheet(again.sheetName).values("A1:F40"));
  });

  it("lists the registry's branches for the meeting form", async () => {
    const { host } = setup([registry]);
    expect(await host.branches()).toEqual([
      "机关支部",
      "一车间支部",
      "技术中心支部",
      "销售公司支部",
    ]);
  });
});

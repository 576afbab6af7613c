import ExcelJS from "exceljs";
import { cellText } from "../helpers/cellText";
import { existsSync, mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { addMessySheet } from "../../scripts/samples/writeSamples";
import { buildMessyRegistry } from "../fixtures/messyRegistry";
import { printedPages } from "../helpers/pdf";
import { runCli, sha256 } from "./run";

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-docs-"));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A ledger workbook: a converted registry, a meeting log with two 2026 meetings and one of 2025, a bulletin log. */
async function ledger(name: string): Promise<string> {
  const raw = path.join(dir, `raw-${name}`);
  const wb = new ExcelJS.Workbook();
  const f = buildMessyRegistry(30, 5);
  addMessySheet(wb, "名册", f.rows, f.merges);
  await wb.xlsx.writeFile(raw);
  const out = path.join(dir, `conv-${name}`);
  runCli(["convert", raw, "--out", out, "--quiet"]);
  const converted = new ExcelJS.Workbook();
  await converted.xlsx.readFile(path.join(out, `raw-${name}`));
  const log = converted.addWorksheet("例会台账");
  log.addRow([
    "会议日期",
    "期次",
    "所在支部",
    "召集人",
    "参会人数",
    "议题",
    "问题分析",
    "改进措施",
    "记录人",
  ]);
  log.addRow([utc(2025, 12, 1), "第5次", "机关支部", "李书记", 5, "年终总结"]);
  log.addRow([utc(2026, 3, 1), "第1次", "机关支部", "李书记", 5, "开年部署"]);
  log.addRow([utc(2026, 6, 1), "第2次", "机关支部", "李书记", 5, "半年小结"]);
  const blog = converted.addWorksheet("通报台账");
  blog.addRow([
    "期号",
    "通报日期",
    "通报范围",
    "工作动态",
    "企业情况",
    "形势通报",
    "征集意见数",
    "采纳意见数",
  ]);
  blog.addRow(["2026年第4期", utc(2026, 9, 1), "全体", "x", "y", "z", 3, 1]);
  const file = path.join(dir, name);
  await converted.xlsx.writeFile(file);
  return file;
}

const sheetTexts = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  ws.eachRow((r) => r.eachCell((c) => out.push(cellText(c))));
  return out;
};

describe("uf-ledger meeting", () => {
  let file: string;
  let out: string;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    file = await ledger("ledger.xlsx");
    out = path.join(dir, "meeting.xlsx");
    const r = runCli([
      "meeting",
      file,
      "--date",
      "2026-11-20",
      "--branch",
      "机关支部",
      "--convener",
      "李书记",
      "--topic",
      "学习会议精神",
      "--topic",
      "安排联谊活动",
      "--place",
      "三楼会议室",
      "--recorder",
      "小刘",
      "--measure",
      "每月走访一次|王副书记|2026年12月底",
      "--out",
      out,
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
  });

  it("makes 例会记录-2026-11-20, numbered 第3次 for 2026, with the branch's members by name", () => {
    const ws = wb.getWorksheet("例会记录-2026-11-20")!;
    const t = sheetTexts(ws);
    expect(t).toContain("（2026年第3次）");
    expect(t).toContain("1. 学习会议精神");
    expect(t).toContain("2. 安排联谊活动");
    expect(t).toContain("每月走访一次");
    const reg = wb.getWorksheet("成员名册")!;
    const names: string[] = [];
    reg.eachRow((row, n) => {
      if (n > 1 && row.getCell(9).text === "机关支部") names.push(row.getCell(2).text);
    });
    expect(names.length).toBeGreaterThan(0);
    const participants = t.find((x) => names.every((n) => x.includes(n)));
    expect(participants).toBeDefined();
    for (const s of t) {
      expect(s).not.toMatch(/\d{17}[\dX]/);
      expect(s).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    }
  });

  it("is print-ready: A4 portrait, margins, one page wide, page numbers, print titles, official fonts, table borders", () => {
    const ws = wb.getWorksheet("例会记录-2026-11-20")!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.margins).toMatchObject({ left: 0.79, top: 0.98 });
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    expect(ws.headerFooter.oddFooter).toContain("&P");
    expect(ws.getCell("A1").font).toMatchObject({
      name: "宋体",
      bold: true,
      family: 1,
      charset: 134,
    });
    let th: ExcelJS.Cell | undefined;
    ws.eachRow((r) => r.eachCell((c) => (c.text === "措施" ? (th = c) : undefined)));
    expect(th!.border.top?.style).toBe("thin");
    expect(th!.font.name).toBe("仿宋");
  });

  it("appends its row to 例会台账", () => {
    const log = wb.getWorksheet("例会台账")!;
    expect(log.rowCount).toBe(5);
    const row = log.getRow(5);
    expect(row.getCell(1).value).toEqual(utc(2026, 11, 20));
    expect(row.getCell(2).value).toBe("第3次");
    expect(row.getCell(3).value).toBe("机关支部");
    expect(row.getCell(6).value).toBe("学习会议精神；安排联谊活动");
  });

  it("prints on one or two pages (LibreOffice)", async () => {
    const pages = await printedPages(out, "例会记录-2026-11-20");
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  });

  it("never overwrites: the same date again gets (2); --in-place keeps a .bak of the original", async () => {
    const before = sha256(out);
    const r = runCli([
      "meeting",
      out,
      "--date",
      "2026-11-20",
      "--branch",
      "机关支部",
      "--convener",
      "李书记",
      "--in-place",
    ]);
    expect(r.code).toBe(0);
    expect(sha256(`${out}.bak`)).toBe(before);
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(out);
    expect(again.getWorksheet("例会记录-2026-11-20(2)")).toBeDefined();
    expect(sheetTexts(again.getWorksheet("例会记录-2026-11-20(2)")!)).toContain("（2026年第4次）");
  });

  it("needs --out or --in-place, and leaves the input untouched", async () => {
    const h = sha256(file);
    const r = runCli([
      "meeting",
      file,
      "--date",
      "2026-11-20",
      "--branch",
      "机关支部",
      "--convener",
      "李书记",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--in-place");
    expect(sha256(file)).toBe(h);
  });
});

describe("uf-ledger bulletin", () => {
  it("makes 情况通报-2026年第5期 after 2026年第4期, fills sections, logs it, prints on one or two pages", async () => {
    const file = await ledger("b.xlsx");
    const out = path.join(dir, "bulletin.xlsx");
    const r = runCli([
      "bulletin",
      file,
      "--date",
      "2026-11-25",
      "--section",
      "工作动态=传达上级统战工作会议精神",
      "--section",
      "形势通报=国内经济运行总体平稳",
      "--opinion",
      "张三|建议增加技术培训|已采纳",
      "--out",
      out,
    ]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("情况通报-2026年第5期")!;
    const t = sheetTexts(ws);
    for (const want of [
      "统战情况通报",
      "2026年第5期",
      "一、工作动态",
      "传达上级统战工作会议精神",
      "二、企业情况",
      "三、形势通报",
      "四、意见建议征集",
      "建议增加技术培训",
      "报送",
      "抄送",
    ])
      expect(t).toContain(want);
    const log = wb.getWorksheet("通报台账")!;
    expect((log.getRow(3).values as unknown[]).slice(1)).toEqual([
      "2026年第5期",
      utc(2026, 11, 25),
      undefined,
      "传达上级统战工作会议精神",
      undefined,
      "国内经济运行总体平稳",
      1,
      1,
    ]);
    const pages = await printedPages(out, "情况通报-2026年第5期");
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  });

  it("creates 通报台账 when the workbook has none, and refuses an unknown section", async () => {
    const file = path.join(dir, "bare.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").getCell("A1").value = "空台账";
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, "bare-out.xlsx");
    expect(runCli(["bulletin", file, "--date", "2026-01-05", "--out", out]).code).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect((back.getWorksheet("通报台账")!.getRow(1).values as unknown[]).slice(1)).toEqual([
      "期号",
      "通报日期",
      "通报范围",
      "工作动态",
      "企业情况",
      "形势通报",
      "征集意见数",
      "采纳意见数",
    ]);
    expect(back.getWorksheet("情况通报-2026年第1期")).toBeDefined();
    const bad = runCli([
      "bulletin",
      file,
      "--date",
      "2026-01-05",
      "--section",
      "花边新闻=x",
      "--out",
      path.join(dir, "x.xlsx"),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("不认识的通报部分“花边新闻”");
    expect(existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });
});

describe("custom template 模板-例会记录", () => {
  it("keeps the template's layout, styles, merges, widths, heights and print setup, and fills it", async () => {
    const file = path.join(dir, "tpl.xlsx");
    const wb = new ExcelJS.Workbook();
    const t = wb.addWorksheet("模板-例会记录");
    t.getCell("A1").value = "{{支部}}统战例会（{{期次}}）";
    t.getCell("A1").font = { name: "楷体", size: 18, bold: true, color: { argb: "FF1F4E79" } };
    t.getCell("A1").alignment = { horizontal: "center" };
    t.mergeCells("A1:D1");
    t.getCell("A2").value = "时间：{{日期}}";
    t.getCell("A3").value = "{{#议题}}{{序号}}";
    t.getCell("B3").value = "{{议题}}{{/议题}}";
    t.getCell("B3").border = { bottom: { style: "dashed" } };
    t.mergeCells("B3:D3");
    t.getCell("A4").value = "记录：{{记录人}} {{审批人}}";
    t.getCell("A4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEEEEE" } };
    t.getColumn(1).width = 14;
    t.getColumn(2).width = 30;
    t.getRow(1).height = 36;
    t.getRow(3).height = 20;
    t.pageSetup.orientation = "landscape";
    t.pageSetup.paperSize = 9;
    t.pageSetup.margins = {
      left: 0.5,
      right: 0.5,
      top: 0.6,
      bottom: 0.6,
      header: 0.2,
      footer: 0.2,
    };
    t.headerFooter.oddFooter = "&C&P / &N";
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, "tpl-out.xlsx");
    const r = runCli([
      "meeting",
      file,
      "--date",
      "2026-11-20",
      "--branch",
      "机关支部",
      "--convener",
      "李书记",
      "--topic",
      "甲",
      "--topic",
      "乙",
      "--recorder",
      "小刘",
      "--participant",
      "张三",
      "--out",
      out,
    ]);
    expect(r.code).toBe(1); // an unknown placeholder is a problem, reported
    expect(r.stderr).toContain("{{审批人}}");
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const ws = back.getWorksheet("例会记录-2026-11-20")!;
    expect(ws.getCell("A1").value).toBe("机关支部统战例会（第1次）");
    expect(ws.getCell("A1").font).toMatchObject({
      name: "楷体",
      size: 18,
      bold: true,
      color: { argb: "FF1F4E79" },
    });
    expect(ws.getCell("A1").alignment).toMatchObject({ horizontal: "center" });
    expect(ws.getCell("A2").value).toBe("时间：2026年11月20日");
    expect([
      ws.getCell("A3").value,
      ws.getCell("B3").value,
      ws.getCell("A4").value,
      ws.getCell("B4").value,
    ]).toEqual(["1", "甲", "2", "乙"]);
    expect(ws.getCell("B4").border.bottom?.style).toBe("dashed");
    expect(ws.getCell("A5").value).toBe("记录：小刘 {{审批人}}");
    expect((ws.getCell("A5").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFEEEEEE");
    expect((ws.model as { merges: string[] }).merges.sort()).toEqual(["A1:D1", "B3:D3", "B4:D4"]);
    expect(ws.getColumn(1).width).toBe(14);
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getRow(1).height).toBe(36);
    expect(ws.getRow(4).height).toBe(20);
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9 });
    expect(ws.pageSetup.margins).toMatchObject({ left: 0.5, top: 0.6 });
    expect(ws.headerFooter.oddFooter).toBe("&C&P / &N");
    // The template itself is left as it was.
    expect(back.getWorksheet("模板-例会记录")!.getCell("A1").value).toBe(
      "{{支部}}统战例会（{{期次}}）"
    );
  });
});

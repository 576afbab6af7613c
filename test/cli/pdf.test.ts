/**
 * --pdf, end to end: meeting, bulletin, summary and remind print their new sheet to a PDF through
 * the real LibreOffice; the PDFs are read back with poppler (pdfinfo, pdftotext, pdffonts). One
 * conversion per command (a few seconds each); the runs without LibreOffice convert nothing.
 */
import ExcelJS from "exceljs";
import { execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  promises as fs,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { pdfPathFor } from "../../src/hosts/exceljs/pdf/sheetPdf";
import { findSoffice } from "../../src/hosts/exceljs/read/libreoffice";
import { idFor } from "../fixtures/branchWorkbooks";
import { ROOT, runCli, sha256 } from "./run";

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-pdf-cli-"));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

/** A poppler tool's output (poppler-utils; .ci/run installs it). */
function poppler(tool: "pdfinfo" | "pdftotext" | "pdffonts", args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(`${tool} is needed: apt-get install poppler-utils`);
    throw e;
  }
}

const pdfText = (pdf: string) => poppler("pdftotext", ["-layout", pdf, "-"]);

/** Pages and the size of the first, in points (portrait: width < height). */
function pdfPages(pdf: string): { pages: number; width: number; height: number; a4: boolean } {
  const info = poppler("pdfinfo", [pdf]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts(.*)$/m.exec(info)!;
  return { pages, width: Number(size[1]), height: Number(size[2]), a4: /A4/.test(size[3]) };
}

/** The fonts embedded in the PDF whose names say CJK (Noto Sans/Serif CJK, Source Han…). */
function embeddedCjkFonts(pdf: string): string[] {
  return poppler("pdffonts", [pdf])
    .split("\n")
    .slice(2)
    .map((l) => /^(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m && m[2] === "yes" && /CJK|Han|Song|Fang/i.test(m[1]))
    .map((m) => m[1]);
}

const ID = {
  张一: idFor("19601210", 1, true),
  王二: idFor("19850505", 2, false),
  李三: idFor("19700105", 3, false),
  赵四: idFor("19900606", 4, true),
};
const PHONE = {
  张一: "13812345678",
  王二: "13987654321",
  李三: "15011112222",
  赵四: "18633334444",
};

/**
 * 台账.xlsx: 机关支部's registry (ID numbers and phones in full), its contact log, and the meeting
 * and bulletin logs; and 一车间支部.xlsx, a second branch for the summary and the reminders.
 */
async function writeLedgers(): Promise<{ ledger: string; other: string }> {
  const header = [
    "序号",
    "姓名",
    "性别",
    "出生日期",
    "公民身份号码",
    "政治面貌",
    "所在支部",
    "手机号码",
    "家庭经济状况",
    "联系人",
    "建档日期",
  ];
  const contacts = ["活动日期", "成员姓名", "公民身份号码", "活动类型", "内容", "联系人"];
  const a = new ExcelJS.Workbook();
  const ra = a.addWorksheet("成员名册");
  ra.addRow(header);
  ra.addRow([
    1,
    "张一",
    "男",
    d(1960, 12, 10),
    ID.张一,
    "中国民主同盟盟员",
    "机关支部",
    PHONE.张一,
    "困难",
    "李书记",
    d(2025, 3, 1),
  ]);
  ra.addRow([
    2,
    "王二",
    "女",
    d(1985, 5, 5),
    ID.王二,
    "九三学社社员",
    "机关支部",
    PHONE.王二,
    "良好",
    "李书记",
    d(2026, 10, 8),
  ]);
  ra.addRow([
    3,
    "李三",
    "女",
    d(1970, 1, 5),
    ID.李三,
    "无党派民主人士",
    "机关支部",
    PHONE.李三,
    "一般",
    "王委员",
    d(2024, 6, 1),
  ]);
  const ca = a.addWorksheet("联谊活动记录");
  ca.addRow(contacts);
  ca.addRow([d(2026, 10, 15), "王二", ID.王二, "谈心谈话", "谈工作", "李书记"]);
  ca.addRow([d(2026, 11, 2), "李三", ID.李三, "学习活动", "学习", "王委员"]);
  const b = new ExcelJS.Workbook();
  const rb = b.addWorksheet("成员名册");
  rb.addRow(header);
  rb.addRow([
    1,
    "赵四",
    "男",
    d(1990, 6, 6),
    ID.赵四,
    "中国致公党党员",
    "一车间支部",
    PHONE.赵四,
    "困难",
    "赵委员",
    d(2026, 11, 1),
  ]);
  const files = { ledger: path.join(dir, "台账.xlsx"), other: path.join(dir, "一车间支部.xlsx") };
  await a.xlsx.writeFile(files.ledger);
  await b.xlsx.writeFile(files.other);
  return files;
}

/** No full ID number or phone of the fixture anywhere in the text; their masked forms allowed. */
function expectNoPii(text: string): void {
  for (const id of Object.values(ID)) expect(text).not.toContain(id);
  for (const phone of Object.values(PHONE)) expect(text).not.toContain(phone);
  // Nor cut by a line break in the layout: the digits without spaces.
  const digits = text.replace(/\s+/g, "");
  for (const v of [...Object.values(ID), ...Object.values(PHONE)]) expect(digits).not.toContain(v);
}

/** The files in a folder, sorted: a temp file left behind (.name.pid.hex.tmp) would show. */
const folderFiles = (folder: string) => readdirSync(folder).sort();

describe("--pdf (LibreOffice, poppler)", () => {
  let files: { ledger: string; other: string };
  let hashes: string[];
  beforeAll(async () => {
    if (!findSoffice())
      throw new Error(
        "LibreOffice is needed: apt-get install libreoffice-calc-nogui fonts-noto-cjk"
      );
    files = await writeLedgers();
    hashes = [files.ledger, files.other].map(sha256);
  });

  it("names the PDF for the workbook and the sheet, once when they are the same", () => {
    expect(pdfPathFor("/x/台账.xlsx", "例会记录-2026-11-20")).toBe(
      "/x/台账-例会记录-2026-11-20.pdf"
    );
    expect(pdfPathFor("/x/关怀提醒-2026-12-01.xlsx", "关怀提醒-2026-12-01")).toBe(
      "/x/关怀提醒-2026-12-01.pdf"
    );
    expect(pdfPathFor("/x/a.xlsx", 'b"c|d')).toBe("/x/a-b_c_d.pdf");
  });

  it("meeting: the 例会记录 sheet alone, one A4 portrait page, in Chinese fonts; the input untouched", () => {
    const folder = path.join(dir, "meeting");
    const out = path.join(folder, "台账-例会.xlsx");
    const r = runCli([
      "meeting",
      files.ledger,
      "--date",
      "2026-11-20",
      "--branch",
      "机关支部",
      "--convener",
      "李书记",
      "--topic",
      "学习上级统战工作会议精神",
      "--place",
      "三楼会议室",
      "--out",
      out,
      "--pdf",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const pdf = path.join(folder, "台账-例会-例会记录-2026-11-20.pdf");
    expect(r.stdout).toContain(`已生成 PDF：${pdf}`);
    expect(folderFiles(folder)).toEqual([path.basename(out), path.basename(pdf)].sort());
    expect(pdfPages(pdf)).toMatchObject({ pages: 1, a4: true });
    expect(pdfPages(pdf).width).toBeLessThan(pdfPages(pdf).height);
    const text = pdfText(pdf);
    expect(text.replace(/\s+/g, "")).toContain("第1页共1页");
    expect(text).toContain("统战工作例会记录");
    expect(text).toContain("2026年11月20日");
    expect(text).toContain("三楼会议室");
    expect(text).toContain("学习上级统战工作会议精神");
    expect(text).toMatch(/张一、王二、李三/);
    // Nothing of the other sheets: the registry's header and numbers, the log.
    expect(text).not.toContain("公民身份号码");
    expect(text).not.toContain("会议日期");
    expectNoPii(text);
    expect(embeddedCjkFonts(pdf).length).toBeGreaterThan(0);
    expect(sha256(files.ledger)).toBe(hashes[0]);
  });

  it("bulletin --in-place: 台账-情况通报-2026年第1期.pdf beside the workbook, in English with --lang en", async () => {
    const folder = path.join(dir, "bulletin");
    await fs.mkdir(folder);
    const ledger = path.join(folder, "台账.xlsx");
    await fs.copyFile(files.ledger, ledger);
    const r = runCli([
      "bulletin",
      ledger,
      "--date",
      "2026-11-25",
      "--section",
      "工作动态=召开了第四季度统战工作例会",
      "--in-place",
      "--pdf",
      "--lang",
      "en",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const pdf = path.join(folder, "台账-情况通报-2026年第1期.pdf");
    expect(r.stdout).toContain(`PDF written: ${pdf}`);
    expect(folderFiles(folder)).toEqual([
      "台账-情况通报-2026年第1期.pdf",
      "台账.xlsx",
      "台账.xlsx.bak",
    ]);
    const { pages, a4, width, height } = pdfPages(pdf);
    expect(pages).toBe(1);
    expect(a4 && width < height).toBe(true);
    const text = pdfText(pdf);
    expect(text).toContain("统战情况通报");
    expect(text).toContain("2026年第1期");
    expect(text).toContain("召开了第四季度统战工作例会");
    expect(text).toContain("一、工作动态");
    expectNoPii(text);
    expect(embeddedCjkFonts(pdf).length).toBeGreaterThan(0);
  });

  it("summary: the summary sheet only (not 汇总说明), A4 landscape, no ID number or phone", () => {
    const folder = path.join(dir, "summary");
    const out = path.join(folder, "季度汇总-2026Q4.xlsx");
    const r = runCli([
      "summary",
      files.ledger,
      files.other,
      "--quarter",
      "2026Q4",
      "--out",
      out,
      "--pdf",
      "--quiet",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const pdf = path.join(folder, "季度汇总-2026Q4.pdf");
    expect(r.stdout).toContain(`已生成 PDF：${pdf}`);
    expect(folderFiles(folder)).toEqual(["季度汇总-2026Q4.pdf", "季度汇总-2026Q4.xlsx"]);
    const { pages, a4, width, height } = pdfPages(pdf);
    // Its print setup breaks the page after the key figures and the charts; the charts (still
    // changing) take one or two pages. Only this sheet: its footer counts all the PDF's pages.
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(5);
    expect(a4 && width > height).toBe(true);
    const text = pdfText(pdf);
    expect(text.replace(/\s+/g, "")).toContain(`第${pages}页共${pages}页`);
    expect(text).toContain("统战工作季度汇总（2026年第4季度）");
    expect(text).toMatch(/成员总数\s+4\b/);
    expect(text).toMatch(/谈心谈话次数\s+1\b/);
    expect(text).toContain("一车间支部");
    // 汇总说明 (where the figures came from) is not printed.
    expect(text).not.toContain("汇总说明");
    expectNoPii(text);
    expect(embeddedCjkFonts(pdf).length).toBeGreaterThan(0);
    expect([files.ledger, files.other].map(sha256)).toEqual(hashes);
  });

  it("remind: 关怀提醒-2026-12-01.pdf, A4 landscape, every column on the page, IDs and phones masked", () => {
    const folder = path.join(dir, "remind");
    const out = path.join(folder, "关怀提醒-2026-12-01.xlsx");
    const r = runCli([
      "remind",
      files.ledger,
      files.other,
      "--as-of",
      "2026-12-01",
      "--out",
      out,
      "--pdf",
      "--quiet",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const pdf = path.join(folder, "关怀提醒-2026-12-01.pdf");
    expect(r.stdout).toContain(`已生成 PDF：${pdf}`);
    expect(folderFiles(folder)).toEqual(["关怀提醒-2026-12-01.pdf", "关怀提醒-2026-12-01.xlsx"]);
    const { pages, a4, width, height } = pdfPages(pdf);
    // Four lists of one or two members each, a member's reason wrapped on two lines: the last
    // rows run onto a second page of the landscape sheet.
    expect(pages).toBe(2);
    expect(a4 && width > height).toBe(true);
    const text = pdfText(pdf);
    expect(text.replace(/\s+/g, "")).toContain("第2页共2页");
    expect(text).toContain("统战成员关怀提醒");
    expect(text).toContain("截至 2026-12-01");
    // Fit to the page's width: each table's header has its first and last column on one line.
    const headers = text.split("\n").filter((l) => /^\s*姓名\s/.test(l));
    expect(headers.length).toBeGreaterThan(0);
    for (const h of headers) expect(h).toMatch(/姓名.*所在支部.*公民身份号码.*手机号码.*联系人/);
    expect(text).toContain(`${ID.张一.slice(0, 6)}********${ID.张一.slice(-4)}`);
    expect(text).toContain("138****5678");
    expectNoPii(text);
    expect(embeddedCjkFonts(pdf).length).toBeGreaterThan(0);
    expect([files.ledger, files.other].map(sha256)).toEqual(hashes);
  });

  it("without LibreOffice: the workbook is written, no PDF, the reason and how to install it, exit 2", () => {
    const folder = path.join(dir, "no-soffice");
    const env = { UF_LEDGER_SOFFICE: path.join(dir, "no-such-soffice") };
    const out = path.join(folder, "台账-例会.xlsx");
    const r = runCli(
      [
        "meeting",
        files.ledger,
        "--date",
        "2026-11-20",
        "--branch",
        "机关支部",
        "--convener",
        "李书记",
        "--out",
        out,
        "--pdf",
      ],
      undefined,
      env
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("已新建工作表“例会记录-2026-11-20”");
    expect(r.stderr).toContain(
      "台账-例会-例会记录-2026-11-20.pdf：生成 PDF 需要 LibreOffice，本机未安装（Debian/Ubuntu：sudo apt-get install libreoffice-calc-nogui fonts-noto-cjk）"
    );
    expect(r.stderr).toContain("未生成 PDF；工作簿已照常写出");
    expect(folderFiles(folder)).toEqual(["台账-例会.xlsx"]);
    expect(sha256(files.ledger)).toBe(hashes[0]);

    // The same in English for the summary.
    const sum = path.join(folder, "summary.xlsx");
    const s = runCli(
      [
        "summary",
        files.ledger,
        files.other,
        "--quarter",
        "2026Q4",
        "--out",
        sum,
        "--pdf",
        "--quiet",
        "--lang",
        "en",
      ],
      undefined,
      env
    );
    expect(s.code).toBe(2);
    expect(s.stderr).toContain(
      "summary-季度汇总-2026Q4.pdf: making a PDF needs LibreOffice, which is not installed"
    );
    expect(s.stderr).toContain("no PDF made; the workbook was written all the same");
    expect(existsSync(sum)).toBe(true);
    expect(folderFiles(folder)).toEqual(["summary.xlsx", "台账-例会.xlsx"]);
    expect([files.ledger, files.other].map(sha256)).toEqual(hashes);
  });

  it("on Ctrl+C while printing: LibreOffice stopped, its temp folders and the half PDF removed, exit 130", async () => {
    // A LibreOffice that never finishes, started as the real one is (its own process group).
    const folder = path.join(dir, "interrupted");
    await fs.mkdir(folder);
    const pidFile = path.join(folder, "soffice.pid");
    const fake = path.join(dir, "slow-soffice");
    writeFileSync(fake, `#!/bin/sh\necho $$ > '${pidFile}'\nexec sleep 60\n`, { mode: 0o755 });
    const out = path.join(folder, "季度汇总-2026Q4.xlsx");
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, "bin", "uf-ledger.js"),
        "summary",
        files.ledger,
        "--quarter",
        "2026Q4",
        "--out",
        out,
        "--pdf",
        "--quiet",
      ],
      { cwd: ROOT, env: { ...process.env, UF_LEDGER_SOFFICE: fake } }
    );
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    const ours = () =>
      readdirSync(os.tmpdir()).filter(
        (n) => n.startsWith("uf-ledger-") && n.includes(`-${child.pid}-`)
      );
    for (let i = 0; i < 300 && !existsSync(pidFile); i++)
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 100));
    const soffice = Number((await fs.readFile(pidFile, "utf8")).trim());
    expect(
      ours()
        .sort()
        .map((n) => n.replace(/-\d+-\w+$/, ""))
    ).toEqual(["uf-ledger-lo-profile", "uf-ledger-pdf"]);
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr).toContain("已中断：未写完的 PDF（临时文件）已删除");
    expect(ours()).toEqual([]);
    await new Promise((r) => setTimeout(r, 100));
    // Gone, or a zombie waiting for a parent (in a container the first process may not reap).
    const state = (() => {
      try {
        return readFileSync(`/proc/${soffice}/stat`, "utf8").replace(/^.*\)\s+/, "")[0];
      } catch {
        return "gone";
      }
    })();
    expect(["gone", "Z"]).toContain(state);
    // The workbook was written before; no PDF, no temp file beside it.
    expect(folderFiles(folder)).toEqual(["soffice.pid", "季度汇总-2026Q4.xlsx"]);
  });
});

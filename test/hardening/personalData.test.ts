import { readReport } from "../helpers/reportJson";
import ExcelJS from "exceljs";
import { mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CliRun } from "../cli/run";
import { maskSensitiveText } from "../../src/core/privacy";
import { idCheckChar } from "../../src/core/rules/idNumber";
import { cellText, cli, everyCell, readXlsx } from "./common";

/**
 * Issue #8, part D: full ID numbers and mobile numbers appear only in 成员名册, 校验报告 and 变更记录.
 * The console (every command, both languages), report.json and every sheet that meeting, bulletin
 * and summary add show them masked (110105********123X, 138****5678); --show-pii shows them on the
 * console and in report.json (the sheets of meeting, bulletin and summary never do).
 */

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-hard-pii-"));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const id = (first17: string) => first17 + idCheckChar(first17);
const ID_A = id("11010519650312003"); // valid
const ID_B = id("44052419710705002"); // valid
const ID_BAD = "110105194912310021"; // check digit wrong: named in its message
const MOBILE_A = "13812345678";
const MOBILE_B = "13987654321";

/**
 * An ID number or mobile standing apart from other digits, the way people type them: also in
 * groups (138 1234 5678, 110105-19491231-002X), after +86, in full-width digits.
 */
function unmasked(text: string): string[] {
  const t = text.normalize("NFKC");
  return [
    /(?<!\d)\d{6}[- ]?\d{8}[- ]?\d{3}[\dXx](?!\d)/g,
    /(?<!\d)\d{15}(?!\d)/g,
    /(?<!\d)1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g,
    /(?:\+|00)86[- ]?1[3-9]\d{9}(?!\d)/g,
  ].flatMap((re) => t.match(re) ?? []);
}

function expectMasked(what: string, text: string): void {
  expect([what, unmasked(text)]).toEqual([what, []]);
}

function expectConsoleMasked(what: string, r: CliRun): void {
  expectMasked(`${what} stdout`, r.stdout);
  expectMasked(`${what} stderr`, r.stderr);
}

/** Every cell of the named sheets (all, if none named) as text. */
function sheetsText(wb: ExcelJS.Workbook, sheets?: (name: string) => boolean): string {
  return [...everyCell(wb)]
    .filter((c) => !sheets || sheets(c.sheet))
    .map((c) => `${c.sheet}!${c.address} ${cellText(c.cell)}`)
    .join("\n");
}

/** A registry whose problems name ID numbers and phones in every way people type them. */
async function registry(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("名册");
  ws.addRow(["序号", "姓名", "性别", "出生日期", "身份证号", "所在支部", "手机号码", "备注"]);
  ws.addRows([
    // An ID of a woman on a man; two mobiles in one cell.
    [1, "张三", "男", "1965.03", ID_A, "机关支部", `${MOBILE_A}/${MOBILE_B}`],
    // A check digit that is wrong: the message names the number.
    [2, "李四", "女", null, ID_BAD, "机关支部", `138-1234-5678/139 8765 4321`],
    // Full-width digits, wrong check digit.
    [
      3,
      "王五",
      "男",
      null,
      "４４０５２４１９７１０７０５００２２",
      "机关支部",
      "+86 139 8765 4321",
    ],
    // An ID Excel stored as a number: digits lost.
    [4, "赵六", "男", null, 440524197107050000, "一车间", "0755-12345678"],
    // A phone where the date of birth belongs; a phone in the name; the same ID twice.
    [5, `钱七${MOBILE_B}`, "女", MOBILE_A, ID_A, "一车间", "1381234"],
    [6, "孙八", "女", null, ID_B, "一车间", "+8613812345678", `身份证 ${ID_BAD} 电话 ${MOBILE_A}`],
  ]);
  await wb.xlsx.writeFile(file);
}

describe("masking (src/core/privacy.ts)", () => {
  it.each([
    ["138-1234-5678/139 8765 4321", "138-****-5678/139 **** 4321"],
    ["+8613812345678，0086 139 8765 4321", "+86138****5678，0086 139 **** 4321"],
    ["１３８１２３４５６７８", "１３８****５６７８"],
    ["110105 19491231 002x", "110105 ******** 002X"],
    ["ID11010519491231002Xabc", "ID110105********002Xabc"],
    ["４４０５２４１９７１０７０５００２２", "４４０５２４********００２２"],
    ["座机 0755 12345678", "座机 0755 ****5678"],
  ])("masks %s the way it was typed", (typed, masked) => {
    expect(maskSensitiveText(typed)).toBe(masked);
    expect(unmasked(masked)).toEqual([]);
  });

  it("leaves other numbers alone", () => {
    for (const s of ["2026-11-23T22:00:30.123Z", "第 3、5 行", "12345678901234567890", "1381234"])
      expect(maskSensitiveText(s)).toBe(s);
  });
});

let input: string;
let ledger: string;

beforeAll(async () => {
  input = path.join(dir, "机关名册.xlsx");
  await registry(input);
  const r = cli(["convert", input, "--out", path.join(dir, "ledger"), "--quiet"]);
  expect(r.code).toBe(1);
  ledger = path.join(dir, "ledger", "机关名册.xlsx");
}, 60_000);

describe("convert and check", () => {
  it.each([
    ["zh-CN", {}],
    ["en", {}],
    ["zh-CN", { UF_LEDGER_STREAM_ABOVE: "0" }],
  ] as const)("--lang %s %j: console and report.json masked", async (lang, env) => {
    const out = path.join(dir, `convert-${lang}-${Object.keys(env).length}`);
    const convert = cli(["convert", input, "--out", out, "--lang", lang], env);
    expect(convert.code).toBe(1);
    expectConsoleMasked("convert", convert);
    const report = await fs.readFile(path.join(out, "report.json"), "utf8");
    expectMasked("report.json", report);
    expect(readReport(path.join(out, "report.json")).valid).toBe(false);
    // Masked, not left out.
    expect(report).toContain("440524********0022");
    expect(report).toContain("138****5678");
    const check = cli(["check", input, "--lang", lang], env);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("110105********0021");
    expectConsoleMasked("check", check);
    // The standard sheets hold the numbers in full: that is where they belong.
    const wb = await readXlsx(path.join(out, "机关名册.xlsx"));
    expect(sheetsText(wb, (s) => s === "成员名册")).toContain(ID_A);
  });

  it("--show-pii shows them on the console and in report.json", async () => {
    const out = path.join(dir, "convert-pii");
    const convert = cli(["convert", input, "--out", out, "--show-pii", "--quiet"]);
    const report = await fs.readFile(path.join(out, "report.json"), "utf8");
    readReport(path.join(out, "report.json"));
    for (const full of [ID_BAD, "４４０５２４１９７１０７０５００２２", `${MOBILE_A}/${MOBILE_B}`])
      expect(report).toContain(full);
    expect(convert.code).toBe(1);
    const check = cli(["check", input, "--show-pii"]);
    expect(check.stdout).toContain(ID_BAD);
    expect(check.stdout).toContain(`钱七${MOBILE_B}`);
  });
});

describe("meeting and bulletin", () => {
  const typed = [
    "--place",
    `三楼会议室（电话 ${MOBILE_A}）`,
    "--analysis",
    `李四（${ID_BAD}）反映：可打 138 1234 5678 联系`,
    "--absent",
    `王五:出差，电话 +86 139-8765-4321`,
    "--measure",
    `回访|张三 ${MOBILE_B}|2026-12-31`,
    "--topic",
    `核对身份证号 ${ID_A}`,
  ];

  it.each([[[] as string[]], [["--show-pii"]]])(
    "the sheets they add are masked %j; so is the console",
    async (flags) => {
      const meeting = path.join(dir, `meeting${flags.length}.xlsx`);
      const m = cli([
        "meeting",
        ledger,
        "--date",
        "2026-11-20",
        "--branch",
        "机关支部",
        "--convener",
        `李书记 ${MOBILE_A}`,
        ...typed,
        ...flags,
        "--out",
        meeting,
      ]);
      expect(m.code).toBe(0);
      expectConsoleMasked("meeting", m);
      const mw = await readXlsx(meeting);
      const added = (s: string) => s.startsWith("例会记录-") || s === "例会台账";
      expect(mw.worksheets.filter((w) => added(w.name))).toHaveLength(2);
      expectMasked("meeting sheets", sheetsText(mw, added));
      expect(sheetsText(mw, added)).toContain("138****5678");

      const bulletin = path.join(dir, `bulletin${flags.length}.xlsx`);
      const b = cli([
        "bulletin",
        meeting,
        "--date",
        "2026-11-25",
        "--section",
        `工作动态=联系人 ${MOBILE_B}`,
        "--section",
        `形势通报=身份证 ${ID_B}`,
        "--opinion",
        `孙八（${MOBILE_A}）|请电话 139 8765 4321 回复|采纳`,
        ...flags,
        "--out",
        bulletin,
      ]);
      expect(b.code).toBe(0);
      expectConsoleMasked("bulletin", b);
      const bw = await readXlsx(bulletin);
      const addedB = (s: string) => s.startsWith("情况通报-") || s === "通报台账";
      expect(bw.worksheets.filter((w) => addedB(w.name))).toHaveLength(2);
      expectMasked("bulletin sheets", sheetsText(bw, addedB));
    }
  );

  it("usage errors that repeat what was typed are masked, unless --show-pii", () => {
    const args = ["meeting", ledger, "--branch", "x", "--convener", "y", "--out", "z.xlsx"];
    const bad = cli([...args, "--date", MOBILE_A, "--lang", "en"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("138****5678");
    expectConsoleMasked("meeting --date", bad);
    const shown = cli([...args, "--date", MOBILE_A, "--show-pii"]);
    expect(shown.stderr).toContain(MOBILE_A);
    const section = cli([
      "bulletin",
      ledger,
      "--date",
      "2026-11-25",
      "--section",
      `电话${MOBILE_A}=x`,
      "--out",
      "z.xlsx",
    ]);
    expect(section.code).toBe(2);
    expectConsoleMasked("bulletin --section", section);
  });
});

describe("summary", () => {
  let branch: string;

  beforeAll(async () => {
    // A branch workbook: the converted registry, and logs that hold IDs and phones.
    const wb = await readXlsx(ledger);
    const contacts = wb.addWorksheet("联谊活动记录");
    contacts.addRows([
      ["活动日期", "成员姓名", "公民身份号码", "活动类型", "内容"],
      [new Date(Date.UTC(2026, 7, 3)), "张三", ID_A, "谈心谈话", `电话 ${MOBILE_A}`],
      [MOBILE_B, "李四", ID_BAD, "困难帮扶", "date cell holds a phone"],
      [ID_B, "孙八", ID_B, "学习活动", "date cell holds an ID"],
    ]);
    const suggestions = wb.addWorksheet("意见建议");
    suggestions.addRows([
      ["提出日期", "提出人", "公民身份号码", "内容", "是否采纳"],
      [new Date(Date.UTC(2026, 8, 1)), `王五 ${MOBILE_B}`, ID_B, "建议", "是"],
    ]);
    branch = path.join(dir, `机关支部-${MOBILE_A}.xlsx`);
    await wb.xlsx.writeFile(branch);
  });

  it.each([
    ["--quarter", "2026Q3", "zh-CN"],
    ["--quarter", "2026Q3", "en"],
    ["--year", "2026", "zh-CN"],
  ])("%s %s --lang %s: its sheets and the console are masked", async (opt, period, lang) => {
    const out = path.join(dir, `summary-${period}-${lang}.xlsx`);
    const r = cli(["summary", branch, opt, period, "--lang", lang, "--out", out]);
    expect(r.code).toBe(1);
    expectConsoleMasked("summary", r);
    expect(r.stdout).toContain("139****4321");
    const wb = await readXlsx(out);
    expectMasked("summary sheets", sheetsText(wb));
    expect(sheetsText(wb)).toContain("440524********");
  });

  it("--show-pii shows the console lines in full, never the sheets", async () => {
    const out = path.join(dir, "summary-pii.xlsx");
    const r = cli(["summary", branch, "--quarter", "2026Q3", "--show-pii", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(MOBILE_B);
    expect(r.stdout).toContain(ID_B);
    expectMasked("summary sheets --show-pii", sheetsText(await readXlsx(out)));
    const bad = cli(["summary", branch, "--quarter", MOBILE_A, "--out", out]);
    expect(bad.code).toBe(2);
    expectConsoleMasked("summary --quarter", bad);
  });
});

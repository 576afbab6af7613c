/**
 * uf-ledger remind, end to end: real branch workbooks on disk, the built command line, the output
 * workbook read back with exceljs (and its every part searched for a full ID number or phone).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, mkdtempSync, promises as fs, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { idFor } from "../fixtures/branchWorkbooks";
import { runCli, sha256 } from "./run";

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-remind-"));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

const ID = {
  甲一: idFor("19601210", 1, true),
  甲二: idFor("19850505", 2, false),
  甲三: idFor("19700105", 3, false),
  调动者: idFor("19800101", 9, true),
  乙一: idFor("19501201", 4, false),
  乙二: idFor("19900606", 5, false),
};
const PHONE = "13812345678";
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

const HEADER = [
  "序号",
  "姓名",
  "性别",
  "出生日期",
  "公民身份号码",
  "所在支部",
  "手机号码",
  "家庭经济状况",
  "联系人",
  "建档日期",
];
const LOG_HEADER = ["活动日期", "成员姓名", "公民身份号码", "活动类型", "内容", "联系人"];

/**
 * 机关支部.xlsx and 一车间支部.xlsx: 调动者 is in both (moved; the later record is 一车间支部's),
 * 甲一's 困难帮扶 is logged with a mistyped name (甲壹) beside the right ID number, 甲二's last
 * help is older than 90 days, one contact date cannot be read; and 损坏.xlsx, cut off halfway.
 */
async function writeWorkbooks(): Promise<{ a: string; b: string; damaged: string }> {
  const a = new ExcelJS.Workbook();
  const ra = a.addWorksheet("成员名册");
  ra.addRow(HEADER);
  ra.addRow([
    1,
    "甲一",
    "男",
    d(1960, 12, 10),
    ID.甲一,
    "机关支部",
    PHONE,
    "困难",
    "李书记",
    d(2026, 3, 1),
  ]);
  ra.addRow([
    2,
    "甲二",
    "女",
    d(1985, 5, 5),
    ID.甲二,
    "机关支部",
    null,
    "困难",
    "李书记",
    d(2024, 6, 1),
  ]);
  ra.addRow([3, "甲三", "女", d(1970, 1, 5), ID.甲三, "机关支部", null, "一般", "王委员", null]);
  ra.addRow([
    4,
    "调动者",
    "男",
    d(1980, 1, 1),
    ID.调动者,
    "机关支部",
    null,
    "良好",
    null,
    d(2020, 1, 1),
  ]);
  const ca = a.addWorksheet("联谊活动记录");
  ca.addRow(LOG_HEADER);
  ca.addRow([d(2026, 10, 15), "甲壹", ID.甲一, "困难帮扶", "送慰问品", "李书记"]);
  ca.addRow([d(2026, 5, 1), "甲二", ID.甲二, "困难帮扶", "送慰问金", "李书记"]);
  ca.addRow(["某天下午", "甲二", ID.甲二, "谈心谈话", "", "李书记"]);
  // After the day the lists are for: not seen.
  ca.addRow([d(2026, 12, 15), "甲三", ID.甲三, "谈心谈话", "", "王委员"]);

  const b = new ExcelJS.Workbook();
  const rb = b.addWorksheet("名册");
  rb.addRow(HEADER);
  rb.addRow([
    1,
    "调动者",
    "男",
    d(1980, 1, 1),
    ID.调动者,
    "一车间支部",
    null,
    "良好",
    null,
    d(2026, 8, 15),
  ]);
  rb.addRow([
    2,
    "乙一",
    "女",
    d(1950, 12, 1),
    ID.乙一,
    "一车间支部",
    null,
    "困难",
    null,
    d(2025, 12, 2),
  ]);
  rb.addRow([
    3,
    "乙二",
    "女",
    d(1990, 6, 6),
    ID.乙二,
    "一车间支部",
    null,
    "良好",
    null,
    d(2026, 1, 10),
  ]);
  const cb = b.addWorksheet("联谊活动记录");
  cb.addRow(LOG_HEADER);
  cb.addRow([d(2026, 3, 3), "乙二", ID.乙二, "谈心谈话", "", "王委员"]);

  const files = { a: path.join(dir, "机关支部.xlsx"), b: path.join(dir, "一车间支部.xlsx") };
  await a.xlsx.writeFile(files.a);
  await b.xlsx.writeFile(files.b);
  const damaged = path.join(dir, "损坏.xlsx");
  const whole = await fs.readFile(files.a);
  await fs.writeFile(damaged, whole.subarray(0, Math.floor(whole.length / 2)));
  return { ...files, damaged };
}

type Row = {
  name: string;
  branch: string;
  id: string;
  phone: string;
  reason: string;
  last: string;
};

/** The four lists of the sheet, by their heading's number: the rows under each table header. */
function listsOf(ws: ExcelJS.Worksheet): { titles: string[]; lists: Row[][] } {
  const text = (r: number, c: number) => {
    const v = ws.getCell(r, c).value;
    if (v === null || v === undefined) return "";
    return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  };
  const titles: string[] = [];
  const lists: Row[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    if (!/^[一二三四]、/.test(text(r, 1))) continue;
    titles.push(text(r, 1));
    expect(text(r + 1, 1)).toBe("姓名");
    const rows: Row[] = [];
    for (let i = r + 2; i <= ws.rowCount && text(i, 1) !== "" && text(i, 1) !== "（无）"; i++)
      rows.push({
        name: text(i, 1),
        branch: text(i, 2),
        id: text(i, 3),
        phone: text(i, 4),
        reason: text(i, 5),
        last: text(i, 6),
      });
    lists.push(rows);
  }
  return { titles, lists };
}

/** Every part of the package as text. */
async function packageText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const parts = await Promise.all(Object.values(zip.files).map((f) => f.async("string")));
  return parts.join("\n");
}

describe("uf-ledger remind", () => {
  let files: { a: string; b: string; damaged: string };
  let hashes: string[];
  let run: ReturnType<typeof runCli>;
  let out: string;
  let ws: ExcelJS.Worksheet;
  let got: ReturnType<typeof listsOf>;

  beforeAll(async () => {
    files = await writeWorkbooks();
    hashes = [files.a, files.b, files.damaged].map(sha256);
    out = path.join(dir, "out", "关怀提醒.xlsx");
    run = runCli([
      "remind",
      files.a,
      files.damaged,
      files.b,
      "--days",
      "30",
      "--as-of",
      "2026-12-01",
      "--out",
      out,
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["关怀提醒-2026-12-01"]);
    ws = wb.getWorksheet("关怀提醒-2026-12-01")!;
    got = listsOf(ws);
  });

  it("names the damaged file, goes on with the others, exits 2, leaves the inputs untouched", () => {
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("损坏.xlsx：工作簿已损坏或不完整，无法打开");
    expect(run.stderr).toContain("[3/3]");
    expect(run.stdout).toContain("关怀提醒（截至 2026-12-01；2 个工作簿，成员 6 人）");
    expect(run.stdout).toContain(`生成“关怀提醒-2026-12-01”`);
    expect([files.a, files.b, files.damaged].map(sha256)).toEqual(hashes);
    // Written whole, then renamed: no temp file beside it.
    expect(readdirSync(path.dirname(out))).toEqual(["关怀提醒.xlsx"]);
  });

  it("lists the right members in each list, each person once", () => {
    const names = got.lists.map((l) => l.map((r) => r.name));
    expect(got.titles).toEqual([
      "一、近期生日（今后 30 天，2 人）",
      "二、家庭经济困难、近 90 天未帮扶（2 人）",
      "三、2026年尚未联系（3 人）",
      "四、建档超过一年或没有建档日期（2 人）",
    ]);
    expect(names).toEqual([
      ["乙一", "甲一"], // today first, then in 9 days
      ["甲二", "乙一"], // 甲一 was helped on 10-15 (logged as 甲壹, found by the ID number)
      ["甲三", "调动者", "乙一"], // 甲三's contact of 12-15 is after the day
      ["甲二", "甲三"], // 2024-06-01, then undated; 调动者's latest record is of 2026-08-15
    ]);
    const [birthdays, hardship, uncontacted, stale] = got.lists;
    expect(birthdays[0].reason).toBe("今天（12月1日）生日，满 76 岁");
    expect(birthdays[1]).toMatchObject({
      reason: "12月10日（还有 9 天）生日，满 66 岁",
      last: "2026-10-15",
      phone: "138****5678",
      id: masked(ID.甲一),
    });
    expect(hardship[0].reason).toBe("家庭经济困难，近 90 天没有困难帮扶（上次帮扶：2026-05-01）");
    expect(hardship[1].reason).toBe("家庭经济困难，近 90 天没有困难帮扶（没有帮扶记录）");
    // The moved member: once, under the branch of the later record, the earlier branch beside it.
    expect(uncontacted[1]).toMatchObject({
      branch: "一车间支部、机关支部",
      id: masked(ID.调动者),
      last: "无记录",
    });
    expect(stale.map((r) => r.reason)).toEqual([
      "建档日期 2024-06-01，已超过一年（913 天），信息可能需要更新",
      "没有建档日期，信息可能需要更新",
    ]);
  });

  it("prints the same lists on the console, IDs masked", () => {
    expect(run.stdout).toContain("一、近期生日（今后 30 天，2 人）");
    expect(run.stdout).toMatch(
      /甲一\s+机关支部\s+110105\*{8}\d{3}[\dX]\s+12月10日（还有 9 天）生日，满 66 岁\s+2026-10-15（困难帮扶）/
    );
    expect(run.stdout).toMatch(/调动者\s+一车间支部、机关支部\s+110105\*{8}/);
    // The row of 某天下午: not counted, said where it is.
    expect(run.stdout).toContain("联谊活动记录中 1 行日期无法识别，未计入：");
    expect(run.stdout).toContain("机关支部.xlsx 工作表“联谊活动记录”第 4 行 活动日期：“某天下午”");
    for (const id of Object.values(ID)) expect(run.stdout + run.stderr).not.toContain(id);
    expect(run.stdout).not.toContain(PHONE);
  });

  it("writes no full ID number or phone anywhere in the workbook", async () => {
    const all = await packageText(out);
    for (const id of Object.values(ID)) expect(all).not.toContain(id);
    expect(all).not.toContain(PHONE);
    expect(all).not.toMatch(/\d{17}[\dX]/);
    expect(all).toContain(masked(ID.乙一));
  });

  it("counts birthdays across the new year (as of 2026-12-20); an unreadable date alone exits 1", async () => {
    const next = path.join(dir, "next.xlsx");
    const r = runCli([
      "remind",
      files.a,
      files.b,
      "--as-of",
      "2026-12-20",
      "--out",
      next,
      "--quiet",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(next);
    const l = listsOf(wb.getWorksheet("关怀提醒-2026-12-20")!);
    expect(l.lists[0].map((e) => [e.name, e.reason])).toEqual([
      ["调动者", "1月1日（还有 12 天）生日，满 47 岁"],
      ["甲三", "1月5日（还有 16 天）生日，满 57 岁"],
    ]);
    // 甲三's talk of 12-15 is seen now.
    expect(l.lists[2].map((e) => e.name)).toEqual(["调动者", "乙一"]);
  });

  it("exits 0 when everything is read; in English with --lang en", () => {
    const target = path.join(dir, "en.xlsx");
    const r = runCli(["remind", files.b, "--as-of", "2026-12-01", "--out", target, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Care reminders as of 2026-12-01 (1 workbooks, 3 members)");
    expect(r.stdout).toContain("1. Birthdays in the next 30 days (1)");
    expect(r.stdout).toContain("Birthday today (1 Dec), turning 76");
    expect(r.stdout).toContain("2. Families in hardship without help in 90 days (1)");
    expect(r.stdout).toContain("3. Not contacted in 2026 (2)");
    expect(r.stdout).toContain(
      "Family in hardship, no hardship help in the last 90 days (no help recorded)"
    );
    expect(existsSync(target)).toBe(true);
  });

  it("reads folders, writes 关怀提醒-<day>.xlsx in the current folder by default, and skips it when run again", async () => {
    const folder = path.join(dir, "支部");
    await fs.mkdir(folder);
    await fs.copyFile(files.a, path.join(folder, "机关支部.xlsx"));
    await fs.copyFile(files.b, path.join(folder, "一车间支部.xlsx"));
    const first = runCli(["remind", ".", "--as-of", "2026-12-01", "--quiet"], folder);
    expect(first.code).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(
      ["一车间支部.xlsx", "关怀提醒-2026-12-01.xlsx", "机关支部.xlsx"].sort()
    );
    const again = runCli(["remind", ".", "--as-of", "2026-12-01", "--quiet"], folder);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain("2 个工作簿，成员 6 人");
    // Named as an input, it is refused.
    const named = runCli(
      ["remind", "关怀提醒-2026-12-01.xlsx", "--as-of", "2026-12-01", "--quiet"],
      folder
    );
    expect(named.code).toBe(2);
    expect(named.stderr).toContain("输出文件不能是输入文件之一");
  });

  it("refuses a bad --as-of, --days or --limit, naming the option, and writes nothing", () => {
    const target = path.join(dir, "never.xlsx");
    const cases: [string[], string][] = [
      [["--as-of", "2026-13-01"], "--as-of 日期“2026-13-01”无法识别，请写成 2026-12-01"],
      [["--as-of", "下周一"], "--as-of 日期“下周一”无法识别"],
      [["--days", "-1"], "--days“-1”应为 0 到 366 之间的整数"],
      [["--days", "3.5"], "--days“3.5”应为 0 到 366 之间的整数"],
      [["--limit", "x"], "--limit“x”应为 0 或正整数"],
    ];
    for (const [opts, message] of cases) {
      const r = runCli(["remind", files.a, ...opts, "--out", target]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe("");
    }
    expect(existsSync(target)).toBe(false);
  });

  it("writes nothing when no workbook can be read (exit 2)", () => {
    const target = path.join(dir, "none.xlsx");
    const r = runCli(["remind", files.damaged, "--as-of", "2026-12-01", "--out", target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("损坏.xlsx：工作簿已损坏或不完整，无法打开");
    expect(r.stderr).toContain("没有一个工作簿能读取，未生成关怀提醒");
    expect(existsSync(target)).toBe(false);
  });

  it("says so when the output cannot be written (a folder of that name), exit 2", async () => {
    const folder = path.join(dir, "占用.xlsx");
    await fs.mkdir(folder);
    const r = runCli(["remind", files.b, "--as-of", "2026-12-01", "--out", folder, "--quiet"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("占用.xlsx：无法写入输出文件");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("reads the same with workers as on one thread (--jobs 1, --jobs 3)", async () => {
    const sheetOf = async (jobs: string) => {
      const target = path.join(dir, `jobs-${jobs}.xlsx`);
      const r = runCli([
        "remind",
        files.a,
        files.b,
        files.damaged,
        "--as-of",
        "2026-12-01",
        "--out",
        target,
        "--jobs",
        jobs,
      ]);
      expect(r.code).toBe(2);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(target);
      return listsOf(wb.worksheets[0]);
    };
    const one = await sheetOf("1");
    expect(one).toEqual(got);
    expect(await sheetOf("3")).toEqual(one);
  });
});

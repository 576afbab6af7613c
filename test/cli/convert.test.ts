import { readReport } from "../helpers/reportJson";
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, promises as fs, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { POLITICAL_STATUSES } from "../../src/core/codes/political";
import { FIELDS } from "../../src/core/schema";
import { addMessySheet, messyCsv } from "../../scripts/samples/writeSamples";
import { buildMessyRegistry } from "../fixtures/messyRegistry";
import { runCli, sha256 } from "./run";

const col = (h: string) => FIELDS.findIndex((f) => f.header === h) + 1;

describe("uf-ledger convert, end to end", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-convert-"));
  const inDir = path.join(dir, "in");
  const outDir = path.join(dir, "out");
  const fixture = buildMessyRegistry(40, 7);
  const xlsx = path.join(inDir, "branch_a.xlsx");
  const csv = path.join(inDir, "branch_b.csv");
  const hashes: Record<string, string> = {};
  let run: ReturnType<typeof runCli>;

  beforeAll(async () => {
    await fs.mkdir(inDir, { recursive: true });
    const wb = new ExcelJS.Workbook();
    addMessySheet(wb, "Sheet1", fixture.rows, fixture.merges);
    const notes = wb.addWorksheet("填表说明");
    notes.getCell("A1").value = "说明：每季度更新";
    notes.getCell("B2").value = { formula: "1+1", result: 2 };
    notes.getColumn(1).width = 40;
    await wb.xlsx.writeFile(xlsx);
    await fs.writeFile(csv, messyCsv(buildMessyRegistry(12, 9).rows));
    for (const f of [xlsx, csv]) hashes[f] = sha256(f);
    run = runCli(["convert", inDir, "--out", outDir]);
  });

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("exits 1 (data problems found, outputs written) and leaves the inputs untouched", () => {
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(run.code).toBe(1);
    for (const f of Object.keys(hashes)) expect(sha256(f)).toBe(hashes[f]);
    // .uf-ledger: what --resume reads (journal.ts).
    expect(readdirSync(outDir).sort()).toEqual([
      ".uf-ledger",
      "branch_a.xlsx",
      "branch_b.xlsx",
      "report.json",
    ]);
  });

  it("writes the standard registry: canonical columns, values, formats, drop-downs, marks and notes", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, "branch_a.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "成员名册",
      "填表说明",
      "校验报告",
      "变更记录",
    ]);
    const ws = wb.getWorksheet("成员名册")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(FIELDS.map((f) => f.header));
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    fixture.expected.forEach((row, i) => {
      row.forEach((want, j) => {
        const got = ws.getCell(i + 2, j + 1).value;
        if (want instanceof Date) expect(got).toEqual(want);
        else expect(got ?? null).toEqual(want);
      });
    });
    const idCell = ws.getCell(2, col("公民身份号码"));
    expect(idCell.numFmt).toBe("@");
    expect(ws.getCell(2, col("出生日期")).numFmt).toBe("yyyy-mm-dd");
    const dv = ws.getCell(2, col("政治面貌")).dataValidation;
    expect(dv.type).toBe("list");
    expect(dv.formulae[0]).toContain("中国民主同盟盟员");
    const problem = fixture.problems.find((p) => p.code === "gender-mismatch")!;
    const outRow = fixture.rows.filter((r) => r.rowNumber! < problem.row).length; // rows before it, minus dropped ones
    const dropped = fixture.droppedRows.filter((r) => r < problem.row).length;
    const cell = ws.getCell(outRow - dropped + 2, col("性别"));
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(String(cell.note)).toContain("身份证号不符");
  });

  it("carries the other sheets over and adds 校验报告 and 变更记录", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, "branch_a.xlsx"));
    const notes = wb.getWorksheet("填表说明")!;
    expect(notes.getCell("A1").value).toBe("说明：每季度更新");
    expect(notes.getCell("B2").value).toEqual({ formula: "1+1", result: 2 });
    expect(notes.getColumn(1).width).toBe(40);
    const report = wb.getWorksheet("校验报告")!;
    const reportRows = (report.getSheetValues() as unknown[][])
      .filter(Boolean)
      .map((r) => r.slice(1));
    expect(reportRows.some((r) => r.includes("原行号") && r.includes("建议"))).toBe(true);
    expect(reportRows.some((r) => r.includes("id-duplicate"))).toBe(true);
    const log = wb.getWorksheet("变更记录")!;
    const logRows = (log.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(logRows[0]).toEqual(["原行号", "姓名", "列", "原值", "新值", "规则"]);
    const political = logRows.filter((r) => r[2] === "政治面貌" && r[5] === "political");
    expect(political.length).toBeGreaterThan(5);
    for (const r of political) expect(POLITICAL_STATUSES).toContain(r[4]);
    expect(logRows.some((r) => r[3] === fixture.rows[0].values[0] && r[4] === "(已删除)")).toBe(
      true
    );
  });

  it("reads a GB18030 CSV and keeps ID numbers as text", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, "branch_b.xlsx"));
    const ws = wb.getWorksheet("成员名册")!;
    expect(ws.rowCount).toBeGreaterThan(12);
    const ids = Array.from({ length: 10 }, (_, i) => ws.getCell(i + 2, col("公民身份号码")).value);
    for (const id of ids) expect(String(id)).toMatch(/^\d{17}[\dX]$/);
    expect(ws.getCell(2, col("姓名")).value).toMatch(/^[\u4e00-\u9fff·]+$/);
  });

  it("writes report.json with counts and every problem, ID numbers and phones masked", async () => {
    const text = await fs.readFile(path.join(outDir, "report.json"), "utf8");
    const report = readReport(path.join(outDir, "report.json"));
    expect(report.files).toHaveLength(2);
    const a = report.files.find((f) => f.input.endsWith("branch_a.xlsx"))!;
    expect(a.counts?.members).toBe(fixture.expected.length);
    expect(report.valid).toBe(false);
    expect(a.valid).toBe(false);
    expect(a.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(["id-duplicate", "id-checksum"])
    );
    expect(text).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)/);
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(text).toMatch(/\d{6}\*{8}[\dX]{4}/);
  });

  it("prints a table per file", () => {
    expect(run.stdout).toContain("branch_a.xlsx");
    expect(run.stdout).toMatch(/文件\s+成员\s+修改\s+错误\s+提示\s+结果/);
  });
});

describe("uf-ledger check and bad input", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-check-"));
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("check writes nothing and prints the report, masked", async () => {
    const wb = new ExcelJS.Workbook();
    const f = buildMessyRegistry(12, 3);
    addMessySheet(wb, "名册", f.rows, f.merges);
    const file = path.join(dir, "r.xlsx");
    await wb.xlsx.writeFile(file);
    const before = readdirSync(dir);
    const r = runCli(["check", file]);
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual(before);
    expect(r.stdout).toContain("公民身份号码");
    expect(r.stdout).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)/);
  });

  it("a file that is no spreadsheet: one Chinese line naming it, exit 2, the rest still done", async () => {
    const bad = path.join(dir, "garbage.xlsx");
    await fs.writeFile(
      bad,
      Buffer.from("this is not a workbook at all \u0000\u0001\u0002", "utf8")
    );
    const good = path.join(dir, "good.csv");
    await fs.writeFile(good, "姓名,身份证号\r\n张三,11010519491231002X\r\n", "utf8");
    const out = path.join(dir, "out");
    const r = runCli(["convert", bad, good, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/garbage\.xlsx：/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(out, "good.xlsx"))).toBe(true);
    expect(existsSync(path.join(out, "garbage.xlsx"))).toBe(false);
  });

  it("says in English what is wrong with --lang en, and refuses a missing --out", () => {
    const r = runCli(["convert", dir, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--out");
    const zh = runCli(["convert", dir]);
    expect(zh.stderr).toContain("缺少 --out");
  });

  it("--dry-run writes nothing", () => {
    const out = path.join(dir, "dry");
    const r = runCli(["convert", path.join(dir, "good.csv"), "--out", out, "--dry-run"]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(false);
  });

  it("shows help in Chinese", () => {
    const r = runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("用法：");
    expect(r.stdout).toContain("convert");
  });
});

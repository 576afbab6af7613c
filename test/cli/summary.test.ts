import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findSoffice } from "../../src/hosts/exceljs/read/libreoffice";
import { EXPECTED_Q3, X_ID, writeBranchWorkbooks } from "../fixtures/branchWorkbooks";
import { runCli, sha256 } from "./run";

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-summary-"));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** Every row of a sheet as text cells (formulas by their result). */
function texts(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= 10; c++) {
      const v = ws.getCell(r, c).value;
      row.push(
        v === null || v === undefined
          ? ""
          : typeof v === "object" && "result" in (v as object)
            ? String((v as ExcelJS.CellFormulaValue).result)
            : v instanceof Date
              ? v.toISOString()
              : String(v)
      );
    }
    out.push(row);
  }
  return out;
}

/** The rows of a titled table: from its header to the row before the next blank. */
function table(rows: string[][], title: string): string[][] {
  const at = rows.findIndex((r) => r[0] === title);
  expect(at).toBeGreaterThanOrEqual(0);
  const out: string[][] = [];
  for (let i = at + 1; i < rows.length && rows[i].some((c) => c !== ""); i++)
    out.push(rows[i].filter((_, j) => j < 10));
  return out;
}

describe("uf-ledger summary", () => {
  let files: string[];
  let out: string;
  let rows: string[][];
  let run: ReturnType<typeof runCli>;
  let hashes: string[];

  beforeAll(async () => {
    files = await writeBranchWorkbooks(dir);
    hashes = files.map(sha256);
    out = path.join(dir, "summary.xlsx");
    run = runCli(["summary", ...files, "--quarter", "2026年第三季度", "--out", out]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    rows = texts(wb.getWorksheet("季度汇总-2026Q3")!);
  });

  it("exits 1 (one unreadable date, reported in the console), leaves the inputs untouched", () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("机关支部.xlsx 工作表“例会台账”第 7 行 会议日期：“某天下午”");
    expect(files.map(sha256)).toEqual(hashes);
  });

  it("has title, period, sources and when it was made", () => {
    expect(rows[0][0]).toBe("统战工作季度汇总（2026年第3季度）");
    expect(rows[1][0]).toBe("统计期间：2026-07-01 至 2026-09-30");
    expect(rows[2][0]).toBe("数据来源：机关支部.xlsx、一车间支部.xlsx");
    expect(rows[3][0]).toMatch(/^生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });

  it("counts the key figures: label in one cell, value in the next, change on the previous quarter beside it", () => {
    const t = table(rows, "关键指标");
    expect(t[0].slice(0, 3)).toEqual(["指标", "本季度", "较上季度"]);
    const got = Object.fromEntries(t.slice(1).map((r) => [r[0], Number(r[1])]));
    expect(got).toEqual(EXPECTED_Q3);
    const change = Object.fromEntries(t.slice(1).map((r) => [r[0], Number(r[2])]));
    expect(change["例会次数"]).toBe(EXPECTED_Q3.例会次数 - 1); // one meeting in Q2 (06-30)
    expect(change["意见建议数"]).toBe(3 - 1);
  });

  it("builds the composition pivots, members counted once, with 合计", () => {
    const pb = table(rows, "政治面貌 × 所在支部");
    expect(pb[0]).toEqual(["政治面貌", "机关支部", "一车间支部", "合计", "", "", "", "", "", ""]);
    const line = (label: string) => pb.find((r) => r[0] === label)!.slice(0, 4);
    expect(line("中国民主同盟盟员")).toEqual(["中国民主同盟盟员", "1", "1", "2"]);
    expect(line("合计")).toEqual(["合计", "3", "3", "6"]);
    expect(table(rows, "性别").map((r) => r.slice(0, 2))).toEqual([
      ["性别", "人数"],
      ["男", "3"],
      ["女", "3"],
      ["合计", "6"],
    ]);
    const ages = table(rows, "年龄段（截至 2026-09-30）").map((r) => r.slice(0, 2));
    expect(ages).toEqual([
      ["年龄段", "人数"],
      ["35岁以下", "1"],
      ["35-44", "2"],
      ["45-54", "1"],
      ["65岁及以上", "2"],
      ["合计", "6"],
    ]);
    const cats = table(rows, "统战对象类别").map((r) => r.slice(0, 2));
    expect(cats).toContainEqual(["民主党派成员", "4"]);
    expect(cats).toContainEqual(["合计（人次）", "7"]);
    expect(
      table(rows, "学历")
        .find((r) => r[0] === "大学本科")!
        .slice(0, 2)
    ).toEqual(["大学本科", "3"]);
  });

  it("shows activity by branch and the members not contacted (name and branch only)", () => {
    const act = table(rows, "各支部活动情况").map((r) => r.slice(0, 8));
    expect(act[0]).toEqual([
      "所在支部",
      "例会",
      "情况通报",
      "谈心谈话",
      "学习活动",
      "困难帮扶",
      "意见建议",
      "采纳建议",
    ]);
    expect(act.find((r) => r[0] === "机关支部")).toEqual([
      "机关支部",
      "3",
      "2",
      "2",
      "1",
      "1",
      "3",
      "2",
    ]);
    expect(act.find((r) => r[0] === "一车间支部")).toEqual([
      "一车间支部",
      "1",
      "0",
      "1",
      "0",
      "0",
      "0",
      "0",
    ]);
    expect(act.find((r) => r[0] === "合计")).toEqual(["合计", "4", "2", "3", "1", "1", "3", "2"]);
    const un = table(rows, "本季度未联系成员（3 人）").map((r) => r.slice(0, 2));
    expect(un).toEqual([
      ["姓名", "所在支部"],
      ["甲三", "机关支部"],
      ["乙一", "一车间支部"],
      ["乙二", "一车间支部"],
    ]);
    expect(rows.flat().join("|")).not.toContain(X_ID);
  });

  it("lists the transfers between branches in 汇总说明, both branches and dates, ID masked", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const notes = texts(wb.getWorksheet("汇总说明")!);
    const head = notes.findIndex((r) => r[0].startsWith("本期支部间转移"));
    expect(notes[head][0]).toBe("本期支部间转移（1 人次）");
    expect(notes[head + 1].slice(0, 6)).toEqual([
      "姓名",
      "公民身份号码",
      "原支部",
      "原建档日期",
      "现支部",
      "现建档日期",
    ]);
    const day = (c: string) => c.replace(/T00:00:00\.000Z$/, "");
    expect(notes[head + 2].slice(0, 6).map(day)).toEqual([
      "调动者",
      `${X_ID.slice(0, 6)}********${X_ID.slice(-4)}`,
      "机关支部",
      "2020-01-01",
      "一车间支部",
      "2026-08-15",
    ]);
    expect(JSON.stringify(notes)).not.toContain(X_ID);
  });

  it("lists the unreadable rows in 汇总说明", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const notes = texts(wb.getWorksheet("汇总说明")!);
    expect(
      notes.some(
        (r) =>
          r[0] === "机关支部.xlsx" &&
          r[1] === "例会台账" &&
          r[2] === "7" &&
          r[3] === "会议日期" &&
          r[4] === "某天下午"
      )
    ).toBe(true);
  });

  it("totals are SUM formulas that LibreOffice recomputes to the same values", async () => {
    const soffice = findSoffice();
    if (!soffice) throw new Error("LibreOffice is needed: apt-get install libreoffice-calc-nogui");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("季度汇总-2026Q3")!;
    let formulas = 0;
    // Drop every cached result, so that LibreOffice has to compute each formula itself.
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as ExcelJS.CellFormulaValue;
        if (v && typeof v === "object" && "formula" in v) {
          formulas++;
          cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
        }
      })
    );
    expect(formulas).toBeGreaterThan(15);
    wb.removeWorksheet(wb.getWorksheet("汇总说明")!.id);
    const bare = path.join(dir, "bare.xlsx");
    await wb.xlsx.writeFile(bare);
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${path.join(dir, "lo")}`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76",
        "--outdir",
        dir,
        bare,
      ],
      { stdio: "ignore", timeout: 120000 }
    );
    const csv = readFileSync(path.join(dir, "bare.csv"), "utf8")
      .split(/\r?\n/)
      .map((l) => l.split(",").map((c) => c.replace(/^"|"$/g, "")));
    for (const title of ["政治面貌 × 所在支部", "性别", "各支部活动情况"]) {
      const want = table(rows, title).map((r) => r.slice(0, 4).map((c) => c.replace(/\.0+$/, "")));
      const got = table(
        csv.map((r) => [...r, ...new Array(10).fill("")].slice(0, 10)),
        title
      ).map((r) => r.slice(0, 4));
      expect(got).toEqual(want);
    }
  });

  it("makes an annual sheet with a column per quarter", async () => {
    const yearOut = path.join(dir, "year.xlsx");
    const r = runCli(["summary", dir, "--year", "2026", "--out", yearOut, "--quiet"]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(yearOut);
    const y = texts(wb.getWorksheet("年度汇总-2026")!);
    const h = y.findIndex((row) => row[0] === "指标");
    expect(y[h].slice(0, 6)).toEqual([
      "指标",
      "第一季度",
      "第二季度",
      "第三季度",
      "第四季度",
      "全年",
    ]);
    const meetings = y.find((row) => row[0] === "例会次数")!;
    expect(meetings.slice(1, 6)).toEqual(["0", "1", "4", "1", "6"]);
    // Members at each quarter's end: those recorded by then.
    expect(y.find((row) => row[0] === "成员总数")!.slice(1, 6)).toEqual(["2", "3", "6", "6", "6"]);
    // Its columns are the quarters, so no figure's name says 本季度.
    const labels = y.slice(h + 1, h + 12).map((row) => row[0]);
    expect(labels.slice(0, 3)).toEqual(["成员总数", "新建档成员", "支部间转移"]);
    expect(y.flat().filter((t) => t.includes("本季度"))).toEqual([]);
  });

  it("accepts 2026-Q3 and refuses a bad quarter", () => {
    expect(
      runCli(["summary", ...files, "--quarter", "2026-Q3", "--out", path.join(dir, "s2.xlsx")]).code
    ).toBe(1);
    const bad = runCli([
      "summary",
      ...files,
      "--quarter",
      "2026Q9",
      "--out",
      path.join(dir, "s3.xlsx"),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("季度“2026Q9”无法识别");
  });

  it("reads the same with workers as on one thread (--jobs 3: this thread and two workers)", async () => {
    // The readers digest each workbook where they read it; the workers hand their digests over.
    const sheetsOf = async (jobs: string) => {
      const target = path.join(dir, `jobs-${jobs}.xlsx`);
      const r = runCli([
        "summary",
        ...files,
        "--quarter",
        "2026Q3",
        "--out",
        target,
        "--jobs",
        jobs,
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("1 行日期无法识别");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(target);
      // All but the time it was made.
      return wb.worksheets.map((ws) => texts(ws).filter((row) => !row[0].startsWith("生成时间")));
    };
    const one = await sheetsOf("1");
    expect(one[0]).toEqual(rows.filter((row) => !row[0].startsWith("生成时间")));
    expect(await sheetsOf("3")).toEqual(one);
  });
});

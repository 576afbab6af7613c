import { readReport } from "../helpers/reportJson";
import ExcelJS from "exceljs";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, promises as fs, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { addMessySheet } from "../../scripts/samples/writeSamples";
import { buildMessyRegistry } from "../fixtures/messyRegistry";
import { ROOT, runCli, sha256 } from "./run";

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-bad-"));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function registryFile(name: string, count = 10, sheet = "名册"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const f = buildMessyRegistry(count, 11);
  addMessySheet(wb, sheet, f.rows, f.merges);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("bad input: one Chinese line naming the file, exit 2, the rest of the batch done", () => {
  it.each([
    ["empty.xlsx", Buffer.alloc(0), /empty\.xlsx：文件是空的/],
    [
      "garbage.csv",
      Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 9, 0, 0, 0, 1, 2]),
      /garbage\.csv：不是 Excel 工作簿或 CSV 文件/,
    ],
  ])("%s", async (name, bytes, message) => {
    const bad = path.join(dir, name);
    await fs.writeFile(bad, bytes);
    const good = await registryFile(`good-${name}.xlsx`);
    const out = path.join(dir, `out-${name}`);
    const r = runCli(["convert", bad, good, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out).sort()).toEqual([".uf-ledger", `good-${name}.xlsx`, "report.json"]);
    // report.json names the failure by its code, and holds to its schema.
    const report = readReport(path.join(out, "report.json"));
    const failed = report.files.find((f) => f.input === bad)!;
    expect([failed.status, failed.valid, report.valid]).toEqual(["failed", false, false]);
    expect(failed.error?.code).toMatch(/^[a-z-]+$/);
  });

  it("a truncated workbook", async () => {
    const good = await registryFile("whole.xlsx", 30);
    const bytes = await fs.readFile(good);
    const cut = path.join(dir, "cut.xlsx");
    await fs.writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const r = runCli(["check", cut]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cut\.xlsx：工作簿已损坏或不完整/);
  });

  it("a sheet with no recognisable header", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("杂项").addRows([["会议纪要"], ["时间", "地点"], ["周一", "三楼"]]);
    const file = path.join(dir, "noheader.xlsx");
    await wb.xlsx.writeFile(file);
    const r = runCli(["check", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/noheader\.xlsx：没有找到成员名册/);
  });

  it("--sheet names the registry sheet; a missing one is reported", async () => {
    const file = await registryFile("named.xlsx", 10, "二〇〇八年");
    expect(runCli(["check", file, "--sheet", "二〇〇八年", "--quiet"]).code).toBe(1);
    const r = runCli(["check", file, "--sheet", "不存在"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("没有名为“不存在”的工作表");
  });

  it("refuses to write onto an input file", async () => {
    const file = await registryFile("self.xlsx");
    const before = sha256(file);
    const r = runCli(["convert", file, "--out", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("拒绝覆盖输入");
    expect(sha256(file)).toBe(before);
  });
});

describe("output", () => {
  it("names outputs after their inputs, and reads an .xls saved under an .xlsx name by its bytes", async () => {
    const xlsx = await registryFile("legacy_2003.xlsx");
    const sub = path.join(dir, "named");
    await fs.mkdir(sub, { recursive: true });
    // The same workbook under an .xls name: read as what it is, an .xlsx.
    await fs.copyFile(xlsx, path.join(sub, "legacy_2003.xls"));
    const out = path.join(dir, "named-out");
    const r = runCli(["convert", sub, "--out", out, "--quiet"]);
    expect(r.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual([".uf-ledger", "legacy_2003.xlsx", "report.json"]);
  });

  it("writes text that looks like a formula as text, never as a formula", async () => {
    const csv = path.join(dir, "formula.csv");
    await fs.writeFile(
      csv,
      '姓名,身份证号,备注,其他\r\n张三,11010519491231002X,=HYPERLINK("http://x"),+1+1\r\n@SUM(A1),110105194912310045,-2,"=1"\r\n',
      "utf8"
    );
    const out = path.join(dir, "formula-out");
    runCli(["convert", csv, "--out", out, "--quiet"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "formula.xlsx"));
    const found: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === "string" && /^[=+\-@]/.test(cell.value)) found.push(cell.value);
        })
      );
    }
    expect(found).toEqual(
      expect.arrayContaining(['=HYPERLINK("http://x")', "+1+1", "@SUM(A1)", "-2", "=1"])
    );
  });

  it("leaves no partial output when killed mid-run", async () => {
    const big = await registryFile("big.xlsx", 4000);
    const out = path.join(dir, "killed");
    for (const delay of [150, 300, 700, 1200, 2000]) {
      await fs.rm(out, { recursive: true, force: true });
      const child = spawn(process.execPath, [
        path.join(ROOT, "bin", "uf-ledger.js"),
        "convert",
        big,
        "--out",
        out,
        "--quiet",
        "--jobs",
        "1",
      ]);
      // Listened for at once: the run may end before it is killed.
      const closed = new Promise((r) => child.on("close", r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGKILL");
      await closed;
      if (!existsSync(out)) continue;
      for (const name of readdirSync(out).filter((n) => !n.startsWith("."))) {
        const p = path.join(out, name);
        if (name.endsWith(".json"))
          expect(JSON.parse(await fs.readFile(p, "utf8")).tool).toBe("uf-ledger");
        else {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.readFile(p);
          // A file that is there is whole: every member row in it.
          expect(wb.getWorksheet("成员名册")!.rowCount).toBe(
            buildMessyRegistry(4000, 11).expected.length + 1
          );
        }
      }
    }
    // And the run finishes when started again.
    const r = runCli(["convert", big, "--out", out, "--quiet"]);
    expect(r.code).toBe(1);
    expect(
      readdirSync(out)
        .filter((n) => !n.startsWith("."))
        .sort()
    ).toEqual(["big.xlsx", "report.json"]);
  });
});

import ExcelJS from "exceljs";
import { mkdtempSync, promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT } from "../../cli/run";
import { writeRegistryWorkbook } from "./registryFixture";

describe("uf-ledger convert, streaming (UF_LEDGER_STREAM_ABOVE=0)", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-stream-cli-"));
  const inDir = path.join(dir, "in");
  const outDir = path.join(dir, "out");

  beforeAll(async () => {
    await fs.mkdir(inDir);
    await writeRegistryWorkbook(path.join(inDir, "big.xlsx"), { members: 2000, otherSheets: true });
  }, 60_000);

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("streams the workbook in the batch tool, writes the standard workbook and report.json", async () => {
    // The real command line, as test/cli/run.ts runs it, with the variable set for it (a test's
    // process.env is jest's copy, which child processes do not see).
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, "bin", "uf-ledger.js"), "convert", inDir, "--out", outDir],
      {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 180_000,
        env: { ...process.env, UF_LEDGER_STREAM_ABOVE: "0" },
      }
    );
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(run.status).toBe(1); // data problems found
    const report = JSON.parse(readFileSync(path.join(outDir, "report.json"), "utf8"));
    expect(report.files[0].counts.members).toBe(2000);
    expect(report.files[0].sheet).toBe("名册");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, "big.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "填表说明",
      "成员名册",
      "统计",
      "校验报告",
      "变更记录",
    ]);
    // Formulas of other sheets come over as their values on the streaming path only.
    expect(wb.getWorksheet("填表说明")!.getCell("B4").value).toBe(2);
  }, 120_000);
});

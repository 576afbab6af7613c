/**
 * The batch tool on workbooks with other sheets around the registry: one pipeline whatever the
 * size, other sheets' formulas kept (a shared one included), and UF_LEDGER_STREAM_ABOVE, which
 * chose the old streaming path, changing nothing when a user still has it set. (Was: the CLI run
 * with UF_LEDGER_STREAM_ABOVE=0, where formulas of other sheets came over as their values.)
 */
import { readReport } from "../../helpers/reportJson";
import { spawnSync } from "node:child_process";
import { promises as fs, readdirSync } from "node:fs";
import path from "node:path";
import { ROOT, sha256 } from "../../cli/run";
import { writeRegistryWorkbook } from "../stream/registryFixture";
import { makeDir, readBack, sheetValues } from "./helpers";
import { LOG, MEETINGS, writeLedgerWorkbook } from "./ledgerWorkbook";

/** The real command line, with an environment of its own (a test's process.env is jest's copy). */
function convert(inDir: string, outDir: string, env: Record<string, string>) {
  return spawnSync(
    process.execPath,
    [path.join(ROOT, "bin", "uf-ledger.js"), "convert", inDir, "--out", outDir],
    { cwd: ROOT, encoding: "utf8", timeout: 180_000, env: { ...process.env, ...env } }
  );
}

describe("uf-ledger convert: other sheets kept as they are, at any size", () => {
  const dir = makeDir("cli");
  const inDir = path.join(dir, "in");
  const hashes: Record<string, string> = {};

  beforeAll(async () => {
    await fs.mkdir(inDir);
    await writeRegistryWorkbook(path.join(inDir, "big.xlsx"), { members: 2000, otherSheets: true });
    await writeLedgerWorkbook(path.join(inDir, "ledger.xlsx"), 300);
    for (const n of readdirSync(inDir)) hashes[n] = sha256(path.join(inDir, n));
  }, 60_000);

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it.each([
    ["as is", {}],
    ["with the old UF_LEDGER_STREAM_ABOVE=0 still set", { UF_LEDGER_STREAM_ABOVE: "0" }],
  ])(
    "%s: writes the standard workbooks and report.json, formulas of other sheets kept",
    async (name, env: Record<string, string>) => {
      const outDir = path.join(dir, name === "as is" ? "out" : "out-env");
      const run = convert(inDir, outDir, env);
      expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
      expect(run.status).toBe(1); // data problems found
      for (const n of Object.keys(hashes)) expect(sha256(path.join(inDir, n))).toBe(hashes[n]);

      const report = readReport(path.join(outDir, "report.json"));
      const byName = (n: string) => report.files.find((f) => path.basename(f.input) === n)!;
      expect(byName("big.xlsx").counts?.members).toBe(2000);
      expect(byName("big.xlsx").sheet).toBe("名册");
      expect(byName("ledger.xlsx").counts?.members).toBe(300);

      const big = await readBack(path.join(outDir, "big.xlsx"));
      expect(big.worksheets.map((w) => w.name)).toEqual([
        "填表说明",
        "成员名册",
        "统计",
        "校验报告",
        "变更记录",
      ]);
      expect(big.getWorksheet("成员名册")!.rowCount).toBe(2001);
      expect(big.getWorksheet("填表说明")!.getCell("B4").value).toEqual({
        formula: "1+1",
        result: 2,
      });
      expect(sheetValues(big.getWorksheet("统计")!)).toEqual([
        ["支部", "人数"],
        ["机关支部", 120],
        ["一车间支部", 80],
      ]);

      const ledger = await readBack(path.join(outDir, "ledger.xlsx"));
      const log = ledger.getWorksheet(LOG)!;
      expect(log.getCell("E2").value).toMatchObject({ formula: "C2/D2", shareType: "shared" });
      expect(log.getCell("E3").formula).toBe("C3/D3");
      expect(log.getCell(`C${MEETINGS.length + 2}`).value).toMatchObject({
        formula: `SUM(C2:C${MEETINGS.length + 1})`,
      });
    },
    120_000
  );
});

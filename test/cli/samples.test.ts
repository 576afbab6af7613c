import ExcelJS from "exceljs";
import { mkdtempSync, promises as fs, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeSamples } from "../../scripts/samples/writeSamples";
import { findSoffice } from "../../src/hosts/exceljs/read/libreoffice";
import { buildMessyRegistry } from "../fixtures/messyRegistry";
import { runCli, sha256 } from "./run";

describe("the bundled samples, as npm run demo converts them (.xlsx, GB18030 .csv, .xls through LibreOffice)", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-samples-"));
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("converts every sample; the .xls comes out with the same values as its source", async () => {
    if (!findSoffice())
      throw new Error("LibreOffice is needed for .xls: apt-get install libreoffice-calc-nogui");
    const samples = path.join(dir, "samples");
    const set = await writeSamples(samples);
    expect(set.note).toBeUndefined();
    expect(set.files.map((f) => path.basename(f)).sort()).toEqual(
      [
        "2008_机关支部名册.xlsx",
        "2015_技术中心支部.xlsx",
        "legacy_2003.xls",
        "销售公司支部_GB18030.csv",
      ].sort()
    );
    const hashes = set.files.map(sha256);
    const out = path.join(dir, "out");
    const r = runCli(["convert", samples, "--out", out, "--jobs", "2"]);
    expect(r.code).toBe(1);
    expect(set.files.map(sha256)).toEqual(hashes);
    expect(readdirSync(out).sort()).toEqual(
      [
        ".uf-ledger",
        "2008_机关支部名册.xlsx",
        "2015_技术中心支部.xlsx",
        "legacy_2003.xlsx",
        "report.json",
        "销售公司支部_GB18030.xlsx",
      ].sort()
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "legacy_2003.xlsx"));
    const ws = wb.getWorksheet("成员名册")!;
    const expected = buildMessyRegistry(25, 2003).expected;
    expect(ws.rowCount).toBe(expected.length + 1);
    expected.forEach((row, i) =>
      row.forEach((want, j) => {
        const got = ws.getCell(i + 2, j + 1).value ?? null;
        if (want instanceof Date) expect(got).toEqual(want);
        else expect(got).toEqual(want);
      })
    );
  });
});

import ExcelJS from "exceljs";
import { mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { normalizeRegistry } from "../../../src/core/registry";
import { FIELDS } from "../../../src/core/schema";
import { convertStreaming } from "../../../src/hosts/exceljs/stream/convertStreaming";
import { registryRowsAsRead, writeRegistryWorkbook } from "./registryFixture";

const AS_OF = new Date(Date.UTC(2026, 10, 23));
const MEMBERS = 3000;

/**
 * exceljs 4.4's streaming reader cuts a character whose UTF-8 bytes straddle two chunks of a part
 * (exceljs issues #2063, #2084): with shared strings, the strings table is where Chinese text
 * meets chunk ends; with inline strings, the sheet itself.
 */
describe.each([
  ["shared strings", true],
  ["inline strings", false],
])("Chinese text read whole across chunk boundaries (%s)", (_name, useSharedStrings) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-stream-utf8-"));
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("gives every text cell exactly as written", async () => {
    const input = path.join(dir, "in.xlsx");
    const output = path.join(dir, "out.xlsx");
    await writeRegistryWorkbook(input, {
      members: MEMBERS,
      useSharedStrings,
      chineseRemarks: true,
    });
    const outcome = await convertStreaming(input, { output, locale: "zh-CN", asOf: AS_OF });
    expect(outcome.error).toBeNull();
    const expected = normalizeRegistry(registryRowsAsRead(MEMBERS, 42, true), { asOf: AS_OF });
    expect(outcome.counts).toEqual(expected.counts);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const ws = wb.getWorksheet("成员名册")!;
    const textColumns = FIELDS.map((f, i) => [f.kind, i] as const)
      .filter(([k]) => k === "text" || k === "code" || k === "codeList")
      .map(([, i]) => i);
    const got = Array.from({ length: MEMBERS }, (_, r) =>
      textColumns.map((c) => ws.getCell(r + 2, c + 1).value ?? null)
    );
    const want = expected.rows.map((row) => textColumns.map((c) => row[c]));
    expect(got).toEqual(want);
    expect(JSON.stringify(got)).not.toContain("\uFFFD");
  }, 60_000);
});

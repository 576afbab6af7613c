import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { normalizeRegistry, type RegistryResult } from "../../../src/core/registry";
import { changeLogSheet, problemReportSheet } from "../../../src/core/report";
import { FIELDS } from "../../../src/core/schema";
import type { CellValue } from "../../../src/core/types";
import { type FileOutcome, convertFile } from "../../../src/hosts/exceljs/convertFile";
import { MAX_OUTCOME_PROBLEMS } from "../../../src/hosts/exceljs/stream/registryRun";
import {
  BRANCH_MERGE,
  TOP_ROWS,
  registryRowsAsRead,
  writeRegistryWorkbook,
} from "./registryFixture";

const MEMBERS = 60_000;
const AS_OF = new Date(Date.UTC(2026, 10, 23));
const col = (key: string) => FIELDS.findIndex((f) => f.key === key) + 1;

/** A cell as it reads back: "" and an empty cell are the same (the streaming writer drops ""). */
function plain(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === undefined || v === null || v === "") return null;
  return v as CellValue;
}

function sheetRows(ws: ExcelJS.Worksheet): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: CellValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(plain(row.getCell(c).value));
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    out.push(values);
  }
  return out;
}

const trimmed = (rows: CellValue[][]) =>
  rows.map((r) => {
    const v = r.map((x) => (x === "" ? null : x));
    while (v.length > 0 && v[v.length - 1] === null) v.pop();
    return v;
  });

describe("streaming path: a 60,000-row registry, end to end on disk", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-stream-"));
  const input = path.join(dir, "big.xlsx");
  const output = path.join(dir, "out", "big.xlsx");
  let outcome: FileOutcome;
  let expected: RegistryResult;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    await writeRegistryWorkbook(input, { members: MEMBERS, otherSheets: true });
    await fs.mkdir(path.dirname(output));
    // Threshold 0: the file takes the streaming path through convertFile's dispatch.
    outcome = await convertFile(input, {
      output,
      locale: "zh-CN",
      asOf: AS_OF,
      streamAboveBytes: 0,
    });
    expected = normalizeRegistry(registryRowsAsRead(MEMBERS), { asOf: AS_OF });
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
  }, 300_000);

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("returns the counts of the in-memory engine on the same rows, and its first problems", () => {
    expect(outcome.error).toBeNull();
    expect(outcome.output).toBe(output);
    expect(outcome.sheet).toBe("名册");
    expect(outcome.counts).toEqual(expected.counts);
    expect(expected.counts.members).toBe(MEMBERS);
    expect(expected.counts.errors).toBeGreaterThan(0);
    expect(outcome.status).toBe("problems");
    expect(outcome.problems).toEqual(expected.problems.slice(0, MAX_OUTCOME_PROBLEMS));
    expect(outcome.problems.some((p) => p.code === "id-duplicate")).toBe(true);
    // Nothing left behind beside the output (the temp file was renamed over it).
    expect(existsSync(output)).toBe(true);
  });

  it("puts the sheets in the input's order: 成员名册 in the registry's place, reports last", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "填表说明",
      "成员名册",
      "统计",
      "校验报告",
      "变更记录",
    ]);
  });

  it("writes 成员名册: canonical header, frozen and filtered, the engine's values cell for cell", () => {
    const ws = wb.getWorksheet("成员名册")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(FIELDS.map((f) => f.header));
    expect(ws.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 2 });
    expect(ws.autoFilter).toBe("A1:W1");
    expect(ws.rowCount).toBe(MEMBERS + 1);
    expect(ws.getColumn(col("idNumber")).width).toBe(21);
    const sample = [0, 1, 2, 7, 8, 9, 13, 21, 34, 55, MEMBERS - 2, MEMBERS - 1];
    for (let i = 0; i < MEMBERS; i += 997) sample.push(i);
    for (const i of sample) {
      const got = FIELDS.map((_, c) => plain(ws.getCell(i + 2, c + 1).value));
      expect([i, got]).toEqual([i, expected.rows[i].map(plain)]);
    }
    // Every name, so that no character was cut where the reader's chunks end.
    const names = expected.rows.map((r) => r[col("name") - 1]);
    const read = Array.from({ length: MEMBERS }, (_, i) => ws.getCell(i + 2, col("name")).value);
    expect(read).toEqual(names);
    expect(read.join("")).not.toContain("\uFFFD");
  });

  it("reads a cell merged down over rows in each of them, as the full load does", () => {
    const ws = wb.getWorksheet("成员名册")!;
    for (let r = BRANCH_MERGE.top; r <= BRANCH_MERGE.bottom; r++)
      expect(ws.getCell(r - TOP_ROWS + 1, col("branch")).value).toBe("机关支部");
  });

  it("keeps ID numbers as text and dates as dates", () => {
    const ws = wb.getWorksheet("成员名册")!;
    for (const r of [2, 3, 500, MEMBERS + 1]) {
      const id = ws.getCell(r, col("idNumber"));
      expect(typeof id.value).toBe("string");
      expect(id.numFmt).toBe("@");
      const birth = ws.getCell(r, col("birthDate"));
      expect(birth.value).toBeInstanceOf(Date);
      expect(birth.numFmt).toBe("yyyy-mm-dd");
      expect(ws.getCell(r, col("recordedOn")).value).toBeInstanceOf(Date);
    }
  });

  it("adds the drop-down lists over the data rows of the coded columns", () => {
    const ws = wb.getWorksheet("成员名册")! as ExcelJS.Worksheet & {
      dataValidations: { model: Record<string, ExcelJS.DataValidation> };
    };
    const model = ws.dataValidations.model;
    for (const key of ["gender", "ethnicity", "political", "education", "familyEconomy"]) {
      const letter = String.fromCharCode(64 + col(key));
      for (const r of [2, MEMBERS + 1]) {
        expect(model[`${letter}${r}`]).toMatchObject({ type: "list", allowBlank: true });
      }
    }
    expect(model.C2.formulae).toEqual(['"男,女"']);
    expect(model[`A2`]).toBeUndefined();
  });

  it("fills a bad cell red with a note; duplicates go to the report only", () => {
    const ws = wb.getWorksheet("成员名册")!;
    const bad = ws.getCell(21 + 2, col("ethnicity"));
    expect(bad.value).toBe("火星族");
    expect(bad.fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFFFC7CE" },
    });
    expect(String(bad.note)).toContain("火星族");
    const good = ws.getCell(22 + 2, col("ethnicity"));
    expect(good.note).toBeUndefined();
    const dup = outcome.problems.find((p) => p.code === "id-duplicate")!;
    expect(ws.getCell(dup.row - TOP_ROWS + 1, col("idNumber")).note).toBeUndefined();
  });

  it("writes 校验报告 and 变更记录 as the in-memory report functions make them", () => {
    expect(sheetRows(wb.getWorksheet("校验报告")!)).toEqual(
      trimmed(problemReportSheet(expected, "zh-CN").rows)
    );
    expect(sheetRows(wb.getWorksheet("变更记录")!)).toEqual(
      trimmed(changeLogSheet(expected.changes, expected.dropped, "zh-CN").rows)
    );
    const report = wb.getWorksheet("校验报告")!;
    expect(report.getCell("A1").value).toBe(
      `共 ${MEMBERS} 名成员：错误 ${expected.counts.errors} 个，提示 ${expected.counts.warnings} 个，修改 ${expected.counts.changes} 处，删除非成员行 ${expected.counts.dropped} 行`
    );
  });

  it("carries the other sheets over: values, number formats, widths, merges", () => {
    const notes = wb.getWorksheet("填表说明")!;
    expect(notes.getCell("A1").value).toBe("填表说明：每季度更新一次");
    expect(notes.getCell("B2").value).toEqual(new Date(Date.UTC(2025, 2, 31)));
    expect(notes.getCell("B2").numFmt).toBe("yyyy年m月d日");
    expect(notes.getCell("B3").value).toBe(0.875);
    expect(notes.getCell("B3").numFmt).toBe("0.0%");
    expect(notes.getCell("B4").value).toBe(2); // the formula's value
    expect(notes.getCell("B6").value).toBe("王副书记");
    expect(notes.getColumn(1).width).toBe(40);
    expect(notes.getColumn(3).width).toBe(18);
    expect(notes.getCell("C1").isMerged).toBe(true);
    expect(notes.getCell("A6").isMerged).toBe(true);
    expect(notes.getCell("A6").master.address).toBe("A5");
    const summary = wb.getWorksheet("统计")!;
    expect(sheetRows(summary)).toEqual([
      ["支部", "人数"],
      ["机关支部", 120],
      ["一车间支部", 80],
    ]);
    expect(summary.getColumn(2).width).toBe(12);
  });
});

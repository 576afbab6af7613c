import ExcelJS from "exceljs";
import fc from "fast-check";
import { mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileErrorMessage } from "../../src/core/fileErrors";
import { REGISTRY_SHEET } from "../../src/core/plan";
import { normalizeRegistry } from "../../src/core/registry";
import { CHANGE_LOG_SHEET, REPORT_SHEET } from "../../src/core/report";
import { sameValue, showValue } from "../../src/core/text";
import type { CellValue } from "../../src/core/types";
import { convertFile } from "../../src/hosts/exceljs";
import { anyCell, registryGrid } from "../helpers/arbitraries";
import { lostCells, lostInWorkbook } from "../helpers/noLoss";
import { readXlsx } from "./common";

/**
 * Issue #8, part B: nothing is lost across `convert` (one pipeline for every size), written to
 * disk and read back with exceljs: every non-empty cell of the registry is in 成员名册 unchanged, or
 * in 变更记录 with its old value, or in 变更记录 as part of a removed row; every other sheet, the
 * defined names and the column widths of the input survive.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-hard-noloss-"));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));
const asOf = new Date(Date.UTC(2026, 10, 20));

/** A character an .xlsx can hold (XML 1.0); exceljs leaves the others out. */
function inXml(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    c >= 0x10000
  );
}
const EXCEL_FIRST_DAY = Date.UTC(1900, 0, 1);
const EXCEL_LAST_DAY = Date.UTC(9999, 11, 31);

/** A value as an .xlsx file can hold it: no NaN or Infinity, no impossible dates, XML characters only. */
function storable(v: CellValue): CellValue {
  if (typeof v === "string") return [...v].filter(inXml).join("");
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) || t < EXCEL_FIRST_DAY || t > EXCEL_LAST_DAY ? null : v;
  }
  return v;
}

function putGrid(ws: ExcelJS.Worksheet, grid: readonly (readonly CellValue[])[]): void {
  grid.forEach((row, r) =>
    row.forEach((v, c) => {
      const s = storable(v);
      if (s !== null) ws.getCell(r + 1, c + 1).value = s;
    })
  );
}

/** A sheet's cells as plain values, as a reader sees them (anything else fails the test). */
function gridOf(ws: ExcelJS.Worksheet): CellValue[][] {
  const grid: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = ws.getCell(r, c).value;
      if (v === null || v === undefined) row.push(null);
      else if (["string", "number", "boolean"].includes(typeof v) || v instanceof Date)
        row.push(v as CellValue);
      else
        throw new Error(`${ws.name}!${ws.getCell(r, c).address}: unexpected ${JSON.stringify(v)}`);
    }
    grid.push(row);
  }
  return grid;
}

/** What of an input sheet copied over is missing from its copy. */
function lostInCopy(input: CellValue[][], copy: ExcelJS.Worksheet | undefined, name: string) {
  if (!copy) return [`sheet ${name} is gone`];
  const out = gridOf(copy);
  const lost: string[] = [];
  input.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== "" && !sameValue(out[r]?.[c] ?? null, v))
        lost.push(`${name}!R${r + 1}C${c + 1} ${showValue(v)} → ${showValue(out[r]?.[c] ?? null)}`);
    })
  );
  return lost;
}

let n = 0;

/** Writes a workbook, converts it, reads both back, and lists everything lost. */
async function convertAndCompare(
  registry: CellValue[][],
  others: { name: string; grid: CellValue[][]; before: boolean }[]
): Promise<string[]> {
  const input = path.join(dir, `in-${++n}.xlsx`);
  const output = path.join(dir, `out-${n}.xlsx`);
  const wb = new ExcelJS.Workbook();
  for (const o of others.filter((x) => x.before)) putGrid(wb.addWorksheet(o.name), o.grid);
  putGrid(wb.addWorksheet("名册"), registry);
  for (const o of others.filter((x) => !x.before)) putGrid(wb.addWorksheet(o.name), o.grid);
  await wb.xlsx.writeFile(input);

  // What the input holds is what a reader finds in the file.
  const read = await readXlsx(input);
  const sheet = read.getWorksheet("名册")!;
  const result = normalizeRegistry(gridOf(sheet), { asOf });
  const lost = lostCells(gridOf(sheet), result).map((l) => `engine: ${l}`);
  const outcome = await convertFile(input, { output, locale: "zh-CN", asOf });
  if (outcome.error) return [...lost, `failed: ${fileErrorMessage(outcome.error, "zh-CN")}`];

  const out = await readXlsx(output);
  const registryOut = out.getWorksheet(REGISTRY_SHEET);
  const changeLog = out.getWorksheet(CHANGE_LOG_SHEET);
  if (!registryOut || !changeLog || !out.getWorksheet(REPORT_SHEET))
    return [...lost, `sheets: ${out.worksheets.map((w) => w.name).join(", ")}`];
  const written = {
    registry: gridOf(registryOut).slice(1),
    changeLog: gridOf(changeLog).slice(1),
  };
  lost.push(...lostInWorkbook(gridOf(sheet), result, written));
  for (const o of others)
    if (o.name !== sheet.name)
      lost.push(
        ...lostInCopy(gridOf(read.getWorksheet(o.name)!), out.getWorksheet(o.name), o.name)
      );
  return lost;
}

/** Other sheets: anything at all, but no registry header (the registry is the sheet 名册). */
const otherSheets = fc.array(
  fc.record({
    grid: fc.array(fc.array(anyCell, { maxLength: 6 }), { maxLength: 8 }),
    before: fc.boolean(),
  }),
  { maxLength: 2 }
);

const property = fc.asyncProperty(registryGrid, otherSheets, async (registry, others) => {
  const sheets = others.map((o, i) => ({ ...o, name: `附表${i + 1}` }));
  const lost = await convertAndCompare(registry, sheets);
  expect(lost).toEqual([]);
});

describe("no loss across convert, through the disk and exceljs (fast-check)", () => {
  it("any registry, any other sheets", async () => {
    await fc.assert(property, { numRuns: 150 });
  }, 180_000);
});

describe("other sheets, defined names and column widths survive", () => {
  /** A ledger: a cover sheet before the registry, a log after it, names and widths everywhere. */
  async function ledger(file: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const cover = wb.addWorksheet("封面");
    cover.getColumn(1).width = 36;
    cover.getColumn(2).width = 7.5;
    cover.getColumn(3).hidden = true;
    cover.addRows([["机关支部统战台账"], ["填报单位", "机关支部"], ["说明", "=1+1 只是文字", 3]]);
    cover.mergeCells("A1:C1");
    const reg = wb.addWorksheet("名册", { state: "visible" });
    reg.getColumn(2).width = 25;
    reg.addRows([
      ["序号", "姓名", "性别", "身份证号", "工号"],
      [1, "张三", "女", "11010519491231002X", "A-7"],
      [2, "李 四", "男", "370725881105149", "A-8"],
      ["合计", 2],
    ]);
    const log = wb.addWorksheet("联谊活动记录");
    log.getColumn(1).width = 12.25;
    log.getColumn(5).width = 48;
    log.addRows([
      ["活动日期", "成员姓名", "公民身份号码", "活动类型", "内容"],
      [new Date(Date.UTC(2026, 6, 1)), "张三", "11010519491231002X", "谈心谈话", "了解家庭情况"],
    ]);
    wb.definedNames.add("封面!$B$2", "填报单位");
    wb.definedNames.add("联谊活动记录!$A$2:$E$2", "本期活动");
    wb.definedNames.add("'联谊活动记录'!$E$1", "两处");
    wb.definedNames.add("封面!$A$3", "两处");
    wb.definedNames.add("名册!$B$2:$B$3", "成员姓名");
    await wb.xlsx.writeFile(file);
  }

  const names = (wb: ExcelJS.Workbook) =>
    wb.definedNames.model.map((d) => `${d.name}=${[...d.ranges].sort().join(",")}`).sort();
  const widths = (ws: ExcelJS.Worksheet, upTo: number) =>
    Array.from({ length: upTo }, (_, i) => ws.getColumn(i + 1).width ?? null);

  it("a ledger of three sheets", async () => {
    const input = path.join(dir, "ledger.xlsx");
    const output = path.join(dir, "ledger-out.xlsx");
    await ledger(input);
    const outcome = await convertFile(input, { output, locale: "zh-CN", asOf });
    expect(outcome.error).toBeNull();
    const before = await readXlsx(input);
    const after = await readXlsx(output);
    expect(after.worksheets.map((w) => w.name)).toEqual([
      "封面",
      REGISTRY_SHEET,
      "联谊活动记录",
      REPORT_SHEET,
      CHANGE_LOG_SHEET,
    ]);
    for (const name of ["封面", "联谊活动记录"]) {
      const a = before.getWorksheet(name)!;
      const b = after.getWorksheet(name)!;
      expect(lostInCopy(gridOf(a), b, name)).toEqual([]);
      expect(widths(b, 6)).toEqual(widths(a, 6));
      expect(b.getColumn(3).hidden).toBe(a.getColumn(3).hidden);
    }
    expect(after.getWorksheet("封面")!.getCell("C1").isMerged).toBe(true);
    // Names into the sheets carried over stay; a name into the registry (replaced) goes with it.
    expect(names(after)).toEqual([
      "两处='封面'!$A$3,'联谊活动记录'!$E$1",
      "填报单位='封面'!$B$2",
      "本期活动='联谊活动记录'!$A$2:$E$2",
    ]);
    expect(names(before)).toContain("成员姓名='名册'!$B$2:$B$3");
    // 成员名册 has the widths of the standard layout, not those of the old sheet.
    expect(after.getWorksheet(REGISTRY_SHEET)!.getColumn(2).width).not.toBe(25);
  });
});

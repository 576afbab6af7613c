/**
 * The corpus of cases.ts run through convert end to end: one real .xlsx holding every case (one
 * member row each) is written to a temp folder, converted once by convertFile, and its output read
 * back with exceljs; then each case's cells (成员名册, columns found by their header text) and the
 * problems reported for its row and columns are checked.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileErrorMessage } from "../../src/core/fileErrors";
import type { Problem } from "../../src/core/problem";
import { type FileOutcome, convertFile } from "../../src/hosts/exceljs";
import { AS_OF, makeDir, readBack } from "../hosts/convert/helpers";
import { type Column, type CorpusRow, FIELD_OF, ROWS, type Want } from "./cases";

const INPUT_HEADERS = ["姓名", "性别", "民族", "出生日期", "公民身份号码", "政治面貌", "建档日期"];

/** The input row of a case: its name, its value under its column, its ID number if it has one. */
function inputRow(r: CorpusRow): (string | number | null)[] {
  return INPUT_HEADERS.map((h) => {
    if (h === "姓名") return r.name;
    if (h === r.column) return r.input;
    if (h === "公民身份号码" && r.id !== undefined) return r.id;
    return null;
  });
}

/** A cell as the cases state it: text, a date at UTC midnight, nothing, or what else it holds. */
function asWant(v: ExcelJS.CellValue | undefined): Want | { other: unknown } {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string") return v;
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? { date: iso.slice(0, 10) } : { other: iso };
  }
  return { other: v };
}

const label = (r: CorpusRow) =>
  `${r.name} ${r.column} ${JSON.stringify(r.input)}${r.id ? ` (ID ${r.id})` : ""} [${r.source}]`;

describe("corpus from public peers' tests and the standards, through convert", () => {
  const dir = makeDir("corpus");
  let outcome: FileOutcome;
  let sheet: ExcelJS.Worksheet;
  const columnOf = new Map<string, number>();
  const outRowOf = new Map<string, number>();

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名册");
    ws.addRow(INPUT_HEADERS);
    for (const r of ROWS) ws.addRow(inputRow(r));
    const input = path.join(dir, "corpus.xlsx");
    const output = path.join(dir, "corpus-out.xlsx");
    await wb.xlsx.writeFile(input);
    outcome = await convertFile(input, { output, locale: "zh-CN", asOf: AS_OF });
    if (outcome.error)
      throw new Error(`convert failed: ${fileErrorMessage(outcome.error, "zh-CN")}`);
    const back = await readBack(output);
    const found = back.getWorksheet("成员名册");
    if (!found) throw new Error("no 成员名册 in the output");
    sheet = found;
    sheet.getRow(1).eachCell((cell, c) => columnOf.set(String(cell.value), c));
    const nameCol = columnOf.get("姓名");
    if (nameCol === undefined) throw new Error("no 姓名 column in the output");
    for (let r = 2; r <= sheet.rowCount; r++) {
      const name = sheet.getCell(r, nameCol).value;
      if (typeof name === "string") outRowOf.set(name, r);
    }
  }, 60_000);

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("holds one row per case, each ID number on one row only, and converts them all", () => {
    expect(new Set(ROWS.map((r) => r.name)).size).toBe(ROWS.length);
    // The same number on two rows would add id-duplicate to both: every ID, typed or as converted, once.
    const ids = ROWS.flatMap((r) => {
      const typed = r.column === "公民身份号码" ? String(r.input) : r.id;
      const out = r.column === "公民身份号码" ? r.want : r.also?.公民身份号码;
      return [...new Set([typed, typeof out === "string" ? out : undefined])].filter(
        (x): x is string => x !== undefined
      );
    });
    expect(ids.filter((x, i) => ids.indexOf(x) !== i)).toEqual([]);
    expect(outcome.counts?.members).toBe(ROWS.length);
    expect(ROWS.filter((r) => !outRowOf.has(r.name)).map((r) => r.name)).toEqual([]);
  });

  it.each(ROWS.map((r) => [label(r), r] as const))("%s", (_label, r) => {
    // The source row of case i is i + 2 (the header is row 1); problems name it and the field.
    const sourceRow = ROWS.indexOf(r) + 2;
    const problemsOf = (column: Column) =>
      outcome.problems
        .filter((p: Problem) => p.row === sourceRow && p.field === FIELD_OF[column])
        .map((p) => p.code)
        .sort();
    const cellOf = (column: Column) => {
      const c = columnOf.get(column);
      const row = outRowOf.get(r.name);
      if (c === undefined || row === undefined) return { missing: column };
      return asWant(sheet.getCell(row, c).value);
    };
    const columns: Column[] = [r.column, ...(Object.keys(r.also ?? {}) as Column[])];
    const got = columns.map((column) => ({
      column,
      value: cellOf(column),
      problems: problemsOf(column),
    }));
    const want = columns.map((column) => ({
      column,
      value: column === r.column ? r.want : (r.also?.[column] ?? null),
      problems: column === r.column ? [...r.problems].sort() : [],
    }));
    expect(got).toEqual(want);
  });
});

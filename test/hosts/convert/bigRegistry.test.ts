/**
 * Big registries through the one pipeline, end to end on disk: 60,000 members read cell for cell
 * as the engine reads them, every mark written (duplicates across 60,000 rows included); more
 * marks than notes; a stray value at Excel's last row. (Was: the streaming path at 60,000 rows,
 * which left duplicates unmarked.)
 */
import ExcelJS from "exceljs";
import { existsSync, promises as fs, readdirSync } from "node:fs";
import path from "node:path";
import { normalizeRegistry, type RegistryResult } from "../../../src/core/registry";
import { changeLogSheet, problemReportSheet } from "../../../src/core/report";
import { idCheckChar } from "../../../src/core/rules/idNumber";
import { FIELDS } from "../../../src/core/schema";
import type { RawRow } from "../../../src/core/types";
import { type FileOutcome, convertFile } from "../../../src/hosts/exceljs";
import { MAX_OUTCOME_PROBLEMS } from "../../../src/hosts/exceljs/convert/registryRun";
import { MAX_NOTES } from "../../../src/hosts/exceljs/write/registrySheet";
import {
  BRANCH_MERGE,
  TOP_ROWS,
  registryRowsAsRead,
  writeRegistryWorkbook,
} from "../stream/registryFixture";
import {
  AS_OF,
  makeDir,
  plain,
  readBack,
  sheetValues,
  trimEnd,
  validationsOf,
  writeRows,
} from "./helpers";

const MEMBERS = 60_000;
const col = (key: string) => FIELDS.findIndex((f) => f.key === key) + 1;
const RED = "FFFFC7CE";
const YELLOW = "FFFFEB9C";
/** The colour a cell is filled with (solid fills only), or null. */
const fillOf = (cell: ExcelJS.Cell) =>
  cell.fill?.type === "pattern" && cell.fill.pattern === "solid"
    ? (cell.fill.fgColor?.argb ?? null)
    : null;

describe("a 60,000-row registry, end to end on disk", () => {
  const dir = makeDir("big");
  const input = path.join(dir, "big.xlsx");
  const output = path.join(dir, "out", "big.xlsx");
  let outcome: FileOutcome;
  let expected: RegistryResult;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    await writeRegistryWorkbook(input, { members: MEMBERS, otherSheets: true });
    await fs.mkdir(path.dirname(output));
    outcome = await convertFile(input, { output, locale: "zh-CN", asOf: AS_OF });
    expected = normalizeRegistry(registryRowsAsRead(MEMBERS), { asOf: AS_OF });
    wb = await readBack(output);
  }, 120_000);

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("returns the engine's counts on the same rows, and its first problems", () => {
    expect(outcome.error).toBeNull();
    expect(outcome.output).toBe(output);
    expect(outcome.sheet).toBe("名册");
    expect(outcome.counts).toEqual(expected.counts);
    expect(expected.counts.members).toBe(MEMBERS);
    expect(expected.counts.errors).toBeGreaterThan(0);
    expect(outcome.status).toBe("problems");
    expect(outcome.problems).toEqual(expected.problems.slice(0, MAX_OUTCOME_PROBLEMS));
    expect(outcome.problems.some((p) => p.code === "id-duplicate")).toBe(true);
    // Nothing left beside the output (the temp file was renamed over it).
    expect(readdirSync(path.dirname(output))).toEqual(["big.xlsx"]);
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
    // Every name, so that no character was cut where the reader's pieces end.
    const names = expected.rows.map((r) => r[col("name") - 1]);
    const read = Array.from({ length: MEMBERS }, (_, i) => ws.getCell(i + 2, col("name")).value);
    expect(read).toEqual(names);
    expect(read.join("")).not.toContain("\uFFFD");
  });

  it("reads a cell merged down over rows in each of them", () => {
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
    const model = validationsOf(wb.getWorksheet("成员名册")!);
    for (const key of ["gender", "ethnicity", "political", "education", "familyEconomy"]) {
      const letter = String.fromCharCode(64 + col(key));
      for (const r of [2, MEMBERS + 1])
        expect(model[`${letter}${r}`]).toMatchObject({ type: "list", allowBlank: true });
      expect(model[`${letter}${MEMBERS + 2}`]).toBeUndefined();
    }
    expect(model.C2.formulae).toEqual(['"男,女"']);
    expect(model.A2).toBeUndefined();
  });

  it("marks every cell the engine marks, a duplicate ID 60,000 rows apart on both rows, and no other", () => {
    const ws = wb.getWorksheet("成员名册")!;
    expect(expected.plan.marks.length).toBeLessThan(MAX_NOTES);
    const marked = new Set<string>();
    for (const m of expected.plan.marks) {
      const cell = ws.getCell(m.row + 2, m.column + 1);
      marked.add(cell.address);
      expect([cell.address, fillOf(cell), cell.note]).toEqual([
        cell.address,
        m.severity === "error" ? RED : YELLOW,
        m.note,
      ]);
    }
    const bad = ws.getCell(21 + 2, col("ethnicity"));
    expect(bad.value).toBe("火星族");
    expect(marked.has(bad.address)).toBe(true);
    expect(String(bad.note)).toContain("火星族");
    expect(ws.getCell(22 + 2, col("ethnicity")).note).toBeUndefined();
    // Member 3 and member 59,998 share an ID (the fixture puts it there): each row's note names the other.
    const planted = [3 + TOP_ROWS + 1, MEMBERS - 2 + TOP_ROWS + 1];
    const dups = outcome.problems.filter((p) => p.code === "id-duplicate");
    planted.forEach((row, k) => {
      expect(dups.some((p) => p.row === row)).toBe(true);
      const cell = ws.getCell(row - TOP_ROWS + 1, col("idNumber"));
      expect(fillOf(cell)).toBe(RED);
      expect(String(cell.note)).toContain("重复");
      expect(String(cell.note)).toContain(`第 ${planted[1 - k]} 行`);
    });
    // No mark where the engine has none.
    let notes = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.note !== undefined) {
          notes++;
          expect(marked.has(cell.address)).toBe(true);
        }
      })
    );
    expect(notes).toBe(expected.plan.marks.length);
  });

  it("writes 校验报告 and 变更记录 as the report functions make them from the engine's result", () => {
    expect(sheetValues(wb.getWorksheet("校验报告")!)).toEqual(
      problemReportSheet(expected, "zh-CN").rows.map(trimEnd)
    );
    expect(sheetValues(wb.getWorksheet("变更记录")!)).toEqual(
      changeLogSheet(expected.changes, expected.dropped, "zh-CN").rows.map(trimEnd)
    );
    expect(wb.getWorksheet("校验报告")!.getCell("A1").value).toBe(
      `共 ${MEMBERS} 名成员：错误 ${expected.counts.errors} 个，提示 ${expected.counts.warnings} 个，修改 ${expected.counts.changes} 处，删除非成员行 ${expected.counts.dropped} 行`
    );
  });

  it("carries the other sheets over: values, formulas, number formats, widths, merges", () => {
    const notes = wb.getWorksheet("填表说明")!;
    expect(notes.getCell("A1").value).toBe("填表说明：每季度更新一次");
    expect(notes.getCell("B2").value).toEqual(new Date(Date.UTC(2025, 2, 31)));
    expect(notes.getCell("B2").numFmt).toBe("yyyy年m月d日");
    expect(notes.getCell("B3").value).toBe(0.875);
    expect(notes.getCell("B3").numFmt).toBe("0.0%");
    expect(notes.getCell("B4").value).toEqual({ formula: "1+1", result: 2 });
    expect(notes.getCell("B6").value).toBe("王副书记");
    expect(notes.getColumn(1).width).toBe(40);
    expect(notes.getColumn(3).width).toBe(18);
    expect(notes.getCell("C1").isMerged).toBe(true);
    expect(notes.getCell("A6").isMerged).toBe(true);
    expect(notes.getCell("A6").master.address).toBe("A5");
    const summary = wb.getWorksheet("统计")!;
    expect(sheetValues(summary)).toEqual([
      ["支部", "人数"],
      ["机关支部", 120],
      ["一车间支部", 80],
    ]);
    expect(summary.getColumn(2).width).toBe(12);
  });
});

const HAN_DIGITS = "零一二三四五六七八九";
const hanNumber = (i: number) => [...String(i)].map((d) => HAN_DIGITS[Number(d)]).join("");

/** Member i: a name and ID of its own, the ID's check character wrong (one error each). */
function badIdRow(i: number): RawRow {
  const birth = new Date(Date.UTC(1950, 0, 1) + i * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, "");
  const first17 = `110105${ymd}001`;
  const right = idCheckChar(first17);
  const wrong = right === "0" ? "1" : "0";
  return { rowNumber: i + 2, values: [`成员${hanNumber(i)}`, "男", first17 + wrong] };
}

describe("a registry with more marked cells than notes", () => {
  const dir = makeDir("many-marks");
  const input = path.join(dir, "marks.xlsx");
  const output = path.join(dir, "marks-out.xlsx");
  const MARKED = 25_000;
  const header: RawRow = { rowNumber: 1, values: ["姓名", "性别", "公民身份号码"] };
  const rows = () => [header, ...Array.from({ length: MARKED }, (_, i) => badIdRow(i))];
  let outcome: FileOutcome;
  let expected: RegistryResult;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: input,
      useSharedStrings: true,
    });
    writeRows(writer.addWorksheet("名册"), rows());
    await writer.commit();
    outcome = await convertFile(input, { output, locale: "zh-CN", asOf: AS_OF });
    expected = normalizeRegistry(rows(), { asOf: AS_OF });
    wb = await readBack(output);
  }, 60_000);

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("counts every problem; the outcome keeps the first 10,000", () => {
    expect(outcome.error).toBeNull();
    expect(expected.counts.errors).toBe(MARKED);
    expect(outcome.counts).toEqual(expected.counts);
    expect(outcome.problems).toHaveLength(MAX_OUTCOME_PROBLEMS);
    expect(outcome.problems).toEqual(expected.problems.slice(0, MAX_OUTCOME_PROBLEMS));
  });

  it("fills every marked cell; notes on the first 20,000; 校验报告 lists every problem", () => {
    const ws = wb.getWorksheet("成员名册")!;
    const id = col("idNumber");
    let notes = 0;
    for (let r = 2; r <= MARKED + 1; r++) {
      const cell = ws.getCell(r, id);
      expect([r, fillOf(cell)]).toEqual([r, RED]);
      if (cell.note !== undefined) {
        notes++;
        expect([r, cell.note]).toEqual([r, expected.plan.marks[r - 2].note]);
      }
    }
    expect(notes).toBe(MAX_NOTES);
    // The notes are the first rows'.
    expect(ws.getCell(MAX_NOTES + 1, id).note).toBeDefined();
    expect(ws.getCell(MAX_NOTES + 2, id).note).toBeUndefined();
    expect(fillOf(ws.getCell(2, col("name")))).toBeNull();
    expect(sheetValues(wb.getWorksheet("校验报告")!)).toEqual(
      problemReportSheet(expected, "zh-CN").rows.map(trimEnd)
    );
  });
});

describe("a registry with a stray value at row 1,048,576", () => {
  const dir = makeDir("stray");
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  // How long it takes is the benchmark's to say; here, what it writes.
  it("one line in 变更记录 for the blank rows above it, not a million", async () => {
    const top = [
      ["姓名", "性别", "公民身份号码"],
      ["张三", "男", "11010519491231002X"],
      ["李四", "女", "110105194912310021"],
    ];
    const input = path.join(dir, "stray.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名册");
    ws.addRows(top);
    ws.getCell("A1048576").value = "填表人：李书记";
    await wb.xlsx.writeFile(input);
    const output = path.join(dir, "stray-out.xlsx");
    const o = await convertFile(input, { output, locale: "zh-CN", asOf: AS_OF });
    expect(o.error).toBeNull();

    // Every row as the reader gives it to the engine: the blank ones in between too.
    function* asRead(): Generator<RawRow> {
      for (let r = 1; r < 1_048_576; r++)
        yield { rowNumber: r, values: r <= top.length ? top[r - 1] : [] };
      yield { rowNumber: 1_048_576, values: ["填表人：李书记"] };
    }
    const expected = normalizeRegistry(asRead(), { asOf: AS_OF });
    expect(o.counts).toEqual(expected.counts);
    expect(o.counts!.dropped).toBeGreaterThan(1_000_000);
    const blankRuns = expected.dropped.filter((d) => d.toRow !== undefined);
    expect(blankRuns).toEqual([expect.objectContaining({ row: 4, toRow: 1_048_575 })]);

    const log = (await readBack(output)).getWorksheet("变更记录")!;
    const lines = sheetValues(log);
    expect(lines).toEqual(
      changeLogSheet(expected.changes, expected.dropped, "zh-CN").rows.map(trimEnd)
    );
    expect(lines.length).toBeLessThan(20);
    expect(lines.filter((l) => String(l[0]) === "4–1048575")).toHaveLength(1);
    expect(existsSync(input)).toBe(true);
  }, 180_000);
});

/**
 * One pipeline for every size: a registry converted at 150 rows and the same registry padded to
 * 60,000 rows give the same 成员名册 for the rows they share (values, number formats, fills and
 * notes, the marks of duplicates across rows included), and the same registry sheet is picked.
 * (Was: the streaming path's output against the full load's, which left out cross-row marks.)
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import path from "node:path";
import { normalizeRegistry } from "../../../src/core/registry";
import { FIELDS } from "../../../src/core/schema";
import { type FileOutcome, convertFile } from "../../../src/hosts/exceljs";
import {
  AS_OF,
  type CellLook,
  cellLook,
  cells,
  makeDir,
  readBack,
  sheetValues,
  validationsOf,
} from "./helpers";
import { messyFixture, writePaddedRegistry } from "./paddedRegistry";

const BIG = 60_000;
const col = (key: string) => FIELDS.findIndex((f) => f.key === key);

describe("a registry converted small and padded to 60,000 rows: the same 成员名册 for the rows they share", () => {
  const dir = makeDir("size-parity");
  const small = path.join(dir, "small.xlsx");
  const big = path.join(dir, "big.xlsx");
  const fixture = messyFixture();
  const shared = fixture.expected.length + 1; // the header and the small registry's members
  /** The small registry's total row: the padding goes in its place. */
  const lastSmallRow = fixture.rows[fixture.rows.length - 1].rowNumber!;
  let a: FileOutcome;
  let b: FileOutcome;
  let wa: ExcelJS.Workbook;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    await writePaddedRegistry(small);
    await writePaddedRegistry(big, BIG);
    const options = { locale: "zh-CN" as const, asOf: AS_OF };
    a = await convertFile(small, { ...options, output: path.join(dir, "small-out.xlsx") });
    b = await convertFile(big, { ...options, output: path.join(dir, "big-out.xlsx") });
    wa = await readBack(path.join(dir, "small-out.xlsx"));
    wb = await readBack(path.join(dir, "big-out.xlsx"));
  }, 120_000);

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("picks the registry, not the sheet with a weaker header that comes first, at both sizes", async () => {
    expect(a.error).toBeNull();
    expect(b.error).toBeNull();
    expect(a.sheet).toBe("名册");
    expect(b.sheet).toBe("名册");
    expect(a.counts!.members).toBe(fixture.expected.length);
    expect(b.counts!.members).toBe(BIG);
    expect((await fs.stat(big)).size).toBeGreaterThan(5 * 1024 * 1024);
    // 联系人 is a registry too (its header names a few fields), only a weaker one.
    const contacts = await convertFile(small, {
      output: null,
      sheet: "联系人",
      locale: "zh-CN",
      asOf: AS_OF,
    });
    expect(contacts.error).toBeNull();
    expect(contacts.counts!.members).toBe(2);
    for (const w of [wa, wb])
      expect(w.worksheets.map((s) => s.name)).toEqual([
        "填表说明",
        "联系人",
        "成员名册",
        "校验报告",
        "变更记录",
      ]);
  });

  it("reports the same problems for the rows both have", () => {
    expect(a.problems.length).toBe(fixture.problems.length);
    expect(b.problems.filter((p) => p.row < lastSmallRow)).toEqual(a.problems);
    expect(b.counts!.errors).toBeGreaterThan(a.counts!.errors);
  });

  it("writes the same values, number formats, fills and notes in the rows both have", () => {
    const ra = wa.getWorksheet("成员名册")!;
    const rb = wb.getWorksheet("成员名册")!;
    expect(ra.rowCount).toBe(shared);
    expect(rb.rowCount).toBe(BIG + 1);
    const ca = cells(ra);
    const cb = cells(rb, shared);
    expect(cb.map((r) => r.map((c) => c.value))).toEqual(ca.map((r) => r.map((c) => c.value)));
    expect(cb.map((r) => r.map((c) => c.numFmt))).toEqual(ca.map((r) => r.map((c) => c.numFmt)));
    ca.forEach((row, r) =>
      row.forEach((c, k) =>
        expect([r + 1, k + 1, cb[r][k].fill, cb[r][k].note]).toEqual([r + 1, k + 1, c.fill, c.note])
      )
    );
    const marked = ca.flat().filter((c) => c.note !== null);
    expect(marked).toHaveLength(a.problems.length);
    // Every cell with a note is filled.
    for (const c of [...marked, ...cb.flat().filter((x) => x.note !== null)])
      expect(c.fill).not.toBeNull();
    expect(rb.columns.map((c) => c.width)).toEqual(ra.columns.map((c) => c.width));
    expect(rb.views).toEqual(ra.views);
    expect(rb.autoFilter).toEqual(ra.autoFilter);
  });

  it("marks both rows of a duplicate ID, the fill and the note, at both sizes", () => {
    const id = col("idNumber") + 1;
    const duplicateRows = (w: ExcelJS.Workbook) => {
      const ws = w.getWorksheet("成员名册")!;
      const found: { row: number; look: CellLook }[] = [];
      for (let r = 2; r <= shared; r++) {
        const look = cellLook(ws, r, id);
        if (/重复/.test(String(look.note ?? ""))) found.push({ row: r, look });
      }
      return found;
    };
    const inSmall = duplicateRows(wa);
    expect(inSmall.map((d) => d.row)).toHaveLength(2);
    for (const d of inSmall)
      expect(d.look.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(duplicateRows(wb)).toEqual(inSmall);
    const dupProblems = a.problems.filter((p) => p.code === "id-duplicate");
    expect(dupProblems).toHaveLength(2);
    expect(b.problems.filter((p) => p.code === "id-duplicate" && p.row < lastSmallRow)).toEqual(
      dupProblems
    );
  });

  it("puts the drop-down lists over every data row at both sizes", () => {
    const ma = validationsOf(wa.getWorksheet("成员名册")!);
    const mb = validationsOf(wb.getWorksheet("成员名册")!);
    const gender = String.fromCharCode(65 + col("gender"));
    expect(ma[`${gender}2`]).toMatchObject({ type: "list", formulae: ['"男,女"'] });
    expect(mb[`${gender}2`]).toEqual(ma[`${gender}2`]);
    expect(ma[`${gender}${shared}`]).toEqual(ma[`${gender}2`]);
    expect(ma[`${gender}${shared + 1}`]).toBeUndefined();
    expect(mb[`${gender}${BIG + 1}`]).toEqual(ma[`${gender}2`]);
  });

  it("carries the other sheets over, the same at both sizes", () => {
    for (const name of ["填表说明", "联系人"])
      expect(sheetValues(wb.getWorksheet(name)!)).toEqual(sheetValues(wa.getWorksheet(name)!));
    expect(sheetValues(wa.getWorksheet("联系人")!)).toEqual([
      ["姓名", "联系电话", "备注"],
      ["李书记", "13800000000"],
      ["王副书记", "13900000000", "周二值班"],
    ]);
    expect(wa.getWorksheet("填表说明")!.getColumn(1).width).toBe(30);
    expect(wb.getWorksheet("填表说明")!.getColumn(1).width).toBe(30);
  });
});

describe("a workbook in the 1904 date system", () => {
  const dir = makeDir("1904");
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("reads dates and date serial numbers in its own system", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("名册");
    ws.addRow(["姓名", "性别", "出生日期", "建档日期"]);
    ws.addRow(["张三", "男", new Date(Date.UTC(1980, 4, 6)), 45000]);
    ws.addRow(["李四", "女", new Date(Date.UTC(1975, 0, 31)), 44000]);
    ws.getCell("C2").numFmt = "yyyy-mm-dd";
    ws.getCell("C3").numFmt = "yyyy-mm-dd";
    const input = path.join(dir, "mac.xlsx");
    await wb.xlsx.writeFile(input);
    const output = path.join(dir, "mac-out.xlsx");
    const o = await convertFile(input, { output, locale: "zh-CN", asOf: AS_OF });
    expect(o.error).toBeNull();
    const expected = normalizeRegistry(
      [
        ["姓名", "性别", "出生日期", "建档日期"],
        ["张三", "男", new Date(Date.UTC(1980, 4, 6)), 45000],
        ["李四", "女", new Date(Date.UTC(1975, 0, 31)), 44000],
      ],
      { asOf: AS_OF, dateSystem: 1904 }
    );
    expect(o.counts).toEqual(expected.counts);
    expect(o.problems).toEqual(expected.problems);
    const out = (await readBack(output)).getWorksheet("成员名册")!;
    const birth = col("birthDate") + 1;
    const recorded = col("recordedOn") + 1;
    expect(out.getCell(2, birth).value).toEqual(new Date(Date.UTC(1980, 4, 6)));
    expect(out.getCell(3, birth).value).toEqual(new Date(Date.UTC(1975, 0, 31)));
    // 45000 days after 1 January 1904 (not 1900): 15 March 2027.
    const day1904 = (n: number) => new Date(Date.UTC(1904, 0, 1) + n * 86_400_000);
    expect(out.getCell(2, recorded).value).toEqual(expected.rows[0][recorded - 1]);
    expect(expected.rows[0][recorded - 1]).toEqual(day1904(45000));
    expect(out.getCell(3, recorded).value).toEqual(day1904(44000));
  });
});

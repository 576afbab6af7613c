import ExcelJS from "exceljs";
import { mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { addMessySheet } from "../../../scripts/samples/writeSamples";
import { type FileOutcome, convertFile } from "../../../src/hosts/exceljs/convertFile";
import { buildMessyRegistry } from "../../fixtures/messyRegistry";

const AS_OF = new Date(Date.UTC(2026, 10, 23));

type Sheet = ExcelJS.Worksheet & {
  dataValidations: { model: Record<string, unknown> };
};

interface Cell {
  value: unknown;
  numFmt: string | undefined;
  fill: unknown;
  note: unknown;
}

/** Every cell of a sheet: value ("" as empty), number format, fill and note. */
function cells(ws: ExcelJS.Worksheet): Cell[][] {
  const out: Cell[][] = [];
  const rows = ws.rowCount;
  const columns = ws.columnCount;
  for (let r = 1; r <= rows; r++) {
    const row: Cell[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = ws.getCell(r, c);
      const v = cell.value;
      row.push({
        value: v === "" || v === undefined ? null : v,
        numFmt: v === null || v === undefined || v === "" ? undefined : cell.numFmt,
        fill: cell.fill?.type === "pattern" && cell.fill.pattern === "solid" ? cell.fill : null,
        note: cell.note ?? null,
      });
    }
    out.push(row);
  }
  return out;
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("streaming output = full-load output, on a small messy registry", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-stream-parity-"));
  const fixture = buildMessyRegistry(150, 2024);
  const input = path.join(dir, "branch.xlsx");
  let full: FileOutcome;
  let streamed: FileOutcome;
  let a: ExcelJS.Workbook;
  let b: ExcelJS.Workbook;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet("填表说明");
    notes.getCell("A1").value = "说明：每季度更新";
    notes.getColumn(1).width = 30;
    addMessySheet(wb, "Sheet1", fixture.rows, fixture.merges);
    await wb.xlsx.writeFile(input);
    const options = { locale: "zh-CN" as const, asOf: AS_OF };
    full = await convertFile(input, {
      ...options,
      output: path.join(dir, "full.xlsx"),
      streamAboveBytes: Infinity,
    });
    streamed = await convertFile(input, {
      ...options,
      output: path.join(dir, "stream.xlsx"),
      streamAboveBytes: 0,
    });
    [a, b] = await Promise.all([
      read(path.join(dir, "full.xlsx")),
      read(path.join(dir, "stream.xlsx")),
    ]);
  }, 120_000);

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("gives the same outcome", () => {
    expect(streamed.error).toBeNull();
    expect({ ...streamed, output: null }).toEqual({ ...full, output: null });
  });

  it("writes the same sheets in the same order", () => {
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    expect(a.worksheets.map((w) => w.name)).toEqual([
      "填表说明",
      "成员名册",
      "校验报告",
      "变更记录",
    ]);
  });

  it("writes the same 成员名册: values, formats, widths, views, drop-downs; marks but the cross-row ones", () => {
    const wa = a.getWorksheet("成员名册")!;
    const wb = b.getWorksheet("成员名册")!;
    const ca = cells(wa);
    const cb = cells(wb);
    expect(cb.map((r) => r.map((c) => c.value))).toEqual(ca.map((r) => r.map((c) => c.value)));
    expect(cb.map((r) => r.map((c) => c.numFmt))).toEqual(ca.map((r) => r.map((c) => c.numFmt)));
    // Marks (fill and note) are the same but on the cells of duplicates, known only at the end.
    const crossRow = (note: unknown) => /行重复|姓名、出生日期相同/.test(String(note ?? ""));
    let skipped = 0;
    ca.forEach((row, r) =>
      row.forEach((c, k) => {
        if (crossRow(c.note)) skipped++;
        else expect([r, k, cb[r][k].fill, cb[r][k].note]).toEqual([r, k, c.fill, c.note]);
      })
    );
    expect(skipped).toBe(
      new Set(
        full.problems
          .filter((p) => p.code === "id-duplicate" || p.code === "possible-duplicate")
          .map((p) => p.row)
      ).size
    );
    expect(ca.flat().filter((c) => c.note !== null).length).toBeGreaterThan(skipped);
    expect(wb.columns.map((c) => c.width)).toEqual(wa.columns.map((c) => c.width));
    expect(wb.views).toEqual(wa.views);
    expect(wb.autoFilter).toEqual(wa.autoFilter);
    expect((wb as Sheet).dataValidations.model).toEqual((wa as Sheet).dataValidations.model);
  });

  it("writes the same 校验报告 and 变更记录", () => {
    for (const name of ["校验报告", "变更记录"]) {
      const wa = a.getWorksheet(name)!;
      const wb = b.getWorksheet(name)!;
      expect(cells(wb)).toEqual(cells(wa));
      expect(wb.columns.map((c) => c.width)).toEqual(wa.columns.map((c) => c.width));
      expect(wb.views).toEqual(wa.views);
    }
  });

  it("carries the other sheet over", () => {
    expect(cells(b.getWorksheet("填表说明")!)).toEqual(cells(a.getWorksheet("填表说明")!));
    expect(b.getWorksheet("填表说明")!.getColumn(1).width).toBe(30);
  });
});

describe("streaming output = full-load output, on a workbook in the 1904 date system", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-stream-1904-"));
  const input = path.join(dir, "mac.xlsx");

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("reads dates and date serial numbers the same way", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("名册");
    ws.addRow(["姓名", "性别", "出生日期", "建档日期"]);
    ws.addRow(["张三", "男", new Date(Date.UTC(1980, 4, 6)), 45000]);
    ws.addRow(["李四", "女", new Date(Date.UTC(1975, 0, 31)), 44000]);
    ws.getColumn(3).numFmt = "yyyy-mm-dd";
    ws.getCell("C2").numFmt = "yyyy-mm-dd";
    ws.getCell("C3").numFmt = "yyyy-mm-dd";
    await wb.xlsx.writeFile(input);
    const options = { locale: "zh-CN" as const, asOf: AS_OF };
    const full = await convertFile(input, {
      ...options,
      output: path.join(dir, "full.xlsx"),
      streamAboveBytes: Infinity,
    });
    const streamed = await convertFile(input, {
      ...options,
      output: path.join(dir, "stream.xlsx"),
      streamAboveBytes: 0,
    });
    expect(streamed.counts).toEqual(full.counts);
    expect(streamed.problems).toEqual(full.problems);
    const [a, b] = await Promise.all([
      read(path.join(dir, "full.xlsx")),
      read(path.join(dir, "stream.xlsx")),
    ]);
    const values = (w: ExcelJS.Workbook) =>
      cells(w.getWorksheet("成员名册")!).map((r) => r.map((c) => c.value));
    expect(values(b)).toEqual(values(a));
    expect(b.getWorksheet("成员名册")!.getCell("E2").value).toEqual(new Date(Date.UTC(1980, 4, 6)));
  });
});

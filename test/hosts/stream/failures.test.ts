import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, promises as fs, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { normalizeRegistry } from "../../../src/core/registry";
import { type ConvertOptions, convertFile } from "../../../src/hosts/exceljs/convertFile";
import { convertStreaming } from "../../../src/hosts/exceljs/stream/convertStreaming";

const AS_OF = new Date(Date.UTC(2026, 10, 23));
const base: ConvertOptions = { output: null, locale: "zh-CN", asOf: AS_OF };

describe("streaming path: failures come back as data, nothing half-written is left", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-stream-fail-"));
  const registry = path.join(dir, "registry.xlsx");
  const noHeader = path.join(dir, "numbers.xlsx");
  const outDir = path.join(dir, "out");

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名册");
    ws.addRow(["姓名", "性别", "公民身份号码"]);
    ws.addRow(["张三", "男", "11010519491231002X"]);
    ws.addRow(["李四", "女", "110105194912310021"]);
    wb.addWorksheet("空表").addRow([1, 2, 3]);
    await wb.xlsx.writeFile(registry);
    const other = new ExcelJS.Workbook();
    other.addWorksheet("数据").addRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    await other.xlsx.writeFile(noHeader);
    await fs.mkdir(outDir);
  });

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const expectNothingIn = (folder: string) => expect(readdirSync(folder)).toEqual([]);

  it("no sheet with a header: no-registry-sheet", async () => {
    const o = await convertStreaming(noHeader, { ...base, output: path.join(outDir, "a.xlsx") });
    expect(o.status).toBe("failed");
    expect(o.error?.code).toBe("no-registry-sheet");
    expect(o.error?.message).toContain("numbers.xlsx");
    expectNothingIn(outDir);
  });

  it("--sheet naming a missing sheet: sheet-not-found; naming one without a header: no-registry-sheet", async () => {
    const o = await convertStreaming(registry, { ...base, sheet: "花名册" });
    expect(o.error?.code).toBe("sheet-not-found");
    const p = await convertStreaming(registry, { ...base, sheet: "空表" });
    expect(p.error?.code).toBe("no-registry-sheet");
  });

  it("--sheet picks the sheet", async () => {
    const o = await convertStreaming(registry, { ...base, sheet: "名册" });
    expect(o.sheet).toBe("名册");
    expect(o.counts?.members).toBe(2);
  });

  it("an output that is an input: output-is-input, the input untouched", async () => {
    const before = await fs.readFile(registry);
    const o = await convertStreaming(registry, { ...base, output: registry });
    expect(o.error?.code).toBe("output-is-input");
    expect(await fs.readFile(registry)).toEqual(before);
  });

  it("a damaged zip: corrupt-workbook", async () => {
    const bytes = await fs.readFile(registry);
    const cut = path.join(dir, "cut.xlsx");
    await fs.writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const o = await convertStreaming(cut, { ...base, output: path.join(outDir, "cut.xlsx") });
    expect(o.error?.code).toBe("corrupt-workbook");
    expectNothingIn(outDir);
  });

  it("a missing file: file-not-found", async () => {
    const o = await convertStreaming(path.join(dir, "none.xlsx"), base);
    expect(o.error?.code).toBe("file-not-found");
  });

  it("over the unpacked-size and cell limits: too-large, too-many-cells", async () => {
    const o = await convertStreaming(registry, { ...base, maxUncompressedBytes: 2000 });
    expect(o.error?.code).toBe("too-large");
    const p = await convertStreaming(registry, { ...base, maxCells: 5 });
    expect(p.error?.code).toBe("too-many-cells");
    expect(p.error?.message).toContain("名册");
  });

  it("an output folder that does not exist: write-failed, in the user's language", async () => {
    const o = await convertStreaming(registry, {
      ...base,
      locale: "en",
      output: path.join(dir, "missing", "out.xlsx"),
    });
    expect(o.error?.code).toBe("write-failed");
    expect(o.error?.message).toMatch(/^out\.xlsx: cannot write the output/);
  });

  it("check and dry run: counts only, nothing written", async () => {
    const expected = normalizeRegistry(
      [
        ["姓名", "性别", "公民身份号码"],
        ["张三", "男", "11010519491231002X"],
        ["李四", "女", "110105194912310021"],
      ],
      { asOf: AS_OF }
    );
    const check = await convertStreaming(registry, base);
    expect(check.counts).toEqual(expected.counts);
    expect(check.problems).toEqual(expected.problems);
    expect(check.output).toBeNull();
    const dry = await convertStreaming(registry, {
      ...base,
      output: path.join(outDir, "dry.xlsx"),
      dryRun: true,
    });
    expect(dry.counts).toEqual(expected.counts);
    expect(dry.output).toBeNull();
    expectNothingIn(outDir);
  });

  it("leaves no spool folder behind", async () => {
    const before = readdirSync(os.tmpdir()).filter((n) => n.startsWith("uf-ledger-stream-"));
    await convertStreaming(registry, { ...base, output: path.join(outDir, "ok.xlsx") });
    await convertStreaming(noHeader, { ...base, output: path.join(outDir, "bad.xlsx") });
    const after = readdirSync(os.tmpdir()).filter((n) => n.startsWith("uf-ledger-stream-"));
    expect(after).toEqual(before);
    expect(readdirSync(outDir)).toEqual(["ok.xlsx"]);
    await fs.rm(path.join(outDir, "ok.xlsx"));
  });

  it("goes through convertFile's dispatch when UF_LEDGER_STREAM_ABOVE says so", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("名册").addRows([
      ["姓名", "性别"],
      ["张三", "男"],
    ]);
    wb.addWorksheet("统计").getCell("A1").value = { formula: "1+1", result: 2 };
    const input = path.join(dir, "env.xlsx");
    await wb.xlsx.writeFile(input);
    const formulaOf = async (file: string) => {
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(file);
      return back.getWorksheet("统计")!.getCell("A1").value;
    };
    const saved = process.env.UF_LEDGER_STREAM_ABOVE;
    try {
      process.env.UF_LEDGER_STREAM_ABOVE = "0";
      await convertFile(input, { ...base, output: path.join(outDir, "s.xlsx") });
      // The streaming path carries other sheets' formulas over as their values.
      expect(await formulaOf(path.join(outDir, "s.xlsx"))).toBe(2);
      process.env.UF_LEDGER_STREAM_ABOVE = String(10 * 1024 * 1024);
      await convertFile(input, { ...base, output: path.join(outDir, "f.xlsx") });
      expect(await formulaOf(path.join(outDir, "f.xlsx"))).toEqual({ formula: "1+1", result: 2 });
    } finally {
      if (saved === undefined) delete process.env.UF_LEDGER_STREAM_ABOVE;
      else process.env.UF_LEDGER_STREAM_ABOVE = saved;
    }
    expect(existsSync(path.join(outDir, "s.xlsx"))).toBe(true);
  });
});

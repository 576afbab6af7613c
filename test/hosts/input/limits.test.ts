/*
 * The readers' limits: a zip that would unpack to more than --max-size (a zip bomb), more cells
 * than --max-cells, a cell over Excel's 32,767 characters, a row or column beyond Excel's sheet.
 * Each is checked before the memory is spent: on the zip's directory, or on the sheet XML and CSV
 * text as they are unpacked and parsed, before exceljs builds a workbook (shown here by files
 * whose XML is broken after the place over the limit: exceljs would call them corrupt). Each is
 * one Chinese line naming the file, the sheet and the cell, and exit code 2 at the command line.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { addMessySheet } from "../../../scripts/samples/writeSamples";
import { openWorkbook } from "../../../src/hosts/exceljs/input/openWorkbook";
import { runCli } from "../../cli/run";
import { buildMessyRegistry } from "../../fixtures/messyRegistry";
import { expectFileError, makeTmpDir, removeDir, sha256 } from "./helpers";
import { deflatedZeros, readZipEntries, writeZip, type ZipEntrySpec } from "./zipWriter";

let dir: string;
beforeAll(() => {
  dir = makeTmpDir("uf-ledger-limits-");
});
afterAll(() => removeDir(dir));

/** An .xlsx of a messy registry (sheet 名册, 10 members), as exceljs writes it. */
async function registryXlsx(
  options: { sharedStrings?: boolean; long?: string } = {}
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const r = buildMessyRegistry(10, 7);
  const ws = addMessySheet(wb, "名册", r.rows, r.merges);
  if (options.long !== undefined) ws.getCell("C9").value = options.long;
  return Buffer.from(
    await wb.xlsx.writeBuffer({
      useSharedStrings: options.sharedStrings ?? true,
    } as ExcelJS.XlsxWriteOptions)
  );
}

/** The same zip with one entry's text changed. */
async function editEntry(
  bytes: Buffer,
  name: string,
  edit: (xml: string) => string
): Promise<Buffer> {
  const entries = await readZipEntries(bytes);
  const e = entries.find((x) => x.name === name);
  if (!e?.data) throw new Error(`no entry ${name}`);
  e.data = Buffer.from(edit(e.data.toString("utf8")), "utf8");
  return writeZip(entries);
}

function save(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Runs the command line on a file the readers must refuse: exit 2, the message on stderr, no output. */
function refusedByCli(file: string, message: string | RegExp, ...args: string[]): void {
  const before = sha256(file);
  const out = path.join(dir, `out-${path.basename(file)}`);
  const r = runCli(["convert", file, "--out", out, ...args]);
  expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(message)]);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
  // The report, and no output (nor a temporary file of one) for the file refused.
  const written = fs.readdirSync(out);
  expect(written).toContain("report.json");
  expect(written.filter((f) => /\.(xlsx|tmp)$/.test(f))).toEqual([]);
  expect(sha256(file)).toBe(before);
  const check = runCli(["check", file, ...args]);
  expect([check.code, check.stderr]).toEqual([2, expect.stringMatching(message)]);
}

/** Text that would make exceljs fail, put after the place over a limit. */
const BROKEN_TAIL = '<row r="99"><c r="A99"><v>1</v></c></rw></sheetData>';

describe("zip bomb: more than --max-size unpacked", () => {
  it("an .xlsx with a 600 MB entry of zeros (under 1 MB on disk) is refused before anything is unpacked", async () => {
    const entries: ZipEntrySpec[] = await readZipEntries(await registryXlsx());
    const bomb = save(
      "炸弹.xlsx",
      writeZip([...entries, { name: "xl/media/image1.png", deflated: await deflatedZeros(600) }])
    );
    expect(fs.statSync(bomb).size).toBeLessThan(1024 * 1024);
    const started = Date.now();
    const e = await expectFileError(openWorkbook(bomb), "too-large");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(e.params).toEqual({ file: "炸弹.xlsx", limit: "500 MB" });
    refusedByCli(bomb, /炸弹\.xlsx：解压后超过 500 MB 的上限（可能是“压缩炸弹”），未处理/);
    refusedByCli(bomb, /炸弹\.xlsx：解压后超过 100 MB 的上限/, "--max-size", "100");
  }, 60_000);

  it("an entry that declares nothing unpacked but holds a bomb is caught too", async () => {
    const entries: ZipEntrySpec[] = await readZipEntries(await registryXlsx());
    const liar = save(
      "谎报.xlsx",
      writeZip([
        ...entries,
        { name: "xl/media/image1.png", deflated: await deflatedZeros(600), declaredSize: 0 },
      ])
    );
    const e = await expectFileError(openWorkbook(liar), "corrupt-workbook");
    expect(e.params.detail).toBe("压缩条目的实际大小与目录不符");
    refusedByCli(
      liar,
      /谎报\.xlsx：工作簿已损坏或不完整，无法打开（压缩条目的实际大小与目录不符）/
    );
  }, 60_000);
});

describe("more cells than --max-cells", () => {
  it("an .xlsx: the sheet's last row times its last column, checked on its XML before exceljs reads it", async () => {
    const file = save("大表.xlsx", await registryXlsx());
    const e = await expectFileError(openWorkbook(file, { maxCells: 100 }), "too-many-cells");
    expect(e.params).toEqual({ file: "大表.xlsx", sheet: "名册", limit: 100 });
    await expect(openWorkbook(file, { maxCells: 1000 })).resolves.toBeDefined();
    refusedByCli(
      file,
      /大表\.xlsx（工作表“名册”）：单元格数超过上限 100（可用 --max-cells 调整）/,
      "--max-cells",
      "100"
    );
    // The same with XML that exceljs cannot read after the rows: the limit is found first.
    const broken = save(
      "大表-坏.xlsx",
      await editEntry(await registryXlsx(), "xl/worksheets/sheet1.xml", (x) =>
        x.replace("</sheetData>", BROKEN_TAIL)
      )
    );
    await expectFileError(openWorkbook(broken), "corrupt-workbook");
    await expectFileError(openWorkbook(broken, { maxCells: 100 }), "too-many-cells");
  });

  it("an .xlsx whose few cells sit far apart spans all the cells between them", async () => {
    const far = save(
      "稀疏.xlsx",
      await editEntry(await registryXlsx(), "xl/worksheets/sheet1.xml", (x) =>
        x.replace(
          "</sheetData>",
          '<row r="1000000"><c r="ZZ1000000"><v>1</v></c></row></sheetData>'
        )
      )
    );
    const e = await expectFileError(openWorkbook(far), "too-many-cells");
    expect(e.params).toEqual({ file: "稀疏.xlsx", sheet: "名册", limit: 30_000_000 });
    refusedByCli(far, /稀疏\.xlsx（工作表“名册”）：单元格数超过上限 30000000/);
  });

  it("a CSV: records times the widest record, counted while it is parsed", async () => {
    const rows = ["姓名,性别,民族", ...Array.from({ length: 50 }, (_, i) => `成员${i},男,汉族`)];
    const file = save("名单.csv", rows.join("\r\n") + "\r\n");
    const e = await expectFileError(openWorkbook(file, { maxCells: 100 }), "too-many-cells");
    expect(e.params).toEqual({ file: "名单.csv", sheet: "名单", limit: 100 });
    await expect(openWorkbook(file, { maxCells: 153 })).resolves.toBeDefined();
    refusedByCli(
      file,
      /名单\.csv（工作表“名单”）：单元格数超过上限 100（可用 --max-cells 调整）/,
      "--max-cells",
      "100"
    );
  });
});

describe("more cells than exceljs can build in memory (merged ranges, data validations, names)", () => {
  /** Registry .xlsx files with one part edited, the rest as exceljs wrote them. */
  async function withSheet(edit: (xml: string) => string): Promise<Buffer> {
    return editEntry(await registryXlsx(), "xl/worksheets/sheet1.xml", edit);
  }

  it("a merged range of 24 million cells in a file of a few KB (found by the fuzzer: it ran exceljs out of memory)", async () => {
    const file = save(
      "合并.xlsx",
      await withSheet((x) => x.replace(/ref="A1:W1"/, 'ref="A1:W1048576"'))
    );
    expect(fs.statSync(file).size).toBeLessThan(20_000);
    const started = Date.now();
    const e = await expectFileError(openWorkbook(file), "too-many-cells-to-load");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(e.params).toEqual({ file: "合并.xlsx", sheet: "名册", limit: 8_000_000 });
    refusedByCli(
      file,
      /合并\.xlsx（工作表“名册”）：单元格过多，超过一次读入的上限 8000000（合并单元格、数据验证和名称按其范围内的单元格计），未处理/
    );
  });

  it("data validations over whole columns: one is fine, ten are too many", async () => {
    const validation = (sqref: string) =>
      `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="${sqref}">` +
      `<formula1>"男,女"</formula1></dataValidation></dataValidations>`;
    const one = save(
      "验证一列.xlsx",
      await withSheet((x) => x.replace("<pageMargins", `${validation("C1:C1048576")}<pageMargins`))
    );
    await expect(openWorkbook(one)).resolves.toBeDefined();
    const ten = save(
      "验证十列.xlsx",
      await withSheet((x) =>
        x.replace("<pageMargins", `${validation("A1:E1048576 G1:K1048576")}<pageMargins`)
      )
    );
    const e = await expectFileError(openWorkbook(ten), "too-many-cells-to-load");
    expect(e.params).toEqual({ file: "验证十列.xlsx", sheet: "名册", limit: 8_000_000 });
  });

  it("a filter range (a defined name) of 24 million cells; a print area that large is fine", async () => {
    const named = async (name: string) =>
      editEntry(await registryXlsx(), "xl/workbook.xml", (x) =>
        x.replace(
          "</sheets>",
          `</sheets><definedNames><definedName name="${name}" localSheetId="0">名册!$A$1:$W$1048576</definedName></definedNames>`
        )
      );
    // exceljs makes a print area a page setting; other names it keeps cell by cell.
    await expect(
      openWorkbook(save("打印区域.xlsx", await named("_xlnm.Print_Area")))
    ).resolves.toBeDefined();
    const file = save("筛选.xlsx", await named("_xlnm._FilterDatabase"));
    const e = await expectFileError(openWorkbook(file), "too-many-cells-to-load");
    expect(e.params).toEqual({ file: "筛选.xlsx", sheet: undefined, limit: 8_000_000 });
    refusedByCli(file, /筛选\.xlsx：单元格过多，超过一次读入的上限 8000000/);
  });

  it("a CSV: its non-empty fields, counted while it is parsed", async () => {
    const file = save("字段.csv", "姓名,性别\r\n" + "张三,男\r\n".repeat(40));
    const e = await expectFileError(
      openWorkbook(file, { maxLoadCells: 50 }),
      "too-many-cells-to-load"
    );
    expect(e.params).toEqual({ file: "字段.csv", sheet: "字段", limit: 50 });
    await expect(openWorkbook(file, { maxLoadCells: 82 })).resolves.toBeDefined();
  });
});

describe("a cell over Excel's 32,767 characters", () => {
  const long = "长".repeat(32768);

  it("in a shared string: named by the first cell that uses it", async () => {
    const file = save("超长.xlsx", await registryXlsx({ long }));
    const e = await expectFileError(openWorkbook(file), "cell-too-long");
    expect(e.params).toEqual({ file: "超长.xlsx", sheet: "名册", row: 9, column: "C" });
    refusedByCli(
      file,
      /超长\.xlsx（工作表“名册”第 9 行 C 列）：单元格超过 Excel 上限 32767 个字符/
    );
    const en = runCli(["check", file, "--lang", "en"]);
    expect([en.code, en.stderr]).toEqual([
      2,
      expect.stringContaining(
        `超长.xlsx (sheet "名册", row 9, column C): a cell holds more than Excel's 32,767 characters`
      ),
    ]);
  });

  it("in an inline string, checked as the sheet is unpacked (before the broken XML after it)", async () => {
    const bytes = await editEntry(
      await registryXlsx({ long, sharedStrings: false }),
      "xl/worksheets/sheet1.xml",
      (x) => x.replace("</sheetData>", BROKEN_TAIL)
    );
    const file = save("超长-内联.xlsx", bytes);
    const e = await expectFileError(openWorkbook(file), "cell-too-long");
    expect(e.params).toEqual({ file: "超长-内联.xlsx", sheet: "名册", row: 9, column: "C" });
    refusedByCli(
      file,
      /超长-内联\.xlsx（工作表“名册”第 9 行 C 列）：单元格超过 Excel 上限 32767 个字符/
    );
  });

  it("exactly 32,767 characters are fine", async () => {
    const file = save("刚好.xlsx", await registryXlsx({ long: "长".repeat(32767) }));
    await expect(openWorkbook(file)).resolves.toBeDefined();
    const csv = save("刚好.csv", `姓名,备注\r\n张三,"${"x".repeat(32767)}"\r\n`);
    await expect(openWorkbook(csv)).resolves.toBeDefined();
  });

  it("in a CSV: refused as the field is parsed, naming its record and field", async () => {
    const file = save(
      "长字段.csv",
      `姓名,性别,备注\r\n张三,男,ok\r\n李四,女,"${"甲,乙\r\n".repeat(8000)}"\r\n`
    );
    const e = await expectFileError(openWorkbook(file), "cell-too-long");
    expect(e.params).toEqual({ file: "长字段.csv", sheet: "长字段", row: 3, column: "C" });
    refusedByCli(
      file,
      /长字段\.csv（工作表“长字段”第 3 行 C 列）：单元格超过 Excel 上限 32767 个字符/
    );
  });
});

describe("beyond Excel's 1,048,576 rows or 16,384 columns", () => {
  it("an .xlsx with a cell past the last row or column", async () => {
    const file = save(
      "越界.xlsx",
      await editEntry(await registryXlsx(), "xl/worksheets/sheet1.xml", (x) =>
        x.replace("</sheetData>", '<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>')
      )
    );
    const e = await expectFileError(openWorkbook(file), "beyond-sheet-limits");
    expect(e.params).toEqual({ file: "越界.xlsx", sheet: "名册", row: 1048577, column: undefined });
    refusedByCli(
      file,
      /越界\.xlsx（工作表“名册”第 1048577 行）：超出 Excel 工作表的范围（最多 1048576 行、16384 列）/
    );
    const wide = save(
      "越界列.xlsx",
      await editEntry(await registryXlsx(), "xl/worksheets/sheet1.xml", (x) =>
        x.replace("</row>", '<c r="XFE1"><v>1</v></c></row>')
      )
    );
    const w = await expectFileError(openWorkbook(wide), "beyond-sheet-limits");
    expect(w.params).toMatchObject({ sheet: "名册", row: 1, column: "16385" });
  });

  it("an .xlsx whose column widths reach past the last column (exceljs makes an object for each)", async () => {
    const bytes = await editEntry(await registryXlsx(), "xl/worksheets/sheet1.xml", (x) =>
      x.replace("<sheetData>", '<cols><col min="1" max="99999999" width="9"/></cols><sheetData>')
    );
    const file = save("列宽.xlsx", bytes);
    const e = await expectFileError(openWorkbook(file), "beyond-sheet-limits");
    expect(e.params).toEqual({
      file: "列宽.xlsx",
      sheet: "名册",
      row: undefined,
      column: "99999999",
    });
  });

  it("a CSV with more fields than a sheet has columns", async () => {
    const file = save("宽.csv", `姓名,性别\r\n张三,${"x,".repeat(16400)}\r\n`);
    const e = await expectFileError(openWorkbook(file), "beyond-sheet-limits");
    expect(e.params).toEqual({ file: "宽.csv", sheet: "宽", row: 2, column: "16385" });
    refusedByCli(file, /宽\.csv（工作表“宽”第 2 行 16385 列）：超出 Excel 工作表的范围/);
  });
});

/*
 * The readers' limits: a zip that would unpack to more than --max-size (a zip bomb), a zip entry
 * that lies about its size, more cells than --max-cells, a cell over Excel's 32,767 characters, a
 * row or column beyond Excel's sheet, merged ranges too large to fill in. Each is one Chinese line
 * naming the file, the sheet and the cell, exit code 2 at the command line, no output written and
 * the input untouched. Each is found as the part is read, before what follows it (shown here by
 * files whose XML is broken after the place over the limit).
 *
 * What the full load (exceljs) made a risk and the one pipeline no longer does: a data validation
 * over whole columns, a defined name over 24 million cells and column widths past the last column
 * were refused because exceljs built an object for every cell they cover. Nothing expands them
 * now (they are copied as stored), so those files convert, and quickly.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { addMessySheet } from "../../../scripts/samples/writeSamples";
import { fileErrorMessage } from "../../../src/core/fileErrors";
import { convertFile } from "../../../src/hosts/exceljs/convert/convertFile";
import type { FileOutcome } from "../../../src/hosts/exceljs/convert/outcome";
import { nodeCodec } from "../../../src/hosts/exceljs/node/nodeCodec";
import { openInput } from "../../../src/hosts/exceljs/read/openInput";
import { bytesSource } from "../../../src/hosts/exceljs/zip/byteSource";
import { ZipReader } from "../../../src/hosts/exceljs/zip/zipReader";
import { WorkbookPackage } from "../../../src/hosts/exceljs/xlsx/workbookPackage";
import { runCli } from "../../cli/run";
import { buildMessyRegistry } from "../../fixtures/messyRegistry";
import { expectFileError, makeTmpDir, removeDir, sha256 } from "./helpers";
import { deflatedZeros, readZipEntries, writeZip, type ZipEntrySpec } from "../input/zipWriter";

const AS_OF = new Date(Date.UTC(2026, 10, 23));
const MB = 1024 * 1024;

let dir: string;
beforeAll(() => {
  dir = makeTmpDir("uf-ledger-limits-");
});
afterAll(() => removeDir(dir));

/** An .xlsx of a messy registry (sheet 名册, 10 members), as exceljs writes it; maybe a notes sheet 说明 after it. */
async function registryXlsx(
  options: { sharedStrings?: boolean; long?: string; notes?: boolean } = {}
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const r = buildMessyRegistry(10, 7);
  const ws = addMessySheet(wb, "名册", r.rows, r.merges);
  if (options.long !== undefined) ws.getCell("C9").value = options.long;
  if (options.notes) wb.addWorksheet("说明").addRow(["本表每季度更新"]);
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
  const before = e.data.toString("utf8");
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${name} changed nothing`);
  e.data = Buffer.from(after, "utf8");
  return writeZip(entries);
}

const SHEET = "xl/worksheets/sheet1.xml";

function save(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Converts a file as the command line does (into a folder of its own); the input must stay as it was. */
async function convert(
  file: string,
  options: { maxCells?: number; maxUncompressedBytes?: number } = {}
): Promise<FileOutcome & { ms: number }> {
  const before = sha256(file);
  const out = makeTmpDir("uf-ledger-limits-out-");
  try {
    const t = Date.now();
    const outcome = await convertFile(file, {
      output: path.join(out, path.basename(file).replace(/\.\w+$/, ".xlsx")),
      locale: "zh-CN",
      asOf: AS_OF,
      ...options,
    });
    const ms = Date.now() - t;
    expect(sha256(file)).toBe(before);
    if (outcome.error) expect(fs.readdirSync(out)).toEqual([]);
    return { ...outcome, ms };
  } finally {
    removeDir(out);
  }
}

/** The conversion must fail with `code` and a message matching `message`. */
async function refused(
  file: string,
  code: string,
  message: RegExp,
  options?: Parameters<typeof convert>[1]
): Promise<void> {
  const outcome = await convert(file, options);
  expect(outcome.error?.code).toBe(code);
  expect(outcome.error && fileErrorMessage(outcome.error, "zh-CN")).toMatch(message);
  expect(outcome.status).toBe("failed");
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

let plainCounts: FileOutcome["counts"] | undefined;
/** What the registry of registryXlsx() converts to, untouched: the counts every harmless edit must keep. */
async function registryCounts(): Promise<FileOutcome["counts"]> {
  if (!plainCounts) {
    const outcome = await convert(save("名册-原样.xlsx", await registryXlsx({ notes: true })));
    expect(outcome.error).toBeNull();
    plainCounts = outcome.counts;
  }
  return plainCounts;
}

/** Text that a reader cannot take, put after the place over a limit. */
const BROKEN_TAIL = '<row r="99"><c r="A99"><v>1</v></c></rw></sheetData>';

/** `prefix`, then `megabytes` MB of spaces, deflated as a stream (never held whole). */
async function deflatedWithSpaces(
  prefix: Buffer,
  megabytes: number
): Promise<{ bytes: Buffer; crc: number; size: number }> {
  const spaces = Buffer.alloc(MB, 0x20);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let crc = zlib.crc32(prefix);
  deflate.write(prefix);
  for (let i = 0; i < megabytes; i++) {
    crc = zlib.crc32(spaces, crc);
    if (!deflate.write(spaces)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  return { bytes: Buffer.concat(out), crc, size: prefix.length + megabytes * MB };
}

describe("zip bomb: more than --max-size unpacked", () => {
  it("an .xlsx with a 600 MB entry of zeros (under 1 MB on disk), over --max-size, is refused before anything is unpacked", async () => {
    const entries: ZipEntrySpec[] = await readZipEntries(await registryXlsx());
    const bomb = save(
      "炸弹.xlsx",
      writeZip([...entries, { name: "xl/media/image1.png", deflated: await deflatedZeros(600) }])
    );
    expect(fs.statSync(bomb).size).toBeLessThan(MB);
    const started = Date.now();
    const e = await expectFileError(
      openInput(bomb, { maxUncompressedBytes: 500 * MB }),
      "too-large"
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(e.params).toEqual({ file: "炸弹.xlsx", limit: { bytes: 500 * MB } });
    refusedByCli(
      bomb,
      /炸弹\.xlsx：解压后超过 500 MB 的上限（可能是“压缩炸弹”），未处理/,
      "--max-size",
      "500"
    );
    refusedByCli(bomb, /炸弹\.xlsx：解压后超过 100 MB 的上限/, "--max-size", "100");
    // Under the default limit (4 GB) the file is read: its 600 MB entry is never unpacked (nothing
    // refers to it), let alone held, so it costs nothing.
    const ok = await convert(bomb);
    expect(ok.error).toBeNull();
    expect(ok.counts).toEqual(await registryCounts());
    expect(ok.ms).toBeLessThan(10_000);
  }, 60_000);

  it("a directory declaring more than the default 4 GB is refused at once", async () => {
    const entries: ZipEntrySpec[] = await readZipEntries(await registryXlsx());
    const bomb = save(
      "巨型.xlsx",
      writeZip([
        ...entries,
        { name: "xl/media/image1.png", data: Buffer.from("x"), declaredSize: 3_000_000_000 },
        { name: "xl/media/image2.png", data: Buffer.from("y"), declaredSize: 3_000_000_000 },
      ])
    );
    await refused(bomb, "too-large", /^巨型\.xlsx：解压后超过 4096 MB 的上限/);
    refusedByCli(bomb, /巨型\.xlsx：解压后超过 4096 MB 的上限（可能是“压缩炸弹”），未处理/);
  });

  it("a sheet that holds 600 MB more than its directory entry declares is stopped at its declared size", async () => {
    const entries: ZipEntrySpec[] = await readZipEntries(await registryXlsx());
    const sheet = entries.find((e) => e.name === SHEET)!;
    const xml = sheet.data!;
    sheet.data = undefined;
    sheet.deflated = await deflatedWithSpaces(xml, 600);
    sheet.declaredSize = xml.length;
    const liar = save("谎报.xlsx", writeZip(entries));
    expect(fs.statSync(liar).size).toBeLessThan(2 * MB);
    const before = process.memoryUsage().rss;
    const outcome = await convert(liar);
    expect(outcome.error).toEqual({
      code: "corrupt-workbook",
      params: { file: "谎报.xlsx", reason: { kind: "entry-size-mismatch" } },
    });
    expect(fileErrorMessage(outcome.error!, "zh-CN")).toBe(
      "谎报.xlsx：工作簿已损坏或不完整，无法打开（压缩条目的实际大小与目录不符）"
    );
    expect(outcome.ms).toBeLessThan(5000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MB);
    refusedByCli(
      liar,
      /谎报\.xlsx：工作簿已损坏或不完整，无法打开（压缩条目的实际大小与目录不符）/
    );
  }, 60_000);
});

describe("more cells than --max-cells", () => {
  it("an .xlsx: the sheet's rows times its widest row, counted as the rows are read", async () => {
    const file = save("大表.xlsx", await registryXlsx());
    await refused(
      file,
      "too-many-cells",
      /^大表\.xlsx（工作表“名册”）：单元格数超过上限 100（可用 --max-cells 调整）$/,
      { maxCells: 100 }
    );
    expect((await convert(file, { maxCells: 1000 })).error).toBeNull();
    refusedByCli(
      file,
      /大表\.xlsx（工作表“名册”）：单元格数超过上限 100（可用 --max-cells 调整）/,
      "--max-cells",
      "100"
    );
    // The same with XML that cannot be read after the rows: the limit is found first.
    const broken = save(
      "大表-坏.xlsx",
      await editEntry(await registryXlsx(), SHEET, (x) => x.replace("</sheetData>", BROKEN_TAIL))
    );
    await refused(broken, "too-many-cells", /单元格数超过上限 100/, { maxCells: 100 });
  });

  it("an .xlsx whose few cells sit far apart spans all the cells between them", async () => {
    const far = save(
      "稀疏.xlsx",
      await editEntry(await registryXlsx(), SHEET, (x) =>
        x.replace(
          "</sheetData>",
          '<row r="1000000"><c r="ZZ1000000"><v>1</v></c></row></sheetData>'
        )
      )
    );
    await refused(
      far,
      "too-many-cells",
      /^稀疏\.xlsx（工作表“名册”）：单元格数超过上限 30000000（可用 --max-cells 调整）$/
    );
    refusedByCli(far, /稀疏\.xlsx（工作表“名册”）：单元格数超过上限 30000000/);
  }, 60_000);

  it("a CSV: records times the widest record, counted while it is parsed", async () => {
    const rows = ["姓名,性别,民族", ...Array.from({ length: 50 }, (_, i) => `成员${i},男,汉族`)];
    const file = save("名单.csv", rows.join("\r\n") + "\r\n");
    const e = await expectFileError(openInput(file, { maxCells: 100 }), "too-many-cells");
    expect(e.params).toEqual({ file: "名单.csv", sheet: "名单", limit: 100 });
    const opened = await openInput(file, { maxCells: 153 });
    await opened.close();
    refusedByCli(
      file,
      /名单\.csv（工作表“名单”）：单元格数超过上限 100（可用 --max-cells 调整）/,
      "--max-cells",
      "100"
    );
  });
});

describe("merged ranges, data validations and names over millions of cells", () => {
  /** Registry .xlsx files with one part edited, the rest as exceljs wrote them. */
  async function withPart(
    part: string,
    edit: (xml: string) => string,
    options: Parameters<typeof registryXlsx>[0] = {}
  ): Promise<Buffer> {
    return editEntry(await registryXlsx(options), part, edit);
  }

  it("a merged range of 24 million cells in a file of a few KB (found by the fuzzer) is refused at once", async () => {
    // Each merged cell read row by row is filled in: 24 million of them would take minutes.
    const file = save(
      "合并.xlsx",
      await withPart(SHEET, (x) => x.replace(/ref="A1:W1"/, 'ref="A1:W1048576"'))
    );
    expect(fs.statSync(file).size).toBeLessThan(20_000);
    const outcome = await convert(file);
    expect(outcome.error).toEqual({
      code: "too-many-cells-to-load",
      params: { file: "合并.xlsx", sheet: "名册", limit: 8_000_000 },
    });
    expect(fileErrorMessage(outcome.error!, "zh-CN")).toMatch(
      /^合并\.xlsx（工作表“名册”）：合并单元格过多，合并范围内的单元格超过上限 8000000/
    );
    expect(outcome.ms).toBeLessThan(5000);
    refusedByCli(
      file,
      /合并\.xlsx（工作表“名册”）：合并单元格过多，合并范围内的单元格超过上限 8000000/
    );
  });

  it("a merged range that bomb is refused on any sheet, and one past Excel's last row too", async () => {
    const merge = (ref: string) => (x: string) =>
      x.replace(
        "<pageMargins",
        `<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells><pageMargins`
      );
    const notes = save(
      "合并-说明.xlsx",
      await withPart("xl/worksheets/sheet2.xml", merge("A1:W1048576"), { notes: true })
    );
    await refused(
      notes,
      "too-many-cells-to-load",
      /^合并-说明\.xlsx（工作表“说明”）：合并单元格过多，合并范围内的单元格超过上限 8000000/
    );
    const past = save(
      "合并-越界.xlsx",
      await withPart("xl/worksheets/sheet2.xml", merge("A1:A1048577"), { notes: true })
    );
    await refused(
      past,
      "beyond-sheet-limits",
      /^合并-越界\.xlsx（工作表“说明”）：超出 Excel 工作表的范围（最多 1048576 行、16384 列）$/
    );
  });

  it("data validations over whole columns convert, quickly, and stay in the workbook", async () => {
    // Refused before (exceljs made an object for each of the 10 million cells); now nothing expands them.
    const validation = (sqref: string) =>
      `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="${sqref}">` +
      `<formula1>"男,女"</formula1></dataValidation></dataValidations><pageMargins`;
    const counts = await registryCounts();
    const onRegistry = save(
      "验证十列.xlsx",
      await withPart(SHEET, (x) => x.replace("<pageMargins", validation("A1:E1048576 G1:K1048576")))
    );
    const a = await convert(onRegistry);
    expect(a.error).toBeNull();
    expect(a.counts).toEqual(counts);
    expect(a.ms).toBeLessThan(5000);

    const onNotes = save(
      "验证说明.xlsx",
      await withPart(
        "xl/worksheets/sheet2.xml",
        (x) => x.replace("<pageMargins", validation("A1:E1048576 G1:K1048576")),
        { notes: true }
      )
    );
    const out = path.join(dir, "验证说明-out.xlsx");
    const b = await convertFile(onNotes, { output: out, locale: "zh-CN", asOf: AS_OF });
    expect(b.error).toBeNull();
    expect(b.counts).toEqual(counts);
    const pkg = await WorkbookPackage.open(
      await ZipReader.open(bytesSource(fs.readFileSync(out)), nodeCodec, {
        file: "out.xlsx",
        maxEntries: 1000,
        maxUncompressedBytes: 100 * MB,
      }),
      "out.xlsx"
    );
    const notes = pkg.worksheets.find((s) => s.name === "说明")!;
    expect(await pkg.partText(notes.part)).toContain('sqref="A1:E1048576 G1:K1048576"');
  });

  it("a filter range or print area (a defined name) of 24 million cells converts, quickly", async () => {
    // Refused before (exceljs kept such a name cell by cell); now a name is text, copied as it is.
    const named = async (name: string) =>
      withPart(
        "xl/workbook.xml",
        (x) =>
          x.replace(
            "</sheets>",
            `</sheets><definedNames><definedName name="${name}" localSheetId="1">说明!$A$1:$W$1048576</definedName></definedNames>`
          ),
        { notes: true }
      );
    for (const name of ["_xlnm._FilterDatabase", "_xlnm.Print_Area"]) {
      const file = save(`名称${name}.xlsx`, await named(name));
      const outcome = await convert(file);
      expect(outcome.error).toBeNull();
      expect(outcome.counts).toEqual(await registryCounts());
      expect(outcome.ms).toBeLessThan(5000);
    }
  });
});

describe("a cell over Excel's 32,767 characters", () => {
  const long = "长".repeat(32768);

  it("in a shared string: named by the first cell that uses it", async () => {
    const file = save("超长.xlsx", await registryXlsx({ long }));
    await refused(
      file,
      "cell-too-long",
      /^超长\.xlsx（工作表“名册”第 9 行 C 列）：单元格超过 Excel 上限 32767 个字符$/
    );
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

  it("in an inline string, found as the sheet is read (before the broken XML after it)", async () => {
    const bytes = await editEntry(await registryXlsx({ long, sharedStrings: false }), SHEET, (x) =>
      x.replace("</sheetData>", BROKEN_TAIL)
    );
    const file = save("超长-内联.xlsx", bytes);
    await refused(
      file,
      "cell-too-long",
      /^超长-内联\.xlsx（工作表“名册”第 9 行 C 列）：单元格超过 Excel 上限 32767 个字符$/
    );
    refusedByCli(
      file,
      /超长-内联\.xlsx（工作表“名册”第 9 行 C 列）：单元格超过 Excel 上限 32767 个字符/
    );
  });

  it("exactly 32,767 characters are fine", async () => {
    const file = save("刚好.xlsx", await registryXlsx({ long: "长".repeat(32767) }));
    expect((await convert(file)).error).toBeNull();
    const csv = save("刚好.csv", `姓名,备注\r\n张三,"${"x".repeat(32767)}"\r\n`);
    const opened = await openInput(csv);
    await opened.close();
  });

  it("in a CSV: refused as the field is parsed, naming its record and field", async () => {
    const file = save(
      "长字段.csv",
      `姓名,性别,备注\r\n张三,男,ok\r\n李四,女,"${"甲,乙\r\n".repeat(8000)}"\r\n`
    );
    const e = await expectFileError(openInput(file), "cell-too-long");
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
      await editEntry(await registryXlsx(), SHEET, (x) =>
        x.replace("</sheetData>", '<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>')
      )
    );
    await refused(
      file,
      "beyond-sheet-limits",
      /^越界\.xlsx（工作表“名册”第 1048577 行）：超出 Excel 工作表的范围（最多 1048576 行、16384 列）$/
    );
    refusedByCli(
      file,
      /越界\.xlsx（工作表“名册”第 1048577 行）：超出 Excel 工作表的范围（最多 1048576 行、16384 列）/
    );
    const wide = save(
      "越界列.xlsx",
      await editEntry(await registryXlsx(), SHEET, (x) =>
        x.replace("</row>", '<c r="XFE1"><v>1</v></c></row>')
      )
    );
    await refused(wide, "beyond-sheet-limits", /^越界列\.xlsx（工作表“名册”第 1 行 16385 列）：/);
  });

  it("an .xlsx whose column widths reach past the last column converts, quickly", async () => {
    // Refused before (exceljs made an object for each column); widths are not expanded now.
    const file = save(
      "列宽.xlsx",
      await editEntry(await registryXlsx(), SHEET, (x) =>
        x.replace("<sheetData>", '<cols><col min="1" max="99999999" width="9"/></cols><sheetData>')
      )
    );
    const outcome = await convert(file);
    expect(outcome.error).toBeNull();
    expect(outcome.counts).toEqual(await registryCounts());
    expect(outcome.ms).toBeLessThan(5000);
  });

  it("a CSV with more fields than a sheet has columns", async () => {
    const file = save("宽.csv", `姓名,性别\r\n张三,${"x,".repeat(16400)}\r\n`);
    const e = await expectFileError(openInput(file), "beyond-sheet-limits");
    expect(e.params).toEqual({ file: "宽.csv", sheet: "宽", row: 2, column: "16385" });
    refusedByCli(file, /宽\.csv（工作表“宽”第 2 行 16385 列）：超出 Excel 工作表的范围/);
  });
});

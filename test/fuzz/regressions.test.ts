/*
 * The bugs the fuzzer found in the readers, one test each, so that they stay fixed whatever
 * cases the fuzz run happens to draw.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, promises as fs, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileErrorMessage } from "../../src/core/fileErrors";
import { convertFile, openInput, readSource } from "../../src/hosts/exceljs";
import { sheetGrid } from "../../src/hosts/exceljs/read/sheetValues";
import { sniffKind } from "../../src/hosts/exceljs/read/sniff";
import { readZipEntries, writeZip } from "../hosts/input/zipWriter";

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-ledger-fuzz-regressions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const AS_OF = new Date(Date.UTC(2026, 10, 23));

async function registryXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("名册").addRows([
    ["姓名", "性别", "身份证号", "党派"],
    ["张三", "男", "11010519491231002X", "民盟"],
    ["李四", "女", "110105194912310045", "九三"],
  ]);
  wb.addWorksheet("说明").addRow(["本表每季度更新"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function edited(bytes: Buffer, name: string, edit: (xml: string) => string): Promise<Buffer> {
  const entries = await readZipEntries(bytes);
  const e = entries.find((x) => x.name === name)!;
  e.data = Buffer.from(edit(e.data!.toString("utf8")), "utf8");
  return writeZip(entries);
}

/** Converts a file; returns the outcome and, if written, the output read back. */
async function convert(name: string, bytes: Buffer) {
  const input = path.join(dir, name);
  await fs.writeFile(input, bytes);
  const out = path.join(dir, "out", name.replace(/\.[^.]*$/, ".xlsx"));
  await fs.mkdir(path.dirname(out), { recursive: true });
  const started = Date.now();
  const outcome = await convertFile(input, { output: out, locale: "zh-CN", asOf: AS_OF });
  const ms = Date.now() - started;
  let back: ExcelJS.Workbook | null = null;
  if (outcome.status !== "failed") {
    back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
  }
  return { outcome, back, ms };
}

/** The sheetId of each sheet in an output's workbook.xml, in tab order. */
async function sheetIdsOf(file: string): Promise<number[]> {
  const entries = await readZipEntries(await fs.readFile(file));
  const xml = entries.find((e) => e.name === "xl/workbook.xml")!.data!.toString("utf8");
  return [...xml.matchAll(/<sheet\b[^>]*\bsheetId="(\d+)"/g)].map((m) => Number(m[1]));
}

describe("bugs found by fuzzing the readers", () => {
  it("a huge, repeated, zero or missing sheetId (exceljs hung or dropped a sheet): read, and the output numbered so Excel opens it", async () => {
    for (const [label, edit] of [
      ["huge", (x: string) => x.replace('sheetId="2"', 'sheetId="4294967295"')],
      ["repeated", (x: string) => x.replace('sheetId="2"', 'sheetId="1"')],
      ["zero", (x: string) => x.replace('sheetId="1"', 'sheetId="0"')],
      ["missing", (x: string) => x.replace('sheetId="1"', "")],
    ] as const) {
      const bytes = await edited(await registryXlsx(), "xl/workbook.xml", edit);
      const { outcome, back, ms } = await convert(`编号-${label}.xlsx`, bytes);
      expect([label, outcome.error]).toEqual([label, null]);
      expect(ms).toBeLessThan(5000);
      expect(back!.worksheets.map((w) => w.name)).toEqual([
        "成员名册",
        "说明",
        "校验报告",
        "变更记录",
      ]);
      expect(back!.getWorksheet("说明")!.getCell("A1").value).toBe("本表每季度更新");
      const ids = await sheetIdsOf(path.join(dir, "out", `编号-${label}.xlsx`));
      expect([label, ids.length, new Set(ids).size]).toEqual([label, 4, 4]);
      expect([label, ids.every((id) => id >= 1 && id <= 0xffffffff)]).toEqual([label, true]);
    }
    // Large but sane ids (sheets added and deleted over the years) are kept as they are.
    const sane = await edited(await registryXlsx(), "xl/workbook.xml", (x) =>
      x.replace('sheetId="2"', 'sheetId="5000"')
    );
    const { outcome, back } = await convert("编号-大.xlsx", sane);
    expect(outcome.error).toBeNull();
    expect(back!.worksheets.map((w) => w.name)).toEqual([
      "成员名册",
      "说明",
      "校验报告",
      "变更记录",
    ]);
    expect(await sheetIdsOf(path.join(dir, "out", "编号-大.xlsx"))).toEqual([
      5001, 5000, 5002, 5003,
    ]);
  });

  it("a document date that is no date (docProps/core.xml) made writing fail as 'no permission or disk full'", async () => {
    const bytes = await edited(await registryXlsx(), "docProps/core.xml", (x) =>
      x.replace(/(<dcterms:created[^>]*>)[^<]*/, "$12008-13-45T99:00:00Z")
    );
    const { outcome, back } = await convert("日期坏.xlsx", bytes);
    expect(outcome.error).toBeNull();
    expect(back!.getWorksheet("成员名册")!.getCell("B2").value).toBe("张三");
  });

  it("a data validation on something that is no cell made writing fail (exceljs threw a TypeError)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名册");
    ws.addRows([
      ["姓名", "性别"],
      ["张三", "男"],
    ]);
    ws.getCell("B2").dataValidation = { type: "list", allowBlank: true, formulae: ['"男,女"'] };
    const bytes = await edited(
      Buffer.from(await wb.xlsx.writeBuffer()),
      "xl/worksheets/sheet1.xml",
      (x) => x.replace('sqref="B2"', 'sqref="4294967296"')
    );
    const { outcome, back } = await convert("验证坏.xlsx", bytes);
    expect(outcome.error).toBeNull();
    expect(back!.getWorksheet("成员名册")!.getCell("B2").value).toBe("张三");
  });

  it("U+FFFF in a CSV (a flipped bit of the BOM) made an output Excel cannot open", async () => {
    const csv = Buffer.concat([
      Buffer.from([0xef, 0xbf, 0xbf]),
      Buffer.from("登记表\r\n姓名,性别,备注\r\n张三,男,a\uFFFEb\r\n", "utf8"),
    ]);
    const { outcome, back } = await convert("非字符.csv", csv);
    expect(outcome.error).toBeNull();
    const sheet = back!.getWorksheet("成员名册")!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.join("|")).not.toMatch(/[\uFFFE\uFFFF]/);
    expect(texts).toContain("a\uFFFDb");
  });

  it("a UTF-8 CSV with one damaged byte was 'not a spreadsheet', or read as GB18030 throughout", async () => {
    const text = Buffer.from("姓名,性别,民族\r\n张三,男,汉族\r\n李四,女,回族\r\n", "utf8");
    // A stray byte in the middle, and a file cut in the middle of its last character.
    const damaged = Buffer.concat([text.subarray(0, 20), Buffer.from([0xff]), text.subarray(20)]);
    const cut = text.subarray(0, text.length - 4);
    for (const bytes of [damaged, cut]) {
      expect(sniffKind(bytes)).toBe("text");
      const file = path.join(dir, "损坏.csv");
      await fs.writeFile(file, bytes);
      const opened = await openInput(file);
      try {
        expect(opened.encoding).toBe("utf-8");
        const grid = await sheetGrid(opened.pkg, opened.pkg.worksheets[0]);
        expect(grid[0][0]).toBe("姓名");
        expect(grid[1][0]).toBe("张三");
      } finally {
        await opened.close();
      }
    }
  });

  it("a sheet name Excel does not allow, on a sheet carried over: refused with the name, no English warning", async () => {
    // LibreOffice writes names over 31 characters; a workbook carrying one over would be repaired
    // by Excel, so convert refuses it (exceljs printed an English warning, then failed).
    const long = "二〇〇八年度机关支部统战成员基本情况登记表（含已调出和已退休的人员名单）";
    expect(long.length).toBeGreaterThan(31);
    const warnings: unknown[][] = [];
    const warn = jest.spyOn(console, "warn").mockImplementation((...args) => {
      warnings.push(args);
    });
    try {
      for (const [label, name, kind, detail] of [
        ["long", long, "sheet-name-too-long", `工作表名称“${long}”超过 Excel 的 31 个字符上限`],
        ["colon", "名册:2008", "sheet-name-invalid", "工作表名称“名册:2008”不符合 Excel 的规则"],
      ] as const) {
        const bytes = await edited(await registryXlsx(), "xl/workbook.xml", (x) =>
          x.replace('name="说明"', `name="${name}"`)
        );
        const { outcome } = await convert(`表名-${label}.xlsx`, bytes);
        expect(outcome.error).toEqual({
          code: "corrupt-workbook",
          params: { file: `表名-${label}.xlsx`, reason: { kind, name } },
        });
        expect(fileErrorMessage(outcome.error!, "zh-CN")).toBe(
          `表名-${label}.xlsx：工作簿已损坏或不完整，无法打开（${detail}）`
        );
        // The registry itself is read whatever the other sheets are called.
        const checked = await convertFile(path.join(dir, `表名-${label}.xlsx`), {
          output: null,
          locale: "zh-CN",
          asOf: AS_OF,
        });
        expect([label, checked.error]).toEqual([label, null]);
      }
    } finally {
      warn.mockRestore();
    }
    expect(warnings).toEqual([]);
  });

  it("two sheets of one name (the registry's): the other is carried over, not dropped with it", async () => {
    const bytes = await edited(await registryXlsx(), "xl/workbook.xml", (x) =>
      x.replace('name="说明"', 'name="名册"')
    );
    const { outcome, back } = await convert("表名-两个.xlsx", bytes);
    expect(outcome.error).toBeNull();
    expect(back!.worksheets.map((w) => w.name)).toEqual([
      "成员名册",
      "名册",
      "校验报告",
      "变更记录",
    ]);
    expect(back!.getWorksheet("名册")!.getCell("A1").value).toBe("本表每季度更新");
    expect(back!.getWorksheet("成员名册")!.getCell("B3").value).toBe("李四");
  });

  it("tens of thousands of empty rows (a damaged CSV made them) were read in quadratic time: a hang", async () => {
    const empty = Array.from({ length: 60_000 }, (_, i) => `<row r="${i + 4}"></row>`).join("");
    const bytes = await edited(await registryXlsx(), "xl/worksheets/sheet1.xml", (x) =>
      x.replace(
        "</sheetData>",
        `${empty}<row r="60004"><c r="A60004" t="inlineStr"><is><t>王五</t></is></c><c r="B60004" t="inlineStr"><is><t>男</t></is></c></row></sheetData>`
      )
    );
    const { outcome, back, ms } = await convert("空行.xlsx", bytes);
    expect(outcome.error).toBeNull();
    expect(outcome.counts!.members).toBe(3);
    expect(back!.getWorksheet("成员名册")!.getCell("B4").value).toBe("王五");
    expect(ms).toBeLessThan(10_000);
  });

  it("a damaged part the reader did not need was copied as it was: an output Excel cannot open", async () => {
    for (const [label, part, edit, reason, detail] of [
      [
        "sheet",
        "xl/worksheets/sheet2.xml",
        (x: string) => x.replace('version="1.0"', 'version="0"'),
        { kind: "sheet-damaged", sheet: "说明" },
        "工作表“说明”的内容已损坏",
      ],
      [
        "props",
        "docProps/core.xml",
        (x: string) => x.replace("</cp:coreProperties>", ""),
        { kind: "part-damaged", part: "docProps/core.xml" },
        "内部文件“docProps/core.xml”已损坏",
      ],
    ] as const) {
      const bytes = await edited(await registryXlsx(), part, edit);
      const { outcome } = await convert(`部件-${label}.xlsx`, bytes);
      expect(outcome.error).toEqual({
        code: "corrupt-workbook",
        params: { file: `部件-${label}.xlsx`, reason },
      });
      expect(fileErrorMessage(outcome.error!, "zh-CN")).toBe(
        `部件-${label}.xlsx：工作簿已损坏或不完整，无法打开（${detail}）`
      );
      // check reads only the registry: it has what it needs.
      const checked = await convertFile(path.join(dir, `部件-${label}.xlsx`), {
        output: null,
        locale: "zh-CN",
        asOf: AS_OF,
      });
      expect([label, checked.error]).toEqual([label, null]);
    }
  });

  it("a workbook whose styles part is missing: a new one where readers look for it, the dead link gone", async () => {
    const entries = (await readZipEntries(await registryXlsx())).filter(
      (e) => e.name !== "xl/styles.xml"
    );
    const { outcome, back } = await convert("无样式.xlsx", writeZip(entries));
    expect(outcome.error).toBeNull();
    expect(back!.getWorksheet("成员名册")!.getCell("B2").value).toBe("张三");
    const out = await readZipEntries(await fs.readFile(path.join(dir, "out", "无样式.xlsx")));
    const rels = out.find((e) => e.name === "xl/_rels/workbook.xml.rels")!.data!.toString("utf8");
    expect(rels.match(/relationships\/styles"/g)).toHaveLength(1);
    expect(out.some((e) => e.name === "xl/styles.xml")).toBe(true);
  });

  it("the relationships' prefix bound to something else: rebound, not declared twice", async () => {
    const bytes = await edited(await registryXlsx(), "xl/workbook.xml", (x) =>
      x.replace(/xmlns:r="[^"]*"/, 'xmlns:r="0.5"')
    );
    const { outcome, back } = await convert("前缀.xlsx", bytes);
    expect(outcome.error).toBeNull();
    expect(back!.worksheets.map((w) => w.name)).toEqual([
      "成员名册",
      "说明",
      "校验报告",
      "变更记录",
    ]);
    const entries = await readZipEntries(await fs.readFile(path.join(dir, "out", "前缀.xlsx")));
    const xml = entries.find((e) => e.name === "xl/workbook.xml")!.data!.toString("utf8");
    expect(xml.match(/xmlns:r=/g)).toHaveLength(1);
  });

  it("a row numbered 10^20 ran the summary's reader out of memory (gaps are filled row by row): now beyond-sheet-limits", async () => {
    const bytes = await edited(await registryXlsx(), "xl/worksheets/sheet2.xml", (x) =>
      x.replace('<row r="1"', '<row r="99999999999999999999"')
    );
    expect(bytes.toString("latin1")).not.toContain("99999999999999999999"); // deflated
    const input = path.join(dir, "行号-huge.xlsx");
    await fs.writeFile(input, bytes);
    const read = await readSource(input, { digest: true });
    expect(read).toEqual({
      failure: {
        input,
        code: "beyond-sheet-limits",
        params: { file: "行号-huge.xlsx", sheet: "说明" },
      },
    });
    expect("failure" in read && fileErrorMessage(read.failure, "zh-CN")).toBe(
      "行号-huge.xlsx（工作表“说明”）：超出 Excel 工作表的范围（最多 1048576 行、16384 列）"
    );
    const outcome = await convertFile(input, {
      output: path.join(dir, "out", "行号-huge.xlsx"),
      locale: "zh-CN",
      asOf: AS_OF,
    });
    expect(outcome.error?.code).toBe("beyond-sheet-limits");
  });

  it("a merged range reaching past Excel's last row is refused before the summary reads through it", async () => {
    const bytes = await edited(await registryXlsx(), "xl/worksheets/sheet2.xml", (x) =>
      x.replace(
        "</sheetData>",
        '</sheetData><mergeCells count="1"><mergeCell ref="A1:A2000000"/></mergeCells>'
      )
    );
    const input = path.join(dir, "合并-huge.xlsx");
    await fs.writeFile(input, bytes);
    const read = await readSource(input, { digest: true });
    expect("failure" in read && read.failure.code).toBe("beyond-sheet-limits");
  });

  it("leaves no output and no temporary file behind on any of these failures", () => {
    const left = readdirSync(path.join(dir, "out"));
    expect(left.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(left.filter((f) => /^表名-(long|colon)|^行号-|^部件-/.test(f))).toEqual([]);
  });
});

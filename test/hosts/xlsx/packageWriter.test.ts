import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { nodeCodec } from "../../../src/hosts/exceljs/node/nodeCodec";
import { MemorySink, bytesSource } from "../../../src/hosts/exceljs/zip/byteSource";
import { ZipReader } from "../../../src/hosts/exceljs/zip/zipReader";
import { ZipWriter } from "../../../src/hosts/exceljs/zip/zipWriter";
import { emptyWorkbook } from "../../../src/hosts/exceljs/xlsx/emptyWorkbook";
import { PackageWriter } from "../../../src/hosts/exceljs/xlsx/packageWriter";
import { SheetXmlWriter } from "../../../src/hosts/exceljs/xlsx/sheetWriter";
import { WorkbookPackage } from "../../../src/hosts/exceljs/xlsx/workbookPackage";

const limits = { file: "t.xlsx", maxEntries: 1000, maxUncompressedBytes: 1e9 };
const dir = mkdtempSync(path.join(os.tmpdir(), "uf-pkgw-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open(bytes: Uint8Array): Promise<WorkbookPackage> {
  return WorkbookPackage.open(
    await ZipReader.open(bytesSource(bytes), nodeCodec, limits),
    "t.xlsx"
  );
}

/** Writes a new sheet 成员名册 in place of 名册, with a note, and returns the output bytes. */
async function replaceRegistry(base: WorkbookPackage): Promise<Uint8Array> {
  const sink = new MemorySink();
  const out = await PackageWriter.create(base, new ZipWriter(sink, nodeCodec, "o.xlsx"));
  const old = base.sheets.find((s) => s.name === "名册");
  if (old) out.remove(old);
  const header = out.styles.id({ font: { bold: true }, fill: "FFD9E1F2", border: "FFB4B4B4" });
  const date = out.styles.id({ numFmt: "yyyy-mm-dd" });
  const red = out.styles.id({ fill: "FFFFC7CE", numFmt: "@" });
  const w = new SheetXmlWriter(out.dateSystem);
  const spec = {
    columns: [
      { width: 10 },
      { width: 12, style: date },
      { width: 20, style: out.styles.id({ numFmt: "@" }) },
    ],
    freeze: { rows: 1, columns: 2 },
    selected: true,
    autoFilter: "A1:C1",
    validations: [{ sqref: "A2:A3", type: "list" as const, formula1: '"男,女"', allowBlank: true }],
  };
  await out.addSheet({
    name: "成员名册",
    xml: (drawing) => [
      w.head(spec),
      w.row(
        1,
        ["姓名", "出生日期", "身份证号"].map((v) => ({ value: v, style: header }))
      ),
      w.row(2, [
        { value: "张三 & <李>" },
        { value: new Date(Date.UTC(1965, 2, 12)), style: date },
        { value: "11010519650312001X", style: red },
      ]),
      w.tail({ ...spec, legacyDrawing: drawing }),
    ],
    notes: () => [{ row: 2, column: 3, text: "校验位不对\n应为 X" }],
  });
  await out.finish(["封面", "成员名册", "例会台账"], "成员名册");
  return sink.bytes();
}

describe("PackageWriter", () => {
  it("keeps the sheets it does not touch as they are, and adds a new one with styles and notes", async () => {
    const wb = new ExcelJS.Workbook();
    const cover = wb.addWorksheet("封面");
    cover.getCell("A1").value = "统战台账";
    cover.mergeCells("A1:D1");
    cover.getCell("A2").value = "封面说明";
    cover.getCell("A2").note = "原有批注";
    const reg = wb.addWorksheet("名册");
    reg.addRow(["姓名"]);
    reg.addRow(["旧"]);
    const log = wb.addWorksheet("例会台账");
    log.addRow(["日期", "次数"]);
    log.addRow([new Date(Date.UTC(2026, 0, 5)), 1]);
    log.addRow([new Date(Date.UTC(2026, 1, 5)), 2]);
    log.getCell("B4").value = { formula: "SUM(B2:B3)", result: 3 };
    log.getCell("C2").dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
    log.getColumn(1).width = 15;
    wb.definedNames.add("例会台账!$A$1:$B$3", "会议");
    wb.definedNames.add("名册!$A$1", "旧名");
    const base = await open(new Uint8Array(await wb.xlsx.writeBuffer()));
    const bytes = await replaceRegistry(base);

    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(back.worksheets.map((s) => s.name)).toEqual(["封面", "成员名册", "例会台账"]);
    const m = back.getWorksheet("成员名册")!;
    expect(m.getCell("A2").value).toBe("张三 & <李>");
    expect((m.getCell("B2").value as Date).toISOString().slice(0, 10)).toBe("1965-03-12");
    expect(m.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    expect(m.getCell("C2").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(m.getCell("A1").font?.bold).toBe(true);
    expect(m.getCell("C2").note).toBe("校验位不对\n应为 X");
    expect(m.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1 });
    const l = back.getWorksheet("例会台账")!;
    expect(l.getCell("B4").value).toMatchObject({ formula: "SUM(B2:B3)", result: 3 });
    expect(l.getCell("C2").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(l.getColumn(1).width).toBe(15);
    expect(back.getWorksheet("封面")!.getCell("A2").note).toBe("原有批注");
    expect(back.getWorksheet("封面")!.getCell("B1").isMerged).toBe(true);
    expect(back.definedNames.model.map((n) => n.name)).toEqual(["会议"]);

    // LibreOffice opens it and reads the same values.
    const file = path.join(dir, "out.xlsx");
    writeFileSync(file, bytes);
    execFileSync(
      "soffice",
      [
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
        "--outdir",
        dir,
        file,
      ],
      { stdio: "ignore", timeout: 120000 }
    );
    expect(readFileSync(path.join(dir, "out-成员名册.csv"), "utf8")).toContain("张三 & <李>");
  }, 180000);

  it("writes a workbook from nothing (a CSV's)", async () => {
    const bytes = await replaceRegistry(await emptyWorkbook(nodeCodec, "new.xlsx"));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(back.worksheets.map((s) => s.name)).toEqual(["成员名册"]);
    expect(back.getWorksheet("成员名册")!.getCell("C2").value).toBe("11010519650312001X");
  });
});

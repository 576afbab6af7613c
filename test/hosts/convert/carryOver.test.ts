/**
 * Every sheet but the registry is copied as stored, whatever the size of the workbook: values,
 * formulas (a shared one included), styles, merges, widths, heights, panes, data validations,
 * notes, defined names and the print area come out as they went in, with a registry of 200 rows
 * and with one of 60,000 (a file over the 8 MB read into memory at once: read from the disk).
 * (Was: the streaming path's copy of other sheets, which turned formulas into their values.)
 */
import type ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import path from "node:path";
import { FIELDS } from "../../../src/core/schema";
import { type FileOutcome, convertFile } from "../../../src/hosts/exceljs";
import { READ_WHOLE_UP_TO } from "../../../src/hosts/exceljs/node/fileSource";
import { chineseRemark } from "../stream/registryFixture";
import { AS_OF, makeDir, readBack, validationsOf } from "./helpers";
import { COVER, LOG, MEETINGS, writeLedgerWorkbook } from "./ledgerWorkbook";

/** What exceljs reads of a sheet, for comparing one with another. */
function sheetModel(ws: ExcelJS.Worksheet) {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      cells.push({
        at: cell.address,
        value: cell.value,
        formula: cell.formula,
        style: JSON.parse(JSON.stringify(cell.style)),
        note: cell.note ?? null,
        isMerged: cell.isMerged,
      });
    }
    cells.push({ row: r, height: row.height });
  });
  return {
    cells,
    merges: (ws.model as { merges: string[] }).merges,
    widths: ws.columns?.map((c) => c.width) ?? [],
    views: ws.views,
    printArea: ws.pageSetup.printArea,
    validations: validationsOf(ws),
    state: ws.state,
  };
}

const definedNames = (wb: ExcelJS.Workbook) =>
  (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;

describe.each([
  ["200", 200],
  ["60,000", 60_000],
])("a ledger workbook with a registry of %s rows: the other sheets carried over", (_, members) => {
  const dir = makeDir("carry-over");
  const input = path.join(dir, "ledger.xlsx");
  const reference = path.join(dir, "reference.xlsx");
  const output = path.join(dir, "out.xlsx");
  let outcome: FileOutcome;
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;

  beforeAll(async () => {
    await writeLedgerWorkbook(input, members);
    // The other sheets as exceljs reads them from a small workbook with them (the big input is not
    // read whole with exceljs: its sheets but the registry are the same).
    await writeLedgerWorkbook(reference, 10);
    outcome = await convertFile(input, { output, locale: "zh-CN", asOf: AS_OF });
    before = await readBack(reference);
    after = await readBack(output);
  }, 120_000);

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("converts the registry in its place, the reports last", async () => {
    expect(outcome.error).toBeNull();
    expect(outcome.sheet).toBe("名册");
    expect(outcome.counts!.members).toBe(members);
    if (members > 10_000) expect((await fs.stat(input)).size).toBeGreaterThan(READ_WHOLE_UP_TO);
    expect(after.worksheets.map((w) => w.name)).toEqual([
      COVER,
      "成员名册",
      LOG,
      "校验报告",
      "变更记录",
    ]);
    const registry = after.getWorksheet("成员名册")!;
    expect(registry.rowCount).toBe(members + 1);
    // The registry's many strings are its own: the remarks of the first and last member.
    const remarks = FIELDS.findIndex((f) => f.key === "remarks") + 1;
    expect(registry.getCell(2, remarks).value).toBe(chineseRemark(0));
    expect(registry.getCell(members + 1, remarks).value).toBe(chineseRemark(members - 1));
  });

  it("keeps the meeting log's formulas, the shared one included, with their results", () => {
    const log = after.getWorksheet(LOG)!;
    const last = MEETINGS.length + 1;
    expect(log.getCell("E2").value).toEqual({
      formula: "C2/D2",
      shareType: "shared",
      ref: `E2:E${last}`,
      result: MEETINGS[0][2] / MEETINGS[0][3],
    });
    for (let r = 3; r <= last; r++) {
      expect(log.getCell(r, 5).value).toEqual({
        sharedFormula: "E2",
        result: MEETINGS[r - 2][2] / MEETINGS[r - 2][3],
      });
      expect(log.getCell(r, 5).formula).toBe(`C${r}/D${r}`);
    }
    expect(log.getCell(`C${last + 1}`).value).toEqual({
      formula: `SUM(C2:C${last})`,
      result: MEETINGS.reduce((s, m) => s + m[2], 0),
    });
    expect(log.getCell("B2").value).toBe(MEETINGS[0][1]);
    expect(log.getCell("A2").value).toEqual(MEETINGS[0][0]);
  });

  it("keeps styles, merges, widths, heights, panes, validations and notes", () => {
    const log = after.getWorksheet(LOG)!;
    expect(log.getCell("A1").font).toMatchObject({ bold: true });
    expect(log.getCell("A1").fill).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
    expect(log.getCell("E3").border.top).toMatchObject({ style: "thin" });
    expect(log.getCell("E3").numFmt).toBe("0.0%");
    expect(log.getCell("A2").numFmt).toBe("yyyy年m月d日");
    expect(log.getRow(1).height).toBe(24);
    expect(log.getColumn(2).width).toBe(24);
    expect(log.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(log.getCell(`E${MEETINGS.length + 4}`).isMerged).toBe(true);
    expect(log.getCell("B2").note).toBe("由书记主持");
    expect(validationsOf(log).C50).toMatchObject({ type: "whole", operator: "greaterThanOrEqual" });
    expect(validationsOf(log).B2).toMatchObject({ type: "list" });
    expect(log.pageSetup.printArea).toBe(`A1:E${MEETINGS.length + 2}`);
    const cover = after.getWorksheet(COVER)!;
    expect(cover.getCell("A1").font).toMatchObject({ bold: true, size: 18 });
    expect(cover.getCell("A1").alignment).toMatchObject({ horizontal: "center" });
    expect(cover.getCell("E1").isMerged).toBe(true);
    expect(cover.getRow(1).height).toBe(32);
    expect(cover.getColumn(2).width).toBe(30);
    expect(cover.getCell("B3").note).toBe("以营业执照上的名称为准");
    expect(cover.getCell("B4").value).toEqual(new Date(Date.UTC(2025, 11, 31)));
  });

  it("reads back every other sheet exactly as the input's", () => {
    for (const name of [COVER, LOG])
      expect([name, sheetModel(after.getWorksheet(name)!)]).toEqual([
        name,
        sheetModel(before.getWorksheet(name)!),
      ]);
  });

  it("keeps the defined names of the sheets kept; none points at the registry that is gone", () => {
    const names = definedNames(after);
    expect(names).toEqual(
      expect.arrayContaining([
        { name: "填报单位", ranges: [`'${COVER}'!$B$3`] },
        { name: "例会记录", ranges: [`'${LOG}'!$A$1:$E$${MEETINGS.length + 2}`] },
      ])
    );
    expect(definedNames(before).some((n) => n.name === "名单")).toBe(true);
    const onRegistry = names.filter((n) => n.ranges.some((r) => /^'?名册'?!/.test(r)));
    expect(onRegistry).toEqual([]);
  });
});

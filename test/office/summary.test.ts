import { localNow } from "../../src/hosts/localClock";
import { dateToSerial } from "../../src/core/rules/dates";
import {
  quarterOf,
  quarterRangeText,
  quarterSummarySheet,
  summarizeQuarter,
  summarizeYear,
  summaryNotesSheet,
  yearSummarySheet,
} from "../../src/core/summary";
import type { Block } from "../../src/core/a1";
import { chartData } from "../../src/core/docs/chart";
import type { SheetDoc } from "../../src/core/docs/sheetDoc";
import type { CellValue } from "../../src/core/types";
import { apiSupportUpTo } from "../../src/hosts/office/api";
import { OfficeLedgerHost } from "../../src/hosts/office/officeHost";
import { SUMMARY_DATA_HEADERS, SUMMARY_NOTES } from "../../src/hosts/office/summary";
import { FakeExcel, type FakeSheet, type SheetInit, colLetters } from "./fakeExcel";
import { packageSummarySource } from "./packageParity";
import { HEADERS, registrySheet } from "./registryData";

const Q = quarterOf(2026, 1);
const MADE_AT = new Date(Date.UTC(2026, 3, 2, 8, 30));
const serial = (y: number, m: number, d: number) =>
  dateToSerial(new Date(Date.UTC(y, m - 1, d)), 1900);
const DATE = "yyyy-mm-dd";

function workbook(): SheetInit[] {
  const registry = registrySheet(60, "成员名册");
  const names = registry.values!.slice(1).map((r) => r[1] as string);
  return [
    registry,
    {
      name: "例会台账",
      values: [
        ["会议日期", "期次", "所在支部", "召集人", "参会人数", "议题"],
        [serial(2026, 1, 10), "第1次", "机关支部", "李书记", 8, "学习"],
        [serial(2026, 3, 12), "第2次", "一车间支部", "王书记", 6, "座谈"],
        [serial(2025, 12, 20), "第9次", "机关支部", "李书记", 8, "上季度"],
        ["2026年2月30日", "第3次", "机关支部", "李书记", 8, "日期写错"],
      ],
      formats: [[], [DATE], [DATE], [DATE], []],
    },
    {
      name: "联谊活动记录",
      values: [
        ["活动日期", "成员姓名", "公民身份号码", "活动类型", "内容"],
        [serial(2026, 2, 1), names[0], registry.values![1][5], "谈心谈话", "谈心"],
        [serial(2026, 2, 2), names[1], registry.values![2][5], "困难帮扶", "走访"],
        [serial(2026, 2, 3), names[2], null, "学习活动", "学习"],
      ],
      formats: [[], [DATE], [DATE], [DATE]],
    },
    {
      name: "意见建议",
      values: [
        ["提出日期", "提出人", "公民身份号码", "内容", "是否采纳"],
        [serial(2026, 1, 20), names[3], registry.values![4][5], "建议一", "是"],
        [serial(2026, 3, 1), names[4], registry.values![5][5], "建议二", "否"],
      ],
      formats: [[], [DATE], [DATE]],
    },
  ];
}

const inSheet = (v: CellValue) => (v === null ? "" : v instanceof Date ? dateToSerial(v, 1900) : v);

/** What the package host makes of the same workbook (its summary reader, then the core). */
async function packageSummary(sheets: SheetInit[]) {
  return summarizeQuarter([await packageSummarySource(sheets)], Q);
}

function expectDoc(sheet: FakeSheet, doc: ReturnType<typeof quarterSummarySheet>): void {
  for (const c of doc.cells) {
    if (c.formula) expect(sheet.cell(`${colLetters(c.c)}${c.r}`)).toBe("=" + c.formula);
    else expect(sheet.value(c.r, c.c)).toEqual(inSheet(c.value));
  }
  expect(sheet.formulas.size).toBe(doc.cells.filter((c) => c.formula).length);
}

const EXCEL_TYPE = {
  column: "ColumnClustered",
  columnStacked: "ColumnStacked",
  bar: "BarClustered",
  pie: "Pie",
  line: "LineMarkers",
};

/** The sheet's Excel charts are the doc's: type, series (names, values, labels), title, place. */
function expectCharts(sheet: FakeSheet, doc: SheetDoc): void {
  const at = (b: Block) => `${colLetters(b.left)}${b.top}:${colLetters(b.right)}${b.bottom}`;
  expect(sheet.charts).toEqual(
    (doc.charts ?? []).map((c) => {
      const data = chartData(c, doc.cells);
      return {
        type: EXCEL_TYPE[c.kind],
        source: at(c.series[0].values),
        seriesBy: c.series[0].values.left === c.series[0].values.right ? "Columns" : "Rows",
        title: c.title,
        legend: "Bottom",
        position: [
          `${colLetters(c.anchor.left)}${c.anchor.top}`,
          `${colLetters(c.anchor.right)}${c.anchor.bottom}`,
        ],
        series: c.series.map((x, i) => ({
          name: data.series[i].name,
          values: at(x.values),
          xValues: at(c.categories),
        })),
      };
    })
  );
  expect(sheet.charts.map((c) => c.title)).toEqual(
    expect.arrayContaining(["成员政治面貌构成", "各支部活动情况"])
  );
}

describe("summary (季度汇总) through Office.js", () => {
  it("writes the core's summary and 汇总说明, formulas as formulas, plus a PivotTable and a chart", async () => {
    const sheets = workbook();
    const fx = new FakeExcel(sheets);
    const host = new OfficeLedgerHost({ run: fx.run, api: apiSupportUpTo(18), now: () => MADE_AT });
    const run = await host.summary({ kind: "quarter", quarter: Q });
    const s = await packageSummary(sheets);
    const doc = quarterSummarySheet(s, localNow(MADE_AT));
    expect(run).toEqual({
      sheetName: "季度汇总-2026Q1",
      unreadable: s.unreadable,
      pivotTables: true,
      notes: [],
    });
    expect(s.unreadable).toHaveLength(1);
    expect(s.figures).toMatchObject({
      成员总数: 60,
      例会次数: 2,
      谈心谈话次数: 1,
      意见建议数: 2,
      采纳建议数: 1,
    });
    const sheet = fx.sheet(run.sheetName);
    expectDoc(sheet, doc);
    expect(sheet.formulas.size).toBeGreaterThan(5);
    expect([...sheet.formulas.values()].every((f) => /^=SUM\([A-Z]+\d+:[A-Z]+\d+\)$/.test(f))).toBe(
      true
    );
    const notes = summaryNotesSheet({
      period: quarterRangeText(Q),
      files: s.files,
      unreadable: s.unreadable,
      transfers: s.transfers,
    });
    expectDoc(fx.sheet("汇总说明"), notes);
    expect(sheet.page).toMatchObject({ orientation: "Landscape", paperSize: "A4" });

    // The data behind the PivotTable: one row per member, by name, no ID number, no phone.
    const data = fx.sheet("汇总数据-2026Q1");
    expect(data.values("A1:H1")[0]).toEqual(SUMMARY_DATA_HEADERS);
    const rows = data.values("A2:H61");
    expect(rows).toHaveLength(60);
    expect(data.value(62, 1)).toBe("");
    const flat = rows.flat().map(String);
    expect(flat.some((v) => /\d{17}[\dX]/.test(v) || /1\d{10}/.test(v))).toBe(false);
    expect(rows.every((r) => r[7] === "2026Q1")).toBe(true);
    // The PivotTable counts what the static table counts.
    expect(sheet.pivots).toEqual([
      {
        name: "政治面貌分布-2026Q1",
        source: "A1:H61",
        sourceSheet: "汇总数据-2026Q1",
        destination: "K6",
        rows: ["政治面貌"],
        columns: ["所在支部"],
        data: [{ field: "姓名", summarizeBy: "Count", name: "人数" }],
      },
    ]);
    const p = s.pivots[0];
    p.rows.forEach((pol, i) =>
      p.columns.forEach((branch, j) =>
        expect(rows.filter((r) => r[3] === pol && r[5] === branch)).toHaveLength(p.counts[i][j])
      )
    );
    // The core's charts, natively: each series from the static tables' cells.
    expectCharts(sheet, doc);
    const title = doc.cells.find((c) => c.value === p.title)!;
    const pie = sheet.charts.find((c) => c.title === "成员政治面貌构成")!;
    expect(pie.type).toBe("Pie");
    expect(pie.series).toEqual([
      {
        name: "合计",
        values: `${colLetters(2 + p.columns.length)}${title.r + 2}:${colLetters(2 + p.columns.length)}${title.r + 1 + p.rows.length}`,
        xValues: `A${title.r + 2}:A${title.r + 1 + p.rows.length}`,
      },
    ]);
    // A page breaks above the second row of charts.
    expect(sheet.pageBreaks).toEqual([`A${doc.print.rowBreaks![0]}`]);
    expect(fx.active?.name).toBe(run.sheetName);
    expect(fx.syncs).toBe(4);
  });

  it("again: the old summary, its data and its PivotTable are replaced, not doubled", async () => {
    const fx = new FakeExcel(workbook());
    const host = new OfficeLedgerHost({ run: fx.run, api: apiSupportUpTo(18), now: () => MADE_AT });
    await host.summary({ kind: "quarter", quarter: Q });
    const count = fx.sheets.length;
    await host.summary({ kind: "quarter", quarter: Q });
    expect(fx.sheets).toHaveLength(count);
    expect(fx.sheet("季度汇总-2026Q1").pivots).toHaveLength(1);
    expect(fx.sheet("季度汇总-2026Q1").charts).toHaveLength(4);
    // The summary's own sheets (汇总数据 looks like a registry) are not read as data the second time.
    const sheet = fx.sheet("季度汇总-2026Q1");
    const row = sheet.grid.findIndex((r) => r?.[0] === "成员总数") + 1;
    expect(row).toBeGreaterThan(0);
    expect(sheet.value(row, 2)).toBe(60);
  });

  it("without ExcelApi 1.8: the static tables and the chart, no PivotTable, and a note in Chinese", async () => {
    const fx = new FakeExcel(workbook(), { maxApi: 7 });
    const host = new OfficeLedgerHost({ run: fx.run, api: apiSupportUpTo(7), now: () => MADE_AT });
    const run = await host.summary({ kind: "quarter", quarter: Q });
    expect(run.pivotTables).toBe(false);
    expect(run.notes).toContain(SUMMARY_NOTES.noPivot);
    expect(SUMMARY_NOTES.noPivot).toMatch(/数据透视表（需要 ExcelApi 1.8）/);
    expect(fx.sheets.some((s) => s.name.startsWith("汇总数据"))).toBe(false);
    const sheet = fx.sheet(run.sheetName);
    expect(sheet.pivots).toHaveLength(0);
    const s = await packageSummary(workbook());
    const doc = quarterSummarySheet(s, localNow(MADE_AT));
    expectDoc(sheet, doc);
    expectCharts(sheet, doc);
    // Page breaks are ExcelApi 1.9, as the rest of the page setup.
    expect(sheet.pageBreaks).toEqual([]);
  });

  it("a workbook without members: no PivotTable, no chart, and it says so", async () => {
    const fx = new FakeExcel([{ name: "成员名册", values: [HEADERS] }]);
    const host = new OfficeLedgerHost({ run: fx.run, api: apiSupportUpTo(18), now: () => MADE_AT });
    const run = await host.summary({ kind: "quarter", quarter: Q });
    expect(run.pivotTables).toBe(false);
    expect(run.notes).toEqual([SUMMARY_NOTES.noMembers]);
    // Nothing to chart but the four quarters' activity (all naught).
    expect(fx.sheet(run.sheetName).charts.map((c) => c.title)).toEqual(["近四个季度活动次数"]);
  });

  it("年度汇总: the year's sheet as the package host makes it, with the year before, a PivotTable of the year", async () => {
    const sheets = workbook();
    const fx = new FakeExcel(sheets);
    const host = new OfficeLedgerHost({ run: fx.run, api: apiSupportUpTo(18), now: () => MADE_AT });
    const run = await host.summary({ kind: "year", year: 2026 });
    expect(run).toMatchObject({ sheetName: "年度汇总-2026", pivotTables: true, notes: [] });
    const y = summarizeYear([await packageSummarySource(sheets)], 2026);
    const doc = yearSummarySheet(y, localNow(MADE_AT));
    const sheet = fx.sheet(run.sheetName);
    expectDoc(sheet, doc);
    // 2025 had one meeting (2025-12-20): the year before is there, and the change on it.
    expect(y.previous?.例会次数).toBe(1);
    const meetings = sheet.grid.findIndex((r) => r?.[0] === "例会次数") + 1;
    expect(sheet.cell(`F${meetings}`)).toBe(`=SUM(B${meetings}:E${meetings})`);
    expect(sheet.value(meetings, 7)).toBe(1);
    expect(sheet.cell(`H${meetings}`)).toBe(`=F${meetings}-G${meetings}`);
    expectDoc(
      fx.sheet("汇总说明"),
      summaryNotesSheet({
        period: "2026-01-01 至 2026-12-31",
        files: y.files,
        unreadable: y.unreadable,
        transfers: y.transfers,
      })
    );
    expectCharts(sheet, doc);
    expect(sheet.charts.find((c) => c.title === "各季度活动次数")?.seriesBy).toBe("Rows");
    const data = fx.sheet("汇总数据-2026");
    expect(data.values("A2:H61").every((r) => r[7] === "2026")).toBe(true);
    expect(sheet.pivots.map((p) => [p.name, p.sourceSheet])).toEqual([
      ["政治面貌分布-2026", "汇总数据-2026"],
    ]);
    expect(fx.syncs).toBe(4);
  });
});

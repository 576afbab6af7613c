/**
 * Charts written by the package writer (chartParts.ts), checked with the real readers, in one
 * workbook of every kind of chart with Chinese labels: a base that already has a chart (so the new
 * parts must be numbered past its own), a data sheet with a column, a pie and a line chart (each on
 * its own printed page), and a sheet with both a note and a chart (<drawing> before
 * <legacyDrawing>); a base sheet replaced leaves its charts out. Read back by exceljs and by this
 * package's own readers (cells and charts); LibreOffice prints it to PDF once (each chart's title,
 * labels and colours on its page; a PNG of each chart kept in test-artifacts/charts/) and saves it
 * as xlsx once (every chart kept with its series and labels, which it writes only for charts it
 * has read).
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sheetRef } from "../../../src/core/a1";
import { type ChartSpec, chartData } from "../../../src/core/docs/chart";
import { A4_PORTRAIT, type DocCell, type SheetDoc } from "../../../src/core/docs/sheetDoc";
import type { CellValue } from "../../../src/core/types";
import { nodeCodec } from "../../../src/hosts/exceljs/node/nodeCodec";
import { sheetGrid, worksheetNamed } from "../../../src/hosts/exceljs/read/sheetValues";
import { sheetCharts } from "../../../src/hosts/exceljs/xlsx/chartReader";
import { docSheet } from "../../../src/hosts/exceljs/write/docSheet";
import { emptyWorkbook } from "../../../src/hosts/exceljs/xlsx/emptyWorkbook";
import { CHART_DRAWING, PackageWriter } from "../../../src/hosts/exceljs/xlsx/packageWriter";
import { SheetXmlWriter } from "../../../src/hosts/exceljs/xlsx/sheetWriter";
import { isWellFormed } from "../../../src/hosts/exceljs/xlsx/wellFormed";
import { WorkbookPackage } from "../../../src/hosts/exceljs/xlsx/workbookPackage";
import { MemorySink, bytesSource } from "../../../src/hosts/exceljs/zip/byteSource";
import { ZipReader } from "../../../src/hosts/exceljs/zip/zipReader";
import { ZipWriter } from "../../../src/hosts/exceljs/zip/zipWriter";
import { partsOf, soffice } from "./soffice";

const ARTIFACTS = path.join(__dirname, "..", "..", "..", "test-artifacts", "charts");
const limits = { file: "t.xlsx", maxEntries: 1000, maxUncompressedBytes: 1e9 };
const HEAD = { font: { bold: true }, border: true, fill: "FFD9E1F2" } as const;
const TD = { border: true } as const;

/** A table's cells from row `top`, column A: its header row, then its rows. */
function table(top: number, grid: CellValue[][]): DocCell[] {
  return grid.flatMap((row, i) =>
    row.map((value, j) => ({ r: top + i, c: j + 1, value, style: i === 0 ? HEAD : TD }))
  );
}

const column = (c: number, top: number, bottom: number) => ({ top, left: c, bottom, right: c });

// 统计: three tables, then a chart on each of three pages below them, a row below each page break
// (a chart whose frame touches a page's edge is printed on that page too, clipped away, its text
// then found there).
const STATS: DocCell[] = [
  { r: 1, c: 1, value: "各支部统战工作统计", style: { font: { bold: true, size: 16 } } },
  ...table(3, [
    ["所在支部", "例会", "谈心谈话", "学习活动"],
    ["机关支部", 4, 6, 2],
    ["一车间支部", 3, 2, 5],
    ["二车间支部", 2, 4, 1],
    ["后勤保障支部", 1, 3, 3],
  ]),
  ...table(9, [
    ["政治面貌", "人数"],
    ["中国民主同盟盟员", 5],
    ["中国民主促进会会员", 3],
    ["无党派人士", 2],
    ["群众", 8],
  ]),
  ...table(15, [
    ["季度", "活动次数", "谈心谈话"],
    ["2025年第四季度", 12, 7],
    ["2026年第一季度", 9, 5],
    ["2026年第二季度", 15, 8],
    ["2026年第三季度", 11, 9],
  ]),
];

const CHARTS: ChartSpec[] = [
  {
    kind: "column",
    title: "各支部活动次数对比",
    anchor: { top: 22, left: 1, bottom: 40, right: 6 },
    categories: column(1, 4, 7),
    series: [2, 3, 4].map((c) => ({ name: { r: 3, c }, values: column(c, 4, 7) })),
  },
  {
    kind: "pie",
    title: "成员政治面貌分布",
    anchor: { top: 43, left: 1, bottom: 61, right: 6 },
    categories: column(1, 10, 13),
    series: [{ name: { r: 9, c: 2 }, values: column(2, 10, 13) }],
  },
  {
    kind: "line",
    title: "季度活动趋势",
    anchor: { top: 64, left: 1, bottom: 82, right: 6 },
    categories: column(1, 16, 19),
    series: [
      { name: "活动总次数", values: column(2, 16, 19) },
      { name: { r: 15, c: 3 }, values: column(3, 16, 19) },
    ],
  },
];

const STATS_DOC: SheetDoc = {
  name: "统计",
  cells: STATS,
  merges: [],
  widths: [20, 12, 12, 12, 12, 12],
  heights: {},
  print: { ...A4_PORTRAIT, rowBreaks: [21, 42, 63], printArea: "A1:F82" },
  charts: CHARTS,
};

// 旧图表: the base's own sheet and chart.
const OLD_DOC: SheetDoc = {
  name: "旧图表",
  cells: table(1, [
    ["月份", "来访人数"],
    ["一月", 3],
    ["二月", 5],
  ]),
  merges: [],
  widths: [12, 12],
  heights: {},
  print: A4_PORTRAIT,
  charts: [
    {
      kind: "columnStacked",
      title: "旧有来访统计",
      anchor: { top: 5, left: 1, bottom: 20, right: 5 },
      categories: column(1, 2, 3),
      series: [{ name: { r: 1, c: 2 }, values: column(2, 2, 3) }],
    },
  ],
};

// 批注与图表: a note on A1 and a bar chart.
const BAR: ChartSpec = {
  kind: "bar",
  title: "统战对象类别人数",
  anchor: { top: 5, left: 1, bottom: 22, right: 4 },
  categories: { top: 1, left: 2, bottom: 1, right: 4 },
  series: [{ name: { r: 2, c: 1 }, values: { top: 2, left: 2, bottom: 2, right: 4 } }],
};
const BAR_CELLS = [
  { r: 1, c: 1, value: "类别" },
  { r: 1, c: 2, value: "民主党派成员" },
  { r: 1, c: 3, value: "党外知识分子" },
  { r: 1, c: 4, value: "少数民族人士" },
  { r: 2, c: 1, value: "人数" },
  { r: 2, c: 2, value: 6 },
  { r: 2, c: 3, value: 9 },
  { r: 2, c: 4, value: 4 },
];

const TITLES = ["旧有来访统计", ...CHARTS.map((c) => c.title), BAR.title];

async function open(bytes: Uint8Array): Promise<WorkbookPackage> {
  return WorkbookPackage.open(
    await ZipReader.open(bytesSource(bytes), nodeCodec, limits),
    "t.xlsx"
  );
}

async function writeBase(): Promise<Uint8Array> {
  const sink = new MemorySink();
  const out = await PackageWriter.create(
    await emptyWorkbook(nodeCodec, "base.xlsx"),
    new ZipWriter(sink, nodeCodec, "base.xlsx")
  );
  await out.addSheet(docSheet(OLD_DOC, out.styles, out.dateSystem, true));
  await out.finish([OLD_DOC.name], OLD_DOC.name);
  return sink.bytes();
}

async function writeWorkbook(base: WorkbookPackage): Promise<Uint8Array> {
  const sink = new MemorySink();
  const out = await PackageWriter.create(base, new ZipWriter(sink, nodeCodec, "out.xlsx"));
  await out.addSheet(docSheet(STATS_DOC, out.styles, out.dateSystem, true));
  const w = new SheetXmlWriter(out.dateSystem);
  const spec = { columns: [{ width: 12 }, { width: 14 }, { width: 14 }, { width: 14 }] };
  await out.addSheet({
    name: "批注与图表",
    xml: (notes) => [
      w.head(spec),
      ...[1, 2].map((r) =>
        w.row(
          r,
          BAR_CELLS.filter((c) => c.r === r).map((c) => ({ value: c.value }))
        )
      ),
      w.tail({ ...spec, drawing: CHART_DRAWING, legacyDrawing: notes }),
    ],
    notes: () => [{ row: 1, column: 1, text: "人数为年末在册人数" }],
    charts: [{ spec: BAR, data: chartData(BAR, BAR_CELLS) }],
  });
  await out.finish(["旧图表", "统计", "批注与图表"], "统计");
  return sink.bytes();
}

const chartNames = (p: Map<string, string>) =>
  [...p.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k)).sort();
const chartTitled = (p: Map<string, string>, title: string) =>
  chartNames(p)
    .map((k) => p.get(k)!)
    .find((x) => x.includes(title));
const seriesCount = (xml: string | undefined) => (xml ? (xml.match(/<c:ser>/g) ?? []).length : -1);

let dir: string;
let file: string;
let bytes: Uint8Array;
let parts: Map<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "uf-chart-pkg-"));
  file = path.join(dir, "图表.xlsx");
  bytes = await writeWorkbook(await open(await writeBase()));
  writeFileSync(file, bytes);
  parts = await partsOf(Buffer.from(bytes));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("charts in the package", () => {
  it("numbers the new drawings and charts past the base's, each with its content type", () => {
    expect(chartNames(parts)).toEqual([1, 2, 3, 4, 5].map((n) => `xl/charts/chart${n}.xml`));
    expect(parts.get("xl/charts/chart1.xml")).toContain("旧有来访统计");
    expect(chartTitled(parts, "旧有来访统计")).toBe(parts.get("xl/charts/chart1.xml"));
    const types = parts.get("[Content_Types].xml")!;
    for (const c of chartNames(parts))
      expect(types).toContain(
        `PartName="/${c}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`
      );
    for (const n of [1, 2, 3])
      expect(types).toContain(
        `PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"`
      );
    expect(parts.get("xl/drawings/drawing2.xml")!.match(/<xdr:twoCellAnchor>/g)).toHaveLength(3);
    expect(parts.get("xl/drawings/_rels/drawing2.xml.rels")).toMatch(
      /Target="\.\.\/charts\/chart2\.xml"[\s\S]*chart3\.xml[\s\S]*chart4\.xml/
    );
  });

  it("puts a sheet's <drawing> before its <legacyDrawing>, both related", async () => {
    const pkg = await open(bytes);
    const sheet = worksheetNamed(pkg, "批注与图表")!;
    const xml = await pkg.partText(sheet.part);
    expect(xml).toMatch(/<drawing r:id="rId3"\/><legacyDrawing r:id="rId1"\/><\/worksheet>$/);
    const rels = parts.get(sheet.part.replace(/([^/]+)$/, "_rels/$1.rels"))!;
    expect(rels).toMatch(/Id="rId1"[^>]*vmlDrawing/);
    expect(rels).toMatch(/Id="rId2"[^>]*comments/);
    expect(rels).toMatch(/Id="rId3"[^>]*relationships\/drawing"[^>]*drawing3\.xml/);
  });

  it("writes every part well-formed", async () => {
    for (const [name, text] of parts)
      if (/\.(xml|rels)$/.test(name)) {
        const ok = await isWellFormed(
          (async function* () {
            yield text;
          })()
        );
        expect([name, ok]).toEqual([name, true]);
      }
  });

  it("refers to the sheet's own cells, their values cached", () => {
    const ref = sheetRef("统计");
    const columnChart = chartTitled(parts, "各支部活动次数对比")!;
    expect(columnChart).toContain(`<c:barDir val="col"/><c:grouping val="clustered"/>`);
    expect(columnChart).toContain(`<c:f>${ref}!$A$4:$A$7</c:f>`);
    expect(columnChart).toContain(`<c:f>${ref}!$D$4:$D$7</c:f>`);
    expect(columnChart).toContain(`<c:f>${ref}!$C$3</c:f>`);
    expect(columnChart).toContain("<c:v>后勤保障支部</c:v>");
    expect(columnChart).toContain('<c:pt idx="3"><c:v>3</c:v></c:pt>');
    const pie = chartTitled(parts, "成员政治面貌分布")!;
    expect(pie).toContain("<c:pieChart>");
    expect(pie).toContain('<c:pt idx="3"><c:v>8</c:v></c:pt>');
    const line = chartTitled(parts, "季度活动趋势")!;
    expect(line).toContain("<c:lineChart>");
    expect(line).toContain("<c:tx><c:v>活动总次数</c:v></c:tx>");
    const bar = chartTitled(parts, "统战对象类别人数")!;
    expect(bar).toContain(`<c:barDir val="bar"/>`);
    expect(bar).toContain(`<c:f>${sheetRef("批注与图表")}!$B$1:$D$1</c:f>`);
    expect(bar).toContain("<c:v>少数民族人士</c:v>");
  });

  it("opens in exceljs with its cells and note", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["旧图表", "统计", "批注与图表"]);
    const stats = wb.getWorksheet("统计")!;
    expect(stats.getCell("A7").value).toBe("后勤保障支部");
    expect(stats.getCell("B13").value).toBe(8);
    expect(wb.getWorksheet("批注与图表")!.getCell("A1").note).toBe("人数为年末在册人数");
    expect(wb.getWorksheet("旧图表")!.getCell("B3").value).toBe(5);
  });

  it("reads back in this package's own reader", async () => {
    const pkg = await open(bytes);
    const grid = await sheetGrid(pkg, worksheetNamed(pkg, "统计"));
    expect(grid[2].slice(0, 4)).toEqual(["所在支部", "例会", "谈心谈话", "学习活动"]);
    expect(grid[6].slice(0, 4)).toEqual(["后勤保障支部", 1, 3, 3]);
    expect(grid[18].slice(0, 3)).toEqual(["2026年第三季度", 11, 9]);
    expect((await sheetGrid(pkg, worksheetNamed(pkg, "批注与图表")))[1]).toEqual(["人数", 6, 9, 4]);
  });

  it("leaves out the charts of a sheet it replaces", async () => {
    const base = await open(await writeBase());
    const sink = new MemorySink();
    const out = await PackageWriter.create(base, new ZipWriter(sink, nodeCodec, "out.xlsx"));
    out.remove(base.sheets.find((x) => x.name === "旧图表")!);
    const pie: ChartSpec = { ...OLD_DOC.charts![0], kind: "pie", title: "来访人数构成" };
    await out.addSheet(docSheet({ ...OLD_DOC, charts: [pie] }, out.styles, 1900));
    await out.finish(["旧图表"], "旧图表");
    const replaced = await partsOf(Buffer.from(sink.bytes()));
    expect(chartNames(replaced)).toEqual(["xl/charts/chart2.xml"]);
    expect(replaced.has("xl/drawings/drawing1.xml")).toBe(false);
    expect(replaced.get("[Content_Types].xml")).not.toMatch(/chart1\.xml|drawing1\.xml/);
    expect(await chartsRead(sink.bytes(), ["旧图表"])).toEqual({
      旧图表: [
        {
          kind: "pie",
          title: "来访人数构成",
          data: { categories: ["一月", "二月"], series: [{ name: "来访人数", values: [3, 5] }] },
          rows: rowsOf(pie),
        },
      ],
    });
  });

  it("reads its charts back as they were planned, in this package's chart reader", async () => {
    expect(PLANNED.统计[2].data.series.map((x) => x.name)).toEqual(["活动总次数", "谈心谈话"]);
    expect(await chartsRead(bytes)).toEqual(PLANNED);
  });
});

/** Each sheet's charts as this package's chart reader reads them (what the web page draws). */
async function chartsRead(file: Uint8Array, sheets = ["旧图表", "统计", "批注与图表"]) {
  const pkg = await open(file);
  const out: Record<string, unknown[]> = {};
  for (const name of sheets) out[name] = await sheetCharts(pkg, worksheetNamed(pkg, name)!);
  return out;
}

/** The rows a planned chart covers, as the reader gives them. */
const rowsOf = (c: ChartSpec) => ({ top: c.anchor.top, bottom: c.anchor.bottom });

const PLANNED = {
  旧图表: OLD_DOC.charts!.map((c) => ({
    kind: c.kind,
    title: c.title,
    data: chartData(c, OLD_DOC.cells),
    rows: rowsOf(c),
  })),
  统计: CHARTS.map((c) => ({
    kind: c.kind,
    title: c.title,
    data: chartData(c, STATS),
    rows: rowsOf(c),
  })),
  批注与图表: [
    { kind: "bar", title: BAR.title, data: chartData(BAR, BAR_CELLS), rows: rowsOf(BAR) },
  ],
};

/** The share of a PPM picture's pixels near a colour (RGB hex). */
function colourShare(ppm: Buffer, rgb: string): number {
  const head = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.toString("latin1", 0, 64))!;
  const [w, h] = [Number(head[1]), Number(head[2])];
  const data = ppm.subarray(head[0].length);
  const want = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16));
  let near = 0;
  for (let i = 0; i + 2 < data.length; i += 3)
    if (want.every((v, k) => Math.abs(data[i + k] - v) < 24)) near++;
  return near / (w * h);
}

describe("charts in LibreOffice", () => {
  /** Each chart's title → the text and the picture of the PDF page it is printed on. */
  const pages = new Map<string, { text: string; ppm: Buffer; png: string }>();
  let roundTrip: Map<string, string>;
  let roundTripBytes: Buffer;

  beforeAll(async () => {
    soffice(dir, ["--convert-to", "pdf", "--outdir", dir, file]);
    const pdf = path.join(dir, "图表.pdf");
    const count = Number(
      /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    for (let n = 1; n <= count; n++) {
      const page = ["-f", String(n), "-l", String(n)];
      // pdftotext puts a space between digits and Chinese (2025 年): the text is compared without.
      const text = execFileSync("pdftotext", [...page, pdf, "-"], { encoding: "utf8" }).replace(
        /\s+/g,
        ""
      );
      const title = TITLES.find((t) => text.includes(t));
      if (!title) continue;
      const png = path.join(ARTIFACTS, `chart-${title}`);
      execFileSync("pdftoppm", [...page, "-png", "-r", "80", "-singlefile", pdf, png]);
      const ppm = path.join(dir, `page${n}`);
      execFileSync("pdftoppm", [...page, "-r", "40", "-singlefile", pdf, ppm]);
      pages.set(title, { text, ppm: readFileSync(`${ppm}.ppm`), png: `${png}.png` });
    }
    const again = path.join(dir, "again");
    soffice(dir, ["--convert-to", "xlsx", "--outdir", again, file]);
    roundTripBytes = readFileSync(path.join(again, "图表.xlsx"));
    roundTrip = await partsOf(roundTripBytes);
  }, 300_000);

  it("prints each chart of 统计 on its own page, with its title and labels", () => {
    for (const t of TITLES) expect([t, pages.has(t)]).toEqual([t, true]);
    const on = (t: string) => pages.get(t)!.text;
    for (const label of ["机关支部", "后勤保障支部", "例会", "学习活动"])
      expect(on("各支部活动次数对比")).toContain(label);
    for (const label of ["中国民主同盟盟员", "群众"])
      expect(on("成员政治面貌分布")).toContain(label);
    for (const label of ["2025年第四季度", "2026年第三季度", "活动总次数"])
      expect(on("季度活动趋势")).toContain(label);
    expect(on("统战对象类别人数")).toContain("党外知识分子");
    for (const t of CHARTS.map((c) => c.title))
      expect(TITLES.filter((other) => pages.get(t)!.text.includes(other))).toEqual([t]);
  });

  it("draws the bars, slices and lines in their colours; a PNG of each chart is kept", () => {
    for (const t of TITLES) {
      const page = pages.get(t)!;
      expect(statSync(page.png).size).toBeGreaterThan(5_000);
      // The first series' blue (and the second's orange where there is one) covers part of the page.
      expect([t, colourShare(page.ppm, "4472C4") > 0.0006]).toEqual([t, true]);
    }
    for (const t of ["各支部活动次数对比", "成员政治面貌分布", "季度活动趋势"])
      expect([t, colourShare(pages.get(t)!.ppm, "ED7D31") > 0.0006]).toEqual([t, true]);
  });

  it("keeps every chart, series and label when it saves the workbook again", () => {
    expect(chartNames(roundTrip)).toHaveLength(5);
    expect(TITLES.map((t) => seriesCount(chartTitled(roundTrip, t)))).toEqual([1, 3, 1, 2, 1]);
    expect(chartTitled(roundTrip, "各支部活动次数对比")).toContain("后勤保障支部");
    expect(chartTitled(roundTrip, "成员政治面貌分布")).toContain("中国民主促进会会员");
    expect(chartTitled(roundTrip, "季度活动趋势")).toContain("活动总次数");
    expect(chartTitled(roundTrip, "统战对象类别人数")).toContain("少数民族人士");
    expect(chartTitled(roundTrip, "成员政治面貌分布")).toContain("<c:pieChart>");
    expect(chartTitled(roundTrip, "季度活动趋势")).toContain("<c:lineChart>");
  });

  it("saves charts that this package's chart reader reads as they were planned", async () => {
    expect(await chartsRead(roundTripBytes)).toEqual(PLANNED);
  });
});

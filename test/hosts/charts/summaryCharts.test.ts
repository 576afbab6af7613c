/**
 * The summary's charts as the package host writes them (DrawingML chart parts), checked with the
 * real readers: the parts and their data in the file; exceljs still opens it; LibreOffice draws
 * each chart into a PDF (its titles and category labels in the text; a PNG of each page kept in
 * test-artifacts/charts/) and, saving the workbook again, keeps every chart with its series and
 * labels, which it does only for charts it has read.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chartData } from "../../../src/core/docs/chart";
import {
  type SummaryPeriod,
  type SummarySource,
  quarterOf,
  summaryDocs,
} from "../../../src/core/summary";
import { WorkbookHost, openPackage } from "../../../src/hosts/exceljs/browser/workbookHost";
import type { CellValue, RawRow } from "../../../src/core/types";
import { writeSummary } from "../../../src/hosts/exceljs/summary/writeSummary";
import { localNow } from "../../../src/hosts/localClock";
import { partsOf, soffice } from "./soffice";

const ARTIFACTS = path.join(__dirname, "..", "..", "..", "test-artifacts", "charts");
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const rows = (grid: CellValue[][]): RawRow[] =>
  grid.map((values, i) => ({ rowNumber: i + 1, values, numFmts: values.map(() => null) }));

function source(file: string, branch: string, members: [string, string, string][]): SummarySource {
  return {
    file,
    asOf: utc(2026, 12, 4),
    sheets: [
      {
        name: "成员名册",
        rows: rows([
          ["姓名", "政治面貌", "统战对象类别", "所在支部", "建档日期"],
          ...members.map(([name, political, category]) => [
            name,
            political,
            category,
            branch,
            utc(2024, 1, 1),
          ]),
        ]),
      },
      {
        name: "例会台账",
        rows: rows([
          ["会议日期", "期次", "所在支部", "召集人", "参会人数", "议题"],
          [utc(2026, 2, 10), "第1次", branch, "书记", 5, "学习"],
          [utc(2026, 8, 10), "第2次", branch, "书记", 5, "座谈"],
          [utc(2026, 9, 10), "第3次", branch, "书记", 5, "座谈"],
        ]),
      },
      {
        name: "联谊活动记录",
        rows: rows([
          ["活动日期", "成员姓名", "活动类型", "活动内容"],
          [utc(2026, 8, 1), members[0][0], "谈心谈话", "谈心"],
          [utc(2026, 7, 2), members[1][0], "困难帮扶", "走访"],
        ]),
      },
    ],
  };
}

const SOURCES = [
  source("机关支部.xlsx", "机关支部", [
    ["张三", "中国民主同盟盟员", "民主党派成员"],
    ["李四", "群众", "党外知识分子"],
    ["王五", "无党派人士", "无党派人士"],
  ]),
  source("一车间支部.xlsx", "一车间支部", [
    ["赵六", "中国民主促进会会员", "民主党派成员"],
    ["孙七", "群众", "党外知识分子"],
  ]),
];

const QUARTER_TITLES = [
  "成员政治面貌构成",
  "统战对象类别（人次）",
  "各支部活动情况",
  "近四个季度活动次数",
];

const PERIOD: SummaryPeriod = { kind: "quarter", quarter: quarterOf(2026, 3) };
const MADE_AT = localNow(new Date(Date.UTC(2026, 11, 4, 2)));

let dir: string;
let file: string;
let parts: Map<string, string>;

const chartParts = (p: Map<string, string>) =>
  [...p.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k)).sort();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "uf-charts-"));
  file = path.join(dir, "季度汇总.xlsx");
  await writeSummary(SOURCES, PERIOD, file, MADE_AT);
  parts = await partsOf(readFileSync(file));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the summary's charts in the workbook", () => {
  it("has four chart parts, placed by one drawing on the summary sheet", () => {
    const charts = chartParts(parts);
    expect(charts).toHaveLength(4);
    const types = parts.get("[Content_Types].xml")!;
    for (const c of charts)
      expect(types).toContain(
        `PartName="/${c}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`
      );
    expect(types).toContain("application/vnd.openxmlformats-officedocument.drawing+xml");
    const drawing = parts.get("xl/drawings/drawing1.xml")!;
    expect(drawing.match(/<xdr:twoCellAnchor>/g)).toHaveLength(4);
    expect(
      parts.get("xl/drawings/_rels/drawing1.xml.rels")!.match(/relationships\/chart"/g)
    ).toHaveLength(4);
    expect(parts.get("xl/worksheets/_rels/sheet1.xml.rels")).toContain("../drawings/drawing1.xml");
    expect(parts.get("xl/worksheets/sheet1.xml")).toMatch(/<drawing r:id="rId3"\/><\/worksheet>$/);
  });

  it("draws from the sheet's own cells, with their values cached", () => {
    const xml = chartParts(parts).map((c) => parts.get(c)!);
    const pie = xml.find((x) => x.includes("成员政治面貌构成"))!;
    expect(pie).toContain("<c:pieChart>");
    expect(pie).toMatch(/<c:f>'季度汇总-2026Q3'!\$A\$\d+:\$A\$\d+<\/c:f>/);
    for (const label of ["中国民主同盟盟员", "群众", "无党派民主人士"])
      expect(pie).toContain(`<c:v>${label}</c:v>`);
    const activity = xml.find((x) => x.includes("各支部活动情况"))!;
    expect(activity.match(/<c:ser>/g)).toHaveLength(6);
    expect(activity).toContain("<c:v>机关支部</c:v>");
    const trend = xml.find((x) => x.includes("近四个季度活动次数"))!;
    expect(trend).toContain("<c:lineChart>");
    expect(trend).toContain("<c:v>2025Q4</c:v>");
  });

  it("reads back, as the web page draws them, what the core planned", async () => {
    const bytes = readFileSync(file);
    const host = new WorkbookHost(
      bytes,
      await openPackage(bytes, "季度汇总.xlsx"),
      "季度汇总.xlsx",
      () => undefined
    );
    const charts = await host.charts("季度汇总-2026Q3");
    const doc = summaryDocs(SOURCES, PERIOD, MADE_AT).docs[0];
    expect(charts).toEqual(
      doc.charts!.map((c) => ({
        kind: c.kind,
        title: c.title,
        data: chartData(c, doc.cells),
        rows: { top: c.anchor.top, bottom: c.anchor.bottom },
      }))
    );
    expect(await host.charts("汇总说明")).toEqual([]);
  });

  it("still opens in exceljs, the tables intact", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("季度汇总-2026Q3")!;
    const labels: string[] = [];
    ws.eachRow((row) => labels.push(String(row.getCell(1).value ?? "")));
    expect(labels).toEqual(
      expect.arrayContaining(["关键指标", "成员总数", "各支部活动情况", "近四个季度"])
    );
  });
});

describe("the summary's charts in LibreOffice", () => {
  let text: string;
  /** The text of the first two pages, without spaces. */
  let pages: string[];
  let roundTrip: Map<string, string>;

  beforeAll(() => {
    soffice(dir, ["--convert-to", "pdf", "--outdir", dir, file]);
    const pdf = path.join(dir, "季度汇总.pdf");
    text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    pages = [1, 2].map((n) =>
      execFileSync("pdftotext", ["-f", String(n), "-l", String(n), pdf, "-"], {
        encoding: "utf8",
      }).replace(/\s+/g, "")
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "80",
      "-f",
      "1",
      "-l",
      "2",
      pdf,
      path.join(ARTIFACTS, "季度汇总"),
    ]);
    const again = path.join(dir, "again");
    soffice(dir, ["--convert-to", "xlsx", "--outdir", again, file]);
    return partsOf(readFileSync(path.join(again, "季度汇总.xlsx"))).then((p) => (roundTrip = p));
  }, 300_000);

  it("draws every chart: its title and category labels are printed", () => {
    for (const title of QUARTER_TITLES) expect(text).toContain(title);
    for (const label of ["机关支部", "一车间支部", "2025Q4", "2026Q3", "民主党派成员"])
      expect(text).toContain(label);
    // Two pages of charts: the head and two charts, then two charts above the key figures.
    expect(
      readdirSync(ARTIFACTS).filter((f) => f.startsWith("季度汇总")).length
    ).toBeGreaterThanOrEqual(2);
  });

  it("prints the head and two charts on the first page, the other two above the key figures", () => {
    // pdftotext reads a chart's text even where it is clipped away: each page has only its own.
    const on = (page: string) => QUARTER_TITLES.filter((t) => page.includes(t));
    expect(on(pages[0])).toEqual(QUARTER_TITLES.slice(0, 2));
    expect(pages[0]).toContain("统战工作季度汇总");
    expect(on(pages[1])).toEqual(QUARTER_TITLES.slice(2));
    expect(pages[1]).toContain("关键指标");
  });

  it("keeps every chart, series and label when it saves the workbook again", () => {
    const charts = chartParts(roundTrip).map((c) => roundTrip.get(c)!);
    expect(charts).toHaveLength(4);
    const series = (title: string) => {
      const x = charts.find((c) => c.includes(title));
      return x ? (x.match(/<c:ser>/g) ?? []).length : -1;
    };
    expect(QUARTER_TITLES.map(series)).toEqual([1, 1, 6, 6]);
    const activity = charts.find((c) => c.includes("各支部活动情况"))!;
    expect(activity).toContain("机关支部");
    expect(activity).toContain("一车间支部");
  });
});

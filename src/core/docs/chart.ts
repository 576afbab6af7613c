import type { Block } from "../a1";
import type { CellValue } from "../types";

/**
 * A chart on a sheet made by the core, as plain data: what it draws from the sheet's own cells and
 * where it stands. Each host draws it natively: Office.js as an Excel chart, the package host as
 * DrawingML chart parts (Excel, WPS and LibreOffice draw them, and users can edit them).
 */
export type ChartKind = "column" | "columnStacked" | "bar" | "pie" | "line";

/** A cell of the sheet, 1-based. */
export interface CellPlace {
  r: number;
  c: number;
}

export interface ChartSeries {
  /** The series' name: a header cell of the sheet, or a text of its own. */
  name: CellPlace | string;
  /** Its values: one row or one column of the sheet, as many cells as the categories. */
  values: Block;
}

export interface ChartSpec {
  kind: ChartKind;
  /** The title a user reads (Chinese). */
  title: string;
  /** The cells it covers: top-left and bottom-right (1-based). */
  anchor: Block;
  /** The category labels: one row or one column. */
  categories: Block;
  series: ChartSeries[];
}

/** The cells of a block, row by row (a block is one row or one column here). */
export function blockCells(b: Block): CellPlace[] {
  const out: CellPlace[] = [];
  for (let r = b.top; r <= b.bottom; r++)
    for (let c = b.left; c <= b.right; c++) out.push({ r, c });
  return out;
}

/** What a chart shows of the sheet's cells now: the values viewers draw before recalculating. */
export interface ChartData {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

const shown = (v: CellValue | undefined): string =>
  v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);

export function chartData(
  chart: ChartSpec,
  cells: readonly { r: number; c: number; value: CellValue }[]
): ChartData {
  const at = new Map(cells.map((c) => [`${c.r},${c.c}`, c.value]));
  const value = (p: CellPlace) => at.get(`${p.r},${p.c}`);
  return {
    categories: blockCells(chart.categories).map((p) => shown(value(p))),
    series: chart.series.map((s) => ({
      name: typeof s.name === "string" ? s.name : shown(value(s.name)),
      values: blockCells(s.values).map((p) => {
        const v = value(p);
        return typeof v === "number" ? v : null;
      }),
    })),
  };
}

/** Problems with a chart's plan (a test's check; a host draws what it is given). */
export function chartProblems(chart: ChartSpec): string[] {
  const out: string[] = [];
  const line = (b: Block) => b.top === b.bottom || b.left === b.right;
  const count = (b: Block) => (b.bottom - b.top + 1) * (b.right - b.left + 1);
  if (!line(chart.categories)) out.push("categories are not one row or one column");
  if (chart.series.length === 0) out.push("no series");
  if (chart.kind === "pie" && chart.series.length > 1) out.push("a pie has one series");
  for (const s of chart.series) {
    if (!line(s.values)) out.push("series values are not one row or one column");
    if (count(s.values) !== count(chart.categories))
      out.push("series and categories differ in length");
  }
  return out;
}

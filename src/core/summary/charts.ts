import type { Block } from "../a1";
import type { ChartKind, ChartSpec } from "../docs/chart";

/** Where a table stands on a summary sheet: its header row and its data rows. */
export interface TablePlace {
  header: number;
  first: number;
  last: number;
}

/**
 * Rows the charts take at the top of a summary sheet: two rows of two charts, with two blank rows
 * between them (the page breaks above the second) and one below.
 */
export const CHART_BAND_ROWS = 35;
const CHART_ROWS = 16;

/**
 * The four places of the band that starts at row `top`: two charts side by side (columns A–D and
 * E–I, the width of the tables below, so that they print on the tables' pages), twice.
 */
export function chartBand(top: number): Block[] {
  const row = (t: number) => [
    { top: t, left: 1, bottom: t + CHART_ROWS - 1, right: 4 },
    { top: t, left: 5, bottom: t + CHART_ROWS - 1, right: 9 },
  ];
  return [...row(top), ...row(top + CHART_ROWS + 2)];
}

/**
 * The row a printed page breaks above, so that the sheet's head and the first two charts fill the
 * first page (A4 landscape) and no chart is cut: the blank row between the band's two rows of
 * charts, the second page's first. No frame touches the break: LibreOffice prints a chart whose
 * frame touches a page's edge on that page too, clipped away, its text then found there.
 */
export const secondChartRow = (top: number): number => top + CHART_ROWS + 1;

/**
 * A chart of a table's columns: the categories are its first column's labels, each series one
 * column (its header the series' name). Null for a table without rows.
 */
export function columnsChart(
  kind: ChartKind,
  title: string,
  table: TablePlace,
  columns: readonly number[],
  anchor: Block
): ChartSpec | null {
  if (table.last < table.first || columns.length === 0) return null;
  return {
    kind,
    title,
    anchor,
    categories: { top: table.first, left: 1, bottom: table.last, right: 1 },
    series: columns.map((c) => ({
      name: { r: table.header, c },
      values: { top: table.first, left: c, bottom: table.last, right: c },
    })),
  };
}

/**
 * A chart of a table's rows: the categories are the header row's cells over `from`…`to`, each
 * series one row (its first cell the series' name).
 */
export function rowsChart(
  kind: ChartKind,
  title: string,
  header: number,
  from: number,
  to: number,
  rows: readonly number[],
  anchor: Block
): ChartSpec | null {
  if (rows.length === 0 || to < from) return null;
  return {
    kind,
    title,
    anchor,
    categories: { top: header, left: from, bottom: header, right: to },
    series: rows.map((r) => ({
      name: { r, c: 1 },
      values: { top: r, left: from, bottom: r, right: to },
    })),
  };
}

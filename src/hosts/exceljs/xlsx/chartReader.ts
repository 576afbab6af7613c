/**
 * The charts a worksheet carries, as a viewer without a chart engine shows them: each chart's
 * kind, title and the values its parts cache (DrawingML keeps the categories and the series'
 * values it was last drawn with). What this host writes (chartParts.ts) and what Excel, WPS or
 * LibreOffice save read alike; a chart of a kind not drawn here is left out.
 */
import type { ChartData, ChartKind } from "../../../core/docs/chart";
import type { SheetInfo, WorkbookPackage } from "./workbookPackage";
import { xmlDecode } from "./xml";

export interface SheetChartView {
  kind: ChartKind;
  title: string;
  data: ChartData;
  /** The sheet's rows it covers (1-based, inclusive), as its drawing anchors it to the cells. */
  rows: { top: number; bottom: number } | null;
}

/** The <c:pt> values of a cache, in their index order (a gap where a point is missing). */
function points(cache: string): string[] {
  const count = Number(/<c:ptCount\s+val="(\d+)"/.exec(cache)?.[1] ?? 0);
  const out: string[] = new Array(count).fill("");
  for (const m of cache.matchAll(/<c:pt\s+idx="(\d+)"[^>]*>\s*<c:v>([\s\S]*?)<\/c:v>/g))
    out[Number(m[1])] = xmlDecode(m[2]);
  return out;
}

/** A series' name: the cached text of its cell, or a text of its own (<c:tx><c:v>). */
const seriesName = (tx: string): string =>
  points(tx)[0] ?? xmlDecode(/^\s*<c:v>([\s\S]*?)<\/c:v>/.exec(tx)?.[1] ?? "");

const inner = (xml: string, tag: string) =>
  new RegExp(`<c:${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</c:${tag}>`).exec(xml)?.[1] ?? "";

function kindOf(xml: string): ChartKind | null {
  if (/<c:pieChart[\s>]/.test(xml)) return "pie";
  if (/<c:lineChart[\s>]/.test(xml)) return "line";
  if (!/<c:barChart[\s>]/.test(xml)) return null;
  if (/<c:barDir\s+val="bar"/.test(xml)) return "bar";
  return /<c:grouping\s+val="(?:stacked|percentStacked)"/.test(xml) ? "columnStacked" : "column";
}

/** One chart part read: null where it is no chart drawn here. */
export function readChart(xml: string): Omit<SheetChartView, "rows"> | null {
  const kind = kindOf(xml);
  if (!kind) return null;
  const title = [...inner(xml, "title").matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)]
    .map((m) => xmlDecode(m[1]))
    .join("");
  const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1]);
  const categories = series.length > 0 ? points(inner(series[0], "cat")) : [];
  return {
    kind,
    title,
    data: {
      categories,
      series: series.map((s) => ({
        name: seriesName(inner(s, "tx")),
        values: points(inner(s, "val")).map((v) =>
          v === "" || Number.isNaN(Number(v)) ? null : Number(v)
        ),
      })),
    },
  };
}

/** A marker (<xdr:from> or <xdr:to>): its 0-based row and the offset into that row. */
function marker(anchor: string, tag: "from" | "to"): { row: number; off: number } | null {
  const m = new RegExp(`<(?:\\w+:)?${tag}>([\\s\\S]*?)</(?:\\w+:)?${tag}>`).exec(anchor);
  const row = m && /<(?:\w+:)?row>(\d+)</.exec(m[1]);
  if (!m || !row) return null;
  return { row: Number(row[1]), off: Number(/<(?:\w+:)?rowOff>(\d+)</.exec(m[1])?.[1] ?? 0) };
}

/**
 * The rows an anchor covers (1-based, inclusive): from its <xdr:from> row to its <xdr:to> row,
 * which it covers only when it reaches into it (an offset past 0). A one-cell anchor covers its row.
 */
function anchorRows(anchor: string): SheetChartView["rows"] {
  const from = marker(anchor, "from");
  if (!from) return null;
  const to = marker(anchor, "to");
  const bottom = to ? (to.off > 0 ? to.row + 1 : to.row) : from.row + 1;
  return { top: from.row + 1, bottom: Math.max(from.row + 1, bottom) };
}

/**
 * The charts a drawing part places, in its order: each anchor's chart (by its relationship id)
 * and the rows the anchor spans. An anchor of anything else (a picture, a shape) is passed over.
 */
export function drawingCharts(xml: string): { id: string; rows: SheetChartView["rows"] }[] {
  const out: { id: string; rows: SheetChartView["rows"] }[] = [];
  for (const m of xml.matchAll(/<(\w+:)?(twoCellAnchor|oneCellAnchor)\b[\s\S]*?<\/\1\2>/g)) {
    const id = /<(?:\w+:)?chart\b[^>]*?\s[\w]+:id="([^"]+)"/.exec(m[0])?.[1];
    if (!id) continue;
    out.push({ id, rows: anchorRows(m[0]) });
  }
  return out;
}

/** The charts of a worksheet, in the order its drawing places them. */
export async function sheetCharts(
  pkg: WorkbookPackage,
  sheet: SheetInfo
): Promise<SheetChartView[]> {
  if (!sheet.part) return [];
  const out: SheetChartView[] = [];
  for (const drawing of await pkg.relatedParts(sheet.part, "drawing")) {
    const parts = new Map(
      (await pkg.relatedPartsById(drawing))
        .filter((r) => r.kind === "chart")
        .map((r) => [r.id, r.part])
    );
    for (const { id, rows } of drawingCharts(await pkg.partText(drawing))) {
      const part = parts.get(id);
      const view = part ? readChart(await pkg.partText(part)) : null;
      if (view) out.push({ ...view, rows });
    }
  }
  return out;
}

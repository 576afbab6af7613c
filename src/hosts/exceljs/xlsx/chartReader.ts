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
export function readChart(xml: string): SheetChartView | null {
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

/** The charts of a worksheet, in the order its drawing places them. */
export async function sheetCharts(
  pkg: WorkbookPackage,
  sheet: SheetInfo
): Promise<SheetChartView[]> {
  if (!sheet.part) return [];
  const out: SheetChartView[] = [];
  for (const drawing of await pkg.relatedParts(sheet.part, "drawing"))
    for (const chart of await pkg.relatedParts(drawing, "chart")) {
      const view = readChart(await pkg.partText(chart));
      if (view) out.push(view);
    }
  return out;
}

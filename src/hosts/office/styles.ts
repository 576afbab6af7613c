import type { DocStyle } from "../../core/docs/sheetDoc";
import type { Severity } from "../../core/types";

/** The exceljs host's colours (styles.ts there), as Office.js takes them. */
export const HEADER_FILL = "#D9E1F2";
export const HEADER_BORDER = "#B4B4B4";
export const MARK_FILL: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C" };

/** "FFA6A6A6" (ARGB, as the core and exceljs write colours) → "#A6A6A6". */
export function rgb(argb: string): string {
  const hex = argb.replace(/^#/, "");
  return "#" + (hex.length === 8 ? hex.slice(2) : hex).toUpperCase();
}

/**
 * Column width in characters (Excel's unit, as the core gives it) → points (Office.js's unit):
 * Excel shows a width of w characters as 7w + 5 pixels of the default font, 3/4 point each.
 */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export function pointsToWidth(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

const H: Record<string, "Left" | "Center" | "Right"> = {
  left: "Left",
  center: "Center",
  right: "Right",
};
const V: Record<string, "Top" | "Center" | "Bottom"> = {
  top: "Top",
  middle: "Center",
  bottom: "Bottom",
};

export const thinBorder = (color: string): Excel.CellBorder => ({
  style: "Continuous",
  weight: "Thin",
  color,
});

/** A core style as Office.js cell properties (setCellProperties, or applied one by one). */
export function cellProperties(s: DocStyle): Excel.SettableCellProperties {
  const format: Excel.CellPropertiesFormat = {};
  if (s.font) {
    const font: Excel.CellPropertiesFont = {};
    if (s.font.name !== undefined) font.name = s.font.name;
    if (s.font.size !== undefined) font.size = s.font.size;
    if (s.font.bold !== undefined) font.bold = s.font.bold;
    if (s.font.italic !== undefined) font.italic = s.font.italic;
    if (s.font.color !== undefined) font.color = rgb(s.font.color);
    format.font = font;
  }
  if (s.align) {
    if (s.align.h) format.horizontalAlignment = H[s.align.h];
    if (s.align.v) format.verticalAlignment = V[s.align.v];
    if (s.align.wrap !== undefined) format.wrapText = s.align.wrap;
    if (s.align.indent !== undefined) format.indentLevel = s.align.indent;
  }
  if (s.border) {
    const b = thinBorder("#000000");
    format.borders = { top: b, bottom: b, left: b, right: b };
  }
  if (s.fill) format.fill = { color: rgb(s.fill) };
  return { format };
}

const EDGES: Record<string, Excel.BorderIndex> = {
  top: "EdgeTop" as Excel.BorderIndex,
  bottom: "EdgeBottom" as Excel.BorderIndex,
  left: "EdgeLeft" as Excel.BorderIndex,
  right: "EdgeRight" as Excel.BorderIndex,
};

/**
 * Applies cell properties to a range through range.format, one property at a time: for Excel
 * without setCellProperties (ExcelApi 1.9).
 */
export function applyCellProperties(range: Excel.Range, p: Excel.SettableCellProperties): void {
  const f = p.format;
  if (!f) return;
  if (f.font) {
    const font = range.format.font;
    if (f.font.name !== undefined) font.name = f.font.name;
    if (f.font.size !== undefined) font.size = f.font.size;
    if (f.font.bold !== undefined) font.bold = f.font.bold;
    if (f.font.italic !== undefined) font.italic = f.font.italic;
    if (f.font.color !== undefined) font.color = f.font.color;
  }
  if (f.horizontalAlignment !== undefined) range.format.horizontalAlignment = f.horizontalAlignment;
  if (f.verticalAlignment !== undefined) range.format.verticalAlignment = f.verticalAlignment;
  if (f.wrapText !== undefined) range.format.wrapText = f.wrapText;
  // RangeFormat.indentLevel is ExcelApi 1.9 like setCellProperties: where this runs, an indent
  // is left out (the text stays as it is).
  if (f.fill?.color !== undefined) range.format.fill.color = f.fill.color;
  if (f.borders) {
    for (const [side, index] of Object.entries(EDGES)) {
      const b = f.borders[side as keyof Excel.CellBorderCollection];
      if (!b) continue;
      const edge = range.format.borders.getItem(index);
      if (b.style !== undefined) edge.style = b.style;
      if (b.weight !== undefined) edge.weight = b.weight;
      if (b.color !== undefined) edge.color = b.color;
    }
  }
}

/** The header row as the exceljs host styles it: bold, centred, wrapped, light blue, thin grey borders. */
export function styleHeader(range: Excel.Range): void {
  range.format.font.bold = true;
  range.format.horizontalAlignment = "Center";
  range.format.verticalAlignment = "Center";
  range.format.wrapText = true;
  range.format.fill.color = HEADER_FILL;
  for (const index of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical"]) {
    const edge = range.format.borders.getItem(index as Excel.BorderIndex);
    edge.style = "Continuous";
    edge.weight = "Thin";
    edge.color = HEADER_BORDER;
  }
}

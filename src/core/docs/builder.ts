import type { CellValue } from "../types";
import { A4_PORTRAIT, type DocCell, type DocMerge, type DocStyle, type SheetDoc } from "./sheetDoc";

/** Official-document fonts: titles in 宋体 (bold), body in 仿宋; hosts fall back where a font is missing. */
export const TITLE_FONT = "宋体";
export const BODY_FONT = "仿宋";

export const STYLES = {
  title: { font: { name: TITLE_FONT, size: 20, bold: true }, align: { h: "center", v: "middle" } },
  subtitle: { font: { name: BODY_FONT, size: 14 }, align: { h: "center", v: "middle" } },
  label: {
    font: { name: BODY_FONT, size: 12, bold: true },
    align: { h: "left", v: "middle", wrap: true },
  },
  text: { font: { name: BODY_FONT, size: 12 }, align: { h: "left", v: "top", wrap: true } },
  hint: {
    font: { name: BODY_FONT, size: 12, italic: true, color: "FFA6A6A6" },
    align: { h: "left", v: "top", wrap: true },
  },
  heading: { font: { name: TITLE_FONT, size: 14, bold: true }, align: { h: "left", v: "middle" } },
  th: {
    font: { name: BODY_FONT, size: 12, bold: true },
    align: { h: "center", v: "middle", wrap: true },
    border: true,
    fill: "FFF2F2F2",
  },
  td: {
    font: { name: BODY_FONT, size: 12 },
    align: { h: "left", v: "top", wrap: true },
    border: true,
  },
  right: { font: { name: BODY_FONT, size: 12 }, align: { h: "right", v: "middle" } },
  rule: { font: { name: BODY_FONT, size: 11 }, align: { h: "left", v: "middle" } },
} satisfies Record<string, DocStyle>;

/** Width of text in column units: a Han character takes about two. */
export function textUnits(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.charCodeAt(0) > 0x2e80 ? 2.1 : 1.1;
  return n;
}

/** Row height (points) that shows wrapped text of 12 pt in a space `units` wide. */
export function wrappedHeight(text: string, units: number, lineHeight = 20): number {
  const lines = text
    .split("\n")
    .reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line) / Math.max(1, units - 1))), 0);
  return Math.max(lineHeight, lines * lineHeight);
}

/** Lays out an official-document sheet top to bottom, over a fixed set of columns. */
export class DocBuilder {
  private readonly cells: DocCell[] = [];
  private readonly merges: DocMerge[] = [];
  private readonly heights: Record<number, number> = {};
  private row = 0;
  readonly columns: number;

  constructor(private readonly widths: number[]) {
    this.columns = widths.length;
  }

  get currentRow(): number {
    return this.row;
  }

  private span(from: number, to: number): number {
    return this.widths.slice(from - 1, to).reduce((a, b) => a + b, 0);
  }

  /** One value across the whole width (or columns from..to), wrapped, with a height that shows it. */
  line(value: CellValue, style: DocStyle, height?: number, from = 1, to = this.columns): number {
    this.row++;
    this.cells.push({ r: this.row, c: from, value, style });
    if (to > from) this.merges.push({ top: this.row, left: from, bottom: this.row, right: to });
    this.heights[this.row] =
      height ?? wrappedHeight(value === null ? "" : String(value), this.span(from, to));
    return this.row;
  }

  blank(height = 8): void {
    this.row++;
    this.heights[this.row] = height;
  }

  /** A label and its value on one row: label in column 1, value across the rest. */
  field(label: string, value: CellValue, hint?: string): number {
    this.row++;
    this.cells.push({ r: this.row, c: 1, value: label, style: STYLES.label });
    const empty = value === null || value === "";
    this.cells.push({
      r: this.row,
      c: 2,
      value: empty ? (hint ?? null) : value,
      style: empty && hint ? STYLES.hint : STYLES.text,
    });
    if (this.columns > 2)
      this.merges.push({ top: this.row, left: 2, bottom: this.row, right: this.columns });
    this.heights[this.row] = Math.max(
      wrappedHeight(label, this.span(1, 1)),
      wrappedHeight(String(empty ? (hint ?? "") : value), this.span(2, this.columns))
    );
    return this.row;
  }

  /** Two label/value pairs side by side (columns 1-2-3 and 4-5-6 for six columns). */
  pair(l1: string, v1: CellValue, l2: string, v2: CellValue): number {
    this.row++;
    const half = Math.floor(this.columns / 2);
    this.cells.push(
      { r: this.row, c: 1, value: l1, style: STYLES.label },
      { r: this.row, c: 2, value: v1, style: STYLES.text }
    );
    if (half > 2) this.merges.push({ top: this.row, left: 2, bottom: this.row, right: half });
    this.cells.push(
      { r: this.row, c: half + 1, value: l2, style: STYLES.label },
      { r: this.row, c: half + 2, value: v2, style: STYLES.text }
    );
    if (this.columns > half + 2)
      this.merges.push({ top: this.row, left: half + 2, bottom: this.row, right: this.columns });
    this.heights[this.row] = 22;
    return this.row;
  }

  /**
   * A bordered table: spans[i] columns for header i; one row per record (a hint row when there is
   * none). Returns the header row (for print titles).
   */
  table(headers: string[], spans: number[], rows: CellValue[][], hint?: string): number {
    const starts = spans.reduce<number[]>(
      (acc, s, i) => [...acc, i === 0 ? 1 : acc[i - 1] + spans[i - 1]],
      []
    );
    const put = (values: CellValue[], style: DocStyle) => {
      this.row++;
      let height = 22;
      values.forEach((v, i) => {
        const c = starts[i];
        const end = c + spans[i] - 1;
        this.cells.push({ r: this.row, c, value: v, style });
        for (let k = c + 1; k <= end; k++)
          this.cells.push({ r: this.row, c: k, value: null, style });
        if (end > c) this.merges.push({ top: this.row, left: c, bottom: this.row, right: end });
        height = Math.max(height, wrappedHeight(v === null ? "" : String(v), this.span(c, end)));
      });
      this.heights[this.row] = height;
    };
    put(headers, STYLES.th);
    const headerRow = this.row;
    if (rows.length === 0)
      put(
        headers.map((_, i) => (i === 0 && hint ? hint : null)),
        { ...STYLES.td, font: STYLES.hint.font }
      );
    for (const r of rows) put(r, STYLES.td);
    return headerRow;
  }

  build(name: string, printTitlesRow?: number): SheetDoc {
    return {
      name,
      cells: this.cells,
      merges: this.merges,
      widths: this.widths,
      heights: this.heights,
      print: {
        ...A4_PORTRAIT,
        printTitlesRow: printTitlesRow ? `${printTitlesRow}:${printTitlesRow}` : undefined,
        printArea: `A1:${String.fromCharCode(64 + this.columns)}${this.row}`,
      },
    };
  }
}

import type { ChartSpec } from "./chart";
import { maskSensitiveValue } from "../privacy";
import type { CellValue } from "../types";

/** A cell style in plain terms, rendered by each host (exceljs, Office.js) the same way. */
export interface DocStyle {
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; color?: string };
  align?: {
    h?: "left" | "center" | "right";
    v?: "top" | "middle" | "bottom";
    wrap?: boolean;
    indent?: number;
  };
  /** Thin borders on all four sides. */
  border?: boolean;
  /** Fill colour, ARGB. */
  fill?: string;
  numFmt?: string;
}

/**
 * A host's own style object, carried through untouched (the styles of a custom template sheet).
 * The core never looks inside it.
 */
export interface HostStyle {
  host: unknown;
}

export interface DocCell {
  /** 1-based row and column. */
  r: number;
  c: number;
  /** The value, or for a formula cell its result as computed here. */
  value: CellValue;
  /** A formula without "=" (e.g. "SUM(B5:B9)"); the host writes it with value as its cached result. */
  formula?: string;
  style?: DocStyle | HostStyle;
}

export interface DocMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PrintSetup {
  paperSize: "A4";
  orientation: "portrait" | "landscape";
  /** Margins in inches, as Excel keeps them. */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  fitToWidth: number;
  /** 0: as many pages tall as needed. */
  fitToHeight: number;
  horizontalCentered: boolean;
  /** Rows repeated at the top of every printed page, e.g. "8:8". */
  printTitlesRow?: string;
  /** Excel header/footer codes: &P page, &N pages. */
  footer?: string;
  printArea?: string;
  /** Rows that start a new printed page (manual page breaks above them), 1-based. */
  rowBreaks?: number[];
}

/** A whole sheet as plain data: what a host writes, in one pass. */
export interface SheetDoc {
  name: string;
  cells: DocCell[];
  merges: DocMerge[];
  /** Column widths in characters, index 0 = column A. */
  widths: number[];
  /** Row heights in points, by 1-based row. */
  heights: Record<number, number>;
  print: PrintSetup;
  /** Host page setup of a custom template, carried through untouched. */
  hostPrint?: unknown;
  /** Charts drawn from the sheet's own cells. */
  charts?: readonly ChartSpec[];
}

export const A4_PORTRAIT: PrintSetup = {
  paperSize: "A4",
  orientation: "portrait",
  margins: { left: 0.79, right: 0.71, top: 0.98, bottom: 0.87, header: 0.4, footer: 0.4 },
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  footer: "&C第 &P 页 共 &N 页",
};

/** A sheet name that is not taken yet: name, name(2), name(3)… (Excel compares names case-insensitively). */
export function freeSheetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name}(${n})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

export function isDocStyle(s: DocStyle | HostStyle | undefined): s is DocStyle {
  return s !== undefined && !("host" in s);
}

/**
 * The sheet with every ID number and phone in it masked (110105********123X, 138****5678): no
 * meeting record, bulletin or summary ever shows one, whatever was typed or read. Formula cells
 * keep their cached results.
 */
export function maskDoc(doc: SheetDoc): SheetDoc {
  return {
    ...doc,
    cells: doc.cells.map((c) =>
      c.formula === undefined && (typeof c.value === "string" || typeof c.value === "number")
        ? { ...c, value: maskSensitiveValue(c.value) }
        : c
    ),
  };
}

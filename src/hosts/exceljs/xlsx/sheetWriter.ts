/**
 * A worksheet's XML, written a row at a time: what goes before the rows (views, frozen panes,
 * columns), the rows, and what follows them (filter, merged ranges, drop-down lists, page setup,
 * the drawing that holds notes), each element in the order the schema requires (ECMA-376 Part 1,
 * 18.3.1.99 CT_Worksheet). Strings are written inline (a cell's text is its own: nothing to share
 * with the workbook's other sheets, which are copied as they are), never as formulas.
 */
import { cellAddress, columnLetter } from "../../../core/a1";
import { dateTimeToSerial } from "../../../core/rules/dates";
import type { CellValue } from "../../../core/types";
import { escapeAttr, escapeCellText, hasEdgeSpace } from "./xml";

export interface WriteCell {
  value: CellValue;
  /** Index in the workbook's <cellXfs> (StyleSheet.id). */
  style?: number;
  /** A formula without "=", with value as its last result. */
  formula?: string;
}

export interface ColumnSpec {
  width?: number;
  /** The style of the column's empty cells (what a cell typed into later takes). */
  style?: number;
  hidden?: boolean;
}

export interface ValidationSpec {
  sqref: string;
  type: "list" | "whole" | "decimal" | "date" | "time" | "textLength" | "custom";
  operator?: string;
  formula1: string;
  formula2?: string;
  allowBlank?: boolean;
  showErrorMessage?: boolean;
  showInputMessage?: boolean;
  errorStyle?: "stop" | "warning" | "information";
  errorTitle?: string;
  error?: string;
  promptTitle?: string;
  prompt?: string;
}

export interface PrintSpec {
  /** 9: A4. */
  paperSize?: number;
  orientation?: "portrait" | "landscape";
  /** Inches. */
  margins?: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  fitToWidth?: number;
  fitToHeight?: number;
  horizontalCentered?: boolean;
  footer?: string;
  /** Rows that start a new printed page, 1-based. */
  rowBreaks?: readonly number[];
}

export interface SheetSpec {
  columns?: readonly ColumnSpec[];
  /** Rows and columns frozen at the top left. */
  freeze?: { rows: number; columns: number };
  /** The tab shown when the workbook opens. */
  selected?: boolean;
  /** The range of the filter buttons (the header row). */
  autoFilter?: string;
  merges?: readonly string[];
  validations?: readonly ValidationSpec[];
  print?: PrintSpec;
  /** The relationship id of the drawing that holds the sheet's charts (chartParts.ts). */
  drawing?: string;
  /** The relationship id of the drawing that holds the sheet's notes (notes.ts). */
  legacyDrawing?: string;
  /**
   * Elements of another sheet's XML carried over as they are (a custom template's page setup),
   * each instead of the one written here.
   */
  raw?: Partial<Record<RawElement, string>>;
}

/** The elements a sheet may take as they are from another (see SheetSpec.raw). */
export const RAW_ELEMENTS = [
  "sheetPr",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
] as const;
export type RawElement = (typeof RAW_ELEMENTS)[number];

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DEFAULT_MARGINS = {
  left: 0.7,
  right: 0.7,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
};

/** Writes one sheet's XML; the caller gives the pieces to the zip entry in order. */
export class SheetXmlWriter {
  private readonly letters: string[] = [];

  constructor(private readonly dateSystem: 1900 | 1904) {}

  head(spec: SheetSpec): string {
    const fit =
      spec.print && (spec.print.fitToWidth !== undefined || spec.print.fitToHeight !== undefined);
    let xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      (spec.raw?.sheetPr ?? (fit ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "")) +
      `<sheetViews><sheetView${spec.selected ? ' tabSelected="1"' : ""} workbookViewId="0">${pane(spec.freeze)}</sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="14.25"/>`;
    const cols = spec.columns ?? [];
    if (cols.some((c) => c.width !== undefined || c.style !== undefined || c.hidden)) {
      xml += "<cols>";
      cols.forEach((c, i) => {
        if (c.width === undefined && c.style === undefined && !c.hidden) return;
        const w = c.width ?? 9;
        xml += `<col min="${i + 1}" max="${i + 1}" width="${w}"${c.width !== undefined ? ' customWidth="1"' : ""}${c.style !== undefined ? ` style="${c.style}"` : ""}${c.hidden ? ' hidden="1"' : ""}/>`;
      });
      xml += "</cols>";
    }
    return xml + "<sheetData>";
  }

  private letter(column: number): string {
    return (this.letters[column] ??= columnLetter(column));
  }

  /** One row (1-based number); cells from column A, null or undefined for none. */
  row(r: number, cells: readonly (WriteCell | null | undefined)[], height?: number): string {
    let xml = `<row r="${r}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ""}>`;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c) xml += this.cell(`${this.letter(i + 1)}${r}`, c);
    }
    return xml + "</row>";
  }

  /** One cell's XML at a reference ("" for an empty cell without a style). */
  cell(ref: string, c: WriteCell): string {
    const s = c.style ? ` s="${c.style}"` : "";
    const v = c.value;
    if (c.formula !== undefined) {
      const f = `<f>${escapeCellText(c.formula)}</f>`;
      if (typeof v === "string")
        return `<c r="${ref}"${s} t="str">${f}<v>${escapeCellText(v)}</v></c>`;
      if (typeof v === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
      if (typeof v === "number" && Number.isFinite(v))
        return `<c r="${ref}"${s}>${f}<v>${v}</v></c>`;
      return `<c r="${ref}"${s}>${f}</c>`;
    }
    if (v === null || v === undefined) return s ? `<c r="${ref}"${s}/>` : "";
    if (typeof v === "string") {
      if (v === "") return s ? `<c r="${ref}"${s}/>` : "";
      const space = hasEdgeSpace(v) ? ' xml:space="preserve"' : "";
      return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeCellText(v)}</t></is></c>`;
    }
    if (typeof v === "number") {
      // NaN and Infinity are no value a cell can hold: kept as their text.
      if (!Number.isFinite(v))
        return `<c r="${ref}"${s} t="inlineStr"><is><t>${String(v)}</t></is></c>`;
      return `<c r="${ref}"${s}><v>${v}</v></c>`;
    }
    if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) return s ? `<c r="${ref}"${s}/>` : "";
      return `<c r="${ref}"${s}><v>${dateTimeToSerial(v, this.dateSystem)}</v></c>`;
    }
    return "";
  }

  tail(spec: SheetSpec): string {
    let xml = "</sheetData>";
    if (spec.autoFilter) xml += `<autoFilter ref="${escapeAttr(spec.autoFilter)}"/>`;
    if (spec.merges && spec.merges.length > 0)
      xml +=
        `<mergeCells count="${spec.merges.length}">` +
        spec.merges.map((m) => `<mergeCell ref="${escapeAttr(m)}"/>`).join("") +
        "</mergeCells>";
    if (spec.validations && spec.validations.length > 0)
      xml +=
        `<dataValidations count="${spec.validations.length}">` +
        spec.validations.map(validation).join("") +
        "</dataValidations>";
    const p = spec.print;
    const raw = spec.raw ?? {};
    if (raw.printOptions !== undefined) xml += raw.printOptions;
    else if (p?.horizontalCentered) xml += `<printOptions horizontalCentered="1"/>`;
    const m = p?.margins ?? DEFAULT_MARGINS;
    xml +=
      raw.pageMargins ??
      `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
    if (raw.pageSetup !== undefined) xml += raw.pageSetup;
    else if (p)
      xml += `<pageSetup${attrs({
        paperSize: p.paperSize,
        orientation: p.orientation,
        fitToWidth: p.fitToWidth,
        fitToHeight: p.fitToHeight,
      })}/>`;
    if (raw.headerFooter !== undefined) xml += raw.headerFooter;
    else if (p?.footer)
      xml += `<headerFooter><oddFooter>${escapeCellText(p.footer)}</oddFooter></headerFooter>`;
    const breaks = p?.rowBreaks ?? [];
    if (breaks.length > 0)
      xml +=
        `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
        breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("") +
        "</rowBreaks>";
    if (spec.drawing) xml += `<drawing r:id="${escapeAttr(spec.drawing)}"/>`;
    if (spec.legacyDrawing) xml += `<legacyDrawing r:id="${escapeAttr(spec.legacyDrawing)}"/>`;
    return xml + "</worksheet>";
  }
}

function pane(freeze: SheetSpec["freeze"]): string {
  if (!freeze || (freeze.rows <= 0 && freeze.columns <= 0)) return "";
  const { rows, columns } = freeze;
  const active = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  return (
    `<pane${columns > 0 ? ` xSplit="${columns}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}` +
    ` topLeftCell="${cellAddress(rows + 1, columns + 1)}" activePane="${active}" state="frozen"/>` +
    `<selection pane="${active}"/>`
  );
}

function validation(v: ValidationSpec): string {
  return (
    `<dataValidation${attrs({
      type: v.type,
      operator: v.operator,
      errorStyle: v.errorStyle,
      allowBlank: v.allowBlank ? 1 : undefined,
      showInputMessage: v.showInputMessage ? 1 : undefined,
      showErrorMessage: v.showErrorMessage ? 1 : undefined,
      errorTitle: v.errorTitle,
      error: v.error,
      promptTitle: v.promptTitle,
      prompt: v.prompt,
      sqref: v.sqref,
    })}>` +
    `<formula1>${escapeCellText(v.formula1)}</formula1>` +
    (v.formula2 !== undefined ? `<formula2>${escapeCellText(v.formula2)}</formula2>` : "") +
    "</dataValidation>"
  );
}

function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join("");
}

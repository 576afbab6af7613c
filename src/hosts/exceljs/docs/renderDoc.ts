import type ExcelJS from "exceljs";
import {
  type DocMerge,
  type DocStyle,
  type SheetDoc,
  isDocStyle,
} from "../../../core/docs/sheetDoc";
import { columnLetter } from "../../../core/a1";
import type { CellValue } from "../../../core/types";

const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FF000000" } };

export function excelStyle(s: DocStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (s.font) {
    style.font = { name: s.font.name, size: s.font.size, bold: s.font.bold, italic: s.font.italic };
    if (s.font.color) style.font.color = { argb: s.font.color };
    // A Chinese serif font (GB2312 charset, Roman family): where 宋体 or 仿宋 is missing, Excel, WPS and
    // LibreOffice substitute another Chinese serif font rather than a Latin one.
    if (s.font.name) {
      style.font.charset = 134;
      style.font.family = 1;
    }
  }
  if (s.align)
    style.alignment = {
      horizontal: s.align.h,
      vertical: s.align.v,
      wrapText: s.align.wrap,
      indent: s.align.indent,
    };
  if (s.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: s.fill } };
  if (s.numFmt) style.numFmt = s.numFmt;
  return style;
}

const rangeOf = (m: DocMerge) =>
  `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`;

/** Writes a sheet made by the core (or a filled custom template) into an exceljs worksheet, in one pass. */
export function renderDoc(ws: ExcelJS.Worksheet, doc: SheetDoc): void {
  doc.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [row, h] of Object.entries(doc.heights)) ws.getRow(Number(row)).height = h;
  // exceljs cannot read back a merged range whose top-left cell is empty (MergeValue.toString): give it "".
  const mergeTops = new Set(doc.merges.map((m) => `${m.top}:${m.left}`));
  // One exceljs style per core style: cells given the same object are written with the same
  // style id at once, where exceljs would otherwise serialise each cell's style to compare it
  // (a third of the time of writing a summary). Cells loaded by exceljs share theirs the same
  // way; a cell of this sheet restyled later must be given a new style, not have its own edited.
  const styles = new Map<DocStyle, Partial<ExcelJS.Style>>();
  const styleOf = (s: DocStyle) => {
    let style = styles.get(s);
    if (!style) styles.set(s, (style = excelStyle(s)));
    return style;
  };
  for (const c of doc.cells) {
    const cell = ws.getCell(c.r, c.c);
    if (c.style)
      cell.style = isDocStyle(c.style)
        ? styleOf(c.style)
        : structuredClone(c.style.host as ExcelJS.Style);
    if (c.formula)
      cell.value = {
        formula: c.formula,
        result: c.value as number | string,
      } as ExcelJS.CellFormulaValue;
    else
      cell.value = (c.value === null && mergeTops.has(`${c.r}:${c.c}`) ? "" : c.value) as CellValue;
  }
  for (const m of doc.merges) ws.mergeCells(rangeOf(m));
  if (doc.hostPrint) {
    const hp = structuredClone(doc.hostPrint) as {
      pageSetup: Partial<ExcelJS.PageSetup>;
      headerFooter: Partial<ExcelJS.HeaderFooter>;
    };
    Object.assign(ws.pageSetup, hp.pageSetup, { printArea: undefined });
    Object.assign(ws.headerFooter, hp.headerFooter);
    return;
  }
  const p = doc.print;
  Object.assign(ws.pageSetup, {
    paperSize: 9, // A4
    orientation: p.orientation,
    margins: p.margins,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    horizontalCentered: p.horizontalCentered,
    printTitlesRow: p.printTitlesRow,
    printArea: p.printArea,
  } satisfies Partial<ExcelJS.PageSetup>);
  if (p.footer) ws.headerFooter.oddFooter = p.footer;
}

/**
 * A worksheet as a SheetDoc, so that a custom template can be filled by the core: values, each
 * cell's whole style, merges, column widths, row heights and page setup (exceljs cannot copy sheets).
 */
export function readDoc(ws: ExcelJS.Worksheet): SheetDoc {
  const cells: SheetDoc["cells"] = [];
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height) heights[r] = row.height;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) {
        cells.push({ r, c, value: null, style: { host: structuredClone(cell.style) } });
        return;
      }
      const v = cell.value;
      const value: CellValue =
        v === null || v === undefined
          ? null
          : typeof v === "object" && !(v instanceof Date)
            ? (cell.text ?? null)
            : (v as CellValue);
      cells.push({ r, c, value, style: { host: structuredClone(cell.style) } });
    });
  });
  const merges: DocMerge[] = ((ws.model as { merges?: string[] }).merges ?? []).map((a) => {
    const [from, to] = a.split(":");
    const dec = (x: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(x)!;
      const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return { c: col, r: Number(m[2]) };
    };
    const f = dec(from);
    const t = dec(to ?? from);
    return { top: f.r, left: f.c, bottom: t.r, right: t.c };
  });
  const widths: number[] = [];
  for (let c = 1; c <= ws.columnCount; c++) widths.push(ws.getColumn(c).width ?? 9);
  return {
    name: ws.name,
    cells,
    merges,
    widths,
    heights,
    print: {
      paperSize: "A4",
      orientation: "portrait",
      margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: false,
    },
    hostPrint: {
      pageSetup: structuredClone(ws.pageSetup),
      headerFooter: structuredClone(ws.headerFooter),
    },
  };
}

import { rangeAddress, sheetRef } from "../../../core/a1";
import { type DocStyle, type SheetDoc, isDocStyle } from "../../../core/docs/sheetDoc";
import { cellFormat } from "../../../core/plan";
import { chartData } from "../../../core/docs/chart";
import { CHART_DRAWING, type NewSheet } from "../xlsx/packageWriter";
import {
  type RawElement,
  type SheetSpec,
  SheetXmlWriter,
  type WriteCell,
} from "../xlsx/sheetWriter";
import type { CellStyle, StyleSheet } from "../xlsx/styleSheet";

/**
 * What a custom template sheet carries through the core untouched (its HostStyle and hostPrint):
 * each cell's style by its index in the workbook's own styles (kept in the output), and its page
 * setup as the elements of its XML.
 */
export interface TemplatePrint {
  raw: Partial<Record<RawElement, string>>;
  /** Its print titles (_xlnm.Print_Titles), without the sheet: "$1:$3". */
  titles?: string;
}

const BLACK = "FF000000";

/** A core style in the workbook's terms: fonts with a Chinese fallback, thin black borders. */
export function cellStyleOf(s: DocStyle): CellStyle {
  const style: CellStyle = {};
  if (s.font) {
    style.font = {
      name: s.font.name,
      size: s.font.size,
      bold: s.font.bold,
      italic: s.font.italic,
      color: s.font.color,
    };
    // A Chinese serif font (GB2312 charset, Roman family): where 宋体 or 仿宋 is missing, Excel, WPS
    // and LibreOffice substitute another Chinese serif font rather than a Latin one.
    if (s.font.name) {
      style.font.charset = 134;
      style.font.family = 1;
    }
  }
  if (s.align) style.align = { ...s.align };
  if (s.border) style.border = BLACK;
  if (s.fill) style.fill = s.fill;
  if (s.numFmt) style.numFmt = s.numFmt;
  return style;
}

/**
 * A sheet made by the core (a meeting record, a bulletin, a summary) or a filled custom template,
 * as a new sheet of a workbook: values and formulas with their results, styles, merged ranges,
 * column widths, row heights, and page setup (A4, fit to width, centred, the page number in the
 * footer, the rows repeated on each page), or the template's own.
 */
export function docSheet(
  doc: SheetDoc,
  styles: StyleSheet,
  dateSystem: 1900 | 1904,
  selected = false
): NewSheet {
  const ids = new Map<DocStyle, number>();
  const styleId = (s: DocStyle) => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = styles.id(cellStyleOf(s))));
    return id;
  };
  const byRow = new Map<number, WriteCell[]>();
  for (const c of doc.cells) {
    let row = byRow.get(c.r);
    if (!row) byRow.set(c.r, (row = []));
    let style: number | undefined;
    if (c.style && isDocStyle(c.style)) {
      // A date whose style has no date format gets one (it would show as its serial number).
      const own = cellFormat(c.value, c.style.numFmt);
      style = styleId(own && c.value instanceof Date ? { ...c.style, numFmt: own } : c.style);
    } else if (c.style) style = c.style.host as number;
    else if (c.value instanceof Date) style = styleId({ numFmt: "yyyy-mm-dd" });
    row[c.c - 1] = { value: c.value, style, formula: c.formula };
  }
  const template = doc.hostPrint as TemplatePrint | undefined;
  const p = doc.print;
  const charts = (doc.charts ?? []).map((spec) => ({ spec, data: chartData(spec, doc.cells) }));
  const spec: SheetSpec = {
    selected,
    drawing: charts.length > 0 ? CHART_DRAWING : undefined,
    columns: doc.widths.map((width) => ({ width })),
    merges: doc.merges.map(rangeAddress),
    ...(template
      ? { raw: template.raw }
      : {
          print: {
            paperSize: 9,
            orientation: p.orientation,
            margins: p.margins,
            fitToWidth: p.fitToWidth,
            fitToHeight: p.fitToHeight,
            horizontalCentered: p.horizontalCentered,
            footer: p.footer,
            rowBreaks: p.rowBreaks,
          },
        }),
  };
  const ref = sheetRef(doc.name);
  const definedNames: Record<string, string> = {};
  const titles = template ? template.titles : p.printTitlesRow;
  if (titles) {
    const [from, to = from] = titles.replace(/\$/g, "").split(":");
    definedNames["_xlnm.Print_Titles"] = `${ref}!$${from}:$${to}`;
  }
  if (!template && p.printArea)
    definedNames["_xlnm.Print_Area"] = `${ref}!${absolute(p.printArea)}`;
  const rows = [...new Set([...byRow.keys(), ...Object.keys(doc.heights).map(Number)])].sort(
    (a, b) => a - b
  );
  return {
    name: doc.name,
    definedNames,
    charts,
    *xml() {
      const w = new SheetXmlWriter(dateSystem);
      yield w.head(spec);
      for (const r of rows) yield w.row(r, byRow.get(r) ?? [], doc.heights[r]);
      yield w.tail(spec);
    },
  };
}

/** "A1:H30" → "$A$1:$H$30". */
function absolute(range: string): string {
  return range.replace(/\$?([A-Za-z]+)\$?(\d+)/g, "$$$1$$$2");
}

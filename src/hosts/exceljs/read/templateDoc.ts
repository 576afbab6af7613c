import { A4_PORTRAIT, type DocCell, type SheetDoc } from "../../../core/docs/sheetDoc";
import type { TemplatePrint } from "../write/docSheet";
import { mergedRanges } from "../xlsx/sheetReader";
import { RAW_ELEMENTS, type RawElement } from "../xlsx/sheetWriter";
import type { SheetInfo, WorkbookPackage } from "../xlsx/workbookPackage";
import { elements, xmlAttribute, xmlDecode } from "../xlsx/xml";

/** Most columns whose widths a template keeps (a <col> may span to XFD). */
const MAX_TEMPLATE_COLUMNS = 256;

/**
 * A custom template sheet (模板-例会记录, 模板-情况通报) as a SheetDoc for the core to fill: every
 * cell's value and style (by its index in the workbook's styles, which the output keeps), merged
 * ranges, column widths, row heights, and its page setup as the elements of its XML (without the
 * printer settings part, which stays with the template).
 */
export async function readTemplateDoc(
  pkg: WorkbookPackage,
  sheet: SheetInfo & { part: string }
): Promise<SheetDoc> {
  const { rows, frame } = await pkg.readRows(sheet, { tail: true, withStyles: true });
  const cells: DocCell[] = [];
  const heights: Record<number, number> = {};
  for await (const row of rows) {
    const r = row.rowNumber!;
    if (row.height !== undefined) heights[r] = row.height;
    const n = Math.max(row.values.length, row.styles?.length ?? 0);
    for (let c = 0; c < n; c++) {
      const value = row.values[c] ?? null;
      const s = row.styles?.[c];
      if (value === null && (s === undefined || s === null)) continue;
      cells.push({ r, c: c + 1, value, style: { host: s ?? 0 } });
    }
  }
  const p = frame.prefix;
  const local = (xml: string) =>
    p ? xml.replace(new RegExp(`(</?)${p.replace(".", "\\.")}`, "g"), "$1") : xml;
  const widths: number[] = [];
  for (const col of elements(frame.head, `${p}col`)) {
    const min = Number(xmlAttribute(col.attrs, "min"));
    const max = Math.min(Number(xmlAttribute(col.attrs, "max")), MAX_TEMPLATE_COLUMNS);
    const width = Number(xmlAttribute(col.attrs, "width"));
    if (!Number.isInteger(min) || !Number.isFinite(width)) continue;
    for (let c = min; c <= max; c++) widths[c - 1] = width;
  }
  for (let i = 0; i < widths.length; i++) widths[i] ??= 9;
  const raw: Partial<Record<RawElement, string>> = {};
  for (const name of RAW_ELEMENTS) {
    const where = name === "sheetPr" ? frame.head : frame.tail;
    const e = [...elements(where, `${p}${name}`)][0];
    if (!e) continue;
    // The printer settings are a part of the template sheet's own: not carried (r:id).
    raw[name] = local(where.slice(e.start, e.end)).replace(
      /\s[\w.-]+:id\s*=\s*("[^"]*"|'[^']*')/g,
      ""
    );
  }
  const hostPrint: TemplatePrint = { raw, titles: printTitles(pkg, sheet) };
  return {
    name: sheet.name,
    cells,
    merges: mergedRanges(frame),
    widths,
    heights,
    print: A4_PORTRAIT,
    hostPrint,
  };
}

/** The rows a sheet repeats on each printed page ("$1:$3"), from the workbook's _xlnm.Print_Titles. */
function printTitles(pkg: WorkbookPackage, sheet: SheetInfo): string | undefined {
  const index = pkg.sheets.indexOf(sheet);
  for (const m of pkg.workbookXml.matchAll(
    /<(?:[\w.-]+:)?definedName(?=[\s>])([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>/g
  )) {
    if (xmlAttribute(m[1], "name") !== "_xlnm.Print_Titles") continue;
    if (Number(xmlAttribute(m[1], "localSheetId")) !== index) continue;
    const rows = /!\$?(\d+):\$?(\d+)/.exec(xmlDecode(m[2]));
    if (rows) return `$${rows[1]}:$${rows[2]}`;
  }
  return undefined;
}

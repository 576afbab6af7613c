/**
 * What the page's grid shows of a sheet besides its values, as Excel shows it: each cell's solid
 * fill (the colours the tool marks errors and hints with, and any a workbook has) and the notes
 * (comments) on its cells, shown when the pointer rests on them. Read from the package: the
 * styles part (a cell style's fill) and the comments part the sheet relates to.
 */
import { parseBlock } from "../../../core/a1";
import type { SheetInfo, WorkbookPackage } from "../xlsx/workbookPackage";
import { elements, richText, rootPrefix, xmlAttribute } from "../xlsx/xml";

/** Most characters of a comments part read for the grid (past this its notes are not shown). */
const MAX_NOTES_XML = 64 * 1024 * 1024;

/** An ARGB or RGB colour as CSS (#rrggbb); null for anything else (theme and indexed colours). */
function cssColor(argb: string | undefined): string | null {
  if (!argb) return null;
  const hex = /^(?:[0-9a-f]{2})?([0-9a-f]{6})$/i.exec(argb);
  return hex ? `#${hex[1].toLowerCase()}` : null;
}

/** The solid fill of each cell style (by its index in <cellXfs>) as CSS, null where it has none. */
export function fillColors(stylesXml: string): (string | null)[] {
  const p = rootPrefix(stylesXml, "styleSheet");
  const fillsXml = [...elements(stylesXml, `${p}fills`)][0]?.inner ?? "";
  const fills = [...elements(fillsXml, `${p}fill`)].map((f) => {
    const pattern = [...elements(f.inner ?? "", `${p}patternFill`)][0];
    if (!pattern || xmlAttribute(pattern.attrs, "patternType") !== "solid") return null;
    const fg = [...elements(pattern.inner ?? "", `${p}fgColor`)][0];
    return fg ? cssColor(xmlAttribute(fg.attrs, "rgb")) : null;
  });
  const xfs = [...elements(stylesXml, `${p}cellXfs`)][0]?.inner ?? "";
  return [...elements(xfs, `${p}xf`)].map((xf) => {
    const id = Number(xmlAttribute(xf.attrs, "fillId") ?? 0);
    return Number.isInteger(id) ? (fills[id] ?? null) : null;
  });
}

/** The fill colours of the workbook's cell styles. */
export async function workbookFills(pkg: WorkbookPackage): Promise<(string | null)[]> {
  const part = pkg.partOf("styles");
  return part ? fillColors(await pkg.partText(part)) : [];
}

/** A note on a cell (1-based row and column). */
export interface CellNote {
  row: number;
  column: number;
  text: string;
}

/** The notes of a sheet's cells in rows up to `maxRow`. */
export async function sheetNotes(
  pkg: WorkbookPackage,
  sheet: SheetInfo & { part: string },
  maxRow: number
): Promise<CellNote[]> {
  const out: CellNote[] = [];
  for (const part of await pkg.relatedParts(sheet.part, "comments")) {
    let xml = "";
    for await (const piece of pkg.partChunks(part)) {
      xml += piece;
      if (xml.length > MAX_NOTES_XML) return out;
    }
    const p = rootPrefix(xml, "comments");
    for (const c of elements(xml, `${p}comment`)) {
      const block = parseBlock(xmlAttribute(c.attrs, "ref") ?? "");
      if (!block || block.top > maxRow) continue;
      const text = [...elements(c.inner ?? "", `${p}text`)][0]?.inner ?? "";
      out.push({ row: block.top, column: block.left, text: richText(text, p) });
    }
  }
  return out;
}

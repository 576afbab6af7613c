/**
 * Notes (Excel's "comments", shown when the pointer rests on a marked cell): the comments part
 * with their text, and the VML drawing that Excel, WPS and LibreOffice need to place them (each
 * note a hidden shape anchored at its cell). ECMA-376 Part 1, 18.7; the VML as Excel writes it.
 */
import { cellAddress } from "../../../core/a1";
import { escapeCellText } from "./xml";

export interface Note {
  /** 1-based row and column of the cell. */
  row: number;
  column: number;
  text: string;
}

const AUTHOR = "统战台账助手";

/** The comments part, in pieces. */
export function* commentsXml(notes: Iterable<Note>): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${AUTHOR}</author></authors><commentList>`;
  for (const n of notes)
    yield `<comment ref="${cellAddress(n.row, n.column)}" authorId="0"><text><r><t xml:space="preserve">${escapeCellText(n.text)}</t></r></text></comment>`;
  yield "</commentList></comments>";
}

/** Shapes of one drawing are numbered in blocks of 1,024 (o:idmap names the blocks a drawing uses). */
export const SHAPES_PER_BLOCK = 1024;

/**
 * The VML drawing of a sheet's notes. `firstBlock` is the first shape block no other drawing of the
 * workbook uses (shape ids must be unique across the workbook); it takes as many as it needs.
 */
export function* vmlXml(notes: readonly Note[], firstBlock: number): Generator<string> {
  const blocks = Math.max(1, Math.ceil((notes.length + 1) / SHAPES_PER_BLOCK));
  const ids = Array.from({ length: blocks }, (_, i) => firstBlock + i).join(",");
  yield (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${ids}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
  );
  let k = 0;
  for (const n of notes) {
    const id = firstBlock * SHAPES_PER_BLOCK + 1 + k++;
    const r = n.row - 1;
    const c = n.column - 1;
    yield (
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:144pt;height:72pt;z-index:${k};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${r}, 2, ${c + 3}, 15, ${r + 4}, 16</x:Anchor>` +
      `<x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
    );
  }
  yield "</xml>";
}

/** The shape blocks a VML drawing claims (its o:idmap data="1,2"), to keep new drawings clear of them. */
export function vmlBlocks(vml: string): number[] {
  const m = /<o:idmap\b[^>]*\bdata\s*=\s*"([^"]*)"/.exec(vml);
  if (!m) return [];
  return m[1]
    .split(/[\s,]+/)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0);
}

/**
 * A worksheet's XML with some cells set, as it streams past: cells of existing rows are replaced or
 * put in their place among the row's cells, rows that are not there are added in row order (below
 * the last row, for an append), and the rest of the part is kept character for character. What
 * the log forms write (new rows, a header cell added, 是否采纳 changed in place) goes through here.
 */
import { columnLetter, columnNumber } from "../../../core/a1";
import { xmlAttribute } from "../xlsx/xml";

/** One cell to set: its 1-based column and its XML (<c> without a prefix; "" for none). */
export interface CellEdit {
  column: number;
  /** The cell's XML given its reference and the style the cell had (a new cell: its row's, where the row is formatted as a whole; else undefined). */
  xml: (ref: string, oldStyle: number | undefined) => string;
}

export interface RowEdit {
  row: number;
  cells: CellEdit[];
}

export interface SheetEdits {
  /** Rows to change or add, any order (each row once). */
  rows: RowEdit[];
  /** The new <dimension ref>, e.g. "A1:G12". */
  dimension: string;
}

/** A row as the edits make it: an existing row's cells merged with the edits, else a new row. */
function newRow(edit: RowEdit): string {
  const cells = [...edit.cells]
    .sort((a, b) => a.column - b.column)
    .map((c) => c.xml(`${columnLetter(c.column)}${edit.row}`, undefined))
    .join("");
  return `<row r="${edit.row}">${cells}</row>`;
}

/** An existing row element (with prefix p) with the edits' cells set in it. */
export function mergeRow(rowXml: string, p: string, edit: RowEdit): string {
  const open = /^<[^>]*?(\/?)>/.exec(rowXml)!;
  // spans is a hint of the row's columns, which the edits may widen: dropped, as Excel allows.
  const openTag = open[0].replace(/\s+spans\s*=\s*("[^"]*"|'[^']*')/, "").replace(/\/>$/, ">");
  // A row formatted as a whole gives its style to the cells it does not hold.
  const rowStyle = /^(1|true)$/.test(xmlAttribute(openTag, "customFormat") ?? "")
    ? xmlAttribute(openTag, "s")
    : undefined;
  const inner = open[1] === "/" ? "" : rowXml.slice(open[0].length, -`</${p}row>`.length);
  const cells: { column: number; xml: string }[] = [];
  let rest = "";
  let at = 0;
  let column = 0;
  const cellOpen = new RegExp(`<${p}c(?=[\\s>/])`, "g");
  for (;;) {
    cellOpen.lastIndex = at;
    const m = cellOpen.exec(inner);
    if (!m) break;
    rest += inner.slice(at, m.index);
    const gt = inner.indexOf(">", m.index);
    const selfClosed = inner.charCodeAt(gt - 1) === 47;
    const close = `</${p}c>`;
    const end = selfClosed ? gt + 1 : inner.indexOf(close, gt) + close.length;
    const xml = inner.slice(m.index, end);
    const ref = xmlAttribute(inner.slice(m.index, gt), "r");
    column = ref ? columnNumber(ref.replace(/\d+$/, "")) : column + 1;
    cells.push({ column, xml });
    at = end;
  }
  rest += inner.slice(at);
  for (const e of edit.cells) {
    const i = cells.findIndex((c) => c.column >= e.column);
    const old = i >= 0 && cells[i].column === e.column ? cells[i] : null;
    const s = old ? xmlAttribute(/^<[^>]*>?/.exec(old.xml)![0], "s") : rowStyle;
    const ref = `${columnLetter(e.column)}${edit.row}`;
    // A cell emptied stays as an element: cells after it without r keep their columns.
    const xml = localXml(e.xml(ref, s ? Number(s) : undefined) || `<c r="${ref}"/>`, p);
    if (old) old.xml = xml;
    else if (i < 0) cells.push({ column: e.column, xml });
    else cells.splice(i, 0, { column: e.column, xml });
  }
  return `${openTag}${cells.map((c) => c.xml).join("")}${rest}</${p}row>`;
}

/** XML written without a prefix, in a part whose elements carry one. */
export function localXml(xml: string, p: string): string {
  return p ? xml.replace(/<(\/?)(row|c|is|t|v|f)(?=[\s>/])/g, `<$1${p}$2`) : xml;
}

/** The sheet's XML with the edits made, streamed. */
export async function* withEdits(
  text: AsyncIterable<string>,
  edits: SheetEdits
): AsyncGenerator<string> {
  const pending = [...edits.rows].sort((a, b) => a.row - b.row);
  let buf = "";
  let phase: "head" | "data" | "rest" = "head";
  let p = "";
  let lastRow = 0;
  let from = 0;
  /** New rows before row r (all of them for Infinity), taken off the list. */
  const rowsBefore = (r: number) => {
    let out = "";
    while (pending.length > 0 && pending[0].row < r) out += localXml(newRow(pending.shift()!), p);
    return out;
  };
  for await (const piece of text) {
    buf += piece;
    if (phase === "head") {
      const m = /<([\w.-]+:)?sheetData(?=[\s>/])[^>]*?(\/?)>/.exec(buf);
      if (!m) continue;
      p = m[1] ?? "";
      const head = buf
        .slice(0, m.index)
        .replace(
          new RegExp(`(<${p}dimension\\b[^>]*\\bref\\s*=\\s*)("[^"]*"|'[^']*')`),
          `$1"${edits.dimension}"`
        );
      buf = buf.slice(m.index + m[0].length);
      if (m[2] === "/") {
        yield head + `<${p}sheetData>${rowsBefore(Infinity)}</${p}sheetData>`;
        phase = "rest";
      } else {
        yield head + m[0];
        phase = "data";
      }
    }
    if (phase === "data") {
      const rowOpen = `<${p}row`;
      const rowClose = `</${p}row>`;
      const dataClose = `</${p}sheetData>`;
      let out = "";
      let at = 0;
      for (;;) {
        const lt = buf.indexOf("<", at);
        if (lt < 0) {
          out += buf.slice(at);
          at = buf.length;
          break;
        }
        if (buf.startsWith(dataClose, lt)) {
          out += buf.slice(at, lt) + rowsBefore(Infinity);
          at = lt;
          phase = "rest";
          break;
        }
        if (buf.startsWith(rowOpen, lt) && /[\s>/]/.test(buf.charAt(lt + rowOpen.length))) {
          const gt = buf.indexOf(">", lt);
          if (gt < 0) break;
          const selfClosed = buf.charCodeAt(gt - 1) === 47;
          const end = selfClosed ? gt + 1 : buf.indexOf(rowClose, Math.max(gt, from));
          if (end < 0) {
            // The row goes on in the next piece: its end is looked for from here on.
            from = Math.max(gt, buf.length - rowClose.length);
            break;
          }
          from = 0;
          const stop = selfClosed ? end : end + rowClose.length;
          const r = Number(xmlAttribute(buf.slice(lt + rowOpen.length, gt), "r") ?? lastRow + 1);
          lastRow = r;
          out += buf.slice(at, lt) + rowsBefore(r);
          let rowXml = buf.slice(lt, stop);
          if (pending.length > 0 && pending[0].row === r)
            rowXml = mergeRow(rowXml, p, pending.shift()!);
          out += rowXml;
          at = stop;
          continue;
        }
        if (buf.length - lt < dataClose.length + 1) break;
        out += buf.slice(at, lt + 1);
        at = lt + 1;
      }
      if (out) yield out;
      buf = buf.slice(at);
      from = Math.max(0, from - at);
    }
    if (phase === "rest") {
      yield buf;
      buf = "";
    }
  }
  if (buf) yield buf;
}

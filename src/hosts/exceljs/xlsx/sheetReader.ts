/**
 * A worksheet's XML read as it is inflated: rows as the core takes them (values and number
 * formats), nothing built per cell but its value. Values are read as every host reads them: text
 * (shared, inline, rich text joined, phonetic runs left out), numbers, booleans, errors as their
 * text ("#N/A"), formulas by their cached result, and numbers whose format shows a day as that day
 * (core's serialToDateTime, as the Office host reads them).
 *
 * Excel's limits are checked as the cells come, naming the sheet, row and column: a cell's text
 * of more than 32,767 characters (`cell-too-long`), a row or column beyond the sheet's last
 * (`beyond-sheet-limits`).
 *
 * Why not exceljs: its streaming reader exists only in Node (the web page needs the same reader),
 * reads no inline strings, builds a Row and a Cell object per cell (the time of a read goes there),
 * and cannot be stopped after the first rows of a sheet.
 */
import { type Block, MAX_COLUMNS, MAX_ROWS, columnLabel, parseBlock } from "../../../core/a1";
import { isDateFormat, serialToDateTime } from "../../../core/rules/dates";
import type { CellValue, RawRow } from "../../../core/types";
import { FileError } from "../fileError";
import { MAX_CELL_CHARACTERS } from "../read/limits";
import type { StringTable } from "./stringTable";
import type { StyleTable } from "./styleTable";
import { cellText, richText, xmlAttribute } from "./xml";

/** Most characters of one row's XML held while it is read (16,384 cells of long text fit). */
const MAX_ROW_XML = 64 * 1024 * 1024;
/** Most characters before <sheetData> (views, columns); past this the part is damaged. */
const MAX_HEAD_XML = 16 * 1024 * 1024;

export interface SheetContext {
  /** The file's and the sheet's names, for errors. */
  file: string;
  sheet: string;
  strings: StringTable | null;
  styles: StyleTable;
  dateSystem: 1900 | 1904;
  /** Keep each cell's style index (empty cells too) and the row's height: for a template sheet. */
  withStyles?: boolean;
}

/** A row as read: the core's RawRow, with styles and height when asked for. */
export interface SheetRow extends RawRow {
  /** Each cell's index in the workbook's <cellXfs> (null for none), by column. */
  styles?: (number | null)[];
  /** Its height in points, where the sheet sets one. */
  height?: number;
}

/** What a sheet's XML holds around its rows: the text before <sheetData> and after it. */
export interface SheetFrame {
  /** The namespace prefix of its elements ("" or "x:"). */
  prefix: string;
  head: string;
  tail: string;
}

const isNameEnd = (c: number) =>
  c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;

/** The number of a column from the letters at the start of an A1 reference ("AB12" → 28); 0 if none. */
function refColumn(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    n = n * 26 + c - 96;
  }
  return n;
}

/** The value of attribute `name` in a start tag's attribute text (fast path for the few a cell has). */
function attr(tag: string, name: string): string | undefined {
  const key = ` ${name}=`;
  let i = tag.indexOf(key);
  if (i < 0) {
    if (tag.indexOf(name) < 0) return undefined;
    // Attributes may be separated by other white space, or spaced around "=": the slow way.
    return /[\t\n\r]| =|= /.test(tag) ? xmlAttribute(tag, name) : undefined;
  }
  i += key.length;
  const q = tag.charCodeAt(i);
  if (q !== 34 && q !== 39) return undefined;
  const end = tag.indexOf(q === 34 ? '"' : "'", i + 1);
  return end < 0 ? undefined : tag.slice(i + 1, end);
}

/**
 * Reads one worksheet. Rows come as the sheet lists them, each with its values from column A (null
 * where a cell is missing) and their number formats; rows the sheet does not list do not come.
 */
export class SheetReader {
  private readonly numFmts = new Map<number, string | null>();
  private readonly dateFormats = new Map<string, boolean>();
  private p = "";
  private lastRow = 0;
  /** The text around the rows, once read. */
  readonly frame: SheetFrame = { prefix: "", head: "", tail: "" };

  constructor(private readonly ctx: SheetContext) {}

  /**
   * The rows of the sheet's XML (`text`, as it is inflated). With `tail`, reading goes on past the
   * rows to keep what follows them in frame.tail (merged ranges, validations); otherwise it stops.
   */
  async *rows(
    text: AsyncIterable<string>,
    options: { tail?: boolean; maxRows?: number } = {}
  ): AsyncGenerator<SheetRow> {
    const maxRows = options.maxRows ?? Infinity;
    const damaged = () => new FileError("corrupt-workbook", { file: this.ctx.file });
    let count = 0;
    let buf = "";
    let phase: "head" | "data" | "skip" | "tail" = "head";
    let rowOpen = "";
    let dataClose = "";
    let rowClose = "";
    /** Where to go on looking for what ends the piece of XML waiting in buf (each byte looked at once). */
    let from = 0;
    const head: HeadScan = { from: 0, inComment: false };
    for await (const piece of text) {
      buf += piece;
      if (phase === "head") {
        const m = findSheetData(buf, head);
        if (!m) {
          if (buf.length > MAX_HEAD_XML) throw damaged();
          continue;
        }
        this.p = m.prefix;
        this.frame.prefix = this.p;
        this.frame.head = buf.slice(0, m.start);
        rowOpen = `<${this.p}row`;
        rowClose = `</${this.p}row>`;
        dataClose = `</${this.p}sheetData>`;
        buf = buf.slice(m.end);
        phase = m.empty ? "tail" : "data";
        if (phase === "data" && maxRows <= 0) {
          if (!options.tail) return;
          phase = "skip";
        }
      }
      if (phase === "data") {
        let at = 0;
        for (;;) {
          const lt = buf.indexOf("<", at);
          if (lt < 0) {
            at = buf.length;
            from = 0;
            break;
          }
          if (buf.startsWith(dataClose, lt)) {
            phase = "tail";
            at = lt + dataClose.length;
            from = 0;
            break;
          }
          if (buf.startsWith("<!--", lt)) {
            const close = buf.indexOf("-->", Math.max(lt + 4, from));
            if (close < 0) {
              at = lt;
              from = Math.max(lt, buf.length - 2);
              break;
            }
            at = close + 3;
            from = 0;
            continue;
          }
          if (buf.startsWith(rowOpen, lt) && isNameEnd(buf.charCodeAt(lt + rowOpen.length))) {
            const gt = buf.indexOf(">", lt);
            if (gt < 0) {
              at = lt;
              from = 0;
              break;
            }
            if (buf.charCodeAt(gt - 1) === 47) {
              const row = this.rowNumber(buf.slice(lt + rowOpen.length, gt - 1));
              at = gt + 1;
              from = 0;
              if (row > 0) {
                yield { rowNumber: row, values: [], numFmts: [] };
                if (++count >= maxRows) {
                  if (!options.tail) return;
                  phase = "skip";
                  break;
                }
              }
              continue;
            }
            const end = buf.indexOf(rowClose, Math.max(gt, from));
            if (end < 0) {
              // The row goes on in the next piece: look for its end from here on, not from its start.
              at = lt;
              from = Math.max(gt, buf.length - rowClose.length);
              break;
            }
            from = 0;
            const row = this.parseRow(buf, lt + rowOpen.length, gt, end);
            at = end + rowClose.length;
            if (row) {
              yield row;
              if (++count >= maxRows) {
                if (!options.tail) return;
                phase = "skip";
                break;
              }
            }
            continue;
          }
          // Anything else between rows (white space, a comment, an unknown element) is passed over;
          // a tag cut by the end of the text waits for the rest.
          if (buf.length - lt < dataClose.length + 1) {
            at = lt;
            break;
          }
          at = lt + 1;
        }
        buf = buf.slice(at);
        from = Math.max(0, from - at);
        if (buf.length > MAX_ROW_XML)
          throw new FileError("too-large", { file: this.ctx.file, limit: { bytes: MAX_ROW_XML } });
      }
      if (phase === "skip") {
        // Past the rows wanted: only the end of the rows is looked for (the rest is what follows them).
        const close = buf.indexOf(dataClose);
        if (close < 0) {
          buf = buf.slice(Math.max(0, buf.length - dataClose.length));
          continue;
        }
        buf = buf.slice(close + dataClose.length);
        phase = "tail";
      }
      if (phase === "tail") {
        if (!options.tail) return;
        this.frame.tail += buf;
        buf = "";
      }
    }
    // The part ended before its rows did (or had none): it was cut short.
    if (phase !== "tail") throw damaged();
  }

  /** The row's number (its r, else one past the last), checked against Excel's last row; 0 to skip it. */
  private rowNumber(attrs: string): number {
    const r = attr(attrs, "r");
    const n = r === undefined ? this.lastRow + 1 : Number(r);
    if (!Number.isInteger(n) || n < 1)
      throw new FileError("corrupt-workbook", { file: this.ctx.file });
    if (n > MAX_ROWS)
      throw new FileError("beyond-sheet-limits", {
        file: this.ctx.file,
        sheet: this.ctx.sheet,
        // A number past 2^53 is not the one written: the row is not named then.
        row: Number.isSafeInteger(n) ? n : undefined,
      });
    // A row listed twice, or out of order: the first one stands.
    if (n <= this.lastRow) return 0;
    this.lastRow = n;
    return n;
  }

  private parseRow(text: string, attrsAt: number, gt: number, end: number): SheetRow | null {
    // The text up to the row's end (a slice, not a copy): a search for the next cell stops there,
    // rather than running through the rest of the piece for each empty row.
    const buf = text.slice(0, end);
    const rowAttrs = buf.slice(attrsAt, gt);
    const rowNumber = this.rowNumber(rowAttrs);
    if (rowNumber === 0) return null;
    const styles: (number | null)[] | null = this.ctx.withStyles ? [] : null;
    const p = this.p;
    const cOpen = `<${p}c`;
    const cClose = `</${p}c>`;
    const values: CellValue[] = [];
    const numFmts: (string | null)[] = [];
    let column = 0;
    for (let i = buf.indexOf(cOpen, gt); i >= 0 && i < end; i = buf.indexOf(cOpen, i)) {
      if (!isNameEnd(buf.charCodeAt(i + cOpen.length))) {
        i += cOpen.length;
        continue;
      }
      const tagEnd = buf.indexOf(">", i);
      const empty = buf.charCodeAt(tagEnd - 1) === 47;
      const tag = buf.slice(i + cOpen.length, empty ? tagEnd - 1 : tagEnd);
      const ref = attr(tag, "r");
      column = ref === undefined ? column + 1 : refColumn(ref) || column + 1;
      if (column > MAX_COLUMNS)
        throw new FileError("beyond-sheet-limits", {
          file: this.ctx.file,
          sheet: this.ctx.sheet,
          row: rowNumber,
          column: columnLabel(column),
        });
      const s = attr(tag, "s");
      if (styles) styles[column - 1] = s === undefined ? null : Number(s);
      if (empty) {
        i = tagEnd + 1;
        continue;
      }
      const close = buf.indexOf(cClose, tagEnd);
      const cellEnd = close < 0 || close > end ? end : close;
      const numFmt = s === undefined ? null : this.numFmtOf(Number(s));
      const value = this.cellValue(buf.slice(tagEnd + 1, cellEnd), attr(tag, "t"), numFmt);
      i = cellEnd + cClose.length;
      if (value === null) continue;
      if (typeof value === "string" && value.length > MAX_CELL_CHARACTERS)
        throw new FileError("cell-too-long", {
          file: this.ctx.file,
          sheet: this.ctx.sheet,
          row: rowNumber,
          column: columnLabel(column),
        });
      while (values.length < column - 1) {
        values.push(null);
        numFmts.push(null);
      }
      values[column - 1] = value;
      numFmts[column - 1] = numFmt;
    }
    if (!styles) return { rowNumber, values, numFmts };
    const ht = attr(rowAttrs, "ht");
    const custom = attr(rowAttrs, "customHeight");
    return {
      rowNumber,
      values,
      numFmts,
      styles,
      height: ht !== undefined && (custom === "1" || custom === "true") ? Number(ht) : undefined,
    };
  }

  private numFmtOf(s: number): string | null {
    let f = this.numFmts.get(s);
    if (f === undefined) this.numFmts.set(s, (f = this.ctx.styles.numFmt(s)));
    return f;
  }

  private isDate(numFmt: string | null): boolean {
    if (numFmt === null) return false;
    let d = this.dateFormats.get(numFmt);
    if (d === undefined) this.dateFormats.set(numFmt, (d = isDateFormat(numFmt)));
    return d;
  }

  /** A cell's value from its content (<v>, <is>) and type. */
  private cellValue(inner: string, t: string | undefined, numFmt: string | null): CellValue {
    const p = this.p;
    if (t === "inlineStr") {
      const is = inner.indexOf(`<${p}is`);
      if (is >= 0) return richText(inner.slice(is), p);
    }
    const v = this.vText(inner);
    if (v === null) return null;
    switch (t) {
      case "s": {
        const s = this.ctx.strings?.get(Number.parseInt(v, 10));
        // A shared string the part does not hold: the workbook is damaged (its text is lost).
        if (s === undefined) throw new FileError("corrupt-workbook", { file: this.ctx.file });
        return s;
      }
      case "str":
      case "inlineStr":
      case "e":
        return cellText(v);
      case "b":
        return Number.parseInt(v, 10) !== 0;
      case "d": {
        const d = new Date(cellText(v));
        return Number.isNaN(d.getTime()) ? cellText(v) : d;
      }
      default: {
        const n = Number.parseFloat(v);
        if (Number.isNaN(n)) return v.trim() === "" ? null : cellText(v);
        if (this.isDate(numFmt)) return serialToDateTime(n, this.ctx.dateSystem) ?? n;
        return n;
      }
    }
  }

  /** The raw text of a cell's <v>, or null where it has none. */
  private vText(inner: string): string | null {
    const open = `<${this.p}v`;
    let i = inner.indexOf(open);
    while (i >= 0 && !isNameEnd(inner.charCodeAt(i + open.length))) i = inner.indexOf(open, i + 1);
    if (i < 0) return null;
    const gt = inner.indexOf(">", i);
    if (gt < 0 || inner.charCodeAt(gt - 1) === 47) return null;
    const end = inner.indexOf(`</${this.p}v>`, gt);
    return inner.slice(gt + 1, end < 0 ? inner.length : end);
  }
}

/** Where the search for <sheetData> goes on in the text read so far, and whether it is inside a comment. */
interface HeadScan {
  from: number;
  inComment: boolean;
}

/** The longest start tag looked for (a tag cut by the end of the text is looked for again). */
const MAX_TAG = 4096;

/**
 * The <sheetData> start tag in the text before the rows, skipping comments (which may hold
 * anything), or null if it has not come yet; `scan` remembers how far the text was looked at.
 */
function findSheetData(
  buf: string,
  scan: HeadScan
): { start: number; end: number; prefix: string; empty: boolean } | null {
  const re = /<!--|<([\w.-]+:)?sheetData(?=[\s>/])[^>]*?(\/?)>/g;
  for (;;) {
    if (scan.inComment) {
      const close = buf.indexOf("-->", scan.from);
      if (close < 0) {
        scan.from = Math.max(scan.from, buf.length - 2);
        return null;
      }
      scan.inComment = false;
      scan.from = close + 3;
    }
    re.lastIndex = scan.from;
    const m = re.exec(buf);
    if (!m) {
      scan.from = Math.max(scan.from, buf.length - MAX_TAG);
      return null;
    }
    if (m[0] === "<!--") {
      scan.inComment = true;
      scan.from = m.index + 4;
      continue;
    }
    return { start: m.index, end: m.index + m[0].length, prefix: m[1] ?? "", empty: m[2] === "/" };
  }
}

/** The merged ranges a sheet's XML lists after its rows (frame.tail); commented-out ones are not. */
export function mergedRanges(frame: SheetFrame): Block[] {
  const out: Block[] = [];
  const re = new RegExp(`<${frame.prefix}mergeCell(?=[\\s/>])([^>]*)>`, "g");
  const tail =
    frame.tail.indexOf("<!--") >= 0 ? frame.tail.replace(/<!--[\s\S]*?-->/g, "") : frame.tail;
  for (const m of tail.matchAll(re)) {
    const ref = xmlAttribute(m[1], "ref");
    const b = ref ? parseBlock(ref) : null;
    if (b) out.push(b);
  }
  return out;
}

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A <col> element: the width (and whether hidden) of columns min..max. */
export interface ColumnLayout {
  min: number;
  max: number;
  width?: number;
  hidden: boolean;
}

export interface SheetLayout {
  columns: ColumnLayout[];
  merges: CellRange[];
}

const SHEET_DATA_OPEN = /<(?:[\w.-]+:)?sheetData\b[^>]*?(\/?)>/;
const COL_TAG = /<(?:[\w.-]+:)?col\b([^>]*)>/g;
const MERGE_TAG = /<(?:[\w.-]+:)?mergeCell\b([^>]*)>/g;
const MERGE_NAME = Buffer.from("mergeCell", "latin1");
/** The head of a sheet (sheetPr, views, cols) is small; past this, give up looking for <cols>. */
const MAX_HEAD = 8 * 1024 * 1024;
/** The longest start tag kept across chunks. */
const MAX_TAG = 4096;
/** Enough bytes to hold the start of a cut "<prefix:mergeCell" (a merge tag is longer). */
const LAST_BYTES = 16;

/** "B3" → { row: 3, col: 2 }; null if not an A1 reference. */
export function decodeCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** "A1:C3" (or a single "B2") → a range; null if not one. */
export function decodeRange(ref: string): CellRange | null {
  const [a, b = a] = ref.split(":");
  const p = decodeCellRef(a);
  const q = decodeCellRef(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * Finds the <col> elements (before <sheetData>) and the <mergeCell> elements (after it) of a
 * worksheet's XML as its bytes go by, without parsing the rows: inside the sheet data it only
 * looks for the bytes "mergeCell" (a "<" in cell text is always escaped, so it cannot start a tag).
 */
export class SheetXmlScanner {
  private phase: "head" | "data" = "head";
  private head = "";
  /** A start tag cut by the end of the previous chunk. */
  private carry = "";
  /** The last bytes of the previous chunk, to find a "mergeCell" cut in two, and whether it was scanned. */
  private lastBytes = "";
  private scanned = true;
  private readonly columns: ColumnLayout[] = [];
  private readonly merges: CellRange[] = [];

  feed(chunk: Buffer): void {
    if (this.phase === "head") {
      this.head += chunk.toString("latin1");
      const m = SHEET_DATA_OPEN.exec(this.head);
      if (m) {
        this.readColumns(this.head.slice(0, m.index));
        const rest = this.head.slice(m.index + m[0].length);
        this.head = "";
        this.phase = "data";
        this.scanText(rest);
      } else if (this.head.length > MAX_HEAD) {
        this.head = "";
        this.phase = "data";
      }
      return;
    }
    // A tag cut by the end of a scanned chunk is in carry; one cut after chunks that were not
    // scanned has its start in the last bytes seen.
    const head = chunk.subarray(0, LAST_BYTES).toString("latin1");
    const cut = !this.scanned && (this.lastBytes + head).includes("mergeCell");
    this.scanned = this.carry !== "" || cut || chunk.includes(MERGE_NAME);
    if (this.scanned) this.scanText((cut ? this.lastBytes : "") + chunk.toString("latin1"));
    const tail = chunk.subarray(Math.max(0, chunk.length - LAST_BYTES)).toString("latin1");
    this.lastBytes = (this.lastBytes + tail).slice(-LAST_BYTES);
  }

  end(): SheetLayout {
    if (this.phase === "head") this.readColumns(this.head);
    return { columns: this.columns, merges: this.merges };
  }

  private readColumns(text: string): void {
    for (const m of text.matchAll(COL_TAG)) {
      const min = Number(attribute(m[1], "min"));
      const max = Number(attribute(m[1], "max"));
      if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min) continue;
      const w = Number(attribute(m[1], "width"));
      const hidden = attribute(m[1], "hidden");
      this.columns.push({
        min,
        max: Math.min(max, 16384),
        width: Number.isFinite(w) && w > 0 ? w : undefined,
        hidden: hidden === "1" || hidden === "true",
      });
    }
  }

  /** Finds the merge tags in text that follows what was scanned before (with any cut tag). */
  private scanText(text: string): void {
    const s = this.carry + text;
    this.carry = "";
    let end = 0;
    for (const m of s.matchAll(MERGE_TAG)) {
      const ref = attribute(m[1], "ref");
      const range = ref ? decodeRange(ref) : null;
      if (range) this.merges.push(range);
      end = m.index! + m[0].length;
    }
    const open = s.lastIndexOf("<");
    if (open >= end && s.indexOf(">", open) < 0 && s.length - open <= MAX_TAG)
      this.carry = s.slice(open);
  }
}

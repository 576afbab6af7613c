import { MAX_CELL_CHARACTERS, MAX_COLUMNS, MAX_ROWS } from "./limits";

/** A cell's place: 1-based row and column (0: the whole row). */
export interface CellAt {
  row: number;
  column: number;
}

/** What one worksheet's XML holds, as far as the limits are concerned. */
export interface SheetCells {
  /** <c> elements. */
  cells: number;
  /** The largest row and column number of any row or cell. */
  maxRow: number;
  maxColumn: number;
  /** The first cell whose own text (inline string, formula result, number) is longer than Excel allows. */
  longCell: CellAt | null;
  /** The first row or cell placed beyond Excel's last row or column. */
  outOfRange: CellAt | null;
  /** In a search for shared strings: the first cell that uses one of them. */
  usesShared: CellAt | null;
  /**
   * Cells covered by merged ranges and by data validations: exceljs makes an object for each
   * (a merge of A1:W1048576 in a file of a few KB is 24 million of them).
   */
  mergedCells: number;
  validatedCells: number;
}

/** "B3" → { row: 3, column: 2 }; null if not an A1 reference. */
export function decodeRef(ref: string): CellAt | null {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  let column = 0;
  // Beyond four letters the number no longer matters: it is past the last column anyway.
  for (const ch of m[1].toUpperCase().slice(0, 5)) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/**
 * A column as an error message names it: "C"; past Excel's last column (XFD) its number, whose
 * letters would mean nothing to anyone; undefined for 0 (the whole row).
 */
export function cellColumn(column: number): string | undefined {
  if (column <= 0) return undefined;
  return column <= MAX_COLUMNS ? columnLetters(column) : String(column);
}

/** 1 → "A", 28 → "AB". */
export function columnLetters(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SEMI = 0x3b;
/** Bytes of a start tag kept to read its attributes; the rest of a longer tag is passed over. */
const MAX_TAG = 4096;
const MAX_ENTITY = 12;

/** The elements the scanner looks at. */
type TagName =
  | "c"
  | "v"
  | "t"
  | "is"
  | "si"
  | "row"
  | "rPh"
  | "col"
  | "sheetData"
  | "mergeCell"
  | "dataValidation";

/** The name of b[start, end) if it is one the scanner looks at, read without making a string. */
function tagName(b: Buffer, start: number, end: number): TagName | null {
  switch (end - start) {
    case 1:
      return b[start] === 0x63 ? "c" : b[start] === 0x76 ? "v" : b[start] === 0x74 ? "t" : null;
    case 2:
      if (b[start] === 0x69 && b[start + 1] === 0x73) return "is";
      if (b[start] === 0x73 && b[start + 1] === 0x69) return "si";
      return null;
    case 3: {
      const name = b.toString("latin1", start, end);
      return name === "row" || name === "rPh" || name === "col" ? name : null;
    }
    case 9: {
      const name = b.toString("latin1", start, end);
      return name === "sheetData" || name === "mergeCell" ? name : null;
    }
    case 14:
      return b.toString("latin1", start, end) === "dataValidation" ? "dataValidation" : null;
    default:
      return null;
  }
}

const ATTRIBUTES = {
  r: /\sr\s*=\s*(?:"([^"]*)"|'([^']*)')/,
  t: /\st\s*=\s*(?:"([^"]*)"|'([^']*)')/,
  ref: /\sref\s*=\s*(?:"([^"]*)"|'([^']*)')/,
  sqref: /\ssqref\s*=\s*(?:"([^"]*)"|'([^']*)')/,
  min: /\smin\s*=\s*(?:"([^"]*)"|'([^']*)')/,
  max: /\smax\s*=\s*(?:"([^"]*)"|'([^']*)')/,
};

/** The cells of "A1:C3" (or "B2"): 9 (or 1); the range, or null if it is not one. */
export function rangeArea(ref: string): { area: number; bottom: number; right: number } | null {
  const [a, b = a] = ref.split(":");
  const p = decodeRef(a);
  const q = decodeRef(b);
  if (!p || !q) return null;
  const rows = Math.abs(q.row - p.row) + 1;
  const columns = Math.abs(q.column - p.column) + 1;
  return {
    area: rows * columns,
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.column, q.column),
  };
}

function attribute(tag: string, name: keyof typeof ATTRIBUTES): string | undefined {
  const m = ATTRIBUTES[name].exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The length an entity ("amp", "#x1F600") adds to the text, in UTF-16 code units. */
function entityLength(entity: string): number {
  if (entity[0] !== "#") return 1;
  const cp = entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
  return cp > 0xffff ? 2 : 1;
}

/**
 * Scans the XML of a worksheet (or of the shared strings) as its bytes are unpacked, without
 * building anything: counts the cells and finds the last row and column (for the cell limit),
 * measures each cell's text and each shared string (for Excel's 32,767 characters), and notes
 * places beyond Excel's last row or column. Text is measured in UTF-16 code units, as Excel and
 * JavaScript count characters, entities as what they stand for.
 */
export class XmlCellScanner {
  private inTag = false;
  /** The start of the tag being read: what an earlier chunk held of it, and where it starts in this one. */
  private tagCarry = "";
  private tagLength = 0;
  private quote = 0;
  /** Inside a comment, CDATA section or processing instruction: what ends it. */
  private skipUntil: string | null = null;
  private skipTail = "";
  /** Characters of "<![CDATA[" still to pass before the text of a CDATA section. */
  private cdataPrefix = 0;
  private entity: string | null = null;

  private counting = false;
  private textLength = 0;
  private phonetic = 0;
  /** The first characters of a cell's <v>, to know which shared string it uses. */
  private value = "";

  // Worksheet state.
  private inSheetData = false;
  private row = 0;
  private column = 0;
  private cell: CellAt | null = null;
  private cellType = "";
  readonly result: SheetCells = {
    cells: 0,
    maxRow: 0,
    maxColumn: 0,
    longCell: null,
    outOfRange: null,
    usesShared: null,
    mergedCells: 0,
    validatedCells: 0,
  };

  // Shared-strings state.
  private inString = false;
  private stringIndex = 0;
  /** Indices of shared strings longer than Excel allows. */
  readonly longStrings: number[] = [];

  /**
   * @param kind a worksheet's XML, or the shared strings'.
   * @param sharedToFind for a worksheet: shared-string indices whose first use is looked for.
   */
  constructor(
    private readonly kind: "sheet" | "sharedStrings",
    private readonly sharedToFind?: ReadonlySet<number>
  ) {}

  feed(chunk: Buffer): void {
    let tagStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (this.skipUntil !== null) {
        this.skipText(b);
        continue;
      }
      if (this.inTag) {
        if (this.quote !== 0) {
          if (b === this.quote) this.quote = 0;
        } else if (b === 0x22 || b === 0x27) this.quote = b;
        else if (b === GT) {
          this.inTag = false;
          if (this.tagCarry === "") this.endTag(chunk, tagStart, Math.min(i, tagStart + MAX_TAG));
          else {
            // A tag begun in an earlier chunk.
            const rest = chunk.toString("latin1", 0, Math.min(i, MAX_TAG));
            const tag = Buffer.from((this.tagCarry + rest).slice(0, MAX_TAG), "latin1");
            this.tagCarry = "";
            this.endTag(tag, 0, tag.length);
          }
          continue;
        }
        this.tagLength += 1;
        if (this.tagLength === 3)
          this.startsSkip(this.tagCarry + chunk.toString("latin1", tagStart, i + 1));
        continue;
      }
      if (b === LT) {
        this.inTag = true;
        this.tagCarry = "";
        this.tagLength = 0;
        this.quote = 0;
        tagStart = i + 1;
        continue;
      }
      if (!this.counting) continue;
      if (this.entity !== null) {
        if (b === SEMI || this.entity.length > MAX_ENTITY) {
          this.addText(entityLength(this.entity));
          if (this.value.length < 16) this.value += "?";
          this.entity = null;
        } else this.entity += String.fromCharCode(b);
        continue;
      }
      if (b === AMP) {
        this.entity = "";
        continue;
      }
      // A UTF-8 lead byte starts a character; one of four bytes is a surrogate pair in UTF-16.
      if ((b & 0xc0) !== 0x80) this.addText(b >= 0xf0 ? 2 : 1);
      if (this.sharedToFind && this.value.length < 16) this.value += String.fromCharCode(b);
    }
    // A tag cut by the end of the chunk: keep (the start of) it for the next one.
    if (this.inTag && this.tagCarry.length < MAX_TAG)
      this.tagCarry = (this.tagCarry + chunk.toString("latin1", tagStart)).slice(0, MAX_TAG);
  }

  private addText(n: number): void {
    if (this.phonetic === 0) this.textLength += n;
  }

  /** "<!--", "<![CDATA[" and "<?" hold text that is not markup: read on to their end. */
  private startsSkip(head: string): void {
    if (head.startsWith("!--")) this.skipUntil = "-->";
    else if (head.startsWith("![C")) {
      this.skipUntil = "]]>";
      this.cdataPrefix = "DATA[".length;
    } else if (head.startsWith("?")) this.skipUntil = "?>";
    else return;
    this.inTag = false;
    this.tagCarry = "";
    this.skipTail = "";
  }

  private skipText(b: number): void {
    this.skipTail = (this.skipTail + String.fromCharCode(b)).slice(-3);
    const ended = this.skipTail.endsWith(this.skipUntil!);
    if (this.skipUntil === "]]>") {
      if (this.cdataPrefix > 0) {
        this.cdataPrefix -= 1;
        return;
      }
      // CDATA is text; the "]]" of its end were counted as such.
      if (ended) {
        if (this.counting) this.addText(-2);
      } else if (this.counting && (b & 0xc0) !== 0x80) this.addText(b >= 0xf0 ? 2 : 1);
    }
    if (ended) {
      this.skipUntil = null;
      this.skipTail = "";
    }
  }

  /** A tag ended: b[start, end) is its text between "<" and ">". */
  private endTag(b: Buffer, start: number, end: number): void {
    if (start >= end || b[start] === 0x21) return;
    const closing = b[start] === 0x2f;
    const selfClosing = !closing && b[end - 1] === 0x2f;
    // The local name: after "/" and any "prefix:", up to a space, "/" or the end.
    let p = closing ? start + 1 : start;
    let nameStart = p;
    for (; p < end; p++) {
      const c = b[p];
      if (c === 0x3a) nameStart = p + 1;
      else if (c <= 0x20 || c === 0x2f) break;
    }
    const name = tagName(b, nameStart, p);
    if (name === null) return;
    const rest = p;
    const attributes = () => b.toString("latin1", rest, end);
    if (this.kind === "sharedStrings") this.sharedTag(name, closing, selfClosing);
    else this.sheetTag(name, attributes, closing, selfClosing);
  }

  private textTag(closing: boolean, selfClosing: boolean): void {
    if (selfClosing) return;
    this.counting = !closing;
    this.entity = null;
  }

  private sharedTag(name: TagName, closing: boolean, selfClosing: boolean): void {
    if (name === "si") {
      if (!closing) {
        this.inString = true;
        this.textLength = 0;
      }
      if (closing || selfClosing) {
        if (this.textLength > MAX_CELL_CHARACTERS) this.longStrings.push(this.stringIndex);
        this.stringIndex += 1;
        this.inString = false;
        this.counting = false;
      }
    } else if (name === "rPh") {
      if (!selfClosing) this.phonetic += closing ? -1 : 1;
      this.phonetic = Math.max(0, this.phonetic);
    } else if (name === "t" && this.inString) this.textTag(closing, selfClosing);
  }

  private sheetTag(
    name: TagName,
    attributes: () => string,
    closing: boolean,
    selfClosing: boolean
  ): void {
    const r = this.result;
    if (name === "sheetData") {
      this.inSheetData = !closing && !selfClosing;
      return;
    }
    if (!closing && !this.inSheetData) {
      if (name === "mergeCell") this.merge(attribute(attributes(), "ref"));
      else if (name === "dataValidation") {
        // exceljs keeps the validation for every cell of every range of sqref="A1:A9 C1:C9".
        for (const ref of (attribute(attributes(), "sqref") ?? "").split(/\s+/))
          r.validatedCells += rangeArea(ref)?.area ?? 0;
      } else if (name === "col") {
        // exceljs makes a column object for each of min..max (and for each one before min).
        const text = attributes();
        const last = Math.max(Number(attribute(text, "min")), Number(attribute(text, "max")));
        if (last > MAX_COLUMNS) r.outOfRange ??= { row: 0, column: last };
      }
      return;
    }
    if (!this.inSheetData) return;
    if (name === "row" && !closing) {
      const n = Number(attribute(attributes(), "r"));
      this.row = Number.isInteger(n) && n > 0 ? n : this.row + 1;
      this.column = 0;
      r.maxRow = Math.max(r.maxRow, this.row);
      if (this.row > MAX_ROWS) r.outOfRange ??= { row: this.row, column: 0 };
    } else if (name === "c") {
      if (closing) return this.endCell();
      const text = attributes();
      const ref = attribute(text, "r");
      const at = ref ? decodeRef(ref) : null;
      const cell = at ?? { row: Math.max(1, this.row), column: this.column + 1 };
      this.column = cell.column;
      r.cells += 1;
      r.maxRow = Math.max(r.maxRow, cell.row);
      r.maxColumn = Math.max(r.maxColumn, cell.column);
      if (cell.row > MAX_ROWS || cell.column > MAX_COLUMNS) r.outOfRange ??= cell;
      this.cell = cell;
      // The type matters only when looking for the cells of shared strings.
      this.cellType = this.sharedToFind ? (attribute(text, "t") ?? "") : "";
      this.textLength = 0;
      this.value = "";
      this.phonetic = 0;
      if (selfClosing) this.endCell();
    } else if (this.cell) {
      if (name === "v" || name === "t") this.textTag(closing, selfClosing);
      else if (name === "rPh" && !selfClosing)
        this.phonetic = Math.max(0, this.phonetic + (closing ? -1 : 1));
    }
  }

  /** A merged range: its cells are counted, and it reaches as far as its last row and column. */
  private merge(ref: string | undefined): void {
    const range = ref ? rangeArea(ref) : null;
    if (!range) return;
    const r = this.result;
    r.mergedCells += range.area;
    r.maxRow = Math.max(r.maxRow, range.bottom);
    r.maxColumn = Math.max(r.maxColumn, range.right);
    if (range.bottom > MAX_ROWS || range.right > MAX_COLUMNS)
      r.outOfRange ??= { row: range.bottom, column: range.right };
  }

  private endCell(): void {
    const cell = this.cell;
    if (!cell) return;
    if (this.textLength > MAX_CELL_CHARACTERS) this.result.longCell ??= cell;
    if (this.sharedToFind && this.cellType === "s") {
      const index = Number(this.value.trim());
      if (Number.isInteger(index) && this.sharedToFind.has(index)) this.result.usesShared ??= cell;
    }
    this.cell = null;
    this.counting = false;
  }
}

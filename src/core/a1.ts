/**
 * A1 addresses and column letters: the one home for them (the hosts, the report sheets and the
 * summary's formulas all use these). Pure; rows and columns are 1-based.
 */

/** Excel's last row and column (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 1-based and inclusive. */
export interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One cell's place. */
export interface CellAt {
  row: number;
  column: number;
}

/** 1 → "A", 28 → "AB", 16384 → "XFD" (anything below 1 is taken as 1). */
export function columnLetter(n: number): string {
  let s = "";
  let x = Math.max(1, Math.floor(n));
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** "AB" → 28 (case-insensitive); letters only. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0xdf) - 64;
  return n;
}

/**
 * A column as an error message names it: "C"; past Excel's last column its number, whose letters
 * would mean nothing to anyone; undefined for 0 (the whole row).
 */
export function columnLabel(column: number): string | undefined {
  if (column <= 0) return undefined;
  return column <= MAX_COLUMNS ? columnLetter(column) : String(column);
}

/** A1 address of a cell. */
export const cellAddress = (row: number, column: number): string => `${columnLetter(column)}${row}`;

/** A1 address of a block ("A1" for a single cell). */
export function blockAddress(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  return top === bottom && left === right ? a : `${a}:${cellAddress(bottom, right)}`;
}

export const rangeAddress = (b: Block): string => blockAddress(b.top, b.left, b.bottom, b.right);

export const columnAddress = (column: number): string =>
  `${columnLetter(column)}:${columnLetter(column)}`;

export const rowAddress = (row: number): string => `${row}:${row}`;

/** A sheet name as it stands in a reference: quoted unless it is plain letters and digits. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const CELL_REF = /^\$?([A-Za-z]{1,7})\$?(\d{1,15})$/;

/**
 * "B3", "$B$3" → { row: 3, column: 2 }; null if not an A1 reference. Columns past XFD come back
 * as their number (beyond four letters the number no longer matters: it is past the last column).
 */
export function parseCell(ref: string): CellAt | null {
  const m = CELL_REF.exec(ref.trim());
  if (!m) return null;
  return { row: Number(m[2]), column: columnNumber(m[1].slice(0, 5)) };
}

/**
 * "A1", "$B$2:C5", "Sheet1!A1:B2", "'My sheet'!A1" → the block; null for whole rows or columns
 * and anything that is not an address. The corners may come in any order.
 */
export function parseBlock(address: string): Block | null {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const colon = local.indexOf(":");
  const p = parseCell(colon < 0 ? local : local.slice(0, colon));
  const q = colon < 0 ? p : parseCell(local.slice(colon + 1));
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.column, q.column),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.column, q.column),
  };
}

/** "Sheet1!A1:B2, 'a,b'!C3" (a list of areas) → its blocks; commas inside quotes are part of a name. */
export function parseAreas(address: string): Block[] {
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => parseBlock(p.trim())).filter((b): b is Block => b !== null);
}

/** The number of cells of a block. */
export const blockArea = (b: Block): number => (b.bottom - b.top + 1) * (b.right - b.left + 1);

/** The sheet a reference is on: 'It''s'!$A$1 → It's, 名册!$B$2:$B$9 → 名册, A1 → "". */
export function refSheet(ref: string): string {
  const sheet = ref.slice(0, Math.max(0, ref.lastIndexOf("!")));
  return /^'.*'$/.test(sheet) ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/**
 * Cells as few A1 addresses as possible: runs of consecutive rows in one column become one block
 * ("C5:C9").
 */
export function cellRuns(cells: readonly CellAt[]): string[] {
  const sorted = [...cells].sort((a, b) => a.column - b.column || a.row - b.row);
  const out: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i];
    let end = start;
    while (
      i + 1 < sorted.length &&
      sorted[i + 1].column === start.column &&
      sorted[i + 1].row <= end.row + 1
    ) {
      i++;
      end = sorted[i];
    }
    out.push(blockAddress(start.row, start.column, end.row, start.column));
    i++;
  }
  return out;
}

/** Joins addresses into comma-separated lists of at most `limit` characters each. */
export function joinAreas(addresses: readonly string[], limit: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of addresses) {
    if (cur && cur.length + 1 + a.length > limit) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

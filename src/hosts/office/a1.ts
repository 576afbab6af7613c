import { columnLetter } from "../../core/text";

/** A1 address of a cell, 1-based. */
export const cellAddress = (row: number, column: number): string => `${columnLetter(column)}${row}`;

/** A1 address of a block, 1-based and inclusive ("A1" for a single cell). */
export function blockAddress(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  return top === bottom && left === right ? a : `${a}:${cellAddress(bottom, right)}`;
}

export const columnAddress = (column: number): string =>
  `${columnLetter(column)}:${columnLetter(column)}`;

export const rowAddress = (row: number): string => `${row}:${row}`;

/** A sheet name as it stands in a reference: quoted unless it is plain letters and digits. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1", "$B$2:C5", "Sheet1!A1:B2", "'My sheet'!A1" → the block (1-based); null for whole rows/columns. */
export function parseBlock(address: string): Block | null {
  const bang = address.lastIndexOf("!");
  const local = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "").trim();
  const m = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(local);
  if (!m) return null;
  const top = +m[2];
  const left = columnNumber(m[1]);
  return m[3]
    ? { top, left, bottom: +m[4], right: columnNumber(m[3]) }
    : { top, left, bottom: top, right: left };
}

/** "Sheet1!A1:B2, 'a,b'!C3" (a RangeAreas address) → its blocks; commas inside quotes are part of a name. */
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

/**
 * Cells (1-based) as few A1 addresses as possible: runs of consecutive rows in one column become
 * one block ("C5:C9").
 */
export function cellRuns(cells: readonly { row: number; column: number }[]): string[] {
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

/** Joins addresses into comma-separated lists of at most `limit` characters each (for getRanges). */
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

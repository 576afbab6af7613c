/**
 * The edits the live check has yet to check: the addresses Excel's change events name, gathered
 * (a burst of events, or events that came during a check, become one check) into the rows to
 * read again.
 */
import { MAX_COLUMNS, MAX_ROWS, columnNumber, parseBlock } from "../../../core/a1";

/** The rows and last column an address covers: "B3:C9", "$B$3", "3:5" (whole rows), "C:D" (whole columns). */
export function editedArea(address: string): { top: number; bottom: number; right: number } | null {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const rows = /^(\d+):(\d+)$/.exec(local);
  if (rows) {
    const [a, b] = [Number(rows[1]), Number(rows[2])];
    return { top: Math.min(a, b), bottom: Math.max(a, b), right: MAX_COLUMNS };
  }
  const columns = /^([A-Z]+):([A-Z]+)$/i.exec(local);
  if (columns)
    return {
      top: 1,
      bottom: MAX_ROWS,
      right: Math.max(
        columnNumber(columns[1].toUpperCase()),
        columnNumber(columns[2].toUpperCase())
      ),
    };
  const block = parseBlock(local);
  return block ? { top: block.top, bottom: block.bottom, right: block.right } : null;
}

/** Rows edited since the last check: contiguous runs, and the furthest column an edit reached. */
export class EditQueue {
  private rows = new Set<number>();
  private wide = 0;
  /** More rows than can be checked live were edited (a paste over the limit, a whole column). */
  private tooMany = 0;
  /** The sheet's structure changed (rows or columns inserted or deleted): read it again whole. */
  private restructured = false;

  constructor(private readonly limit: number) {}

  add(address: string, changeType: string): void {
    if (changeType !== "RangeEdited" && changeType !== "Unknown") {
      this.restructured = true;
      return;
    }
    const area = editedArea(address);
    if (!area) return;
    const count = area.bottom - area.top + 1;
    if (count > this.limit || this.rows.size + count > this.limit) {
      this.tooMany = Math.max(this.tooMany, this.rows.size + count);
      return;
    }
    for (let r = area.top; r <= area.bottom; r++) this.rows.add(r);
    this.wide = Math.max(this.wide, area.right);
  }

  get empty(): boolean {
    return this.rows.size === 0 && this.tooMany === 0 && !this.restructured;
  }

  /** What was gathered, as runs of rows; the queue is empty after. */
  take(): {
    runs: { top: number; bottom: number }[];
    right: number;
    tooMany: number;
    restructured: boolean;
  } {
    const sorted = [...this.rows].sort((a, b) => a - b);
    const runs: { top: number; bottom: number }[] = [];
    for (const r of sorted) {
      const last = runs[runs.length - 1];
      if (last && last.bottom === r - 1) last.bottom = r;
      else runs.push({ top: r, bottom: r });
    }
    const out = { runs, right: this.wide, tooMany: this.tooMany, restructured: this.restructured };
    this.rows = new Set();
    this.wide = 0;
    this.tooMany = 0;
    this.restructured = false;
    return out;
  }
}

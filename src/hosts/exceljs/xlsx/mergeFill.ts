import type { CellValue } from "../../../core/types";
import type { Block as CellRange } from "../../../core/a1";

interface ActiveMerge {
  range: CellRange;
  value: CellValue;
  numFmt: string | null;
}

/**
 * Reads merged cells row by row the way the full load reads them (sheetRows.ts): a cell merged
 * across columns is read once, at its top-left; one merged down rows is read in every row, so a
 * 所在支部 merged over its members reaches each of them. Rows must come in order, every row number
 * (gaps included), each once.
 */
export class MergeFiller {
  private readonly pending: CellRange[];
  private next = 0;
  private active: ActiveMerge[] = [];
  /** The last row any merge reaches (0 if none). */
  readonly lastRow: number;

  constructor(merges: readonly CellRange[]) {
    this.pending = [...merges].sort((a, b) => a.top - b.top);
    this.lastRow = this.pending.reduce((m, r) => Math.max(m, r.bottom), 0);
  }

  /** Applies the merges to row `row` (1-based); values and numFmts are 0-based and changed in place. */
  apply(row: number, values: CellValue[], numFmts: (string | null)[]): void {
    while (this.next < this.pending.length && this.pending[this.next].top <= row) {
      const range = this.pending[this.next++];
      if (range.bottom < row) continue;
      const at = range.top === row;
      this.active.push({
        range,
        value: at ? (values[range.left - 1] ?? null) : null,
        numFmt: at ? (numFmts[range.left - 1] ?? null) : null,
      });
    }
    if (this.active.length === 0) return;
    for (const m of this.active) {
      const { top, left, right } = m.range;
      for (let c = left; c <= right; c++) {
        if (row === top && c === left) continue;
        while (values.length < c) {
          values.push(null);
          numFmts.push(null);
        }
        values[c - 1] = row === top ? null : m.value;
        numFmts[c - 1] = m.numFmt;
      }
    }
    this.active = this.active.filter((m) => m.range.bottom > row);
  }
}

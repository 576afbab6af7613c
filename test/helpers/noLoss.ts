import type { RegistryResult } from "../../src/core/registry";
import { isBlank, sameValue, showValue } from "../../src/core/text";
import type { CellValue } from "../../src/core/types";

/**
 * The no-loss rule: every non-empty source cell is in the output unchanged, or in the change log
 * with its old value, or in a dropped row (title, header, blank, total…). Returns what was lost.
 */
export function lostCells(
  grid: readonly (readonly CellValue[])[],
  result: RegistryResult
): string[] {
  const lost: string[] = [];
  const dropped = new Map(result.dropped.map((d) => [d.row, d.values]));
  const outRow = new Map(result.sourceRows.map((r, i) => [r, i]));
  const outCol = new Map<number, number>();
  result.columns.forEach((c, i) => {
    if (c.sourceColumn !== null) outCol.set(c.sourceColumn, i);
  });
  const changed = new Map<string, CellValue>();
  for (const c of result.changes) changed.set(`${c.row}:${c.sourceColumn}`, c.oldValue);
  grid.forEach((cells, r0) => {
    const row = r0 + 1;
    cells.forEach((v, c0) => {
      if (isBlank(v)) return;
      const col = c0 + 1;
      const where = `R${row}C${col} ${showValue(v)}`;
      const d = dropped.get(row);
      if (d) {
        if (!sameValue(d[c0] ?? null, v)) lost.push(`${where}: dropped row lacks it`);
        return;
      }
      const i = outRow.get(row);
      const j = outCol.get(col);
      if (i === undefined || j === undefined) {
        lost.push(`${where}: neither output nor dropped`);
        return;
      }
      const out = result.rows[i][j];
      if (sameValue(out, v)) return;
      const key = `${row}:${col}`;
      if (!changed.has(key))
        lost.push(`${where}: changed to ${showValue(out)} without a log entry`);
      else if (!sameValue(changed.get(key)!, v))
        lost.push(`${where}: logged with another old value`);
    });
  });
  return lost;
}

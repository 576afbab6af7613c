import type { RegistryResult } from "../../src/core/registry";
import { columnLetter } from "../../src/core/a1";
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

/** A converted workbook as read back from disk: the rows of 成员名册 and of 变更记录, under their headers. */
export interface WrittenRegistry {
  registry: readonly (readonly CellValue[])[];
  changeLog: readonly (readonly CellValue[])[];
}

/** Empty text and no value are the same in a written sheet (a writer may leave an empty string out). */
const sameWritten = (a: CellValue, b: CellValue) =>
  sameValue(a, b) || ((a ?? "") === "" && (b ?? "") === "");

/**
 * The no-loss rule checked on what was written: every non-empty source cell is in 成员名册 unchanged
 * (where the engine's mapping `result` puts it), or in 变更记录 with its old value (and its new
 * value as 成员名册 has it), or, for a removed row, in 变更记录 as removed. Returns what was lost.
 */
export function lostInWorkbook(
  grid: readonly (readonly CellValue[])[],
  result: RegistryResult,
  written: WrittenRegistry
): string[] {
  const lost: string[] = [];
  const outRow = new Map(result.sourceRows.map((r, i) => [r, i]));
  const outCol = new Map<number, number>();
  result.columns.forEach((c, i) => {
    if (c.sourceColumn !== null) outCol.set(c.sourceColumn, i);
  });
  // 变更记录: 原行号, 姓名, 列, 原值, 新值, 规则.
  const logged = new Map<string, (readonly CellValue[])[]>();
  for (const e of written.changeLog) {
    const key = `${e[0]}:${e[2] ?? ""}`;
    logged.set(key, [...(logged.get(key) ?? []), e]);
  }
  const removed = new Set(result.dropped.map((d) => d.row));
  if (written.registry.length !== result.rows.length)
    lost.push(
      `成员名册 has ${written.registry.length} rows, the engine made ${result.rows.length}`
    );
  grid.forEach((cells, r0) => {
    const row = r0 + 1;
    cells.forEach((v, c0) => {
      if (isBlank(v)) return;
      const col = c0 + 1;
      const where = `R${row}C${col} ${showValue(v)}`;
      const letter = columnLetter(col);
      if (removed.has(row)) {
        const entries = logged.get(`${row}:${letter}`) ?? [];
        if (!entries.some((e) => sameValue(e[3] ?? null, v)))
          lost.push(`${where}: removed row, not in 变更记录`);
        return;
      }
      const i = outRow.get(row);
      const j = outCol.get(col);
      if (i === undefined || j === undefined) {
        lost.push(`${where}: neither in 成员名册 nor removed`);
        return;
      }
      const out = written.registry[i]?.[j] ?? null;
      if (sameValue(out, v)) return;
      const label = result.columns[j].header || letter;
      const entries = [
        ...(logged.get(`${row}:${label}`) ?? []),
        ...(logged.get(`${row}:${letter}`) ?? []),
      ];
      const entry = entries.find((e) => sameValue(e[3] ?? null, v));
      if (!entry)
        lost.push(`${where}: 成员名册 has ${showValue(out)}, 变更记录 lacks the old value`);
      else if (!sameWritten(entry[4] ?? null, out))
        lost.push(
          `${where}: 变更记录 says ${showValue(entry[4] ?? null)}, 成员名册 has ${showValue(out)}`
        );
    });
  });
  return lost;
}

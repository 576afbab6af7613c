import type { RegistryResult } from "../../core/registry";
import type { Problem } from "../../core/types";
import { cellAddress } from "../../core/a1";

/**
 * Where a problem shows in the written 成员名册 (1-based row and column), found as the core's
 * cellMarks finds it: the output row of its source row, the column of its field (or of its
 * unmapped source column). Null when it has no row there (a sheet-wide problem, a removed row).
 */
export function registryCell(
  problem: Problem,
  result: RegistryResult
): { row: number; column: number } | null {
  const index = result.sourceRows.indexOf(problem.row);
  if (index < 0) return null;
  const column = problem.field
    ? result.columns.findIndex((c) => c.field === problem.field)
    : result.columns.findIndex((c) => !c.field && c.sourceColumn === problem.sourceColumn);
  return { row: index + 2, column: column < 0 ? 1 : column + 1 };
}

/** Activates a sheet and selects a cell of it; when the sheet is gone, nothing is selected. */
export async function selectCell(
  context: Excel.RequestContext,
  candidates: readonly { sheet: string; row: number; column: number }[]
): Promise<boolean> {
  const sheets = candidates.map((c) => context.workbook.worksheets.getItemOrNullObject(c.sheet));
  sheets.forEach((s) => s.load("name"));
  await context.sync();
  const at = sheets.findIndex((s) => !s.isNullObject);
  if (at < 0) return false;
  const target = candidates[at];
  sheets[at].activate();
  sheets[at].getRange(cellAddress(Math.max(1, target.row), Math.max(1, target.column))).select();
  await context.sync();
  return true;
}

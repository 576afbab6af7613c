import { cellAddress } from "../../core/a1";

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

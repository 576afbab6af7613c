import type { RequestBatch } from "./batch";
import { type WorkbookInfo, sheetNamed } from "./workbook";

/**
 * Puts a new, empty sheet named `name` where it belongs, queued in the batch: in place of a sheet
 * of that name (same tab position; the old one is deleted, with its contents, validations, notes
 * and PivotTables), else at `position` (or at the end). A temporary name is used while the old
 * sheet still exists, so that it works even when the old one is the workbook's only sheet.
 * Keeps `info` up to date for the next call.
 */
export async function replaceSheet(
  batch: RequestBatch,
  info: WorkbookInfo,
  name: string,
  position?: number
): Promise<Excel.Worksheet> {
  const old = sheetNamed(info, name);
  let ws: Excel.Worksheet | undefined;
  await batch.add(0, () => {
    const sheets = batch.context.workbook.worksheets;
    if (old) {
      const temp = `~uf-${Date.now().toString(36)}-${info.sheets.length}`;
      ws = sheets.add(temp);
      ws.position = old.position;
      sheets.getItem(old.name).delete();
      ws.name = name;
    } else {
      ws = sheets.add(name);
      if (position !== undefined) ws.position = position;
    }
  });
  if (old) old.name = name;
  else {
    const at = position ?? info.sheets.length;
    for (const s of info.sheets) if (s.position >= at) s.position++;
    info.sheets.push({ name, position: at });
    info.sheets.sort((a, b) => a.position - b.position);
  }
  return ws!;
}

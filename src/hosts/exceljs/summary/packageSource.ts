import type { SummarySource } from "../../../core/summary";
import { localToday } from "../../localClock";
import type { RawRow } from "../../../core/types";
import { DEFAULT_MAX_CELLS } from "../read/limits";
import { checkMerges, scanSheets } from "../convert/registrySheetPick";
import { FileError } from "../fileError";
import { sheetRows } from "../read/sheetValues";
import type { WorkbookPackage } from "../xlsx/workbookPackage";

/**
 * A workbook as a summary source: every worksheet's rows (merged cells filled in), read as they
 * inflate. The cells are counted as they come (`too-many-cells` past maxCells in all).
 */
export async function packageSource(
  pkg: WorkbookPackage,
  options: { maxCells?: number; skip?: readonly string[]; asOf?: Date } = {}
): Promise<SummarySource> {
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const scans = await scanSheets(pkg);
  for (const s of scans) checkMerges(s, pkg.file);
  const sheets: SummarySource["sheets"] = [];
  let cells = 0;
  for (const { sheet, merges } of scans) {
    if (options.skip?.includes(sheet.name)) continue;
    const rows: RawRow[] = [];
    for await (const row of await sheetRows(pkg, sheet, merges)) {
      cells += row.values.length;
      if (cells > maxCells)
        throw new FileError("too-many-cells", {
          file: pkg.file,
          sheet: sheet.name,
          limit: maxCells,
        });
      rows.push(row);
    }
    sheets.push({ name: sheet.name, rows });
  }
  return {
    file: pkg.file,
    sheets,
    dateSystem: pkg.dateSystem,
    asOf: options.asOf ?? localToday(),
  };
}

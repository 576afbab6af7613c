import { type Block, MAX_COLUMNS, MAX_ROWS, blockArea } from "../../../core/a1";
import { headerScore } from "../../../core/header/recognize";
import type { RawRow } from "../../../core/types";
import { FileError } from "../fileError";
import { filledRows } from "../xlsx/filledRows";
import { mergedRanges } from "../xlsx/sheetReader";
import type { SheetInfo, WorkbookPackage } from "../xlsx/workbookPackage";

/** Rows of a sheet looked at for its header (the engine's headerSearchRows). */
const HEADER_ROWS = 10;
/**
 * Most cells the merged ranges of a sheet read row by row may cover: each is filled in as the rows
 * go by, and a range of a million cells in a 15 KB file would cost the time of a million cells.
 */
export const MAX_MERGED_CELLS = 8_000_000;

export interface SheetScan {
  sheet: SheetInfo & { part: string };
  /** Its first rows as the engine takes them (merged cells filled in). */
  top: RawRow[];
  merges: Block[];
}

/**
 * Looks at each worksheet: its first rows (as the engine would take them) and its merged ranges,
 * which the XML lists after the rows (so each sheet is inflated once, its rows past the first
 * passed over without being parsed).
 */
export async function scanSheets(pkg: WorkbookPackage): Promise<SheetScan[]> {
  const scans: SheetScan[] = [];
  for (const sheet of pkg.worksheets) {
    const { rows, frame } = await pkg.readRows(sheet, { tail: true, maxRows: HEADER_ROWS });
    const raw: RawRow[] = [];
    for await (const r of rows) raw.push(r);
    const merges = mergedRanges(frame);
    const top: RawRow[] = [];
    for await (const r of filledRows(
      raw.filter((r) => r.rowNumber! <= HEADER_ROWS),
      merges.filter((m) => m.top <= HEADER_ROWS)
    )) {
      if (r.rowNumber! > HEADER_ROWS) break;
      top.push(r);
    }
    scans.push({ sheet, top, merges });
  }
  return scans;
}

/**
 * The registry sheet: the one named (`sheet-not-found` if there is none), else the worksheet whose
 * first rows name most registry fields (the first of equals, in tab order); `no-registry-sheet`
 * where none names any.
 */
export function pickRegistrySheet(
  scans: readonly SheetScan[],
  file: string,
  name?: string
): SheetScan {
  if (name) {
    const named = scans.find((s) => s.sheet.name === name);
    if (!named) throw new FileError("sheet-not-found", { file, sheet: name });
    return named;
  }
  let best: SheetScan | null = null;
  let bestScore = 0;
  for (const s of scans) {
    const score = headerScore(s.top.map((r) => r.values));
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  if (!best) throw new FileError("no-registry-sheet", { file });
  return best;
}

/**
 * Merged ranges of a sheet to be read row by row, checked before it is read: none beyond Excel's
 * last row or column (`beyond-sheet-limits`), and not more cells than MAX_MERGED_CELLS in all
 * (`too-many-cells-to-load`).
 */
export function checkMerges(scan: SheetScan, file: string): void {
  let area = 0;
  for (const m of scan.merges) {
    if (m.bottom > MAX_ROWS || m.right > MAX_COLUMNS)
      throw new FileError("beyond-sheet-limits", { file, sheet: scan.sheet.name });
    area += blockArea(m);
  }
  if (area > MAX_MERGED_CELLS)
    throw new FileError("too-many-cells-to-load", {
      file,
      sheet: scan.sheet.name,
      limit: MAX_MERGED_CELLS,
    });
}

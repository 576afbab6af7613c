import type ExcelJS from "exceljs";
import { headerScore } from "../../core/header/recognize";
import type { RawRow } from "../../core/types";
import { FileError } from "./fileError";
import { worksheetRows } from "./sheetRows";

/** The first rows of a sheet, enough to find its header. */
function topRows(ws: ExcelJS.Worksheet, n = 10): RawRow["values"][] {
  const out: RawRow["values"][] = [];
  for (const r of worksheetRows(ws)) {
    out.push(r.values);
    if (out.length >= n) break;
  }
  return out;
}

/** The registry sheet: the one named with --sheet, else the sheet whose header names most registry fields. */
export function findRegistrySheet(
  wb: ExcelJS.Workbook,
  file: string,
  name?: string
): ExcelJS.Worksheet {
  if (name) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new FileError("sheet-not-found", { file, sheet: name });
    return ws;
  }
  let best: ExcelJS.Worksheet | null = null;
  let bestScore = 0;
  for (const ws of wb.worksheets) {
    const s = headerScore(topRows(ws));
    if (s > bestScore) {
      best = ws;
      bestScore = s;
    }
  }
  if (!best) throw new FileError("no-registry-sheet", { file });
  return best;
}

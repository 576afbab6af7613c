import type ExcelJS from "exceljs";
import type { CellValue, RawRow } from "../../core/types";

/** The Merge value type of exceljs (ExcelJS.ValueType.Merge), without importing the runtime here. */
const MERGE_TYPE = 1;

/** A cell's value as the engine takes it: formulas by their result, rich text and links by their text. */
export function plainValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      return result === undefined || typeof result === "object"
        ? result instanceof Date
          ? result
          : null
        : result;
    }
    if ("hyperlink" in v && "text" in v)
      return plainValue((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return null;
}

/**
 * Every row of a worksheet as the engine takes it, in one pass: values and number formats. A cell
 * merged across columns is read once (at its top-left); one merged down rows is read in every row,
 * as the sheet shows it (a 所在支部 merged over its members).
 */
export function* worksheetRows(ws: ExcelJS.Worksheet): Generator<RawRow> {
  const last = ws.rowCount;
  for (let r = 1; r <= last; r++) {
    const row = ws.findRow(r);
    if (!row) {
      yield { rowNumber: r, values: [] };
      continue;
    }
    const values: CellValue[] = [];
    const numFmts: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      let v: CellValue;
      if (cell.type === MERGE_TYPE) {
        const master = cell.master;
        v = master.row === cell.row ? null : plainValue(master.value);
      } else v = plainValue(cell.value);
      while (values.length < col - 1) {
        values.push(null);
        numFmts.push(null);
      }
      values[col - 1] = v;
      numFmts[col - 1] = cell.numFmt ?? null;
    });
    yield { rowNumber: r, values, numFmts };
  }
}

export function dateSystemOf(wb: ExcelJS.Workbook): 1900 | 1904 {
  return wb.properties?.date1904 ? 1904 : 1900;
}

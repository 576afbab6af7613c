import type ExcelJS from "exceljs";
import type { NormalizedRow, OutputColumn } from "../../../core/normalizer";
import { type ColumnPlan, REGISTRY_SHEET, cellMarks, columnPlans } from "../../../core/plan";
import { columnLetter } from "../../../core/a1";
import type { CellValue, Severity } from "../../../core/types";
import { MARK_FILL, styleHeaderRow } from "../styles";
import { formatOf } from "../writeRegistry";
import type { OutputWorkbook } from "./outputWorkbook";

/**
 * Most notes (comments) written on marked cells. The streaming writer queues the comments' XML in
 * memory until the sheet is committed (they are zip entries of their own, after the sheet's), at
 * about 1.5 KB a note; past this many, marked cells are only filled, and 校验报告 lists every problem.
 */
export const MAX_NOTES = 20_000;

/** Data validation (a drop-down list) of a coded column, as writeRegistrySheet makes it. */
function listValidation(c: ColumnPlan): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [`"${c.list!.join(",")}"`],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: "不在代码表中",
    error: `请从下拉列表中选择${c.header}`,
  };
}

type SheetWithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
};

/**
 * Writes 成员名册 row by row, as writeRegistrySheet does in memory: the header (styled, frozen, with
 * a filter), column widths and formats (ID as text, dates yyyy-mm-dd), drop-down lists on the coded
 * columns over the data rows, and each cell with a problem of its own row filled red or yellow with
 * a note. Problems across rows (duplicate IDs) come only at the end and go to 校验报告 alone.
 */
export class RegistrySheetWriter {
  readonly sheet: ExcelJS.Worksheet;
  private readonly plans: ColumnPlan[];
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();
  private rowNumber = 1;
  notes = 0;
  marks = 0;

  constructor(
    out: OutputWorkbook,
    private readonly columns: readonly OutputColumn[],
    private readonly maxNotes = MAX_NOTES
  ) {
    this.plans = columnPlans(columns);
    this.sheet = out.addWorksheet(REGISTRY_SHEET, {
      views: [{ state: "frozen", ySplit: 1, xSplit: 2 }],
    });
    this.sheet.columns = this.plans.map((c) => ({
      header: c.header,
      width: c.width,
      style: c.numFmt ? { numFmt: c.numFmt } : {},
    }));
    const header = this.sheet.getRow(1);
    styleHeaderRow(header);
    header.commit();
  }

  /** Writes one member row and commits it. */
  add(row: NormalizedRow): void {
    const r = this.sheet.addRow(row.values as ExcelJS.CellValue[]);
    this.rowNumber = r.number;
    // One style object per column (and per mark colour), shared by its cells: the writer finds a
    // style it has seen by the object, instead of rendering each cell's style to XML to look it up.
    r.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.style = this.styleOf(col - 1, null, row.values[col - 1] ?? null);
    });
    if (row.problems.length > 0) {
      for (const m of cellMarks([row], this.columns, [])) {
        const cell = r.getCell(m.column + 1);
        cell.style = this.styleOf(m.column, m.severity, row.values[m.column] ?? null);
        this.marks++;
        if (this.notes < this.maxNotes) {
          cell.note = m.note;
          this.notes++;
        }
      }
    }
    r.commit();
  }

  /**
   * The writer remembers the style id of a style object with the type of the first cell it saw it
   * on (a date with no number format gets one), so dates have style objects of their own; so do
   * values not of their column's kind, which keep a format of their own (formatOf).
   */
  private styleOf(column: number, mark: Severity | null, value: CellValue): Partial<ExcelJS.Style> {
    const own = formatOf(value, this.plans[column]?.numFmt);
    const key = `${column}:${mark ?? ""}:${value instanceof Date ? "d" : ""}:${own ?? ""}`;
    let style = this.styles.get(key);
    if (!style) {
      const numFmt = own ?? this.plans[column]?.numFmt;
      style = {
        ...(numFmt ? { numFmt } : {}),
        ...(mark ? { fill: MARK_FILL[mark] } : {}),
      };
      this.styles.set(key, style);
    }
    return style;
  }

  /** Adds the drop-down lists and the filter, and commits the sheet. */
  finish(): void {
    const lastRow = Math.max(2, this.rowNumber);
    this.plans.forEach((c, i) => {
      if (!c.list) return;
      const letter = columnLetter(i + 1);
      (this.sheet as SheetWithValidations).dataValidations.add(
        `${letter}2:${letter}${lastRow}`,
        listValidation(c)
      );
    });
    this.sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: this.plans.length },
    };
    this.sheet.commit();
  }
}

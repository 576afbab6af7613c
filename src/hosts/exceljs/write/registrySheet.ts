import { columnLetter } from "../../../core/a1";
import {
  ColumnIndex,
  type ColumnPlan,
  REGISTRY_SHEET,
  cellFormat,
  columnPlans,
  markRow,
} from "../../../core/plan";
import type { CellValue, Severity } from "../../../core/types";
import type { Problem } from "../../../core/problem";
import type { RegistryRun, SpooledRow } from "../convert/registryRun";
import { rowPieces } from "./rowPieces";
import type { Note } from "../xlsx/notes";
import type { NewSheet } from "../xlsx/packageWriter";
import {
  type SheetSpec,
  SheetXmlWriter,
  type ValidationSpec,
  type WriteCell,
} from "../xlsx/sheetWriter";
import type { StyleSheet } from "../xlsx/styleSheet";
import { HEADER_STYLE, MARK_FILL } from "./sheetStyles";

/**
 * Most notes written on marked cells (each is a shape in the sheet's drawing, and Excel opens a
 * sheet of many slowly); past this many, marked cells are only filled, and 校验报告 lists every
 * problem.
 */
export const MAX_NOTES = 20_000;

/** The drop-down list of a coded column, over its data rows. */
function listValidation(c: ColumnPlan, column: number, lastRow: number): ValidationSpec {
  const letter = columnLetter(column);
  return {
    sqref: `${letter}2:${letter}${lastRow}`,
    type: "list",
    formula1: `"${c.list!.join(",")}"`,
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: "不在代码表中",
    error: `请从下拉列表中选择${c.header}`,
  };
}

/**
 * 成员名册, from a registry run: the canonical columns (then the source's other columns), the header
 * styled, frozen with the first two columns and filtered; ID numbers and phones as text, dates as
 * dates; drop-down lists on the coded columns; every cell with a problem filled red or yellow with
 * a note saying what is wrong, problems across rows (duplicate IDs) included.
 */
export function registrySheet(
  run: RegistryRun,
  styles: StyleSheet,
  dateSystem: 1900 | 1904,
  selected: boolean
): NewSheet {
  const plans = columnPlans(run.columns);
  const width = plans.length;
  const columnStyle = plans.map((p) => (p.numFmt ? styles.id({ numFmt: p.numFmt }) : undefined));
  const styleCache = new Map<string, number | undefined>();
  /** The style of a cell: its column's format (or its own, for a value not of the column's kind), its mark's fill. */
  const styleOf = (column: number, mark: Severity | null, value: CellValue): number | undefined => {
    const own = cellFormat(value, plans[column].numFmt);
    if (!mark && !own) return columnStyle[column];
    const key = `${column}:${mark ?? ""}:${own ?? ""}`;
    if (!styleCache.has(key)) {
      const numFmt = own ?? plans[column].numFmt;
      styleCache.set(
        key,
        styles.id({ ...(numFmt ? { numFmt } : {}), ...(mark ? { fill: MARK_FILL[mark] } : {}) })
      );
    }
    return styleCache.get(key);
  };
  const spec: SheetSpec = {
    columns: plans.map((p, i) => ({ width: p.width, style: columnStyle[i] })),
    freeze: { rows: 1, columns: 2 },
    selected,
    autoFilter: `A1:${columnLetter(width)}1`,
  };
  const notes: Note[] = [];
  const header = styles.id(HEADER_STYLE);
  return {
    name: REGISTRY_SHEET,
    notes: () => notes,
    async *xml(drawing) {
      const w = new SheetXmlWriter(dateSystem);
      yield w.head(spec);
      yield w.row(
        1,
        plans.map((p) => ({ value: p.header, style: header }))
      );
      const endMarks = run.endMarks();
      const index = new ColumnIndex(run.columns);
      let r = 1;
      /** A row of 成员名册, with its own marks and those of the problems across rows (`across`). */
      const rowXml = (row: SpooledRow, across: Problem[]): string => {
        r++;
        const cells: WriteCell[] = new Array(width);
        for (let c = 0; c < width; c++) {
          const value = row.values[c] ?? null;
          cells[c] = { value, style: value === null ? undefined : styleOf(c, null, value) };
        }
        const marks =
          across.length > 0
            ? markRow(
                across,
                index,
                run.options.locale,
                row.marks.map((m) => ({ ...m }))
              )
            : row.marks;
        for (const m of marks) {
          const cell = cells[m.column];
          cell.style = styleOf(m.column, m.severity, cell.value);
          if (notes.length < MAX_NOTES) notes.push({ row: r, column: m.column + 1, text: m.note });
        }
        return w.row(r, cells);
      };
      // The problems across rows are read along (a batch of them now and then: only then a wait).
      const withMarksRead = async (row: SpooledRow) => {
        while (endMarks.needs(row.row)) await endMarks.fill();
        return rowXml(row, endMarks.take(row.row));
      };
      yield* rowPieces(run.rows.read(), (row) =>
        endMarks.needs(row.row) ? withMarksRead(row) : rowXml(row, endMarks.take(row.row))
      );
      const lastRow = Math.max(2, r);
      const validations = plans.flatMap((p, i) =>
        p.list ? [listValidation(p, i + 1, lastRow)] : []
      );
      yield w.tail({ ...spec, validations, legacyDrawing: notes.length > 0 ? drawing : undefined });
    },
  };
}

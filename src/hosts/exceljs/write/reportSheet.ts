import type { CellValue } from "../../../core/types";
import type { Batches } from "../asyncItems";
import { rowPieces } from "./rowPieces";
import type { NewSheet } from "../xlsx/packageWriter";
import { SheetXmlWriter, type WriteCell } from "../xlsx/sheetWriter";
import type { StyleSheet } from "../xlsx/styleSheet";
import { DATE_FORMAT, HEADER_STYLE } from "./sheetStyles";

/** A report sheet (校验报告, 变更记录): its top rows, then rows as they come. */
export interface ReportRows {
  name: string;
  /** Rows above the body (the counts, the table header). */
  head: readonly CellValue[][];
  /** 0-based indexes of header rows in head (styled; the last is frozen with all above it). */
  headerRows: readonly number[];
  widths: readonly number[];
  /** The rows below the head, a batch at a time. */
  body: Batches<CellValue[]>;
}

/** A report sheet written a row at a time: header rows styled and frozen, dates shown as dates. */
export function reportSheet(
  report: ReportRows,
  styles: StyleSheet,
  dateSystem: 1900 | 1904
): NewSheet {
  const header = styles.id(HEADER_STYLE);
  const date = styles.id({ numFmt: DATE_FORMAT });
  const frozen = report.headerRows[report.headerRows.length - 1] + 1;
  const spec = {
    columns: report.widths.map((width) => ({ width })),
    freeze: { rows: frozen, columns: 0 },
  };
  const cells = (values: readonly CellValue[], style?: number): WriteCell[] =>
    values.map((value) => ({ value, style: style ?? (value instanceof Date ? date : undefined) }));
  return {
    name: report.name,
    async *xml() {
      const w = new SheetXmlWriter(dateSystem);
      yield w.head(spec);
      let r = 0;
      for (const values of report.head) {
        yield w.row(r + 1, cells(values, report.headerRows.includes(r) ? header : undefined));
        r++;
      }
      yield* rowPieces(report.body, (values) => w.row(++r, cells(values)));
      yield w.tail(spec);
    },
  };
}

import type { LocalTime } from "../../../core/localTime";
import type { SheetDoc } from "../../../core/docs/sheetDoc";
import {
  type Quarter,
  type SummaryInput,
  type UnreadableRow,
  quarterRangeText,
  quarterSummarySheet,
  summarizeQuarter,
  summarizeYear,
  summaryNotesSheet,
  yearSummarySheet,
} from "../../../core/summary";

export type SummaryPeriod = { quarter: Quarter } | { year: number };

/** The sheets of a summary: 季度汇总-2026Q3 (or 年度汇总-2026) and 汇总说明, and the rows not counted. */
export function summaryDocs(
  sources: readonly SummaryInput[],
  period: SummaryPeriod,
  madeAt: LocalTime
): { docs: SheetDoc[]; sheet: string; unreadable: UnreadableRow[] } {
  if ("quarter" in period) {
    const s = summarizeQuarter(sources, period.quarter);
    const doc = quarterSummarySheet(s, madeAt);
    const notes = summaryNotesSheet({
      period: quarterRangeText(period.quarter),
      files: s.files,
      unreadable: s.unreadable,
      transfers: s.transfers,
    });
    return { docs: [doc, notes], sheet: doc.name, unreadable: s.unreadable };
  }
  const y = summarizeYear(sources, period.year);
  const doc = yearSummarySheet(y, madeAt);
  const notes = summaryNotesSheet({
    period: `${period.year}-01-01 至 ${period.year}-12-31`,
    files: y.files,
    unreadable: y.unreadable,
    transfers: y.transfers,
  });
  return { docs: [doc, notes], sheet: doc.name, unreadable: y.unreadable };
}

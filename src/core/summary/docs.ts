import type { LocalTime } from "../localTime";
import type { SheetDoc } from "../docs/sheetDoc";
import { type Pivot, summarizeQuarter, summarizeYear } from "./compute";
import { type Quarter, quarterRangeText } from "./quarter";
import { quarterSummarySheet, summaryNotesSheet, yearSummarySheet } from "./sheet";
import type { SummaryInput, SummaryMember, UnreadableRow } from "./sources";

/** What a summary covers: a quarter (季度汇总-2026Q3) or a year (年度汇总-2026). */
export type SummaryPeriod = { kind: "quarter"; quarter: Quarter } | { kind: "year"; year: number };

/** A summary's sheets, and what a host needs to add to them (the add-in's PivotTable). */
export interface SummaryDocs {
  /** The summary sheet, then 汇总说明. */
  docs: SheetDoc[];
  /** The summary sheet's name. */
  sheet: string;
  unreadable: UnreadableRow[];
  /** 2026Q3 or 2026: names the add-in's data sheet and PivotTable. */
  label: string;
  /** The period's last day (the age groups are taken at it). */
  end: Date;
  /** The members counted, once each. */
  members: SummaryMember[];
  /** 政治面貌 × 所在支部, the first table after the key figures. */
  political: Pivot;
}

export function periodRangeText(period: SummaryPeriod): string {
  return period.kind === "quarter"
    ? quarterRangeText(period.quarter)
    : `${period.year}-01-01 至 ${period.year}-12-31`;
}

/** The sheets of a summary: 季度汇总-2026Q3 (or 年度汇总-2026) and 汇总说明, and the rows not counted. */
export function summaryDocs(
  sources: readonly SummaryInput[],
  period: SummaryPeriod,
  madeAt: LocalTime
): SummaryDocs {
  const s = period.kind === "quarter" ? summarizeQuarter(sources, period.quarter) : null;
  const y = period.kind === "year" ? summarizeYear(sources, period.year) : null;
  const doc = s ? quarterSummarySheet(s, madeAt) : yearSummarySheet(y!, madeAt);
  const made = (s ?? y)!;
  const notes = summaryNotesSheet({
    period: periodRangeText(period),
    files: made.files,
    unreadable: made.unreadable,
    transfers: made.transfers,
  });
  return {
    docs: [doc, notes],
    sheet: doc.name,
    unreadable: made.unreadable,
    label: s ? s.quarter.label : String(y!.year),
    end: s ? s.quarter.end : new Date(Date.UTC(y!.year, 11, 31)),
    members: s ? s.members : y!.members,
    political: (s ?? y)!.pivots[0],
  };
}

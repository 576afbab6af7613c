import type { AppendPlan } from "../core/records/append";
import type { RecordWritten } from "./ledgerHost";

/** What a form reports of the rows it appended. */
export function writtenOf(plan: AppendPlan): RecordWritten {
  return { sheet: plan.sheet, created: plan.create, rows: plan.rows.map((r) => r.row) };
}

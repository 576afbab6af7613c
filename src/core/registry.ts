import type { Problem } from "./problem";
import type { HeaderInfo } from "./header/recognize";
import { type NormalizedRow, type OutputColumn, RegistryNormalizer } from "./normalizer";
import { REGISTRY_SHEET, type SheetPlan, cellMarks, columnPlans } from "./plan";
import type { EngineOptionsInput } from "./schema";
import {
  type CellValue,
  type Change,
  type DroppedRow,
  type RowInput,
  droppedRowCount,
} from "./types";

export interface RegistryCounts {
  members: number;
  errors: number;
  warnings: number;
  changes: number;
  dropped: number;
}

/** The whole registry normalised: the new sheet as values plus a plan, and every problem and change. */
export interface RegistryResult {
  header: HeaderInfo | null;
  columns: OutputColumn[];
  /** Output data rows (under the header), aligned to columns. */
  rows: CellValue[][];
  /** The source row of each output row. */
  sourceRows: number[];
  problems: Problem[];
  changes: Change[];
  dropped: DroppedRow[];
  plan: SheetPlan;
  counts: RegistryCounts;
}

/**
 * What a run over the registry found, as every host reports it: exact counts, the problems (a
 * host may keep only the first 10,000), the output's columns and the source row of each of its rows.
 */
export type RegistryFindings = Pick<
  RegistryResult,
  "counts" | "problems" | "columns" | "sourceRows"
>;

/**
 * Where a problem shows in the written 成员名册 (1-based row and column), found as cellMarks finds
 * it: the output row of its source row, the column of its field (or of its unmapped source
 * column). Null when it has no row there (a sheet-wide problem, a removed row).
 */
export function registryCell(
  problem: Problem,
  found: Pick<RegistryFindings, "columns" | "sourceRows">
): { row: number; column: number } | null {
  const index = found.sourceRows.indexOf(problem.row);
  if (index < 0) return null;
  const column = problem.field
    ? found.columns.findIndex((c) => c.field === problem.field)
    : found.columns.findIndex((c) => !c.field && c.sourceColumn === problem.sourceColumn);
  return { row: index + 2, column: column < 0 ? 1 : column + 1 };
}

export function byRowThenColumn<T extends { row: number; sourceColumn: number }>(
  a: T,
  b: T
): number {
  return a.row - b.row || a.sourceColumn - b.sourceColumn;
}

/** Runs the engine over a whole sheet held in memory (the add-in, the web page and small files). */
export function normalizeRegistry(
  rows: Iterable<RowInput>,
  options: EngineOptionsInput
): RegistryResult {
  const engine = new RegistryNormalizer(options);
  const out: NormalizedRow[] = [];
  for (const r of rows) for (const o of engine.push(r)) out.push(o);
  const end = engine.end();
  out.push(...end.rows);
  const width = end.columns.length;
  const values = out.map((r) =>
    r.values.length < width
      ? [...r.values, ...new Array(width - r.values.length).fill(null)]
      : r.values
  );
  const problems = [...out.flatMap((r) => r.problems), ...end.problems].sort(byRowThenColumn);
  const changes = [...end.changes, ...out.flatMap((r) => r.changes)].sort(byRowThenColumn);
  const plan: SheetPlan = {
    sheetName: REGISTRY_SHEET,
    columns: columnPlans(end.columns),
    marks: cellMarks(out, end.columns, end.problems, engine.options.locale),
    freezeRows: 1,
  };
  return {
    header: end.header,
    columns: end.columns,
    rows: values,
    sourceRows: out.map((r) => r.sourceRow),
    problems,
    changes,
    dropped: end.dropped,
    plan,
    counts: {
      members: out.length,
      errors: problems.filter((p) => p.severity === "error").length,
      warnings: problems.filter((p) => p.severity === "warning").length,
      changes: changes.length,
      dropped: droppedRowCount(end.dropped),
    },
  };
}

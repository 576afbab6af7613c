import type { ProgressFn } from "../ledgerHost";
import type { ApiSupport } from "./api";
import { RequestBatch, type RequestStats, newStats } from "./batch";
import type { WriteContext } from "./write";

/** Excel.run, or a stand-in for it (tests). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** One action's dealings with Excel: the request context, what it supports, and what it reports back. */
export interface HostEnv {
  context: Excel.RequestContext;
  api: ApiSupport;
  /** Batch for reads (no calculation to suspend). */
  reads: RequestBatch;
  notes: string[];
  note(message: string): void;
  /** Syncs of the batches (reads and writes), and how many the request budget forced. */
  stats: RequestStats;
  progress(fraction: number, label: string): void;
  /** A batch for writes: every request starts by suspending calculation until the next sync. */
  writer(dateSystem: 1900 | 1904): WriteContext;
}

export function makeEnv(
  context: Excel.RequestContext,
  api: ApiSupport,
  budget: number,
  progress: ProgressFn | undefined,
  onNote?: (message: string) => void
): HostEnv {
  const notes: string[] = [];
  const stats = newStats();
  const note = (message: string) => {
    if (notes.includes(message)) return;
    notes.push(message);
    onNote?.(message);
  };
  return {
    context,
    api,
    reads: new RequestBatch(context, budget, undefined, stats),
    notes,
    note,
    stats,
    progress: (fraction, label) => progress?.(Math.max(0, Math.min(1, fraction)), label),
    writer: (dateSystem) => ({
      batch: new RequestBatch(
        context,
        budget,
        () => context.workbook.application.suspendApiCalculationUntilNextSync(),
        stats
      ),
      api,
      dateSystem,
      note,
    }),
  };
}

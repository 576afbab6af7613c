import path from "node:path";
import type { ConvertOptions } from "../../src/hosts/exceljs";
import type { OutputShape } from "./journal";
import { mapInPool } from "./pool";
import convertTask, { type ConvertTask, type TaskOutcome } from "./worker";

/**
 * The heap a converting worker may grow to. Everything a conversion holds per row waits in spools
 * on disk, so what it keeps alive stays small (tens of MB at a million rows); what the limit
 * changes is how far V8 lets garbage pile up before collecting it: a million-row peak RSS of
 * 540–790 MB with V8's default (4 GB on a 24 GB machine), 430–460 MB with this.
 */
const CONVERT_HEAP_MB = 1024;

export interface BatchItem {
  input: string;
  output: string | null;
}

export interface BatchOptions {
  jobs: number;
  /** Skip files whose output an earlier run already made from the same input. */
  resume: boolean;
  shape: OutputShape;
}

/** Converts every file, jobs at a time (worker threads for more than one); outcomes in input order. */
export function runBatch(
  items: readonly BatchItem[],
  base: Omit<ConvertOptions, "output">,
  batch: BatchOptions,
  onDone: (outcome: TaskOutcome, index: number) => void
): Promise<TaskOutcome[]> {
  const tasks: ConvertTask[] = items.map((item) => ({
    input: item.input,
    options: { ...base, output: item.output },
    resume: batch.resume,
    shape: batch.shape,
  }));
  return mapInPool(tasks, batch.jobs, path.join(__dirname, "worker.js"), convertTask, onDone, {
    resourceLimits: { maxOldGenerationSizeMb: CONVERT_HEAP_MB },
  });
}

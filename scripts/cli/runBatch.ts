import path from "node:path";
import { Piscina } from "piscina";
import type { ConvertOptions } from "../../src/hosts/exceljs/convertFile";
import type { OutputShape } from "./journal";
import convertTask, { type ConvertTask, type TaskOutcome } from "./worker";

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

/**
 * Runs every file, jobs at a time: in this thread for one job, in worker threads (piscina) for more.
 * Outcomes come back in input order; onDone is called as each file finishes.
 */
export async function runBatch(
  items: readonly BatchItem[],
  base: Omit<ConvertOptions, "output">,
  batch: BatchOptions,
  onDone: (outcome: TaskOutcome, index: number) => void
): Promise<TaskOutcome[]> {
  const results: TaskOutcome[] = new Array(items.length);
  const task = (item: BatchItem): ConvertTask => ({
    input: item.input,
    options: { ...base, output: item.output },
    resume: batch.resume,
    shape: batch.shape,
  });
  const { jobs } = batch;
  if (jobs <= 1 || items.length <= 1) {
    for (let i = 0; i < items.length; i++) {
      results[i] = await convertTask(task(items[i]));
      onDone(results[i], i);
    }
    return results;
  }
  const pool = new Piscina({
    filename: path.join(__dirname, "worker.js"),
    minThreads: Math.min(jobs, items.length),
    maxThreads: Math.min(jobs, items.length),
    idleTimeout: 1000,
  });
  try {
    await Promise.all(
      items.map(async (item, i) => {
        results[i] = (await pool.run(task(item))) as TaskOutcome;
        onDone(results[i], i);
      })
    );
  } finally {
    await pool.destroy();
  }
  return results;
}

import path from "node:path";
import { Piscina } from "piscina";
import type { ConvertOptions, FileOutcome } from "../../src/hosts/exceljs/convertFile";
import { convertFile } from "../../src/hosts/exceljs/convertFile";
import type { ConvertTask } from "./worker";

export interface BatchItem {
  input: string;
  output: string | null;
}

/**
 * Runs every file, jobs at a time: in this thread for one job, in worker threads (piscina) for more.
 * Outcomes come back in input order; onDone is called as each file finishes.
 */
export async function runBatch(
  items: readonly BatchItem[],
  base: Omit<ConvertOptions, "output">,
  jobs: number,
  onDone: (outcome: FileOutcome, index: number) => void
): Promise<FileOutcome[]> {
  const results: FileOutcome[] = new Array(items.length);
  if (jobs <= 1 || items.length <= 1) {
    for (let i = 0; i < items.length; i++) {
      results[i] = await convertFile(items[i].input, { ...base, output: items[i].output });
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
        const task: ConvertTask = { input: item.input, options: { ...base, output: item.output } };
        results[i] = (await pool.run(task)) as FileOutcome;
        onDone(results[i], i);
      })
    );
  } finally {
    await pool.destroy();
  }
  return results;
}

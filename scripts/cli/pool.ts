import { existsSync } from "node:fs";
import { Piscina } from "piscina";
import { stopFlagData } from "../../src/hosts/exceljs";

/**
 * Runs `run` over every item, `jobs` at a time, in worker threads (piscina) loading `workerFile`,
 * whose default export is the same function. Even one job runs in a worker: this thread stays free
 * to answer Ctrl+C at once (and remove the temp files), however long a file takes. Results come
 * back in input order; onDone is called as each item finishes (for the progress bar).
 *
 * With `hereToo`, this thread is one of the `jobs`: it takes items from the same queue as
 * jobs − 1 workers (none for one job). That suits reading for the summary, where this thread has
 * its modules loaded already and what a worker reads crosses back by copy. `run` is also called
 * here when there are no worker files (the sources, under ts-node).
 */
export async function mapInPool<T, R>(
  items: readonly T[],
  jobs: number,
  workerFile: string,
  run: (item: T) => Promise<R>,
  onDone: (result: R, index: number) => void,
  options: {
    hereToo?: boolean;
    /** Limits of each worker's heap (worker_threads resourceLimits). */
    resourceLimits?: { maxOldGenerationSizeMb: number };
  } = {}
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const noWorkers = items.length === 0 || !existsSync(workerFile);
  const workers = noWorkers ? 0 : Math.min(items.length, options.hereToo ? jobs - 1 : jobs);
  const here = noWorkers || (options.hereToo ?? false);
  let next = 0;
  let failed = false;
  // Each runner takes the next item until none is left (or one has failed); this thread and the
  // workers alike.
  const runner = async (runOne: (item: T) => Promise<R>) => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        results[i] = await runOne(items[i]);
      } catch (e) {
        failed = true;
        throw e;
      }
      onDone(results[i], i);
    }
  };
  const pool =
    workers > 0
      ? new Piscina({
          filename: workerFile,
          minThreads: workers,
          maxThreads: workers,
          idleTimeout: 1000,
          resourceLimits: options.resourceLimits,
          // Ctrl+C stops every thread from beginning a temp file (cleanup.ts).
          workerData: stopFlagData(),
        })
      : null;
  try {
    const runners: Promise<void>[] = [];
    if (pool)
      for (let k = 0; k < workers; k++)
        runners.push(runner(async (item) => (await pool.run(item)) as R));
    if (here) runners.push(runner(run));
    await Promise.all(runners);
  } finally {
    await pool?.destroy();
  }
  return results;
}

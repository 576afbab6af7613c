import { existsSync } from "node:fs";
import { Piscina } from "piscina";

/**
 * Runs `run` over every item, `jobs` at a time, in worker threads (piscina) loading `workerFile`,
 * whose default export is the same function. Even one job runs in a worker: this thread stays free
 * to answer Ctrl+C at once (and remove the temp files), however long a file takes. Results come
 * back in input order; onDone is called as each item finishes (for the progress bar). `run` is
 * called here when there are no worker files (the sources, under ts-node), and for one job with
 * oneJobHere (reading for the summary: what it reads would cross back from the worker by copy).
 */
export async function mapInPool<T, R>(
  items: readonly T[],
  jobs: number,
  workerFile: string,
  run: (item: T) => Promise<R>,
  onDone: (result: R, index: number) => void,
  options: { oneJobHere?: boolean } = {}
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const here = options.oneJobHere && (jobs <= 1 || items.length <= 1);
  if (here || items.length === 0 || !existsSync(workerFile)) {
    for (let i = 0; i < items.length; i++) {
      results[i] = await run(items[i]);
      onDone(results[i], i);
    }
    return results;
  }
  const threads = Math.min(jobs, items.length);
  const pool = new Piscina({
    filename: workerFile,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
  });
  try {
    await Promise.all(
      items.map(async (item, i) => {
        results[i] = (await pool.run(item)) as R;
        onDone(results[i], i);
      })
    );
  } finally {
    await pool.destroy();
  }
  return results;
}

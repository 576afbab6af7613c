import { Piscina } from "piscina";

/**
 * Runs `run` over every item, `jobs` at a time: in this thread for one job, else in worker threads
 * (piscina) loading `workerFile`, whose default export is the same function. Results come back in
 * input order; onDone is called as each item finishes (for the progress bar).
 */
export async function mapInPool<T, R>(
  items: readonly T[],
  jobs: number,
  workerFile: string,
  run: (item: T) => Promise<R>,
  onDone: (result: R, index: number) => void
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  if (jobs <= 1 || items.length <= 1) {
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

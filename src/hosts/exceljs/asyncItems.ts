/**
 * Items that come in batches (rows, problems, changes read back from a spool): handled a batch at
 * a time, so that the cost of an asynchronous step is paid per batch, not per item (with hundreds
 * of thousands of changes, a step per item was a tenth of a conversion's time).
 */
export type Batches<T> = AsyncIterable<readonly T[]> | Iterable<readonly T[]>;

/**
 * Merges sorted batches with a sorted list into one sorted sequence of batches; on a tie the
 * batches' item comes first unless `listFirst`.
 */
export async function* mergeSorted<T>(
  batches: Batches<T>,
  list: readonly T[],
  compare: (a: T, b: T) => number,
  listFirst = false
): AsyncGenerator<T[]> {
  let i = 0;
  for await (const batch of batches) {
    const out: T[] = [];
    for (const item of batch) {
      while (i < list.length) {
        const c = compare(list[i], item);
        if (c < 0 || (c === 0 && listFirst)) out.push(list[i++]);
        else break;
      }
      out.push(item);
    }
    if (out.length > 0) yield out;
  }
  if (i < list.length) yield list.slice(i);
}

/** Each item mapped to rows, batch by batch. */
export async function* mapBatches<T, R>(
  batches: Batches<T>,
  f: (item: T) => R[]
): AsyncGenerator<R[]> {
  for await (const batch of batches) {
    const out: R[] = [];
    for (const item of batch) for (const r of f(item)) out.push(r);
    if (out.length > 0) yield out;
  }
}

/** The batches of several sources, one source after another. */
export async function* concat<T>(...parts: Batches<T>[]): AsyncGenerator<readonly T[]> {
  for (const part of parts) yield* part;
}

/** A list as batches of at most `size` items. */
export function* inBatches<T>(list: readonly T[], size = 4096): Generator<readonly T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}

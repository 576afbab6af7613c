/** Small helpers for items that come one at a time (rows, problems, changes from a spool). */

/**
 * Merges a sorted stream with a sorted list into one sorted stream; on a tie the stream's item
 * comes first unless `listFirst`.
 */
export async function* mergeSorted<T>(
  stream: AsyncIterable<T>,
  list: readonly T[],
  compare: (a: T, b: T) => number,
  listFirst = false
): AsyncGenerator<T> {
  let i = 0;
  for await (const item of stream) {
    while (i < list.length) {
      const c = compare(list[i], item);
      if (c < 0 || (c === 0 && listFirst)) yield list[i++];
      else break;
    }
    yield item;
  }
  while (i < list.length) yield list[i++];
}

/** Each item mapped to rows, in order. */
export async function* mapRows<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  f: (item: T) => R[]
): AsyncGenerator<R> {
  for await (const item of items) yield* f(item);
}

/** The items of several sources, one source after another. */
export async function* concat<T>(...parts: (AsyncIterable<T> | Iterable<T>)[]): AsyncGenerator<T> {
  for (const part of parts) yield* part;
}

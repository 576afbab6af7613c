/**
 * Items that come in batches (rows, problems, changes read back from a spool): handled a batch at
 * a time, so that the cost of an asynchronous step is paid per batch, not per item (with hundreds
 * of thousands of changes, a step per item was a tenth of a conversion's time).
 */
export type Batches<T> = AsyncIterable<readonly T[]> | Iterable<readonly T[]>;

/**
 * Items of sorted batches taken in order by a key, a batch read ahead only when needed: an
 * asynchronous step per batch, none per item.
 */
export class SortedCursor<T> {
  private buffer: readonly T[] = [];
  private at = 0;
  private done = false;
  private readonly source: AsyncIterator<readonly T[]> | Iterator<readonly T[]>;

  constructor(
    batches: Batches<T>,
    private readonly key: (item: T) => number
  ) {
    this.source =
      Symbol.asyncIterator in batches
        ? (batches as AsyncIterable<readonly T[]>)[Symbol.asyncIterator]()
        : (batches as Iterable<readonly T[]>)[Symbol.iterator]();
  }

  /** The next item, if one is read; undefined when the buffer is spent (then call fill). */
  peek(): T | undefined {
    return this.at < this.buffer.length ? this.buffer[this.at] : undefined;
  }

  next(): void {
    this.at++;
  }

  /** Every item read and no batch left. */
  get finished(): boolean {
    return this.done && this.at >= this.buffer.length;
  }

  /** Whether items of `key` or before may be left unread: call fill() then. */
  needs(key: number): boolean {
    if (this.done) return false;
    return this.at >= this.buffer.length || this.key(this.buffer[this.buffer.length - 1]) <= key;
  }

  /** Reads the next batch after what is left of this one; false at the end. */
  async fill(): Promise<boolean> {
    if (this.done) return false;
    const r = await this.source.next();
    if (r.done) {
      this.done = true;
      return false;
    }
    this.buffer =
      this.at < this.buffer.length ? [...this.buffer.slice(this.at), ...r.value] : r.value;
    this.at = 0;
    return true;
  }

  /** The items of `key` (those before it passed over); call after needs(key) is false. */
  take(key: number): T[] {
    const out: T[] = [];
    while (this.at < this.buffer.length) {
      const k = this.key(this.buffer[this.at]);
      if (k > key) break;
      if (k === key) out.push(this.buffer[this.at]);
      this.at++;
    }
    return out;
  }
}

/**
 * Merges two sequences of sorted batches into one; on a tie the first's item comes first unless
 * `otherFirst`.
 */
export async function* mergeSorted<T>(
  batches: Batches<T>,
  other: Batches<T>,
  compare: (a: T, b: T) => number,
  otherFirst = false
): AsyncGenerator<T[]> {
  const cursor = new SortedCursor(other, () => 0);
  const before = (o: T, item: T) => {
    const c = compare(o, item);
    return c < 0 || (c === 0 && otherFirst);
  };
  for await (const batch of batches) {
    const out: T[] = [];
    for (const item of batch) {
      for (;;) {
        let o = cursor.peek();
        if (o === undefined) {
          if (cursor.finished || !(await cursor.fill())) break;
          o = cursor.peek()!;
        }
        if (!before(o, item)) break;
        out.push(o);
        cursor.next();
      }
      out.push(item);
    }
    if (out.length > 0) yield out;
  }
  for (;;) {
    const rest: T[] = [];
    for (let o = cursor.peek(); o !== undefined; o = cursor.peek()) {
      rest.push(o);
      cursor.next();
    }
    if (rest.length > 0) yield rest;
    if (!(await cursor.fill())) break;
  }
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

import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Spool } from "../platform";

/** Dates survive the trip through JSON as {"$d": milliseconds}. */
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? { $d: raw.getTime() } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === "object" && "$d" in value) {
    const ms = (value as { $d: number | null }).$d;
    return new Date(ms === null ? NaN : ms);
  }
  return value;
}

/** Lines are gathered into writes of about this size. */
const BATCH_CHARS = 64 * 1024;

/**
 * Items (problems, changes) written to a file as JSON lines while the registry streams by, and read
 * back in the same order afterwards: memory holds one batch, never the whole list.
 */
export class DiskSpool<T> implements Spool<T> {
  private readonly out: WriteStream;
  private batch = "";
  private failure: Error | null = null;
  count = 0;

  constructor(readonly file: string) {
    // The file holds names and ID numbers: readable by this user only.
    this.out = createWriteStream(file, { mode: 0o600 });
    this.out.on("error", (e) => (this.failure = e));
  }

  static in<T>(dir: string, name: string): DiskSpool<T> {
    return new DiskSpool<T>(path.join(dir, `${name}.jsonl`));
  }

  /** Adds an item; resolves at once unless the disk is behind. */
  async write(item: T): Promise<void> {
    this.batch += JSON.stringify(item, replacer) + "\n";
    this.count++;
    if (this.batch.length >= BATCH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const text = this.batch;
    this.batch = "";
    if (text !== "" && !this.out.write(text)) await once(this.out, "drain");
    if (this.failure) throw this.failure;
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    await this.flush();
    if (!this.out.writableFinished) {
      this.out.end();
      await once(this.out, "finish");
    }
    if (this.failure) throw this.failure;
  }

  /** The items, in the order they were written (after close). */
  async *read(): AsyncGenerator<T> {
    const lines = createInterface({
      input: createReadStream(this.file, { encoding: "utf8" }),
      crlfDelay: Infinity,
    });
    for await (const line of lines) if (line !== "") yield JSON.parse(line, reviver) as T;
  }
}

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

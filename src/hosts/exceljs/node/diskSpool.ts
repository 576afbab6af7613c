import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { PIECE } from "../pacing";
import type { Spool, SpoolCodec } from "../platform";

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

/** Lines are gathered into writes of about this size (pacing.ts). */
const BATCH_CHARS = PIECE;

/**
 * Items (problems, changes) written to a file as JSON lines while the registry streams by, and read
 * back in the same order afterwards: memory holds one batch, never the whole list.
 */
export class DiskSpool<T> implements Spool<T> {
  private readonly out: WriteStream;
  private batch = "";
  private failure: Error | null = null;
  count = 0;

  constructor(
    readonly file: string,
    private readonly codec?: SpoolCodec<T>
  ) {
    // The file holds names and ID numbers: readable by this user only.
    this.out = createWriteStream(file, { mode: 0o600 });
    this.out.on("error", (e) => (this.failure = e));
  }

  static in<T>(dir: string, name: string, codec?: SpoolCodec<T>): DiskSpool<T> {
    return new DiskSpool<T>(path.join(dir, `${name}.jsonl`), codec);
  }

  /** Adds an item; resolves at once unless the disk is behind. */
  async write(item: T): Promise<void> {
    this.batch +=
      (this.codec ? JSON.stringify(this.codec.toJson(item)) : JSON.stringify(item, replacer)) +
      "\n";
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

  /** The items, in the order they were written (after close), a batch per piece of the file read. */
  async *read(): AsyncGenerator<T[]> {
    const codec = this.codec;
    const parse = (line: string) =>
      (codec ? codec.fromJson(JSON.parse(line)) : JSON.parse(line, reviver)) as T;
    let rest = "";
    for await (const chunk of createReadStream(this.file, {
      encoding: "utf8",
      highWaterMark: 64 * 1024,
    })) {
      const text = rest + (chunk as string);
      const batch: T[] = [];
      let at = 0;
      for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", at)) {
        if (nl > at) batch.push(parse(text.slice(at, nl)));
        at = nl + 1;
      }
      rest = text.slice(at);
      if (batch.length > 0) yield batch;
    }
    if (rest !== "") yield [parse(rest)];
  }
}

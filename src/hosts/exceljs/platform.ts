import type { CellValue } from "../../core/types";
import { inBatches } from "./asyncItems";
import type { Codec } from "./zip/codec";

/**
 * Items written once, in order, and read back in the same order: the problems, changes and rows
 * of a registry held aside while it is read. On disk in Node (node/diskSpool.ts: memory holds one
 * batch), in memory in the browser.
 */
export interface Spool<T> {
  write(item: T): Promise<void> | void;
  /** No more items; read() may begin. */
  close(): Promise<void>;
  /** The items in the order they were written, a batch at a time. */
  read(): AsyncIterable<readonly T[]>;
}

/**
 * How the items of a spool that goes to disk cross JSON (dates above all, which JSON has not):
 * a function each way. Without one, a slower generic walk finds the dates.
 */
export interface SpoolCodec<T> {
  toJson(item: T): unknown;
  fromJson(json: unknown): T;
}

/** A cell value as JSON can hold it: a date as {"$d": milliseconds}. */
export function cellToJson(v: CellValue): unknown {
  return v instanceof Date ? { $d: v.getTime() } : v;
}

export function cellFromJson(j: unknown): CellValue {
  if (j !== null && typeof j === "object") {
    const ms = (j as { $d: number | null }).$d;
    return new Date(ms === null ? NaN : ms);
  }
  return j as CellValue;
}

/** What differs between Node and the browser under the same pipeline. */
export interface Platform {
  codec: Codec;
  /** A new spool, private to one run. */
  spool<T>(name: string, codec?: SpoolCodec<T>): Spool<T>;
  /** Removes what the run's spools hold (temp files with names and ID numbers in them). */
  dispose(): Promise<void>;
}

/** A spool in memory: the items themselves. */
export class MemorySpool<T> implements Spool<T> {
  private readonly items: T[] = [];

  write(item: T): void {
    this.items.push(item);
  }

  async close(): Promise<void> {}

  async *read(): AsyncGenerator<readonly T[]> {
    yield* inBatches(this.items);
  }
}

/** Spools in memory: the browser's (a workbook opened in a page is in memory anyway). */
export function memoryPlatform(codec: Codec): Platform {
  return { codec, spool: () => new MemorySpool(), dispose: async () => undefined };
}

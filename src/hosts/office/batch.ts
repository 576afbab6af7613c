import { OP_BYTES } from "./payload";

/**
 * Queues Office.js operations and sends them with as few context.sync() calls as the payload
 * limit allows. Every operation comes with the bytes it adds to the request (or, for a load, to
 * the response); when the next one would take the current request over the budget, what is
 * queued is sent first. The number of syncs is therefore the number of phases that need an
 * answer before going on, plus one per full request: it grows with the bytes, never per row.
 */
/** What the batches of one action did: syncs, and how many of them the budget forced. */
export interface RequestStats {
  /** context.sync() calls made through batches. */
  syncs: number;
  /** Of those, the ones made because the next operation would not fit in the request. */
  forced: number;
  /** Estimated bytes of the biggest request or expected answer. */
  largest: number;
}

export const newStats = (): RequestStats => ({ syncs: 0, forced: 0, largest: 0 });

export class RequestBatch {
  /** Bytes queued since the last sync. */
  private pending = 0;
  private queued = 0;

  /**
   * @param context The request context of Excel.run.
   * @param budget Bytes one request may carry.
   * @param onRequestStart Queued first in every request (e.g. suspend calculation until the next sync).
   * @param stats Counts shared by the batches of one action.
   */
  constructor(
    readonly context: Excel.RequestContext,
    readonly budget: number,
    private readonly onRequestStart?: () => void,
    readonly stats: RequestStats = newStats()
  ) {}

  /** context.sync() calls made through batches sharing these stats. */
  get syncs(): number {
    return this.stats.syncs;
  }

  /** Queues an operation of about `bytes` (arguments or expected answer), sending first if it would not fit. */
  async add(bytes: number, queue: () => void): Promise<void> {
    const size = bytes + OP_BYTES;
    if (this.queued > 0 && this.pending + size > this.budget) {
      this.stats.forced++;
      await this.flush();
    }
    if (this.queued === 0 && this.onRequestStart) {
      this.onRequestStart();
      this.pending += OP_BYTES;
    }
    queue();
    this.pending += size;
    this.queued++;
  }

  /**
   * Bytes an operation may still have in the current request; a whole request's worth when what
   * is left is under a quarter of it (the operation then goes in the next request).
   */
  room(): number {
    const left = this.budget - this.pending - 2 * OP_BYTES;
    return left >= this.budget / 4 ? left : this.budget - 2 * OP_BYTES;
  }

  /** Sends what is queued (one context.sync()); nothing to send, nothing done. */
  async flush(): Promise<void> {
    if (this.queued === 0) return;
    await this.sync();
  }

  /** Sends now, whatever is queued (a read whose answer is needed next). */
  async sync(): Promise<void> {
    this.stats.largest = Math.max(this.stats.largest, this.pending);
    this.pending = 0;
    this.queued = 0;
    this.stats.syncs++;
    await this.context.sync();
  }
}

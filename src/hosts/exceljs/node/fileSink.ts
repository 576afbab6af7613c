import { type WriteStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import type { ByteSink } from "../zip/byteSource";

/**
 * A file written as a stream, with back-pressure: write() waits while the disk is behind. Errors
 * (disk full, no permission) come out of write() or end().
 */
export class FileSink implements ByteSink {
  private readonly out: WriteStream;
  private failure: Error | null = null;

  constructor(path: string) {
    this.out = createWriteStream(path);
    this.out.on("error", (e) => (this.failure ??= e));
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    // The writer may reuse its buffer after this returns: the stream keeps a reference only.
    // once() rejects if the stream fails while waiting.
    if (!this.out.write(chunk)) await once(this.out, "drain");
    if (this.failure) throw this.failure;
  }

  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    this.out.end();
    await once(this.out, "close");
    if (this.failure) throw this.failure;
  }

  /**
   * Closes without caring about errors (after a failure elsewhere), once the file is closed: the
   * caller removes it then, and a file still being opened would otherwise be made after that.
   */
  async abort(): Promise<void> {
    if (this.out.closed) return;
    const closed = once(this.out, "close").catch(() => undefined);
    this.out.destroy();
    await closed;
  }
}

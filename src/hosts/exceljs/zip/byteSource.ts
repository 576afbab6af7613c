/**
 * Bytes read at random: a file on disk (node/fileSource.ts) or bytes held in memory (a small file
 * read once, a file opened in the browser, a workbook just written). The zip reader reads its
 * directory and its entries through this, so one reader serves every size and both platforms.
 */
export interface ByteSource {
  readonly size: number;
  /** `length` bytes from `offset` (fewer only where the source ends). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** The bytes held in memory, when they are (no copy is made to read them). */
  readonly bytes?: Uint8Array;
  close(): Promise<void>;
}

/** Bytes in memory as a source; reads are views, not copies. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    bytes,
    read: async (offset, length) =>
      bytes.subarray(Math.min(offset, bytes.length), Math.min(offset + length, bytes.length)),
    close: async () => undefined,
  };
}

/** Where written bytes go: a file (node/fileSink.ts) or memory (memorySink). */
export interface ByteSink {
  /** Resolves when the sink can take more (back-pressure). */
  write(chunk: Uint8Array): Promise<void> | void;
}

/** A sink that keeps what is written, for the browser and for bytes handed back in memory. */
export class MemorySink implements ByteSink {
  private readonly chunks: Uint8Array[] = [];
  length = 0;

  write(chunk: Uint8Array): void {
    // The writer may reuse its buffers: keep a copy.
    this.chunks.push(chunk.slice());
    this.length += chunk.length;
  }

  /** Everything written, as one array. */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/**
 * A workbook's shared strings, packed: their characters in 4 MB buffers (one byte a character for
 * text in Latin-1, two for the rest) and one 32-bit offset each. A JavaScript string costs 16 to
 * 24 bytes of its own on top of its characters, and an array slot 8 more: at a million registry
 * rows (three million strings: IDs, phones, remarks) the table took 170 MB as strings, and about
 * 80 MB here. Each string is made again when it is read (once per cell, as the sheet streams past).
 */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Bit of an offset that says the string is stored two bytes a character. */
const WIDE = 0x80000000;
const OFFSET = 0x7fffffff;

export class CompactStrings {
  private readonly chunks: Buffer[] = [];
  /** Bytes used in each chunk. */
  private readonly chunkUsed: number[] = [];
  /** Index of the first string of each chunk. */
  private readonly chunkFirst: number[] = [];
  private starts = new Uint32Array(1024);
  /** Values that are not plain text (rich text), by index. */
  private readonly others = new Map<number, unknown>();
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** Adds the next string (or rich-text value) of the table. */
  add(value: unknown): void {
    const i = this.count++;
    if (i === this.starts.length) {
      const next = new Uint32Array(this.starts.length * 2);
      next.set(this.starts);
      this.starts = next;
    }
    const text = typeof value === "string" ? value : "";
    if (typeof value !== "string") this.others.set(i, value);
    const wide = !isLatin1(text);
    const bytes = wide ? text.length * 2 : text.length;
    let k = this.chunks.length - 1;
    if (k < 0 || this.chunkUsed[k] + bytes > this.chunks[k].length) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes)));
      this.chunkUsed.push(0);
      this.chunkFirst.push(i);
      k++;
    }
    const start = this.chunkUsed[k];
    this.chunks[k].write(text, start, wide ? "utf16le" : "latin1");
    this.chunkUsed[k] = start + bytes;
    this.starts[i] = (start | (wide ? WIDE : 0)) >>> 0;
  }

  /** The string (or rich-text value) at index i; undefined beyond the table, as an array gives it. */
  get(i: number): unknown {
    if (!(i >= 0 && i < this.count)) return undefined;
    if (this.others.size > 0 && this.others.has(i)) return this.others.get(i);
    const k = this.chunkOf(i);
    const start = this.starts[i] & OFFSET;
    const end =
      i + 1 < this.count && (k + 1 >= this.chunkFirst.length || i + 1 < this.chunkFirst[k + 1])
        ? this.starts[i + 1] & OFFSET
        : this.chunkUsed[k];
    return this.chunks[k].toString(this.starts[i] & WIDE ? "utf16le" : "latin1", start, end);
  }

  /**
   * The table as exceljs's sheet reader takes it (it reads sharedStrings[index]): an array-like
   * view whose items are made on demand.
   */
  asArray(): unknown[] {
    return new Proxy([] as unknown[], {
      get: (target, key) => {
        if (typeof key === "string") {
          const i = Number(key);
          if (Number.isInteger(i)) return this.get(i);
          if (key === "length") return this.count;
        }
        return Reflect.get(target, key);
      },
    });
  }

  /** Trims the last chunk to what it holds (the table is complete). */
  seal(): void {
    const k = this.chunks.length - 1;
    if (k >= 0 && this.chunkUsed[k] < this.chunks[k].length)
      this.chunks[k] = Buffer.from(this.chunks[k].subarray(0, this.chunkUsed[k]));
  }

  private chunkOf(i: number): number {
    let lo = 0;
    let hi = this.chunkFirst.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunkFirst[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

function isLatin1(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}

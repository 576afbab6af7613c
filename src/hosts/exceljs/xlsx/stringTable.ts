/**
 * A workbook's shared strings, packed: their characters in 4 MB chunks, one byte a character for
 * text in Latin-1 and two (UTF-16, at an even offset) for the rest, and six bytes of index each
 * (where it starts, and its length). A JavaScript string costs 16 to 24 bytes of its own on top of
 * its characters and an array slot 8 more: at a million registry rows (four million strings:
 * names, IDs, phones, remarks) a plain array took 170 MB, this about 90 MB. A string is made again
 * each time it is read (once per cell that uses it). Works the same in Node and the browser.
 */
const CHUNK = 1 << 22;
/** Bit of a string's start that says it is stored two bytes a character. */
const WIDE = 0x80000000;
const OFFSET = 0x7fffffff;
/** Lengths of up to this fit the index; longer strings (none in a sound workbook) are kept aside. */
const MAX_SHORT = 0xffff;
/** Strings longer than this are made with TextDecoder rather than String.fromCharCode. */
const APPLY_MAX = 4096;

const utf16 = new TextDecoder("utf-16le");

export class StringTable {
  private readonly chunks: Uint8Array[] = [];
  /** Index of the first string of each chunk (to find a string's chunk by binary search). */
  private readonly chunkFirst: number[] = [];
  private used = 0;
  private starts = new Uint32Array(1024);
  private lengths = new Uint16Array(1024);
  private readonly long = new Map<number, number>();
  private count = 0;

  get length(): number {
    return this.count;
  }

  add(text: string): void {
    const i = this.count++;
    if (i === this.starts.length) this.grow();
    const n = text.length;
    let wide = false;
    for (let k = 0; k < n; k++)
      if (text.charCodeAt(k) > 0xff) {
        wide = true;
        break;
      }
    const bytes = wide ? 2 * n + 1 : n;
    if (this.chunks.length === 0 || this.used + bytes > CHUNK) {
      this.chunks.push(new Uint8Array(Math.max(CHUNK, bytes)));
      this.chunkFirst.push(i);
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1];
    if (wide) {
      if (this.used & 1) this.used++;
      const view = new Uint16Array(chunk.buffer, chunk.byteOffset + this.used, n);
      for (let k = 0; k < n; k++) view[k] = text.charCodeAt(k);
      this.starts[i] = (this.used | WIDE) >>> 0;
      this.used += 2 * n;
    } else {
      for (let k = 0; k < n; k++) chunk[this.used + k] = text.charCodeAt(k);
      this.starts[i] = this.used;
      this.used += n;
    }
    if (n <= MAX_SHORT) this.lengths[i] = n;
    else {
      this.lengths[i] = MAX_SHORT;
      this.long.set(i, n);
    }
  }

  /** The string at index i; undefined beyond the table. */
  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    let n = this.lengths[i];
    if (n === 0) return "";
    if (n === MAX_SHORT) n = this.long.get(i) ?? n;
    const chunk = this.chunks[this.chunkOf(i)];
    const s = this.starts[i];
    const start = s & OFFSET;
    if (s & WIDE) {
      const view = new Uint16Array(chunk.buffer, chunk.byteOffset + start, n);
      return n <= APPLY_MAX
        ? String.fromCharCode.apply(null, view as unknown as number[])
        : utf16.decode(view);
    }
    const view = chunk.subarray(start, start + n);
    if (n <= APPLY_MAX) return String.fromCharCode.apply(null, view as unknown as number[]);
    let out = "";
    for (let k = 0; k < n; k += APPLY_MAX)
      out += String.fromCharCode.apply(
        null,
        view.subarray(k, k + APPLY_MAX) as unknown as number[]
      );
    return out;
  }

  private chunkOf(i: number): number {
    const first = this.chunkFirst;
    let lo = 0;
    let hi = first.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (first[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Room for more strings: half as many again (doubling would leave up to half the index unused). */
  private grow(): void {
    const size = Math.ceil(this.starts.length * 1.5);
    const s = new Uint32Array(size);
    s.set(this.starts);
    this.starts = s;
    const l = new Uint16Array(size);
    l.set(this.lengths);
    this.lengths = l;
  }
}

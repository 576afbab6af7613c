/**
 * A workbook's shared strings, packed: one byte a character for text in Latin-1, two for the rest,
 * in large typed arrays, and one offset each. A JavaScript string costs 16 to 24 bytes of its own
 * on top of its characters and an array slot 8 more: at a million registry rows (three million
 * strings: names, IDs, phones, remarks) a plain array took 170 MB, this about 80 MB. A string is
 * made again each time it is read (once per cell that uses it). Works the same in Node and the
 * browser (no Buffer).
 */
const CHUNK = 1 << 22;
/** Bit of a string's start that says it is stored two bytes a character. */
const WIDE = 0x80000000;
const OFFSET = 0x7fffffff;
/** Strings longer than this are made with TextDecoder rather than String.fromCharCode. */
const APPLY_MAX = 4096;

const utf16 = new TextDecoder("utf-16le");

export class StringTable {
  private readonly narrow: Uint8Array[] = [];
  private readonly wide: Uint16Array[] = [];
  private narrowUsed = 0;
  private wideUsed = 0;
  /** Per string: the chunk (high 16 bits: index into narrow or wide) and its start, and its length. */
  private chunkOf = new Uint16Array(1024);
  private starts = new Uint32Array(1024);
  private lengths = new Uint32Array(1024);
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
    if (wide) {
      if (this.wide.length === 0 || this.wideUsed + n > this.wide[this.wide.length - 1].length) {
        this.wide.push(new Uint16Array(Math.max(CHUNK / 2, n)));
        this.wideUsed = 0;
      }
      const chunk = this.wide[this.wide.length - 1];
      for (let k = 0; k < n; k++) chunk[this.wideUsed + k] = text.charCodeAt(k);
      this.chunkOf[i] = this.wide.length - 1;
      this.starts[i] = (this.wideUsed | WIDE) >>> 0;
      this.wideUsed += n;
    } else {
      if (
        this.narrow.length === 0 ||
        this.narrowUsed + n > this.narrow[this.narrow.length - 1].length
      ) {
        this.narrow.push(new Uint8Array(Math.max(CHUNK, n)));
        this.narrowUsed = 0;
      }
      const chunk = this.narrow[this.narrow.length - 1];
      for (let k = 0; k < n; k++) chunk[this.narrowUsed + k] = text.charCodeAt(k);
      this.chunkOf[i] = this.narrow.length - 1;
      this.starts[i] = this.narrowUsed;
      this.narrowUsed += n;
    }
    this.lengths[i] = n;
  }

  /** The string at index i; undefined beyond the table. */
  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    const n = this.lengths[i];
    if (n === 0) return "";
    const s = this.starts[i];
    const start = s & OFFSET;
    if (s & WIDE) {
      const view = this.wide[this.chunkOf[i]].subarray(start, start + n);
      return n <= APPLY_MAX
        ? String.fromCharCode.apply(null, view as unknown as number[])
        : utf16.decode(view);
    }
    const view = this.narrow[this.chunkOf[i]].subarray(start, start + n);
    if (n <= APPLY_MAX) return String.fromCharCode.apply(null, view as unknown as number[]);
    let out = "";
    for (let k = 0; k < n; k += APPLY_MAX)
      out += String.fromCharCode.apply(
        null,
        view.subarray(k, k + APPLY_MAX) as unknown as number[]
      );
    return out;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const c = new Uint16Array(size);
    c.set(this.chunkOf);
    this.chunkOf = c;
    const s = new Uint32Array(size);
    s.set(this.starts);
    this.starts = s;
    const l = new Uint32Array(size);
    l.set(this.lengths);
    this.lengths = l;
  }
}

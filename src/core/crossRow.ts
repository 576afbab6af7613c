/**
 * Findings across rows, holding only what they need, in typed arrays: a registry of a million rows
 * costs about 40 bytes a row here (a Map of strings cost 250). Each row with an ID number is an
 * entry: its row, its ID as two integers, its birth date as yyyymmdd and its name's characters.
 * Two open-addressing tables find entries by ID and by name + birth date. Cross-row problems come
 * at the end, when every row has been seen.
 */
export interface CrossRowFinding {
  code: "id-duplicate" | "possible-duplicate";
  /** 1-based source rows involved, in order. */
  rows: number[];
  names: string[];
  /** The value the finding is about (the ID number of id-duplicate). */
  values: string[];
}

/** A growable column of 32-bit integers. */
class IntColumn {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** An open-addressing hash set of entry numbers (stored + 1; 0 is empty), kept at most half full. */
class EntryTable {
  private slots = new Int32Array(2048);
  private used = 0;

  /** hashOf gives an entry's hash again when the table grows. */
  constructor(private readonly hashOf: (entry: number) => number) {}

  /** The first entry with this hash that `same` accepts; or, if there is none, adds `entry` and gives -1. */
  findOrAdd(hash: number, entry: number, same: (other: number) => boolean): number {
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const s = this.slots[i];
      if (s === 0) {
        this.slots[i] = entry + 1;
        if (++this.used * 2 > this.slots.length) this.grow();
        return -1;
      }
      if (same(s - 1)) return s - 1;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (const s of old) {
      if (s === 0) continue;
      let i = this.hashOf(s - 1) & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.slots[i] = s;
    }
  }
}

/** Mixes two 32-bit integers into a well-spread hash (a murmur3-style finaliser). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const ZERO = 48;
/** The 18-character ID number as two integers: digits 1-9, and digits 10-17 × 11 + the check (X = 10). */
function idHigh(id: string): number {
  let n = 0;
  for (let i = 0; i < 9; i++) n = n * 10 + (id.charCodeAt(i) - ZERO);
  return n;
}
function idLow(id: string): number {
  let n = 0;
  for (let i = 9; i < 17; i++) n = n * 10 + (id.charCodeAt(i) - ZERO);
  const check = id.charCodeAt(17);
  return n * 11 + (check === 88 ? 10 : check - ZERO);
}
function idText(high: number, low: number): string {
  const check = low % 11;
  return (
    String(high).padStart(9, "0") +
    String((low - check) / 11).padStart(8, "0") +
    (check === 10 ? "X" : String(check))
  );
}

/** yyyy-mm-dd as the integer yyyymmdd; 0 for none (and for a year no registry holds, 0 or over 99999). */
function birthNumber(birth: string | null): number {
  const m = birth === null ? null : /^(\d{1,5})-(\d\d)-(\d\d)$/.exec(birth);
  return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : 0;
}

export class CrossRowTracker {
  private readonly rows = new IntColumn();
  private readonly high = new IntColumn();
  private readonly low = new IntColumn();
  private readonly birth = new IntColumn();
  /** Where each entry's name starts in `chars` (one more than the entries: the end of the last). */
  private readonly nameStart = new IntColumn();
  private chars = new Uint16Array(4096);
  private charCount = 0;
  private readonly byId = new EntryTable((e) => mix(this.high.data[e], this.low.data[e]));
  private readonly byPerson = new EntryTable((e) => this.personHash(e));
  /** First entry of an ID seen more than once → every entry with it. */
  private readonly duplicates = new Map<number, number[]>();
  /** First entry of a name + birth date → the entries with it whose ID differs from the first's. */
  private readonly conflicts = new Map<number, number[]>();

  constructor() {
    this.nameStart.push(0);
  }

  /** Records a member row: its cleaned ID number (if it has the shape of one), name and birth date (yyyy-mm-dd). */
  add(row: number, name: string, id: string | null, birth: string | null): void {
    if (!id || !/^\d{17}[\dX]$/.test(id)) return;
    const e = this.rows.length;
    const hi = idHigh(id);
    const lo = idLow(id);
    this.rows.push(row);
    this.high.push(hi);
    this.low.push(lo);
    this.birth.push(name ? birthNumber(birth) : 0);
    this.addName(name);
    const first = this.byId.findOrAdd(
      mix(hi, lo),
      e,
      (o) => this.high.data[o] === hi && this.low.data[o] === lo
    );
    if (first >= 0) {
      const list = this.duplicates.get(first);
      if (list) list.push(e);
      else this.duplicates.set(first, [first, e]);
    }
    if (this.birth.data[e] === 0) return;
    const person = this.byPerson.findOrAdd(this.personHash(e), e, (o) => this.samePerson(o, e));
    if (person >= 0 && (this.high.data[person] !== hi || this.low.data[person] !== lo)) {
      const list = this.conflicts.get(person);
      if (list) list.push(e);
      else this.conflicts.set(person, [person, e]);
    }
  }

  findings(): CrossRowFinding[] {
    const out: CrossRowFinding[] = [];
    const firsts = [...this.duplicates.keys()].sort((a, b) => a - b);
    for (const first of firsts) {
      const entries = this.duplicates.get(first)!;
      const id = idText(this.high.data[first], this.low.data[first]);
      out.push({
        code: "id-duplicate",
        rows: entries.map((e) => this.rows.data[e]),
        names: entries.map((e) => this.name(e)),
        values: entries.map(() => id),
      });
    }
    for (const entries of this.conflicts.values())
      out.push({
        code: "possible-duplicate",
        rows: entries.map((e) => this.rows.data[e]),
        names: entries.map((e) => this.name(e)),
        values: entries.map((e) => idText(this.high.data[e], this.low.data[e])),
      });
    return out.sort((a, b) => a.rows[0] - b.rows[0]);
  }

  private addName(name: string): void {
    if (this.charCount + name.length > this.chars.length) {
      const next = new Uint16Array(Math.max(this.chars.length * 2, this.charCount + name.length));
      next.set(this.chars);
      this.chars = next;
    }
    for (let i = 0; i < name.length; i++) this.chars[this.charCount++] = name.charCodeAt(i);
    this.nameStart.push(this.charCount);
  }

  private name(e: number): string {
    let s = "";
    // In slices: a long cell would pass too many arguments at once.
    for (let i = this.nameStart.data[e]; i < this.nameStart.data[e + 1]; i += 4096)
      s += String.fromCharCode(
        ...this.chars.subarray(i, Math.min(i + 4096, this.nameStart.data[e + 1]))
      );
    return s;
  }

  private personHash(e: number): number {
    let h = this.birth.data[e];
    for (let i = this.nameStart.data[e]; i < this.nameStart.data[e + 1]; i++)
      h = Math.imul(h ^ this.chars[i], 0x01000193);
    return mix(h, this.birth.data[e]);
  }

  private samePerson(a: number, b: number): boolean {
    if (this.birth.data[a] !== this.birth.data[b]) return false;
    const sa = this.nameStart.data[a];
    const sb = this.nameStart.data[b];
    const len = this.nameStart.data[a + 1] - sa;
    if (this.nameStart.data[b + 1] - sb !== len) return false;
    for (let i = 0; i < len; i++) if (this.chars[sa + i] !== this.chars[sb + i]) return false;
    return true;
  }
}

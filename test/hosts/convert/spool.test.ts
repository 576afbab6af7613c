import { mkdtempSync, promises as fs, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DiskSpool as Spool } from "../../../src/hosts/exceljs/node/diskSpool";
import { SortedCursor, mergeSorted } from "../../../src/hosts/exceljs/asyncItems";

describe("Spool: items to disk as JSON lines and back", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-spool-"));
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("gives back what went in, in order, dates and odd text included", async () => {
    const spool = Spool.in<{ n: number; v: unknown }>(dir, "items");
    const items = Array.from({ length: 20_000 }, (_, n) => ({
      n,
      v:
        n % 4 === 0
          ? new Date(Date.UTC(1990, 0, 1 + n))
          : n % 4 === 1
            ? `行\n${n}\r\u2028“引号”`
            : n % 4 === 2
              ? null
              : n * 0.5,
    }));
    for (const it of items) await spool.write(it);
    await spool.close();
    expect(spool.count).toBe(items.length);
    const back = [];
    let batches = 0;
    for await (const batch of spool.read()) {
      back.push(...batch);
      batches++;
    }
    expect(back).toEqual(items);
    // Read back a batch at a time, not an item at a time.
    expect(batches).toBeLessThan(items.length / 100);
    // Names and ID numbers: readable by this user only.
    expect(statSync(spool.file).mode & 0o777).toBe(0o600);
  });

  it("an invalid date stays an invalid date", async () => {
    const spool = Spool.in<{ d: Date }>(dir, "bad-date");
    await spool.write({ d: new Date(NaN) });
    await spool.close();
    const back = [];
    for await (const batch of spool.read()) back.push(...batch);
    expect(back).toHaveLength(1);
    expect(Number.isNaN(back[0].d.getTime())).toBe(true);
  });
});

describe("mergeSorted", () => {
  /** The items in batches of two. */
  async function* gen<T>(xs: T[]) {
    for (let i = 0; i < xs.length; i += 2) yield xs.slice(i, i + 2);
  }
  const byKey = (a: { k: number }, b: { k: number }) => a.k - b.k;
  const run = async (
    a: { k: number; s: string }[],
    b: { k: number; s: string }[],
    listFirst?: boolean
  ) => {
    const out = [];
    for await (const batch of mergeSorted(gen(a), gen(b), byKey, listFirst))
      for (const x of batch) out.push(x.s);
    return out.join(" ");
  };

  it("merges, the stream first on ties unless told otherwise", async () => {
    const a = [
      { k: 1, s: "a1" },
      { k: 3, s: "a3" },
      { k: 3, s: "a3'" },
      { k: 9, s: "a9" },
    ];
    const b = [
      { k: 0, s: "b0" },
      { k: 3, s: "b3" },
      { k: 10, s: "b10" },
    ];
    expect(await run(a, b)).toBe("b0 a1 a3 a3' b3 a9 b10");
    expect(await run(a, b, true)).toBe("b0 a1 b3 a3 a3' a9 b10");
    expect(await run([], b)).toBe("b0 b3 b10");
    expect(await run(a, [])).toBe("a1 a3 a3' a9");
    // The other in batches of two cut between equal keys and past the end of the first.
    const c = [
      { k: 3, s: "c3" },
      { k: 3, s: "c3'" },
      { k: 11, s: "c11" },
      { k: 12, s: "c12" },
      { k: 13, s: "c13" },
    ];
    expect(await run(a, c)).toBe("a1 a3 a3' c3 c3' a9 c11 c12 c13");
  });
});

describe("SortedCursor", () => {
  it("takes the items of each key in order, reading a batch only when needed", async () => {
    let reads = 0;
    async function* batches() {
      for (const b of [[{ row: -1 }, { row: 2 }], [{ row: 2 }, { row: 5 }], [{ row: 9 }]]) {
        reads++;
        yield b;
      }
    }
    const cursor = new SortedCursor(batches(), (p: { row: number }) => p.row);
    const take = async (row: number) => {
      while (cursor.needs(row)) await cursor.fill();
      return cursor.take(row).length;
    };
    expect(await take(1)).toBe(0);
    expect(reads).toBe(1);
    expect(await take(2)).toBe(2);
    expect(reads).toBe(2);
    expect(await take(3)).toBe(0);
    expect(await take(5)).toBe(1);
    expect(await take(9)).toBe(1);
    expect(await take(10)).toBe(0);
    expect(reads).toBe(3);
  });
});

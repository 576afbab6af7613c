import fc from "fast-check";
import { CrossRowTracker, type CrossRowFinding } from "../../src/core/crossRow";

/** The plain way: Maps of strings (what the compact tracker replaced), as the reference. */
function reference(
  rows: readonly { row: number; name: string; id: string | null; birth: string | null }[]
): CrossRowFinding[] {
  const byId = new Map<string, { rows: number[]; names: string[] }>();
  const byPerson = new Map<string, { id: string; row: number; name: string }>();
  const conflicts = new Map<string, { rows: number[]; names: string[]; ids: string[] }>();
  for (const { row, name, id, birth } of rows) {
    if (!id) continue;
    const seen = byId.get(id) ?? { rows: [], names: [] };
    seen.rows.push(row);
    seen.names.push(name);
    byId.set(id, seen);
    if (!name || !birth) continue;
    const key = `${name}\u0000${birth}`;
    const first = byPerson.get(key);
    if (!first) byPerson.set(key, { id, row, name });
    else if (first.id !== id) {
      const c = conflicts.get(key) ?? { rows: [first.row], names: [first.name], ids: [first.id] };
      c.rows.push(row);
      c.names.push(name);
      c.ids.push(id);
      conflicts.set(key, c);
    }
  }
  const out: CrossRowFinding[] = [];
  for (const [id, s] of byId)
    if (s.rows.length > 1)
      out.push({
        code: "id-duplicate",
        rows: s.rows,
        names: s.names,
        values: s.rows.map(() => id),
      });
  for (const c of conflicts.values())
    out.push({ code: "possible-duplicate", rows: c.rows, names: c.names, values: c.ids });
  return out.sort((a, b) => a.rows[0] - b.rows[0]);
}

const track = (rows: Parameters<typeof reference>[0]) => {
  const t = new CrossRowTracker();
  for (const r of rows) t.add(r.row, r.name, r.id, r.birth);
  return t.findings();
};

// Few distinct values, so that duplicates and conflicts are common.
const idArb = fc.constantFrom(
  "11010519491231002X",
  "110105194912310029",
  "440524198001010013",
  "999999999999999999",
  "000000000000000000",
  "000000001000000000"
);
const rowsArb = fc
  .array(
    fc.record({
      name: fc.constantFrom("张三", "李四", "", "阿依古丽·买买提", "张三 "),
      id: fc.option(idArb, { nil: null }),
      birth: fc.option(fc.constantFrom("1949-12-31", "1980-01-01", "0999-01-01"), { nil: null }),
    }),
    { maxLength: 60 }
  )
  .map((rs) => rs.map((r, i) => ({ ...r, row: i + 3 })));

describe("cross-row findings (duplicate IDs, same name and birth date with another ID)", () => {
  it("are those of the plain Map-of-strings way, for any rows", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => expect(track(rows)).toEqual(reference(rows))),
      {
        numRuns: 1000,
      }
    );
  });

  it("keep IDs exactly, check character X and leading zeros included", () => {
    const f = track([
      { row: 2, name: "甲", id: "000000001000000000", birth: null },
      { row: 9, name: "乙", id: "000000001000000000", birth: null },
      { row: 4, name: "丙", id: "11010519491231002X", birth: null },
      { row: 5, name: "丁", id: "11010519491231002X", birth: null },
    ]);
    expect(f).toEqual([
      {
        code: "id-duplicate",
        rows: [2, 9],
        names: ["甲", "乙"],
        values: ["000000001000000000", "000000001000000000"],
      },
      {
        code: "id-duplicate",
        rows: [4, 5],
        names: ["丙", "丁"],
        values: ["11010519491231002X", "11010519491231002X"],
      },
    ]);
  });

  it("hold 200,000 members, each ID once and one repeated far below, and find the repeat", () => {
    const t = new CrossRowTracker();
    const id = (i: number) => `1101051980${String(i).padStart(7, "0")}1`;
    for (let i = 0; i < 200_000; i++) t.add(i + 3, `成员${i}`, id(i), "1980-01-01");
    t.add(200_003, "重复", id(17), "1980-01-01");
    const f = t.findings();
    expect(f).toEqual([
      {
        code: "id-duplicate",
        rows: [20, 200_003],
        names: ["成员17", "重复"],
        values: [id(17), id(17)],
      },
    ]);
  });

  it("give a long name back whole", () => {
    const long = "名".repeat(20_000);
    const f = track([
      { row: 3, name: long, id: "440524198001010013", birth: null },
      { row: 4, name: "乙", id: "440524198001010013", birth: null },
    ]);
    expect(f[0].names[0]).toBe(long);
  });
});

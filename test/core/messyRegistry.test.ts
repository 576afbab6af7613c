import { normalizeRegistry } from "../../src/core/registry";
import { FIELDS, memberSchema } from "../../src/core/schema";
import { buildMessyRegistry } from "../fixtures/messyRegistry";
import { lostCells } from "../helpers/noLoss";
import { AS_OF } from "./helpers";

describe("a realistic messy registry (generated, every quirk of DOMAIN.md)", () => {
  const fixture = buildMessyRegistry(60);
  const result = normalizeRegistry(fixture.rows, { asOf: AS_OF });

  it("finds the two-row header under the title and filler rows", () => {
    expect(result.header?.rows).toEqual([3, 4]);
    expect(result.columns.slice(0, 23).map((c) => c.header)).toEqual(FIELDS.map((f) => f.header));
    expect(result.columns).toHaveLength(23);
  });

  it("normalises to the expected values, cell for cell", () => {
    expect(result.rows).toHaveLength(fixture.expected.length);
    const diffs: string[] = [];
    fixture.expected.forEach((row, i) =>
      row.forEach((want, j) => {
        const got = result.rows[i][j];
        const same =
          want instanceof Date
            ? got instanceof Date && got.getTime() === want.getTime()
            : got === want;
        if (!same)
          diffs.push(
            `row ${result.sourceRows[i]} ${FIELDS[j].header}: want ${String(want)}, got ${String(got)}`
          );
      })
    );
    expect(diffs).toEqual([]);
  });

  it("reports exactly the planted problems", () => {
    const got = result.problems.map((p) => ({ row: p.row, column: p.column, code: p.code }));
    const byRow = (a: { row: number; code: string }, b: { row: number; code: string }) =>
      a.row - b.row || a.code.localeCompare(b.code);
    expect(got.sort(byRow)).toEqual([...fixture.problems].sort(byRow));
  });

  it("drops title, header, blank and total rows, and loses nothing", () => {
    expect(result.dropped.map((d) => d.row)).toEqual(fixture.droppedRows);
    const grid = fixture.rows.map((r) => [...r.values]);
    expect(lostCells(grid, result)).toEqual([]);
    expect(result.changes.length).toBeGreaterThan(200);
  });
});

describe("canonical form", () => {
  it("every clean output row satisfies the member schema (zod)", () => {
    const fixture = buildMessyRegistry(60);
    const result = normalizeRegistry(fixture.rows, { asOf: AS_OF });
    const badRows = new Set(
      fixture.problems.filter((p) => p.code !== "id-duplicate").map((p) => p.row)
    );
    let checked = 0;
    result.rows.forEach((row, i) => {
      if (badRows.has(result.sourceRows[i])) return;
      const record = Object.fromEntries(FIELDS.map((f, j) => [f.key, row[j]]));
      const parsed = memberSchema.safeParse(record);
      expect(parsed.error?.issues ?? []).toEqual([]);
      checked++;
    });
    expect(checked).toBeGreaterThan(55);
    expect(
      memberSchema.safeParse({
        ...Object.fromEntries(FIELDS.map((f, j) => [f.key, result.rows[0][j]])),
        ethnicity: "汉",
      }).success
    ).toBe(false);
  });
});

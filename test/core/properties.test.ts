import fc from "fast-check";
import { normalizeRegistry, type RegistryResult } from "../../src/core/registry";
import { type CellValue, droppedRowCount } from "../../src/core/types";
import { anyGrid, registryGrid } from "../helpers/arbitraries";
import { lostCells } from "../helpers/noLoss";
import { AS_OF } from "./helpers";

const opts = { asOf: AS_OF };
const runs = { numRuns: Number(process.env.FC_RUNS ?? 300) };

/** The output sheet as a grid: header row, then the data rows. */
const outputGrid = (r: RegistryResult): CellValue[][] => [
  r.columns.map((c) => c.header),
  ...r.rows,
];

/** Row problems keyed by output row, so that two runs can be compared. */
function rowProblems(r: RegistryResult): string[] {
  const index = new Map(r.sourceRows.map((s, i) => [s, i]));
  return r.problems
    .filter((p) => index.has(p.row))
    .map((p) => `${index.get(p.row)}|${p.code}|${p.column}`)
    .sort();
}

const sheetProblems = (r: RegistryResult) =>
  r.problems
    .filter((p) => p.code === "column-unmapped" || p.code === "column-duplicate")
    .map((p) => `${p.code}|${p.column}`)
    .sort();

describe("engine properties", () => {
  it("never throws, whatever the grid", () => {
    fc.assert(
      fc.property(anyGrid, (grid) => {
        const r = normalizeRegistry(grid, opts);
        expect(Array.isArray(r.rows)).toBe(r.problems.length >= 0);
      }),
      runs
    );
  });

  it("loses nothing: every non-empty cell is in the output unchanged, in the change log, or in a dropped row", () => {
    fc.assert(
      fc.property(anyGrid, (grid) => {
        expect(lostCells(grid, normalizeRegistry(grid, opts))).toEqual([]);
      }),
      runs
    );
  });

  it("is idempotent: normalising its output changes nothing and reports the same problems", () => {
    fc.assert(
      fc.property(registryGrid, (grid) => {
        const first = normalizeRegistry(grid, opts);
        fc.pre(first.header !== null);
        const second = normalizeRegistry(outputGrid(first), opts);
        expect(second.changes).toEqual([]);
        expect(second.dropped.map((d) => d.reason)).toEqual(["header"]);
        expect(outputGrid(second)).toEqual(outputGrid(first));
        expect(rowProblems(second)).toEqual(rowProblems(first));
        expect(sheetProblems(second)).toEqual(sheetProblems(first));
      }),
      runs
    );
  });

  it("keeps every member row of a registry grid", () => {
    fc.assert(
      fc.property(registryGrid, (grid) => {
        const r = normalizeRegistry(grid, opts);
        // A run of blank rows is one entry that stands for each of its rows.
        const accounted = r.rows.length + droppedRowCount(r.dropped);
        expect(accounted).toBe(grid.length);
      }),
      runs
    );
  });
});

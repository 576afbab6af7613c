/*
 * The engine fed what test/core/properties.test.ts does not give it: strings far over Excel's
 * 32,767 characters (in cells and in headers), lone surrogates and other odd Unicode, dates and
 * numbers at the edges, sparse rows, rows hundreds of cells wide, number formats of every kind,
 * row numbers with gaps, the 1904 date system and both locales. It must never throw, answer
 * quickly, account for every row, report only problems it knows (in the locale asked), and lose
 * nothing.
 */
import fc from "fast-check";
import { HEADER_ALIASES } from "../../src/core/header/aliases";
import { PROBLEM_CODES, PROBLEM_PARAMS, renderProblem } from "../../src/core/messages";
import { normalizeRegistry } from "../../src/core/registry";
import { FIELDS } from "../../src/core/schema";
import { type CellValue, type Locale, type RawRow, droppedRowCount } from "../../src/core/types";
import { anyCell, registryGrid } from "../helpers/arbitraries";
import { lostCells } from "../helpers/noLoss";

const runs = { numRuns: Number(process.env.FC_RUNS ?? 200) };
const AS_OF = new Date(Date.UTC(2026, 10, 23));

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n));

/** Text no registry holds but a damaged file can: lone surrogates, noncharacters, controls, huge. */
const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.string({
    unit: fc.oneof(
      loneSurrogate,
      fc.constantFrom(
        "\uFFFE",
        "\uFFFF",
        "\uFFFD",
        "\u0000",
        "\u001F",
        "\u202E",
        "\u0301",
        "𠀀",
        "😀",
        "张",
        "1",
        "X"
      )
    ),
    maxLength: 40,
  }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "x".repeat(32768),
    "张".repeat(40000),
    "1".repeat(100000),
    "😀".repeat(20000),
    " ".repeat(50000),
    "\n".repeat(5000),
    "11010519491231002X".repeat(2000)
  )
);

/** Values at the edges of what a host can hand over. */
const oddCell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: anyCell, weight: 3 },
  { arbitrary: oddString, weight: 3 },
  {
    arbitrary: fc.constantFrom<CellValue>(
      new Date(8.64e15),
      new Date(-8.64e15),
      new Date(NaN),
      new Date(Date.UTC(1899, 11, 31)),
      new Date(Date.UTC(1900, 1, 29)),
      new Date(Date.UTC(9999, 11, 31)),
      Number.MIN_VALUE,
      -Number.MAX_VALUE,
      1e21,
      -1e-7,
      2958465.9999,
      60,
      0.5,
      -1,
      2 ** 53 + 1
    ),
    weight: 2,
  },
  { arbitrary: fc.double({ noNaN: false }), weight: 1 }
);

/** Number formats as old files carry them: dates, text, currencies, garbage. */
const numFmt: fc.Arbitrary<string | null | undefined> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    "General",
    "@",
    "0",
    "0.00",
    "yyyy-mm-dd",
    "yyyy/m/d",
    'yyyy"年"m"月"d"日"',
    "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy",
    '[DBNum1][$-804]yyyy"年"m"月"',
    "h:mm:ss AM/PM",
    "mm:ss.0",
    "[Red]0;[Blue]-0",
    '"d"0'
  ),
  fc.string({ maxLength: 20 })
);

/** Header names of every field (canonical and aliases), odd ones, and huge ones. */
const headerName: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(...FIELDS.map((f) => f.header), ...Object.keys(HEADER_ALIASES)),
  oddCell
);

/** A row: dense or sparse (holes read as undefined), up to 300 cells wide. */
function rowOf(cell: fc.Arbitrary<CellValue>): fc.Arbitrary<CellValue[]> {
  return fc.oneof(
    fc.array(cell, { maxLength: 30 }),
    fc.sparseArray(cell, { maxLength: 300, maxNumElements: 12 }),
    fc.array(cell, { minLength: 200, maxLength: 300 })
  );
}

/** A grid with a header among its first rows, then odd rows; or any odd grid at all. */
const oddGrid: fc.Arbitrary<CellValue[][]> = fc.oneof(
  fc
    .tuple(
      fc.array(rowOf(oddCell), { maxLength: 3 }),
      fc.array(headerName, { minLength: 1, maxLength: 25 }),
      fc.array(rowOf(oddCell), { maxLength: 15 })
    )
    .map(([top, header, rows]) => [...top, ["姓名", ...header], ...rows]),
  fc.array(rowOf(oddCell), { maxLength: 20 }),
  registryGrid.chain((grid) =>
    // A real registry with a few cells made odd.
    fc.array(fc.tuple(fc.nat(), fc.nat(), oddCell), { maxLength: 6 }).map((edits) => {
      const g = grid.map((r) => [...r]);
      for (const [r, c, v] of edits) {
        if (g.length === 0) break;
        const row = g[r % g.length];
        row[c % (row.length + 2)] = v;
      }
      return g;
    })
  )
);

/** Rows as a host hands them: row numbers with gaps, number formats beside the values. */
const rawRows: fc.Arbitrary<RawRow[]> = oddGrid.chain((grid) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: grid.length, maxLength: grid.length }),
      fc.array(fc.array(numFmt, { maxLength: 30 }), {
        minLength: grid.length,
        maxLength: grid.length,
      })
    )
    .map(([gaps, fmts]) => {
      let n = 0;
      return grid.map((values, i) => ({ rowNumber: (n += gaps[i]), values, numFmts: fmts[i] }));
    })
);

const options = fc.record({
  locale: fc.constantFrom<Locale>("zh-CN", "en"),
  dateSystem: fc.constantFrom<1900 | 1904>(1900, 1904),
});

/** Checks the shape of a result: every row accounted for, only known problems, all in place. */
function checkResult(rows: readonly RawRow[], r: ReturnType<typeof normalizeRegistry>): void {
  const numbers = new Set(rows.map((x) => x.rowNumber));
  expect(r.rows.length + droppedRowCount(r.dropped)).toBe(rows.length);
  expect(r.sourceRows.every((n) => numbers.has(n))).toBe(true);
  expect(r.dropped.every((d) => numbers.has(d.row))).toBe(true);
  for (const p of r.problems) {
    expect(PROBLEM_CODES).toContain(p.code);
    expect(["error", "warning"]).toContain(p.severity);
    // Its parameters are those of its code, and it renders in both languages.
    expect(PROBLEM_PARAMS[p.code].safeParse(p.params).success).toBe(true);
    for (const locale of ["zh-CN", "en"] as const)
      expect(renderProblem(p, locale).message.length).toBeGreaterThan(0);
    expect(p.row === 0 || numbers.has(p.row)).toBe(true);
  }
  for (const c of r.changes) expect(numbers.has(c.row)).toBe(true);
  const width = r.columns.length;
  for (const row of r.rows) expect(row.length).toBe(width);
  for (const m of r.plan.marks) {
    expect(m.row).toBeGreaterThanOrEqual(0);
    expect(m.row).toBeLessThan(r.rows.length);
    expect(m.column).toBeGreaterThanOrEqual(0);
    expect(m.column).toBeLessThan(width);
  }
  expect(r.counts.errors).toBe(r.problems.filter((p) => p.severity === "error").length);
}

describe("engine fuzz: odd grids", () => {
  it("never throws, answers quickly, and accounts for every row", () => {
    fc.assert(
      fc.property(rawRows, options, (rows, o) => {
        const started = Date.now();
        const r = normalizeRegistry(rows, { ...o, asOf: AS_OF });
        expect(Date.now() - started).toBeLessThan(5000);
        checkResult(rows, r);
      }),
      runs
    );
  });

  it("loses nothing, whatever the cells hold", () => {
    fc.assert(
      fc.property(oddGrid, options, (grid, o) => {
        // Holes are empty cells to the no-loss rule, as to the engine.
        const dense = grid.map((r) => Array.from(r, (v) => v ?? null));
        expect(lostCells(dense, normalizeRegistry(dense, { ...o, asOf: AS_OF }))).toEqual([]);
      }),
      runs
    );
  });
});

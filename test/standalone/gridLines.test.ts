/**
 * The page's grid folds the empty rows a chart sits on (the page draws its charts above the
 * grid) into one line, and shows every other row as it is.
 */
import type { SheetPreview } from "../../src/hosts/exceljs/browser";
import { gridLines } from "../../src/standalone/Grid";

/** A preview of `n` rows: the rows listed hold a value, the others are empty. */
function preview(n: number, filled: number[], extra: Partial<SheetPreview> = {}): SheetPreview {
  const rows = Array.from({ length: n }, (_, r) =>
    filled.includes(r + 1) ? ["x", null] : [null, ""]
  );
  return { rows, more: false, fills: rows.map(() => [null, null]), notes: [], ...extra };
}
const shown = (lines: ReturnType<typeof gridLines>) =>
  lines.map((l) => (l.kind === "row" ? l.r + 1 : `${l.from}–${l.to}`));

describe("gridLines", () => {
  it("folds the empty run under the charts, the blank rows between and below them included", () => {
    // A summary's head in rows 1–4, charts on 5–20 and 23–38, its tables from row 40.
    const p = preview(42, [1, 2, 3, 4, 40, 41, 42]);
    const charts = [
      { top: 5, bottom: 20 },
      { top: 23, bottom: 38 },
    ];
    expect(shown(gridLines(p, charts, null))).toEqual([1, 2, 3, 4, "5–39", 40, 41, 42]);
  });

  it("shows every row of a sheet without charts, empty ones too", () => {
    expect(shown(gridLines(preview(4, [1, 4]), [], null))).toEqual([1, 2, 3, 4]);
  });

  it("keeps an empty run no chart sits on, and rows under a chart that hold anything", () => {
    const p = preview(12, [1, 7, 12], {
      notes: [{ row: 4, column: 1, text: "备注" }],
    });
    p.fills[9][1] = "#FFC7CE";
    const lines = gridLines(p, [{ top: 3, bottom: 10 }], null);
    // 2–3 is one empty run the chart reaches: folded whole. 4 has a note, 7 a value, 10 a fill:
    // each stays a row. 11 is empty, but no chart is on it.
    expect(shown(lines)).toEqual([1, "2–3", 4, "5–6", 7, "8–9", 10, 11, 12]);
  });

  it("never folds the selected cell's row", () => {
    const p = preview(10, [1, 10]);
    expect(shown(gridLines(p, [{ top: 2, bottom: 9 }], 5))).toEqual([1, "2–4", 5, "6–9", 10]);
  });
});

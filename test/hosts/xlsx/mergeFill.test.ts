import type { CellValue, RawRow } from "../../../src/core/types";
import { filledRows } from "../../../src/hosts/exceljs/xlsx/filledRows";
import { MergeFiller } from "../../../src/hosts/exceljs/xlsx/mergeFill";

function apply(f: MergeFiller, row: number, values: CellValue[]) {
  const v = [...values];
  const fmts = v.map(() => null as string | null);
  f.apply(row, v, fmts);
  return v;
}

describe("merged cells read as every host reads them", () => {
  it("a cell merged across columns is read once, at its top-left", () => {
    const f = new MergeFiller([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(apply(f, 1, ["标题", "x", "y", "z"])).toEqual(["标题", null, null, "z"]);
    expect(apply(f, 2, ["a", "b"])).toEqual(["a", "b"]);
  });

  it("a cell merged down rows is read in every row of it", () => {
    const f = new MergeFiller([{ top: 2, left: 2, bottom: 4, right: 2 }]);
    expect(apply(f, 1, ["h", "所在支部"])).toEqual(["h", "所在支部"]);
    expect(apply(f, 2, ["张三", "机关支部"])).toEqual(["张三", "机关支部"]);
    expect(apply(f, 3, ["李四"])).toEqual(["李四", "机关支部"]);
    expect(apply(f, 4, ["王五", null])).toEqual(["王五", "机关支部"]);
    expect(apply(f, 5, ["赵六"])).toEqual(["赵六"]);
    expect(f.lastRow).toBe(4);
  });

  it("a block merged both ways: empty in its top row, the value in every cell below", () => {
    const f = new MergeFiller([{ top: 1, left: 1, bottom: 2, right: 2 }]);
    expect(apply(f, 1, ["v"])).toEqual(["v", null]);
    expect(apply(f, 2, [])).toEqual(["v", "v"]);
  });

  it("filledRows gives every row number, gaps and rows a merge reaches below the last listed", async () => {
    const row = (rowNumber: number, values: CellValue[]): RawRow => ({
      rowNumber,
      values,
      numFmts: values.map((v) => (v instanceof Date ? "yyyy-mm-dd" : null)),
    });
    const born = new Date(Date.UTC(1965, 2, 12));
    const out = [];
    for await (const r of filledRows(
      [row(2, ["a", "b", born]), row(5, ["c"])],
      [
        { top: 2, left: 2, bottom: 7, right: 2 },
        { top: 2, left: 3, bottom: 3, right: 3 },
      ]
    ))
      out.push([r.rowNumber, r.values, r.numFmts]);
    const d = "yyyy-mm-dd";
    expect(out).toEqual([
      [1, [], []],
      [2, ["a", "b", born], [null, null, d]],
      [3, [null, "b", born], [null, null, d]],
      [4, [null, "b"], [null, null]],
      [5, ["c", "b"], [null, null]],
      [6, [null, "b"], [null, null]],
      [7, [null, "b"], [null, null]],
    ]);
  });

  it("filledRows without merges gives the rows as they are, gaps filled", async () => {
    const out = [];
    for await (const r of filledRows([{ rowNumber: 3, values: ["x"] }], []))
      out.push([r.rowNumber, r.values]);
    expect(out).toEqual([
      [1, []],
      [2, []],
      [3, ["x"]],
    ]);
  });
});

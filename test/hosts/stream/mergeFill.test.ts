import type { CellValue } from "../../../src/core/types";
import { rawRows } from "../../../src/hosts/exceljs/stream/rawRows";
import { MergeFiller } from "../../../src/hosts/exceljs/xlsx/mergeFill";

function apply(f: MergeFiller, row: number, values: CellValue[]) {
  const v = [...values];
  const fmts = v.map(() => null as string | null);
  f.apply(row, v, fmts);
  return v;
}

describe("MergeFiller: merged cells read as the full load reads them", () => {
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

  it("rawRows gives every row number, gaps and rows a merge reaches below the last included", async () => {
    const row = (number: number, values: CellValue[]) =>
      ({
        number,
        eachCell: (_o: unknown, f: (c: { value: CellValue; numFmt?: string }, i: number) => void) =>
          values.forEach((v, i) => v !== null && f({ value: v, numFmt: undefined }, i + 1)),
      }) as never;
    const out = [];
    for await (const r of rawRows(
      [row(2, ["a", "b"]), row(5, ["c"])],
      [{ top: 2, left: 2, bottom: 7, right: 2 }]
    ))
      out.push([r.rowNumber, r.values]);
    expect(out).toEqual([
      [1, []],
      [2, ["a", "b"]],
      [3, [null, "b"]],
      [4, [null, "b"]],
      [5, ["c", "b"]],
      [6, [null, "b"]],
      [7, [null, "b"]],
    ]);
  });
});

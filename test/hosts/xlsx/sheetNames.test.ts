import { badSheetName, sheetIds } from "../../../src/hosts/exceljs/xlsx/sheetNames";

describe("badSheetName: names Excel does not open", () => {
  it("accepts ordinary names, Chinese ones up to 31 characters", () => {
    expect(badSheetName(["成员名册", "例会台账", "Sheet1", "一".repeat(31)])).toBeNull();
  });
  it("names what is wrong, with the name", () => {
    expect(badSheetName(["一".repeat(32)])).toEqual({
      kind: "sheet-name-too-long",
      name: "一".repeat(32),
    });
    expect(badSheetName(["名册:2008"])).toEqual({ kind: "sheet-name-invalid", name: "名册:2008" });
    for (const n of ["", "History", "a[1]", "a/b", "a\\b", "a*", "a?", "'a", "a'"])
      expect([n, badSheetName([n])]).toEqual([n, { kind: "sheet-name-invalid", name: n }]);
    expect(badSheetName(["Data", "DATA"])).toEqual({ kind: "sheet-name-duplicate", name: "DATA" });
  });
});

describe("sheetIds: ids Excel takes", () => {
  it("keeps sane ids and numbers the new ones after the largest", () => {
    expect(sheetIds([3, 5000, 1], 2)).toEqual([3, 5000, 1, 5001, 5002]);
    expect(sheetIds([], 3)).toEqual([1, 2, 3]);
  });
  it("numbers all from 1 when one is missing, zero, repeated, or leaves no room", () => {
    expect(sheetIds([0, 2], 1)).toEqual([1, 2, 3]);
    expect(sheetIds([2, 2], 1)).toEqual([1, 2, 3]);
    expect(sheetIds([1.5, 2], 0)).toEqual([1, 2]);
    expect(sheetIds([0xffffffff], 1)).toEqual([1, 2]);
    expect(sheetIds([0xfffffffe], 1)).toEqual([0xfffffffe, 0xffffffff]);
  });
});

import {
  blockArea,
  columnLabel,
  columnLetter,
  columnNumber,
  parseBlock,
  parseCell,
  rangeAddress,
  refSheet,
} from "../../src/core/a1";

describe("A1 addresses (core/a1: the one home for them)", () => {
  it("turns column numbers into letters and back", () => {
    const numbers = [1, 26, 27, 52, 702, 703, 16384];
    const letters = ["A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"];
    expect(numbers.map(columnLetter)).toEqual(letters);
    expect(letters.map(columnNumber)).toEqual(numbers);
    expect(columnNumber("xfd")).toBe(16384);
    expect(columnLetter(0)).toBe("A");
  });

  it("names a column for a message, past the last one by its number", () => {
    expect([0, 3, 16384, 16385].map(columnLabel)).toEqual([undefined, "C", "XFD", "16385"]);
  });

  it("parses cells and blocks, with or without $ and a sheet", () => {
    expect(parseCell("B3")).toEqual({ row: 3, column: 2 });
    expect(parseCell("$XFD$1048576")).toEqual({ row: 1048576, column: 16384 });
    expect(parseCell("3B")).toBeNull();
    expect(parseCell("AAAAAA1")!.column).toBeGreaterThan(16384);
    expect(parseBlock("C3")).toEqual({ top: 3, left: 3, bottom: 3, right: 3 });
    expect(parseBlock("'名 册'!$B$9:A2")).toEqual({ top: 2, left: 1, bottom: 9, right: 2 });
    expect(parseBlock("nonsense")).toBeNull();
    expect(parseBlock("1:1")).toBeNull();
    expect(rangeAddress({ top: 2, left: 1, bottom: 9, right: 2 })).toBe("A2:B9");
    expect(blockArea({ top: 1, left: 1, bottom: 1048576, right: 23 })).toBe(1048576 * 23);
  });

  it("tells the sheet of a reference", () => {
    expect(refSheet("'It''s'!$A$1")).toBe("It's");
    expect(refSheet("名册!$B$2:$B$9")).toBe("名册");
    expect(refSheet("$A$1")).toBe("");
  });
});

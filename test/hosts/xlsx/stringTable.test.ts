/*
 * The shared strings, packed (xlsx/stringTable.ts, which replaced stream/compactStrings): every
 * string comes back as it went in. The table now holds text only (rich text is joined when the
 * strings part is read, xlsx/sharedStrings.ts), so the old null and rich-text values are gone.
 */
import fc from "fast-check";
import { StringTable } from "../../../src/hosts/exceljs/xlsx/stringTable";

describe("shared strings, packed", () => {
  it("give back every string as added: any text (lone surrogates too), empty text", () => {
    const text = fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
      { weight: 2, arbitrary: fc.string({ unit: "grapheme-ascii" }) },
      { weight: 1, arbitrary: fc.constant("") }
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 200 }), (values) => {
        const t = new StringTable();
        values.forEach((v) => t.add(v));
        expect(t.length).toBe(values.length);
        expect(values.map((_, i) => t.get(i))).toEqual(values);
        expect(t.get(values.length)).toBeUndefined();
        expect(t.get(-1)).toBeUndefined();
      }),
      { numRuns: 500 }
    );
  });

  it("span many 4 MB buffers, strings up to a full cell (32,767 characters) at their edges", () => {
    const t = new StringTable();
    const values: string[] = [];
    for (let i = 0; i < 600; i++) {
      const v = (i % 3 === 0 ? "张" : "x").repeat(i % 7 === 0 ? 32_767 : 1 + (i % 50)) + i;
      values.push(v);
      t.add(v);
    }
    expect(t.length).toBe(600);
    values.forEach((v, i) => expect(t.get(i)).toBe(v));
  });

  it("keep long strings whole, beyond 65,535 characters too", () => {
    // No sound workbook has them (a cell holds 32,767 at most), but a damaged one may: the reader
    // must still say which cell is too long, and give back what it read.
    const t = new StringTable();
    const values = [
      "x".repeat(65_535),
      "张".repeat(65_535),
      "y".repeat(70_000),
      "王".repeat(100_000) + "末",
      `${"丙".repeat(5000)}😀${"丁".repeat(5000)}`,
      `${"a".repeat(5000)}\u00ff`,
      "短",
    ];
    values.forEach((v) => t.add(v));
    // Compared by length and equality, not printed: a failure would print a million characters.
    expect(values.map((v, i) => [t.get(i)?.length, t.get(i) === v])).toEqual(
      values.map((v) => [v.length, true])
    );
  });
});

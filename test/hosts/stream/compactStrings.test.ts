import fc from "fast-check";
import { CompactStrings } from "../../../src/hosts/exceljs/stream/compactStrings";

describe("shared strings, packed", () => {
  it("give back every value as added: any text (lone surrogates too), empty text, null, rich text", () => {
    const value = fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
      { weight: 2, arbitrary: fc.string({ unit: "grapheme-ascii" }) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.record({ richText: fc.array(fc.record({ text: fc.string() })) }) }
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), (values) => {
        const t = new CompactStrings();
        values.forEach((v) => t.add(v));
        t.seal();
        expect(values.map((_, i) => t.get(i))).toEqual(values);
        expect(t.get(values.length)).toBeUndefined();
        expect(t.get(-1)).toBeUndefined();
      }),
      { numRuns: 500 }
    );
  });

  it("span many 4 MB buffers, strings up to a full cell (32,767 characters) at their edges", () => {
    const t = new CompactStrings();
    const values: string[] = [];
    for (let i = 0; i < 600; i++) {
      const v = (i % 3 === 0 ? "张" : "x").repeat(i % 7 === 0 ? 32_767 : 1 + (i % 50)) + i;
      values.push(v);
      t.add(v);
    }
    t.seal();
    values.forEach((v, i) => expect(t.get(i)).toBe(v));
  });

  it("read as exceljs reads its array: by index, with a length", () => {
    const t = new CompactStrings();
    ["甲", "110105194912310029", ""].forEach((s) => t.add(s));
    const a = t.asArray();
    expect(a[0]).toBe("甲");
    expect(a[1]).toBe("110105194912310029");
    expect(a[2]).toBe("");
    expect(a[3]).toBeUndefined();
    expect(a.length).toBe(3);
  });
});

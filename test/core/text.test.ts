import { trimAll } from "../../src/core/text";

describe("trimAll", () => {
  it("trims exactly the characters of its pattern (\\s and the zero-width space), at both ends, for every UTF-16 code", () => {
    const space = /[\s\u00a0\u3000\ufeff\u200b]/;
    const trimmed: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const expected = space.test(ch) ? "x" : `${ch}x${ch}`;
      expect(trimAll(`${ch}x${ch}`)).toBe(expected);
      if (space.test(ch)) trimmed.push(c);
    }
    expect(trimmed).toContain(0x3000);
    expect(trimmed).toContain(0x200b);
    expect(trimAll("\u3000 张三\t")).toBe("张三");
    expect(trimAll("张 三")).toBe("张 三");
  });
});

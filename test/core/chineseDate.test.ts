import { arabicDate, countNumber } from "../../src/core/rules/chineseDate";

describe("countNumber (months and days in Chinese numerals)", () => {
  it.each([
    ["五", 5],
    ["十", 10],
    ["十一", 11],
    ["二十", 20],
    ["二十八", 28],
    ["廿", 20],
    ["廿八", 28],
    ["卅", 30],
    ["卅一", 31],
    ["三十一", 31],
    ["〇五", 5],
    ["06", 6],
    ["零七", 7],
  ])("%s → %d", (s, n) => expect(countNumber(s)).toBe(n));

  it.each(["十十", "一二十", "〇十", "十二三", "上旬", ""])("%s → null", (s) =>
    expect(countNumber(s)).toBeNull()
  );
});

describe("arabicDate", () => {
  it.each([
    ["一九七二年五月", "1972年5月"],
    ["二〇一〇年十月廿八日", "2010年10月28日"],
    ["八零年6月十五号", "80年6月15日"],
    ["1972年5月8号", "1972年5月8日"],
    ["1983-06-07号", "1983-06-07日"],
  ])("%s → %s", (s, out) => expect(arabicDate(s)).toBe(out));

  it.each(["1972年5月8日", "1965.03", "八月上旬", "不详", "1999.08-2002.02", "号"])(
    "leaves %s as it is",
    (s) => expect(arabicDate(s)).toBe(s)
  );
});

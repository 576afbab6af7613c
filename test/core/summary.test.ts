import { parseQuarter, previousQuarter, quarterOf } from "../../src/core/summary/quarter";
import { ageGroup } from "../../src/core/summary/compute";
import { utc } from "./helpers";

describe("quarters", () => {
  it.each([
    "2026Q3",
    "2026-Q3",
    "2026q3",
    "2026 Q3",
    "2026年第三季度",
    "2026年第3季度",
    "2026年三季度",
  ])("%s", (s) => {
    expect(parseQuarter(s)).toMatchObject({
      year: 2026,
      q: 3,
      start: utc(2026, 7, 1),
      end: utc(2026, 9, 30),
      label: "2026Q3",
    });
  });
  it("refuses what is no quarter", () => {
    for (const s of ["2026Q5", "2026", "Q3", "第三季度", "2026年第五季度"])
      expect(parseQuarter(s)).toBeNull();
  });
  it("knows the quarter before and the last day of February", () => {
    expect(previousQuarter(quarterOf(2026, 1)).label).toBe("2025Q4");
    expect(quarterOf(2024, 1).end).toEqual(utc(2024, 3, 31));
    expect(quarterOf(2026, 4).end).toEqual(utc(2026, 12, 31));
  });
});

describe("age groups at the quarter's end", () => {
  const end = utc(2026, 9, 30);
  it.each([
    [utc(1991, 10, 1), "35岁以下"],
    [utc(1991, 9, 30), "35-44"],
    [utc(1982, 1, 1), "35-44"],
    [utc(1981, 9, 30), "45-54"],
    [utc(1962, 1, 1), "55-64"],
    [utc(1961, 9, 30), "65岁及以上"],
  ])("born %s → %s", (birth, group) => expect(ageGroup(birth, end)).toBe(group));
  it("不详 without a birth date", () => expect(ageGroup(null, end)).toBe("不详"));
});

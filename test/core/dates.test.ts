import {
  type DateContext,
  dateCell,
  dateToSerial,
  formatPartialDate,
  isDateFormat,
  parseDateValue,
  serialToDate,
} from "../../src/core/rules/dates";
import { utc } from "./helpers";

const c1900: DateContext = { dateSystem: 1900, twoDigitYearMax: 2010 };
const p = (v: Parameters<typeof parseDateValue>[0], ctx: DateContext = c1900) => {
  const r = parseDateValue(v, ctx);
  return r === null ? null : formatPartialDate(r);
};

describe("date parsing", () => {
  it.each([
    ["1965.03", "1965-03"],
    ["1965.3", "1965-03"],
    ["1965年3月", "1965-03"],
    ["1965年3月12日", "1965-03-12"],
    ["1965 年 3 月 12 日", "1965-03-12"],
    ["19650312", "1965-03-12"],
    ["196503", "1965-03"],
    ["1965-3-12", "1965-03-12"],
    ["1965/3/12", "1965-03-12"],
    ["1965.03.12", "1965-03-12"],
    ["65.3", "1965-03"],
    ["05.3", "2005-03"],
    ["１９６５．０３", "1965-03"],
    ["1965年", "1965"],
    ["1965-03-12T00:00:00", "1965-03-12"],
    ["1965-03-12 08:30", "1965-03-12"],
  ])("text %s → %s", (input, expected) => {
    expect(p(input)).toBe(expected);
  });

  // Chinese numerals and 号, as hand-typed registries hold them (issue #14).
  it.each([
    ["一九七二年五月", "1972-05"],
    ["二〇一〇年", "2010"],
    ["二零零五年十一月", "2005-11"],
    ["零九年六月", "2009-06"],
    ["一九八〇年十月二十八日", "1980-10-28"],
    ["二〇一〇年十月廿八日", "2010-10-28"],
    ["一九七二年五月卅一日", "1972-05-31"],
    ["一九七二年三月三十日", "1972-03-30"],
    ["八零年6月十五号", "1980-06-15"],
    ["1972年5月8号", "1972-05-08"],
    ["1983年06月07号", "1983-06-07"],
    ["1972.5.8号", "1972-05-08"],
    ["一九八O年", "1980"],
    ["一九8○年五月", "1980-05"],
    ["二〇〇〇年二月二十九日", "2000-02-29"],
    ["二〇一〇年〇五月", "2010-05"],
    ["一 九 七 二 年 五 月", "1972-05"],
    ["三三年", "1933"],
    ["65年", "1965"],
    ["零五年", "2005"],
  ])("Chinese numerals %s → %s", (input, expected) => {
    expect(p(input)).toBe(expected);
  });

  it.each([
    "十月",
    "一九七二年十三月",
    "二〇二一年二月二十九日",
    "八月上旬",
    "1999.08-2002.02",
    "不详",
    "一九七二年五月三十二日",
    "一九七二年十十月",
    "一九七年",
  ])("still unreadable: %s", (input) => {
    expect(p(input)).toBeNull();
  });

  it.each([
    [1965.03, "1965-03"],
    [1965.3, "1965-03"],
    [1965.12, "1965-12"],
    [19650312, "1965-03-12"],
    [196503, "1965-03"],
    [1965, "1965"],
    [65.3, "1965-03"],
    [1965.0312, "1965-03-12"],
  ])("number %s → %s", (input, expected) => {
    expect(p(input)).toBe(expected);
  });

  it("marks yyyy.1 as January or October", () => {
    expect(parseDateValue(1965.1, c1900)).toEqual({ y: 1965, m: 1, ambiguousMonth: true });
    expect(parseDateValue("1965.1", c1900)).toEqual({ y: 1965, m: 1, ambiguousMonth: true });
    expect(parseDateValue("1965.01", c1900)).toEqual({ y: 1965, m: 1 });
  });

  it("reads Excel serials in the 1900 date system", () => {
    expect(p(23813)).toBe("1965-03-12");
    expect(p(1)).toBe("1900-01-01");
    expect(p(59)).toBe("1900-02-28");
    expect(p(60)).toBeNull(); // Excel's fake 1900-02-29
    expect(p(61)).toBe("1900-03-01");
    expect(p(23813.75)).toBe("1965-03-12");
    expect(p("23813")).toBe("1965-03-12");
  });

  it("reads Excel serials in the 1904 date system", () => {
    const c1904: DateContext = { dateSystem: 1904, twoDigitYearMax: 2010 };
    expect(p(22351, c1904)).toBe("1965-03-12");
    expect(p(0, c1904)).toBe("1904-01-01");
  });

  it("reads a serial as a serial when its number format is a date, even one that looks like a year", () => {
    expect(p(1965, { ...c1900, numFmt: "yyyy-mm-dd" })).toBe("1905-05-18");
    expect(p(23813, { ...c1900, numFmt: '[$-804]yyyy"年"m"月"d"日"' })).toBe("1965-03-12");
  });

  it("round-trips serials", () => {
    for (const d of [utc(1965, 3, 12), utc(1900, 3, 1), utc(2026, 11, 23), utc(1900, 1, 1)]) {
      expect(serialToDate(dateToSerial(d, 1900), 1900)).toEqual({
        y: d.getUTCFullYear(),
        m: d.getUTCMonth() + 1,
        d: d.getUTCDate(),
      });
      expect(serialToDate(dateToSerial(d, 1904), 1904)?.y ?? d.getUTCFullYear()).toBe(
        d.getUTCFullYear()
      );
    }
  });

  it("reads real dates by their UTC day", () => {
    expect(p(utc(1965, 3, 12))).toBe("1965-03-12");
    expect(p(new Date(NaN))).toBeNull();
  });

  it("refuses what is not a date", () => {
    for (const v of [
      "1965.13",
      "1965-02-30",
      "abc",
      "",
      "12345678901234567890",
      true,
      null,
      NaN,
      Infinity,
      -5,
      1e300,
    ]) {
      expect(p(v as never)).toBeNull();
    }
  });

  it("knows date number formats", () => {
    expect(isDateFormat("yyyy-mm-dd")).toBe(true);
    expect(isDateFormat("m/d/yy")).toBe(true);
    expect(isDateFormat("General")).toBe(false);
    expect(isDateFormat("0.00")).toBe(false);
    expect(isDateFormat("@")).toBe(false);
    expect(isDateFormat('"day"0')).toBe(false);
  });
});

describe("dateCell: a date where the date system has one, else its text", () => {
  it.each([
    [{ y: 1880, m: 1, d: 1 }, 1900, "1880-01-01"],
    [{ y: 1899, m: 12, d: 31 }, 1900, "1899-12-31"],
    [{ y: 1900, m: 1, d: 1 }, 1900, utc(1900, 1, 1)],
    [{ y: 1903, m: 12, d: 31 }, 1904, "1903-12-31"],
    [{ y: 1904, m: 1, d: 1 }, 1904, utc(1904, 1, 1)],
    [{ y: 1965, m: 3, d: 12 }, 1900, utc(1965, 3, 12)],
  ] as const)("%o in the %d system → %s", (pd, system, want) => {
    expect(dateCell(pd, system)).toEqual(want);
  });
});

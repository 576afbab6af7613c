import { canonicalPhone, maskPhone, normalizePhone } from "../../src/core/rules/phone";
import { normalizeHouseholdSize, parseChineseNumber } from "../../src/core/rules/household";
import { normalizeName, textRule } from "../../src/core/rules/text";
import { normalizeDate } from "../../src/core/rules/date";
import { codes, ctx, utc } from "./helpers";

describe("phone numbers", () => {
  it.each([
    ["13812345678", "13812345678"],
    ["138-1234-5678", "13812345678"],
    ["138 1234 5678", "13812345678"],
    ["+86 138 1234 5678", "13812345678"],
    ["+8613812345678", "13812345678"],
    ["0086-13812345678", "13812345678"],
    ["8613812345678", "13812345678"],
    ["１３８１２３４５６７８", "13812345678"],
    [13812345678, "13812345678"],
    ["0755-12345678", "0755-12345678"],
    ["0755 12345678", "0755-12345678"],
    ["(0755)12345678", "0755-12345678"],
    ["（010）12345678", "010-12345678"],
    ["01012345678", "010-12345678"],
    ["0371-6123456", "0371-6123456"],
    ["+86 755 12345678", "0755-12345678"],
  ])("%s → %s", (v, out) =>
    expect(normalizePhone(v, ctx)).toMatchObject({ value: out, issues: [] })
  );

  it("reports what is no number", () => {
    for (const v of ["1234", "23812345678", "138123456789", "无", "12345678"]) {
      expect(codes(normalizePhone(v, ctx))).toEqual(["phone-invalid"]);
      expect(normalizePhone(v, ctx).value).toBe(v);
    }
  });

  it("normalises several numbers in one cell and warns", () => {
    const r = normalizePhone("138-1234-5678 / 0755 12345678", ctx);
    expect(r.value).toBe("13812345678、0755-12345678");
    expect(codes(r)).toEqual(["phone-multiple"]);
  });

  it("masks", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(canonicalPhone("abc")).toBeNull();
  });
});

describe("household size", () => {
  it.each([
    [3, 3],
    ["3人", 3],
    ["3 口", 3],
    ["三人", 3],
    ["十二", 12],
    ["２", 2],
    ["二十", 20],
  ])("%s → %s", (v, out) =>
    expect(normalizeHouseholdSize(v, ctx)).toMatchObject({ value: out, issues: [] })
  );
  it("refuses 0, 21, fractions and words", () => {
    for (const v of [0, 21, 2.5, "很多", "-1"])
      expect(codes(normalizeHouseholdSize(v, ctx))).toEqual(["household-invalid"]);
  });
  it("reads Chinese numerals", () => {
    expect(parseChineseNumber("十五")).toBe(15);
    expect(parseChineseNumber("两")).toBe(2);
    expect(parseChineseNumber("百")).toBeNull();
  });
});

describe("names and text", () => {
  it.each([
    ["张 三", "张三"],
    ["张　三", "张三"],
    [" 王小明 ", "王小明"],
    ["王 小 明", "王小明"],
    ["欧阳 娜娜", "欧阳 娜娜"],
    ["阿依古丽·买买提", "阿依古丽·买买提"],
    ["John Smith", "John Smith"],
  ])("%s → %s", (v, out) =>
    expect(normalizeName(v, ctx)).toMatchObject({ value: out, issues: [] })
  );

  it("requires a name", () => {
    expect(codes(normalizeName(null, ctx))).toEqual(["name-missing"]);
    expect(codes(normalizeName("　", ctx))).toEqual(["name-missing"]);
  });

  it("trims free text and keeps numbers", () => {
    const rule = textRule("text", "职称");
    expect(rule("  高级工程师 ", ctx).value).toBe("高级工程师");
    expect(rule(42, ctx).value).toBe(42);
    expect(codes(rule(true, ctx))).toEqual(["unexpected-type"]);
  });
});

describe("other dates (建档日期)", () => {
  it("makes real dates", () => {
    expect(normalizeDate("2008年3月5日", ctx, "建档日期").value).toEqual(utc(2008, 3, 5));
    expect(normalizeDate("08.3.5", ctx, "建档日期").value).toEqual(utc(2008, 3, 5));
  });
  it("keeps a partial date as text with a warning, and reports nonsense", () => {
    const r = normalizeDate("2008年3月", ctx, "建档日期");
    expect(r.value).toBe("2008-03");
    expect(codes(r)).toEqual(["date-partial"]);
    expect(codes(normalizeDate("去年", ctx, "建档日期"))).toEqual(["date-invalid"]);
  });
});

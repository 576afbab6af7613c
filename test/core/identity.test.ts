import { normalizeIdNumber } from "../../src/core/rules/idNumber";
import { reconcileBirthDate, reconcileGender } from "../../src/core/rules/identity";
import { codes, ctx, utc } from "./helpers";

const female1949 = normalizeIdNumber("11010519491231002X", ctx).info;

describe("gender against the ID number", () => {
  it("fills a missing gender from the ID", () => {
    expect(reconcileGender(null, female1949, ctx)).toMatchObject({
      value: "女",
      rule: "gender-from-id",
      issues: [],
    });
    expect(reconcileGender("", female1949, ctx).value).toBe("女");
  });
  it("reports a contradiction and keeps the value", () => {
    const r = reconcileGender("男", female1949, ctx);
    expect(codes(r)).toEqual(["gender-mismatch"]);
    expect(r.value).toBe("男");
  });
  it("accepts agreement, and leaves an empty gender empty without an ID", () => {
    expect(reconcileGender("女性", female1949, ctx)).toMatchObject({ value: "女", issues: [] });
    expect(reconcileGender(null, null, ctx)).toMatchObject({ value: null, issues: [] });
  });
});

describe("birth date against the ID number", () => {
  it("fills a birth date before 1900 as text: Excel has no date for it (DOMAIN.md's 1880 example)", () => {
    const born1880 = normalizeIdNumber("440524188001010014", ctx).info;
    expect(reconcileBirthDate(null, born1880, ctx)).toMatchObject({ value: "1880-01-01" });
    expect(reconcileBirthDate("1880-01-01", born1880, ctx)).toMatchObject({
      value: "1880-01-01",
      issues: [],
    });
    expect(reconcileBirthDate("一八八〇年一月", born1880, ctx)).toMatchObject({
      value: "1880-01-01",
      issues: [],
    });
  });
  it("compares a date in Chinese numerals at the precision given", () => {
    expect(reconcileBirthDate("一九四九年十二月", female1949, ctx)).toMatchObject({
      value: utc(1949, 12, 31),
      issues: [],
    });
    expect(reconcileBirthDate("一九四九年十二月三十一号", female1949, ctx)).toMatchObject({
      value: utc(1949, 12, 31),
      issues: [],
    });
    expect(codes(reconcileBirthDate("一九四九年十一月", female1949, ctx))).toEqual([
      "birth-date-mismatch",
    ]);
    expect(codes(reconcileBirthDate("四九年十二月卅日", female1949, ctx))).toEqual([
      "birth-date-mismatch",
    ]);
  });
  it("fills from the ID when missing or less precise", () => {
    expect(reconcileBirthDate(null, female1949, ctx)).toMatchObject({
      value: utc(1949, 12, 31),
      rule: "birth-date-from-id",
    });
    expect(reconcileBirthDate("1949.12", female1949, ctx)).toMatchObject({
      value: utc(1949, 12, 31),
      issues: [],
    });
    expect(reconcileBirthDate("1949年", female1949, ctx)).toMatchObject({
      value: utc(1949, 12, 31),
      issues: [],
    });
    // yyyy.1 is January or October: neither agrees with December
    expect(codes(reconcileBirthDate(1949.1, female1949, ctx))).toEqual(["birth-date-mismatch"]);
  });
  it("compares at the precision given", () => {
    expect(codes(reconcileBirthDate("1949.11", female1949, ctx))).toEqual(["birth-date-mismatch"]);
    expect(codes(reconcileBirthDate("1949-12-30", female1949, ctx))).toEqual([
      "birth-date-mismatch",
    ]);
    expect(codes(reconcileBirthDate("1950年", female1949, ctx))).toEqual(["birth-date-mismatch"]);
    expect(reconcileBirthDate("1949-12-31", female1949, ctx)).toMatchObject({
      value: utc(1949, 12, 31),
      issues: [],
    });
  });
  it("accepts yyyy.1 as October when the ID says October", () => {
    const october = normalizeIdNumber("370725881005149", ctx).info;
    expect(october?.birth.m).toBe(10);
    expect(reconcileBirthDate(1988.1, october, ctx)).toMatchObject({
      value: utc(1988, 10, 5),
      issues: [],
    });
  });
  it("without an ID: a full date is a date; a partial one stays as text with a warning", () => {
    expect(reconcileBirthDate("1965年3月12日", null, ctx).value).toEqual(utc(1965, 3, 12));
    const r = reconcileBirthDate("1965年3月", null, ctx);
    expect(r.value).toBe("1965-03");
    expect(codes(r)).toEqual(["birth-date-partial"]);
    const a = reconcileBirthDate(1965.1, null, ctx);
    expect(a.value).toBe(1965.1);
    expect(codes(a)).toEqual(["birth-date-partial", "birth-date-ambiguous"]);
  });
  it("reads Excel serials and real dates", () => {
    expect(reconcileBirthDate(18263, female1949, ctx)).toMatchObject({
      value: utc(1949, 12, 31),
      issues: [],
    });
    expect(reconcileBirthDate(utc(1949, 12, 31), female1949, ctx)).toMatchObject({
      value: utc(1949, 12, 31),
      issues: [],
    });
    expect(reconcileBirthDate(16801, female1949, { ...ctx, dateSystem: 1904 })).toMatchObject({
      value: utc(1949, 12, 31),
      issues: [],
    });
  });
  it("reports the unreadable and the impossible", () => {
    expect(codes(reconcileBirthDate("不详", null, ctx))).toEqual(["birth-date-invalid"]);
    expect(codes(reconcileBirthDate("2030-01-01", null, ctx))).toEqual(["birth-date-out-of-range"]);
  });
});

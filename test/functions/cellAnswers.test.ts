/**
 * What each worksheet function puts in its cell (src/core/functions/cellAnswers.ts), against the
 * engine's own rules on the cases staff type: valid 18-character ID numbers, old 15-digit ones, a
 * wrong check character, 29 February, full-width digits, a number Excel stored as a number, 民族 and
 * 政治面貌 as old workbooks write them, empty cells; in both languages.
 */
import {
  VALID_TEXT,
  birthDateAnswer,
  ethnicityAnswer,
  genderAnswer,
  idCheckText,
  maskedIdText,
  politicalAnswer,
  problemsText,
} from "../../src/core/functions";
import { renderProblem } from "../../src/core/messages";
import { FIELD_RULES } from "../../src/core/rules";
import { dateToSerial } from "../../src/core/rules/dates";
import { normalizeIdNumber } from "../../src/core/rules/idNumber";
import type { CellValue, Locale } from "../../src/core/types";
import { ctx, idOf, utc } from "../core/helpers";

const LEAP_WOMAN = idOf("20000229", "012");
const MAN = idOf("19700105", "011");
const WRONG_CHECK = MAN.slice(0, 17) + (MAN[17] === "0" ? "1" : "0");
const fullWidth = (s: string) =>
  s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The ID rule's problems in words, as the engine words them in 校验报告. */
const idProblems = (raw: CellValue, locale: Locale) =>
  normalizeIdNumber(raw, ctx)
    .issues.map((p) => renderProblem(p, locale).message)
    .join(locale === "en" ? "; " : "；");

describe("身份证校验", () => {
  it.each([
    ["an 18-character number", MAN],
    ["a woman born on 29 February", LEAP_WOMAN],
    ["the worked example with X", "11010519491231002X"],
    ["a lower-case x", "11010519491231002x"],
    ["an old 15-digit number", "370725881105149"],
    ["full-width digits and X", fullWidth("11010519491231002X")],
    ["spaces inside", ` ${MAN.slice(0, 6)} ${MAN.slice(6, 14)} ${MAN.slice(14)} `],
  ])("says 有效 (Valid) for %s", (_, typed) => {
    expect(idCheckText(typed, ctx, "zh-CN")).toBe("有效");
    expect(idCheckText(typed, ctx, "en")).toBe(VALID_TEXT.en);
  });

  it("says what is wrong, in the engine's words, in Chinese or English", () => {
    expect(idCheckText(WRONG_CHECK, ctx, "zh-CN")).toBe(`公民身份号码“${WRONG_CHECK}”校验位不对`);
    expect(idCheckText(WRONG_CHECK, ctx, "en")).toBe(idProblems(WRONG_CHECK, "en"));
    expect(idCheckText(WRONG_CHECK, ctx, "en")).toMatch(/check digit/);
    for (const bad of ["1101051970", "11010519700230001X", 110105194912310020, "", null])
      expect(idCheckText(bad, ctx, "zh-CN")).toBe(idProblems(bad, "zh-CN"));
    expect(idCheckText("", ctx, "zh-CN")).toBe("公民身份号码为空");
    expect(idCheckText(110105194912310020, ctx, "zh-CN")).toMatch(/存成了数字/);
  });

  it("names a number whose birth date is after the day the rules judge by", () => {
    const born = idOf("20261124", "011"); // the day after helpers' AS_OF (2026-11-23)
    expect(idCheckText(born, ctx, "zh-CN")).toMatch(/不是真实日期/);
    expect(idCheckText(idOf("20261123", "011"), ctx, "zh-CN")).toBe("有效");
  });
});

describe("出生日期", () => {
  it("is the Excel serial number of the birth date, 29 February and 15-digit numbers included", () => {
    expect(birthDateAnswer(LEAP_WOMAN, ctx, "zh-CN")).toEqual({ ok: true, value: 36585 });
    expect(birthDateAnswer(MAN, ctx, "zh-CN")).toEqual({
      ok: true,
      value: dateToSerial(utc(1970, 1, 5), 1900),
    });
    expect(birthDateAnswer("370725881105149", ctx, "zh-CN")).toEqual({
      ok: true,
      value: dateToSerial(utc(1988, 11, 5), 1900),
    });
    expect(birthDateAnswer(fullWidth(MAN), ctx, "zh-CN")).toEqual({ ok: true, value: 25573 });
  });

  it("counts in the workbook's date system, and gives text for a day that system has no serial for", () => {
    expect(birthDateAnswer(LEAP_WOMAN, { ...ctx, dateSystem: 1904 }, "zh-CN")).toEqual({
      ok: true,
      value: 36585 - 1462,
    });
    expect(birthDateAnswer("440524188001010014", ctx, "zh-CN")).toEqual({
      ok: true,
      value: "1880-01-01",
    });
  });

  it("is the number's problem for an invalid or empty number", () => {
    expect(birthDateAnswer(WRONG_CHECK, ctx, "zh-CN")).toEqual({
      ok: false,
      message: idProblems(WRONG_CHECK, "zh-CN"),
    });
    expect(birthDateAnswer("", ctx, "en")).toEqual({ ok: false, message: "ID number is empty" });
  });
});

describe("身份证性别", () => {
  it("reads 男 or 女 from the sequence digit", () => {
    expect(genderAnswer(MAN, ctx, "zh-CN")).toEqual({ ok: true, value: "男" });
    expect(genderAnswer(LEAP_WOMAN, ctx, "en")).toEqual({ ok: true, value: "女" });
    expect(genderAnswer("11010519491231002X", ctx, "zh-CN")).toEqual({ ok: true, value: "女" });
    expect(genderAnswer("370725881105149", ctx, "zh-CN")).toEqual({ ok: true, value: "男" });
  });

  it("is the number's problem for an invalid number", () => {
    expect(genderAnswer(WRONG_CHECK, ctx, "zh-CN")).toEqual({
      ok: false,
      message: idProblems(WRONG_CHECK, "zh-CN"),
    });
    expect(genderAnswer(null, ctx, "zh-CN")).toEqual({ ok: false, message: "公民身份号码为空" });
  });
});

describe("规范民族", () => {
  it.each([
    ["汉", "汉族"],
    ["汉族", "汉族"],
    ["僮族", "壮族"],
    ["毛难族", "毛南族"],
    [" 回 ", "回族"],
    ["01", "汉族"],
    ["Zhuang", "壮族"],
  ])("%s → %s, as 规范化 writes it", (typed, name) => {
    expect(ethnicityAnswer(typed, ctx, "zh-CN")).toEqual({ ok: true, value: name });
    expect(FIELD_RULES.ethnicity!(typed, ctx).value).toBe(name);
  });

  it("says why for a name that is not one of the 56, and leaves an empty cell empty", () => {
    expect(ethnicityAnswer("穿青人", ctx, "zh-CN")).toEqual({
      ok: false,
      message: "民族“穿青人”不是 56 个民族之一（未识别民族或某民族的支系）",
    });
    const issues = FIELD_RULES.ethnicity!("穿青人", ctx).issues;
    expect(ethnicityAnswer("穿青人", ctx, "en")).toEqual({
      ok: false,
      message: problemsText(issues, "en"),
    });
    expect(ethnicityAnswer("其他", ctx, "zh-CN")).toMatchObject({ ok: false });
    expect(ethnicityAnswer("", ctx, "zh-CN")).toEqual({ ok: true, value: "" });
    expect(ethnicityAnswer(null, ctx, "zh-CN")).toEqual({ ok: true, value: "" });
  });
});

describe("规范政治面貌", () => {
  it.each([
    ["民盟盟员", "中国民主同盟盟员"],
    ["民盟", "中国民主同盟盟员"],
    ["中共党员", "中国共产党党员"],
    ["九三社员", "九三学社社员"],
    ["群众", "群众"],
  ])("%s → %s, as 规范化 writes it", (typed, name) => {
    expect(politicalAnswer(typed, ctx, "zh-CN")).toEqual({ ok: true, value: name });
    expect(FIELD_RULES.political!(typed, ctx).value).toBe(name);
  });

  it("says why for one that names no party, and leaves an empty cell empty", () => {
    expect(politicalAnswer("民主党派", ctx, "zh-CN")).toEqual({
      ok: false,
      message: "政治面貌“民主党派”不能确定是哪一种（如哪个民主党派）",
    });
    expect(politicalAnswer("民主党派", ctx, "en")).toMatchObject({ ok: false });
    expect(politicalAnswer("", ctx, "zh-CN")).toEqual({ ok: true, value: "" });
  });
});

describe("身份证打码", () => {
  it("keeps the first 6 and the last 4 characters of the cleaned number", () => {
    expect(maskedIdText("11010519491231002X", ctx)).toBe("110105********002X");
    expect(maskedIdText(fullWidth("11010519491231002x"), ctx)).toBe("110105********002X");
    expect(maskedIdText("370725881105149", ctx)).toBe("370725********149X");
    expect(maskedIdText("", ctx)).toBe("");
    expect(maskedIdText(null, ctx)).toBe("");
  });
});

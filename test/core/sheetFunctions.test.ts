/**
 * The rules as worksheet functions compute them: each against the engine's own rules on the
 * cases staff type (valid and mistyped ID numbers, 15-digit ones, full-width digits, 29 February,
 * 民族 and 政治面貌 as old workbooks write them, empty cells).
 */
import {
  birthDateOfId,
  canonicalEthnicity,
  canonicalPolitical,
  checkIdNumber,
  genderOfId,
  maskIdNumber,
} from "../../src/core/functions";
import { renderProblem } from "../../src/core/messages";
import { ctx, idOf, utc } from "./helpers";

const LEAP = idOf("20000229", "012"); // a woman (even sequence digit)
const MAN = idOf("19700105", "011");
const BAD = MAN.slice(0, 17) + (MAN[17] === "0" ? "1" : "0");
const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + +d));
const codes = (r: { ok: boolean; problems?: { code: string }[] }) =>
  r.ok ? [] : (r.problems ?? []).map((p) => p.code);

describe("身份证校验", () => {
  it("says valid for a valid number, however it was typed", () => {
    for (const typed of [MAN, LEAP, ` ${MAN.slice(0, 6)} ${MAN.slice(6)} `, fullWidth(MAN)])
      expect(checkIdNumber(typed, ctx)).toEqual({ ok: true, value: "valid" });
  });
  it("gives the engine's problem, in words, for a mistyped, short or empty number", () => {
    const bad = checkIdNumber(BAD, ctx);
    expect(codes(bad)).toEqual(["id-checksum"]);
    if (!bad.ok) expect(renderProblem(bad.problems[0], "zh-CN").message).toContain("校验位");
    expect(codes(checkIdNumber("1101051970", ctx))).toEqual(["id-format"]);
    expect(codes(checkIdNumber(null, ctx))).toEqual(["id-missing"]);
    expect(codes(checkIdNumber(110105197001051, ctx))).not.toEqual([]);
  });
});

describe("出生日期 and 性别 from the number", () => {
  it("reads them from a valid number, 29 February and a 15-digit number included", () => {
    expect(birthDateOfId(LEAP, ctx)).toEqual({ ok: true, value: utc(2000, 2, 29) });
    expect(genderOfId(LEAP, ctx)).toEqual({ ok: true, value: "女" });
    expect(genderOfId(MAN, ctx)).toEqual({ ok: true, value: "男" });
    expect(birthDateOfId("110105700105011", ctx)).toEqual({ ok: true, value: utc(1970, 1, 5) });
  });
  it("reads nothing from a number that is not valid, and says why", () => {
    expect(codes(birthDateOfId(BAD, ctx))).toEqual(["id-checksum"]);
    expect(codes(genderOfId("", ctx))).toEqual(["id-missing"]);
  });
});

describe("规范民族 and 规范政治面貌", () => {
  it.each([
    ["汉", "汉族"],
    ["汉族", "汉族"],
    ["僮族", "壮族"],
    [" 回 ", "回族"],
  ])("民族 %s → %s", (typed, name) => {
    expect(canonicalEthnicity(typed, ctx)).toEqual({ ok: true, value: name });
  });
  it("says why for a 民族 outside the 56, and leaves an empty cell empty", () => {
    expect(codes(canonicalEthnicity("穿青人", ctx))).toEqual(["ethnicity-unrecognised"]);
    expect(canonicalEthnicity(null, ctx)).toEqual({ ok: true, value: "" });
  });
  it.each([
    ["民盟盟员", "中国民主同盟盟员"],
    ["群众", "群众"],
  ])("政治面貌 %s → %s", (typed, name) => {
    expect(canonicalPolitical(typed, ctx)).toEqual({ ok: true, value: name });
  });
  it("says why for a 政治面貌 that names no one party", () => {
    expect(codes(canonicalPolitical("民主党派", ctx))).toEqual(["political-ambiguous"]);
  });
});

describe("身份证打码", () => {
  it("masks the number as it is cleaned, and text that is no number as it is", () => {
    expect(maskIdNumber(fullWidth(MAN), ctx)).toEqual({
      ok: true,
      value: `${MAN.slice(0, 6)}********${MAN.slice(-4)}`,
    });
    expect(maskIdNumber("13800138000", ctx)).toEqual({ ok: true, value: "138001*8000" });
    expect(maskIdNumber("", ctx)).toEqual({ ok: true, value: "" });
  });
});

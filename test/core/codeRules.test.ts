import { ETHNICITIES } from "../../src/core/codes/ethnicity";
import { POLITICAL_ALIASES, POLITICAL_STATUSES } from "../../src/core/codes/political";
import { normalizeCategory } from "../../src/core/rules/category";
import {
  normalizeEducation,
  normalizeEthnicity,
  normalizeFamilyEconomy,
  normalizeGender,
  normalizePolitical,
} from "../../src/core/rules/codeRules";
import { codes, ctx } from "./helpers";

describe("gender", () => {
  it.each([
    ["男", "男"],
    ["女", "女"],
    [" 男 ", "男"],
    ["男性", "男"],
    ["F", "女"],
    ["m", "男"],
    [1, "男"],
    [2, "女"],
  ])("%s → %s", (v, out) => {
    expect(normalizeGender(v, ctx)).toMatchObject({ value: out, issues: [] });
  });
  it("reports what is neither", () => {
    expect(codes(normalizeGender("未知", ctx))).toEqual(["gender-invalid"]);
    expect(normalizeGender("未知", ctx).value).toBe("未知");
  });
});

describe("ethnicity (GB/T 3304)", () => {
  it("keeps all 56 canonical names", () => {
    for (const e of ETHNICITIES)
      expect(normalizeEthnicity(e, ctx)).toMatchObject({ value: e, issues: [] });
  });
  it.each([
    ["汉", "汉族"],
    ["回", "回族"],
    ["蒙古", "蒙古族"],
    ["毛难族", "毛南族"],
    ["维吾尔", "维吾尔族"],
    ["01", "汉族"],
    [1, "汉族"],
    ["56", "基诺族"],
    ["汉　族", "汉族"],
  ])("%s → %s", (v, out) =>
    expect(normalizeEthnicity(v, ctx)).toMatchObject({ value: out, issues: [] })
  );
  it("reports unknown names", () => {
    expect(codes(normalizeEthnicity("火星族", ctx))).toEqual(["ethnicity-invalid"]);
    expect(codes(normalizeEthnicity(57, ctx))).toEqual(["ethnicity-invalid"]);
  });
});

describe("political affiliation (GB/T 4762)", () => {
  it("maps every short form DOMAIN.md lists", () => {
    for (const [alias, canonical] of Object.entries(POLITICAL_ALIASES)) {
      expect(normalizePolitical(alias, ctx)).toMatchObject({ value: canonical, issues: [] });
    }
  });
  it("maps codes 1-13 and 01-13, typed as text or numbers", () => {
    POLITICAL_STATUSES.forEach((name, i) => {
      expect(normalizePolitical(i + 1, ctx).value).toBe(name);
      expect(normalizePolitical(String(i + 1).padStart(2, "0"), ctx).value).toBe(name);
    });
  });
  it("民盟 → 中国民主同盟盟员; 九三 → 九三学社社员", () => {
    expect(normalizePolitical("民盟", ctx).value).toBe("中国民主同盟盟员");
    expect(normalizePolitical("九三", ctx).value).toBe("九三学社社员");
  });
  it("reports what it does not know", () => {
    expect(codes(normalizePolitical("民主党派", ctx))).toEqual(["political-ambiguous"]);
    expect(codes(normalizePolitical("少先队员", ctx))).toEqual(["political-invalid"]);
    expect(codes(normalizePolitical(14, ctx))).toEqual(["political-invalid"]);
  });
});

describe("education and family economy", () => {
  it.each([
    ["本科", "大学本科"],
    ["大专", "大学专科"],
    ["硕士", "研究生"],
    ["初中", "初中及以下"],
    ["高中", "高中"],
    ["中专", "中专"],
  ])("%s → %s", (v, out) => expect(normalizeEducation(v, ctx).value).toBe(out));
  it.each([
    ["较好", "良好"],
    ["一般", "一般"],
    ["困难户", "困难"],
    ["中等", "一般"],
  ])("%s → %s", (v, out) => expect(normalizeFamilyEconomy(v, ctx).value).toBe(out));
  it("reports unknown levels", () => {
    expect(codes(normalizeEducation("幼儿园", ctx))).toEqual(["education-invalid"]);
    expect(codes(normalizeFamilyEconomy("还行吧", ctx))).toEqual(["economy-invalid"]);
  });
});

describe("category (several allowed)", () => {
  it.each([
    ["民主党派成员", "民主党派成员"],
    ["民主党派", "民主党派成员"],
    ["党外知识分子、少数民族人士", "党外知识分子、少数民族人士"],
    ["少数民族人士,党外知识分子", "党外知识分子、少数民族人士"],
    ["知识分子；民主党派", "民主党派成员、党外知识分子"],
    ["香港同胞、澳门同胞", "香港同胞、澳门同胞"],
    ["港澳同胞", "香港同胞、澳门同胞"],
    ["华侨、归侨及侨眷", "华侨、归侨及侨眷"],
    ["归侨侨眷", "华侨、归侨及侨眷"],
    ["台胞台属", "台湾同胞及其在大陆的亲属"],
    [
      "香港同胞、澳门同胞、台湾同胞及其在大陆的亲属",
      "香港同胞、澳门同胞、台湾同胞及其在大陆的亲属",
    ],
    ["民主党派成员 民主党派成员", "民主党派成员"],
  ])("%s → %s", (v, out) =>
    expect(normalizeCategory(v, ctx)).toMatchObject({ value: out, issues: [] })
  );

  it("reports the part it does not know, and keeps the cell", () => {
    const r = normalizeCategory("民主党派、外星人", ctx);
    expect(codes(r)).toEqual(["category-invalid"]);
    expect(r.issues[0]).toEqual({ code: "category-invalid", params: { part: "外星人" } });
    expect(r.value).toBe("民主党派、外星人");
  });
});

import { FAMILY_ECONOMY_ALIASES, FAMILY_ECONOMY_LEVELS } from "../codes/economy";
import { EDUCATION_ALIASES, EDUCATION_LEVELS } from "../codes/education";
import { ETHNICITIES, ETHNICITY_ALIASES } from "../codes/ethnicity";
import { GENDER_ALIASES, GENDERS } from "../codes/gender";
import { POLITICAL_ALIASES, POLITICAL_STATUSES } from "../codes/political";
import { codeRule } from "./codeLookup";

/** 男 / 女; also 男性, M, 1 (GB/T 2261.1). */
export const normalizeGender = codeRule({
  rule: "gender",
  canonical: GENDERS,
  aliases: GENDER_ALIASES,
  numericCodes: false,
  invalid: "gender-invalid",
});

/** One of the 56 names, always ending in 族: 汉 → 汉族, 毛难族 → 毛南族, code 01 → 汉族. */
export const normalizeEthnicity = codeRule({
  rule: "ethnicity",
  canonical: ETHNICITIES,
  aliases: ETHNICITY_ALIASES,
  numericCodes: true,
  optionalSuffix: "族",
  invalid: "ethnicity-invalid",
});

/** GB/T 4762 canonical names: 民盟 → 中国民主同盟盟员, 5 or 05 → the same. */
export const normalizePolitical = codeRule({
  rule: "political",
  canonical: POLITICAL_STATUSES,
  aliases: POLITICAL_ALIASES,
  numericCodes: true,
  invalid: "political-invalid",
});

export const normalizeEducation = codeRule({
  rule: "education",
  canonical: EDUCATION_LEVELS,
  aliases: EDUCATION_ALIASES,
  numericCodes: false,
  invalid: "education-invalid",
});

export const normalizeFamilyEconomy = codeRule({
  rule: "family-economy",
  canonical: FAMILY_ECONOMY_LEVELS,
  aliases: FAMILY_ECONOMY_ALIASES,
  numericCodes: false,
  invalid: "economy-invalid",
});

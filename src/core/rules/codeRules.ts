import { FAMILY_ECONOMY_ALIASES, FAMILY_ECONOMY_LEVELS } from "../codes/economy";
import { EDUCATION_ALIASES, EDUCATION_LEVELS } from "../codes/education";
import {
  ETHNICITIES,
  ETHNICITY_ALIASES,
  ETHNICITY_FOREIGN_ORIGIN_PATTERN,
  ETHNICITY_LETTER_CODES,
  ETHNICITY_NAMED,
  ETHNICITY_RENAMES,
  ETHNICITY_ROMAN_NAMES,
} from "../codes/ethnicity";
import { GENDER_ALIASES, GENDERS } from "../codes/gender";
import {
  PARTY_MEMBER_FORMS,
  POLITICAL_ALIASES,
  POLITICAL_NAMED,
  POLITICAL_STATUSES,
} from "../codes/political";
import { codeRule } from "./codeLookup";

/** 男 / 女; also 男性, M, 1 (GB/T 2261.1). */
export const normalizeGender = codeRule({
  rule: "gender",
  canonical: GENDERS,
  aliases: GENDER_ALIASES,
  numericCodes: false,
  invalid: "gender-invalid",
});

/**
 * One of the 56 names of GB/T 3304, always ending in 族: 汉 → 汉族, code 01 or HA or Han → 汉族; a
 * former name is renamed and logged as such (僮族 → 壮族, 毛难族 → 毛南族). A group outside the 56,
 * a word for "none" and foreign origin are each reported by name.
 */
export const normalizeEthnicity = codeRule({
  rule: "ethnicity",
  canonical: ETHNICITIES,
  aliases: [ETHNICITY_ALIASES, ETHNICITY_LETTER_CODES, ETHNICITY_ROMAN_NAMES],
  renamed: { rule: "ethnicity-renamed", names: ETHNICITY_RENAMES },
  numericCodes: true,
  optionalSuffix: "族",
  named: ETHNICITY_NAMED,
  namedPatterns: [[ETHNICITY_FOREIGN_ORIGIN_PATTERN, "ethnicity-foreign-origin"]],
  invalid: "ethnicity-invalid",
});

/**
 * GB/T 4762 canonical names: 民盟 → 中国民主同盟盟员, 5 or 05 → the same; a party's name with any
 * member word → its members (民盟党员, 九三社员); a label that names no party (民主党派) is reported
 * as ambiguous.
 */
export const normalizePolitical = codeRule({
  rule: "political",
  canonical: POLITICAL_STATUSES,
  aliases: [POLITICAL_ALIASES, PARTY_MEMBER_FORMS],
  numericCodes: true,
  named: POLITICAL_NAMED,
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

import type { FieldKey } from "../schema";
import { normalizeCategory } from "./category";
import {
  normalizeEducation,
  normalizeEthnicity,
  normalizeFamilyEconomy,
  normalizePolitical,
} from "./codeRules";
import { normalizeDate } from "./date";
import { normalizeHouseholdSize } from "./household";
import { normalizePhone } from "./phone";
import type { FieldRule } from "./rule";
import { normalizeName, textRule } from "./text";

/**
 * The rule for each field that stands alone. seq, gender, birthDate and idNumber are
 * handled with the whole row (renumbering, and agreement with the ID number).
 */
export const FIELD_RULES: Partial<Record<FieldKey, FieldRule>> = {
  name: normalizeName,
  ethnicity: normalizeEthnicity,
  political: normalizePolitical,
  category: normalizeCategory,
  branch: textRule("text", "所在支部"),
  post: textRule("text", "工作岗位"),
  duty: textRule("text", "职务"),
  title: textRule("text", "职称"),
  education: normalizeEducation,
  mobile: normalizePhone,
  householdSize: normalizeHouseholdSize,
  familyMembers: textRule("text", "家庭主要成员"),
  familyEconomy: normalizeFamilyEconomy,
  thoughts: textRule("text", "思想动态"),
  workRequests: textRule("text", "工作诉求与建议"),
  specialties: textRule("text", "兴趣特长"),
  contactCadre: textRule("text", "联系人"),
  recordedOn: (v, ctx) => normalizeDate(v, ctx, "建档日期"),
  remarks: textRule("text", "备注"),
};

export { normalizeGender } from "./codeRules";
export { normalizeIdNumber } from "./idNumber";

import { z } from "./zod";
import { CATEGORIES } from "./codes/category";
import { FAMILY_ECONOMY_LEVELS } from "./codes/economy";
import { EDUCATION_LEVELS } from "./codes/education";
import { ETHNICITIES } from "./codes/ethnicity";
import { GENDERS } from "./codes/gender";
import { POLITICAL_STATUSES } from "./codes/political";

export const genderSchema = z.enum(GENDERS);
export const ethnicitySchema = z.enum(ETHNICITIES);
export const politicalSchema = z.enum(POLITICAL_STATUSES);
export const categorySchema = z.enum(CATEGORIES);
export const educationSchema = z.enum(EDUCATION_LEVELS);
export const familyEconomySchema = z.enum(FAMILY_ECONOMY_LEVELS);

const text = z.string().min(1);
/** ID number: 18 characters, the last one a digit or upper-case X (check digit checked by the rule). */
export const idNumberSchema = z.string().regex(/^\d{17}[\dX]$/);
export const mobileSchema = z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-\d{7,8})$/);
/** Several categories joined by "、", each one of the twelve. */
export const categoryListSchema = z
  .string()
  .refine(
    (s) => splitCanonicalCategories(s) !== null,
    "统战对象类别须为规定的类别，多个以“、”分隔"
  );

/** A member of the registry in canonical form: the target of normalisation. */
export const memberSchema = z.object({
  seq: z.number().int().positive(),
  name: text,
  gender: genderSchema.nullable(),
  ethnicity: ethnicitySchema.nullable(),
  birthDate: z.date().nullable(),
  idNumber: idNumberSchema.nullable(),
  political: politicalSchema.nullable(),
  category: categoryListSchema.nullable(),
  branch: text.nullable(),
  post: text.nullable(),
  duty: text.nullable(),
  title: text.nullable(),
  education: educationSchema.nullable(),
  mobile: mobileSchema.nullable(),
  householdSize: z.number().int().min(1).max(20).nullable(),
  familyMembers: text.nullable(),
  familyEconomy: familyEconomySchema.nullable(),
  thoughts: text.nullable(),
  workRequests: text.nullable(),
  specialties: text.nullable(),
  contactCadre: text.nullable(),
  recordedOn: z.date().nullable(),
  remarks: text.nullable(),
});

export type Member = z.infer<typeof memberSchema>;
export type FieldKey = keyof Member;

/** How a field's values are checked and shown. */
export type FieldKind = "seq" | "text" | "date" | "id" | "code" | "codeList" | "phone" | "integer";

export interface FieldDef {
  key: FieldKey;
  /** Canonical header, exactly as in DOMAIN.md. */
  header: string;
  /** English label for reports in English. */
  headerEn: string;
  kind: FieldKind;
  /** Allowed values for a drop-down list, where the field has a code table. */
  list?: readonly string[];
  /** Sensible column width in characters. */
  width: number;
}

/** The 23 canonical columns of 成员名册, in order. */
export const FIELDS: readonly FieldDef[] = [
  { key: "seq", header: "序号", headerEn: "No.", kind: "seq", width: 6 },
  { key: "name", header: "姓名", headerEn: "Name", kind: "text", width: 10 },
  { key: "gender", header: "性别", headerEn: "Gender", kind: "code", list: GENDERS, width: 6 },
  {
    key: "ethnicity",
    header: "民族",
    headerEn: "Ethnicity",
    kind: "code",
    list: ETHNICITIES,
    width: 10,
  },
  { key: "birthDate", header: "出生日期", headerEn: "Date of birth", kind: "date", width: 12 },
  { key: "idNumber", header: "公民身份号码", headerEn: "ID number", kind: "id", width: 21 },
  {
    key: "political",
    header: "政治面貌",
    headerEn: "Political affiliation",
    kind: "code",
    list: POLITICAL_STATUSES,
    width: 22,
  },
  {
    key: "category",
    header: "统战对象类别",
    headerEn: "Category",
    kind: "codeList",
    list: CATEGORIES,
    width: 22,
  },
  { key: "branch", header: "所在支部", headerEn: "Branch", kind: "text", width: 16 },
  { key: "post", header: "工作岗位", headerEn: "Post", kind: "text", width: 16 },
  { key: "duty", header: "职务", headerEn: "Duty", kind: "text", width: 12 },
  { key: "title", header: "职称", headerEn: "Professional title", kind: "text", width: 12 },
  {
    key: "education",
    header: "学历",
    headerEn: "Education",
    kind: "code",
    list: EDUCATION_LEVELS,
    width: 10,
  },
  { key: "mobile", header: "手机号码", headerEn: "Phone", kind: "phone", width: 15 },
  {
    key: "householdSize",
    header: "家庭人口",
    headerEn: "Household size",
    kind: "integer",
    width: 8,
  },
  {
    key: "familyMembers",
    header: "家庭主要成员",
    headerEn: "Family members",
    kind: "text",
    width: 24,
  },
  {
    key: "familyEconomy",
    header: "家庭经济状况",
    headerEn: "Family economy",
    kind: "code",
    list: FAMILY_ECONOMY_LEVELS,
    width: 10,
  },
  { key: "thoughts", header: "思想动态", headerEn: "Thinking", kind: "text", width: 24 },
  {
    key: "workRequests",
    header: "工作诉求与建议",
    headerEn: "Requests and suggestions",
    kind: "text",
    width: 24,
  },
  {
    key: "specialties",
    header: "兴趣特长",
    headerEn: "Interests and specialties",
    kind: "text",
    width: 16,
  },
  { key: "contactCadre", header: "联系人", headerEn: "Contact cadre", kind: "text", width: 10 },
  { key: "recordedOn", header: "建档日期", headerEn: "Recorded on", kind: "date", width: 12 },
  { key: "remarks", header: "备注", headerEn: "Remarks", kind: "text", width: 20 },
];

export const FIELD_BY_KEY: Readonly<Record<FieldKey, FieldDef>> = Object.fromEntries(
  FIELDS.map((f) => [f.key, f])
) as Record<FieldKey, FieldDef>;

export const FIELD_INDEX: Readonly<Record<FieldKey, number>> = Object.fromEntries(
  FIELDS.map((f, i) => [f.key, i])
) as Record<FieldKey, number>;

/** Splits a canonical category list; null if any part is not one of the twelve. */
export function splitCanonicalCategories(s: string): string[] | null {
  const parts: string[] = [];
  let rest = s;
  while (rest.length > 0) {
    const hit = CATEGORIES_BY_LENGTH.find((c) => rest.startsWith(c));
    if (!hit) return null;
    parts.push(hit);
    rest = rest.slice(hit.length);
    if (rest.startsWith("、")) {
      rest = rest.slice(1);
      if (rest.length === 0) return null;
    } else if (rest.length > 0) return null;
  }
  return parts.length > 0 ? parts : null;
}

const CATEGORIES_BY_LENGTH = [...CATEGORIES].sort((a, b) => b.length - a.length);

/** Options of the engine. */
export const engineOptionsSchema = z.object({
  locale: z.enum(["zh-CN", "en"]).default("zh-CN"),
  /** The workbook's date system: 1900 (Windows Excel) or 1904 (old Mac Excel). */
  dateSystem: z.union([z.literal(1900), z.literal(1904)]).default(1900),
  /**
   * The day the data is judged on (no birth dates after it; the cut-off of two-digit years): the
   * user's calendar day as a date at UTC midnight, given by the host (the engine has no clock).
   */
  asOf: z.date(),
  /** How many rows at the top to search for the header. */
  headerSearchRows: z.number().int().min(1).max(50).default(10),
});

export type EngineOptionsInput = z.input<typeof engineOptionsSchema>;
export type EngineOptions = z.output<typeof engineOptionsSchema>;

export function resolveOptions(input: EngineOptionsInput): EngineOptions {
  return engineOptionsSchema.parse(input);
}

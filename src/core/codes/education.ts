export const EDUCATION_LEVELS = [
  "研究生",
  "大学本科",
  "大学专科",
  "中专",
  "高中",
  "初中及以下",
] as const;

export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const EDUCATION_ALIASES: Readonly<Record<string, EducationLevel>> = {
  博士: "研究生",
  硕士: "研究生",
  博士研究生: "研究生",
  硕士研究生: "研究生",
  研究生学历: "研究生",
  本科: "大学本科",
  大本: "大学本科",
  大学: "大学本科",
  本科学历: "大学本科",
  大专: "大学专科",
  专科: "大学专科",
  大专学历: "大学专科",
  中技: "中专",
  技校: "中专",
  职高: "中专",
  中等专科: "中专",
  高中学历: "高中",
  初中: "初中及以下",
  小学: "初中及以下",
  初中以下: "初中及以下",
};

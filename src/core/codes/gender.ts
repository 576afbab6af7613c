export const GENDERS = ["男", "女"] as const;

export type Gender = (typeof GENDERS)[number];

/** Other ways gender is typed, including GB/T 2261.1 codes 1 and 2. */
export const GENDER_ALIASES: Readonly<Record<string, Gender>> = {
  男性: "男",
  女性: "女",
  M: "男",
  F: "女",
  MALE: "男",
  FEMALE: "女",
  "1": "男",
  "2": "女",
};

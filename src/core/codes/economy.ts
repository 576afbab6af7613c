export const FAMILY_ECONOMY_LEVELS = ["良好", "一般", "困难"] as const;

export type FamilyEconomy = (typeof FAMILY_ECONOMY_LEVELS)[number];

export const FAMILY_ECONOMY_ALIASES: Readonly<Record<string, FamilyEconomy>> = {
  好: "良好",
  较好: "良好",
  富裕: "良好",
  中等: "一般",
  尚可: "一般",
  较差: "困难",
  差: "困难",
  贫困: "困难",
  困难户: "困难",
  较困难: "困难",
};

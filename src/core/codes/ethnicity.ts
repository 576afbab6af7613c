import type { ValueProblemCode } from "../messages/codes";

/** The 56 ethnic groups of GB/T 3304, in code order (code = index + 1). */
export const ETHNICITIES = [
  "汉族",
  "蒙古族",
  "回族",
  "藏族",
  "维吾尔族",
  "苗族",
  "彝族",
  "壮族",
  "布依族",
  "朝鲜族",
  "满族",
  "侗族",
  "瑶族",
  "白族",
  "土家族",
  "哈尼族",
  "哈萨克族",
  "傣族",
  "黎族",
  "傈僳族",
  "佤族",
  "畲族",
  "高山族",
  "拉祜族",
  "水族",
  "东乡族",
  "纳西族",
  "景颇族",
  "柯尔克孜族",
  "土族",
  "达斡尔族",
  "仫佬族",
  "羌族",
  "布朗族",
  "撒拉族",
  "毛南族",
  "仡佬族",
  "锡伯族",
  "阿昌族",
  "普米族",
  "塔吉克族",
  "怒族",
  "乌孜别克族",
  "俄罗斯族",
  "鄂温克族",
  "德昂族",
  "保安族",
  "裕固族",
  "京族",
  "塔塔尔族",
  "独龙族",
  "鄂伦春族",
  "赫哲族",
  "门巴族",
  "珞巴族",
  "基诺族",
] as const;

export type Ethnicity = (typeof ETHNICITIES)[number];

/**
 * GB/T 3304-1991 two-letter codes (表 1 of the standard, as printed on Wikisource
 * "中国各民族名称的罗马字母拼写法和代码"). Matching is case-insensitive: the lookup upper-cases keys.
 */
export const ETHNICITY_LETTER_CODES: Readonly<Record<string, Ethnicity>> = {
  HA: "汉族",
  MG: "蒙古族",
  HU: "回族",
  ZA: "藏族",
  UG: "维吾尔族",
  MH: "苗族",
  YI: "彝族",
  ZH: "壮族",
  BY: "布依族",
  CS: "朝鲜族",
  MA: "满族",
  DO: "侗族",
  YA: "瑶族",
  BA: "白族",
  TJ: "土家族",
  HN: "哈尼族",
  KZ: "哈萨克族",
  DA: "傣族",
  LI: "黎族",
  LS: "傈僳族",
  VA: "佤族",
  SH: "畲族",
  GS: "高山族",
  LH: "拉祜族",
  SU: "水族",
  DX: "东乡族",
  NX: "纳西族",
  JP: "景颇族",
  KG: "柯尔克孜族",
  TU: "土族",
  DU: "达斡尔族",
  ML: "仫佬族",
  QI: "羌族",
  BL: "布朗族",
  SL: "撒拉族",
  MN: "毛南族",
  GL: "仡佬族",
  XB: "锡伯族",
  AC: "阿昌族",
  PM: "普米族",
  TA: "塔吉克族",
  NU: "怒族",
  UZ: "乌孜别克族",
  RS: "俄罗斯族",
  EW: "鄂温克族",
  DE: "德昂族",
  BN: "保安族",
  YG: "裕固族",
  GI: "京族",
  TT: "塔塔尔族",
  DR: "独龙族",
  OR: "鄂伦春族",
  HZ: "赫哲族",
  MB: "门巴族",
  LB: "珞巴族",
  JN: "基诺族",
};

/**
 * GB/T 3304-1991 romanised names (same table), plus the two the standard gives for use abroad
 * (朝鲜族 Korean, 藏族 Tibetan). Where a name equals a code (Yi, Li, Va, Tu, Nu) both name the
 * same group; the lookup refuses a key that would name two.
 */
export const ETHNICITY_ROMAN_NAMES: Readonly<Record<string, Ethnicity>> = {
  Han: "汉族",
  Mongol: "蒙古族",
  Hui: "回族",
  Zang: "藏族",
  Uygur: "维吾尔族",
  Miao: "苗族",
  Yi: "彝族",
  Zhuang: "壮族",
  Buyei: "布依族",
  Chosen: "朝鲜族",
  Man: "满族",
  Dong: "侗族",
  Yao: "瑶族",
  Bai: "白族",
  Tujia: "土家族",
  Hani: "哈尼族",
  Kazak: "哈萨克族",
  Dai: "傣族",
  Li: "黎族",
  Lisu: "傈僳族",
  Va: "佤族",
  She: "畲族",
  Gaoshan: "高山族",
  Lahu: "拉祜族",
  Sui: "水族",
  Dongxiang: "东乡族",
  Naxi: "纳西族",
  Jingpo: "景颇族",
  Kirgiz: "柯尔克孜族",
  Tu: "土族",
  Daur: "达斡尔族",
  Mulao: "仫佬族",
  Qiang: "羌族",
  Blang: "布朗族",
  Salar: "撒拉族",
  Maonan: "毛南族",
  Gelao: "仡佬族",
  Xibe: "锡伯族",
  Achang: "阿昌族",
  Pumi: "普米族",
  Tajik: "塔吉克族",
  Nu: "怒族",
  Uzbek: "乌孜别克族",
  Russ: "俄罗斯族",
  Ewenki: "鄂温克族",
  Deang: "德昂族",
  Bonan: "保安族",
  Yugur: "裕固族",
  Gin: "京族",
  Tatar: "塔塔尔族",
  Derung: "独龙族",
  Oroqen: "鄂伦春族",
  Hezhen: "赫哲族",
  Monba: "门巴族",
  Lhoba: "珞巴族",
  Jino: "基诺族",
  Korean: "朝鲜族",
  Tibetan: "藏族",
};

/**
 * Names that were officially changed, and names used before or during 民族识别 (1950s) that
 * became exactly one of the 56. A change from one of these is logged under its own rule name
 * ("ethnicity-renamed"). Each entry's source is in test/core/codeSources.test.ts and
 * docs/data-sources.md.
 */
export const ETHNICITY_RENAMES: Readonly<Record<string, Ethnicity>> = {
  // State Council approvals
  僮族: "壮族", // 1965
  佧佤族: "佤族", // 1963 (the 1950s spelling)
  卡佤族: "佤族", // the same name as commonly typed
  崩龙族: "德昂族", // 1985
  毛难族: "毛南族", // 1986
  毛难: "毛南族",
  // Names of the 1950s, before or during 民族识别
  仲家族: "布依族", // 1953
  民家族: "白族", // 1956
  俅族: "独龙族", // 1952
  山头族: "景颇族",
  倮黑族: "拉祜族", // 1953
  越族: "京族", // 1958
  越南族: "京族", // 1958
  索伦族: "鄂温克族",
  归化族: "俄罗斯族",
  倮倮族: "彝族",
  达呼尔族: "达斡尔族",
  达胡尔族: "达斡尔族",
  犵狫族: "仡佬族",
  撒里维吾尔族: "裕固族", // 1953
  摆夷族: "傣族",
  攸乐族: "基诺族", // 1979
};

/** Short forms and variant spellings people still type. */
export const ETHNICITY_ALIASES: Readonly<Record<string, Ethnicity>> = {
  汉: "汉族",
  维族: "维吾尔族",
  蒙族: "蒙古族",
  朝族: "朝鲜族",
  畬族: "畲族",
  布衣族: "布依族",
  乌兹别克族: "乌孜别克族",
  傜族: "瑶族",
  达翰尔族: "达斡尔族",
};

/**
 * Groups outside the 56: 未识别民族, or branches (支系) of one of the 56 whose people are
 * registered under that one (or under different ones by province, as 摩梭). Each is reported as
 * such, not mapped: the household register decides. Matched as 「X人」, 「X族」 and, for names of
 * two characters or more, 「X」.
 */
export const ETHNICITY_UNRECOGNISED_GROUPS = [
  "穿青",
  "僜",
  "夏尔巴",
  "克木",
  "莽",
  "革家",
  "八甲",
  "达曼",
  "摩梭",
  "苦聪",
  "艾努",
] as const;

/** Words that say no ethnicity (GB/T 3304 has none of them; 97 is the ID-card code for 其他). */
export const ETHNICITY_UNKNOWN_WORDS = [
  "其他",
  "其它",
  "不详",
  "未知",
  "不知道",
  "不清楚",
  "无",
  "没有",
  "待定",
  "待查",
  "空",
  "空白",
  "未填",
  "未填写",
  "未说明",
  "未说明民族",
  "暂无",
  "保密",
  "/",
  "-",
  "--",
  "—",
  "——",
  "?",
  "97",
] as const;

/** Chinese citizens of foreign origin (外国血统中国籍人士; 98 is its ID-card code). */
export const ETHNICITY_FOREIGN_ORIGIN_WORDS = [
  "外国血统",
  "外国血统中国籍人士",
  "外国人入籍",
  "入籍",
  "加入中国籍",
  "98",
] as const;

/**
 * A value ending in 入籍 (the Ministry of Public Security's form for a naturalised foreigner
 * whose group is not one of the 56: "乌克兰(入籍)"), matched on the lookup key (NFKC, so full-width
 * brackets are ASCII).
 */
export const ETHNICITY_FOREIGN_ORIGIN_PATTERN = /\(?入籍\)?$/;

function namedKeys(): Record<string, ValueProblemCode> {
  const named: Record<string, ValueProblemCode> = {};
  for (const g of ETHNICITY_UNRECOGNISED_GROUPS) {
    named[`${g}人`] = "ethnicity-unrecognised";
    named[`${g}族`] = "ethnicity-unrecognised";
    if (g.length >= 2) named[g] = "ethnicity-unrecognised";
  }
  for (const w of ETHNICITY_UNKNOWN_WORDS) named[w] = "ethnicity-unknown";
  for (const w of ETHNICITY_FOREIGN_ORIGIN_WORDS) named[w] = "ethnicity-foreign-origin";
  return named;
}

/** Values that are not one of the 56, each with the problem that names it. */
export const ETHNICITY_NAMED: Readonly<Record<string, ValueProblemCode>> = namedKeys();

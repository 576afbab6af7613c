import type { ValueProblemCode } from "../messages/codes";

/** Political affiliation (政治面貌), GB/T 4762: canonical names in code order (code = index + 1). */
export const POLITICAL_STATUSES = [
  "中国共产党党员",
  "中国共产党预备党员",
  "中国共产主义青年团团员",
  "中国国民党革命委员会会员",
  "中国民主同盟盟员",
  "中国民主建国会会员",
  "中国民主促进会会员",
  "中国农工民主党党员",
  "中国致公党党员",
  "九三学社社员",
  "台湾民主自治同盟盟员",
  "无党派民主人士",
  "群众",
] as const;

export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];

/**
 * Short forms and other labels people type, each mapped to its canonical name. The first alias of
 * each name is its usual short form (fixtures use it). Sources: test/core/codeSources.test.ts.
 */
export const POLITICAL_ALIASES: Readonly<Record<string, PoliticalStatus>> = {
  中共党员: "中国共产党党员",
  党员: "中国共产党党员",
  共产党员: "中国共产党党员",
  中国共产党员: "中国共产党党员",
  中共正式党员: "中国共产党党员",
  中国共产党正式党员: "中国共产党党员",
  正式党员: "中国共产党党员",
  中国共产党: "中国共产党党员",
  预备党员: "中国共产党预备党员",
  中共预备党员: "中国共产党预备党员",
  中共候补党员: "中国共产党预备党员",
  候补党员: "中国共产党预备党员",
  共青团员: "中国共产主义青年团团员",
  团员: "中国共产主义青年团团员",
  中国共青团员: "中国共产主义青年团团员",
  共青团: "中国共产主义青年团团员",
  青年团团员: "中国共产主义青年团团员",
  中国共产主义青年团: "中国共产主义青年团团员",
  民革: "中国国民党革命委员会会员",
  民革会员: "中国国民党革命委员会会员",
  民盟: "中国民主同盟盟员",
  民盟盟员: "中国民主同盟盟员",
  民建: "中国民主建国会会员",
  民建会员: "中国民主建国会会员",
  民进: "中国民主促进会会员",
  民进会员: "中国民主促进会会员",
  农工党: "中国农工民主党党员",
  农工党党员: "中国农工民主党党员",
  农工民主党: "中国农工民主党党员",
  致公党: "中国致公党党员",
  致公党党员: "中国致公党党员",
  九三学社: "九三学社社员",
  九三: "九三学社社员",
  台盟: "台湾民主自治同盟盟员",
  台盟盟员: "台湾民主自治同盟盟员",
  无党派人士: "无党派民主人士",
  无党派: "无党派民主人士",
  群众: "群众",
  普通群众: "群众",
  一般群众: "群众",
  普通居民: "群众",
};

/**
 * Each of the eight parties by the names that can mean only it: its short forms and its full name
 * without the member word. Any of these followed by any member word (MEMBER_WORDS) is that party's
 * member, whichever word the party really uses (民盟党员, 九三社员, 民进党员 …). 民进党 alone is not
 * here: it is also the name of Taiwan's 民主进步党.
 */
export const PARTY_NAMES: Readonly<Record<string, PoliticalStatus>> = {
  民革: "中国国民党革命委员会会员",
  中国国民党革命委员会: "中国国民党革命委员会会员",
  民盟: "中国民主同盟盟员",
  中国民主同盟: "中国民主同盟盟员",
  民建: "中国民主建国会会员",
  民主建国会: "中国民主建国会会员",
  中国民主建国会: "中国民主建国会会员",
  民进: "中国民主促进会会员",
  民主促进会: "中国民主促进会会员",
  中国民主促进会: "中国民主促进会会员",
  农工: "中国农工民主党党员",
  农工党: "中国农工民主党党员",
  农工民主党: "中国农工民主党党员",
  中国农工民主党: "中国农工民主党党员",
  致公: "中国致公党党员",
  致公党: "中国致公党党员",
  中国致公党: "中国致公党党员",
  九三: "九三学社社员",
  九三学社: "九三学社社员",
  台盟: "台湾民主自治同盟盟员",
  台湾民主自治同盟: "台湾民主自治同盟盟员",
};

/** The words forms put after a party's name for its members. */
export const MEMBER_WORDS = ["党员", "会员", "成员", "盟员", "社员"] as const;

/** Every party name of PARTY_NAMES, alone (except the one-word 农工/致公) or with a member word. */
export const PARTY_MEMBER_FORMS: Readonly<Record<string, PoliticalStatus>> = Object.fromEntries(
  Object.entries(PARTY_NAMES).flatMap(([name, status]) => [
    ...(name === "农工" || name === "致公" ? [] : [[name, status] as const]),
    ...MEMBER_WORDS.map((w) => [name + w, status] as const),
  ])
);

/** Labels that name a kind (a democratic party, some party) but not which one. */
export const POLITICAL_AMBIGUOUS = [
  "民主党派",
  "民主党派成员",
  "民主党派人士",
  "民主党派党员",
  "民主党派会员",
  "各民主党派成员",
  "其他民主党派",
  "民主党",
  "民主",
  "民主人士",
  "党派",
  "党派成员",
  "党派人士",
  "其他党派",
  "参政党",
  "参政党成员",
  "党外人士",
] as const;

/** Values that are not one of the 13, each with the problem that names it. */
export const POLITICAL_NAMED: Readonly<Record<string, ValueProblemCode>> = Object.fromEntries(
  POLITICAL_AMBIGUOUS.map((w) => [w, "political-ambiguous" as const])
);

/**
 * A corpus of registry cells taken from public peers' test suites and from the standards, each with
 * the canonical value convert should write and the problems it should report. The values were read
 * in the cited files and written here anew (nothing of their code is copied); where a case is
 * adapted from its source (a check digit corrected so that only the area code is wrong, a digit
 * changed), the case says so.
 *
 * Every case is one member row: 姓名 filled, the column under test set, the other columns empty
 * unless the case needs an ID number. convert.test.ts writes them all to one workbook, converts it
 * once and checks each output cell and each problem, column by column.
 */
import type { ProblemCode } from "../../src/core/messages";

/** The registry columns the corpus sets or reads (headers as DOMAIN.md has them). */
export type Column = "性别" | "民族" | "出生日期" | "公民身份号码" | "政治面貌" | "建档日期";

/** The field key of each column, as problems name it. */
export const FIELD_OF: Record<Column, string> = {
  性别: "gender",
  民族: "ethnicity",
  出生日期: "birthDate",
  公民身份号码: "idNumber",
  政治面貌: "political",
  建档日期: "recordedOn",
};

/**
 * What an output cell should hold: text (exactly, and as text), a real date (read back by exceljs
 * as a Date at UTC midnight), or nothing.
 */
export type Want = string | { date: string } | null;

export interface Case {
  /** The column under test. */
  column: Column;
  /** The value as typed in the old workbook (a number where Excel would hold one). */
  input: string | number;
  /** A 公民身份号码 typed on the same row (for 出生日期 cases that need one). */
  id?: string;
  /** The output cell of `column`. */
  want: Want;
  /** Codes reported for this row and `column`, in any order; [] for none. */
  problems: ProblemCode[];
  /** Other output cells of the row, each of which must have no problem (e.g. 性别 filled from the ID). */
  also?: Partial<Record<Column, Want>>;
  /** What the case shows, where the input alone does not say it. */
  note?: string;
}

export interface CaseGroup {
  /** Where the cases come from: repository + path, or standard + edition. */
  source: string;
  cases: Case[];
}

const date = (ymd: string) => ({ date: ymd });

/** An ID case: the number, what it becomes, the problems, and (for a valid one) what it says. */
function id(
  input: string,
  want: string,
  problems: ProblemCode[],
  holder: { gender: "男" | "女"; birth: string } | null,
  note?: string
): Case {
  return {
    column: "公民身份号码",
    input,
    want,
    problems,
    also: holder
      ? {
          性别: holder.gender,
          // Excel's 1900 date system has no day before 1900-01-01: such a birth date is text.
          出生日期: holder.birth < "1900" ? holder.birth : date(holder.birth),
        }
      : { 性别: null, 出生日期: null },
    note,
  };
}

const birth = (input: string | number, want: Want, problems: ProblemCode[], note?: string) => ({
  column: "出生日期" as const,
  input,
  want,
  problems,
  note,
});

const recorded = (input: string | number, want: Want, problems: ProblemCode[], note?: string) => ({
  column: "建档日期" as const,
  input,
  want,
  problems,
  note,
});

const ethnicity = (input: string | number, want: Want, problems: ProblemCode[] = []) => ({
  column: "民族" as const,
  input,
  want,
  problems,
});

const political = (input: string | number, want: Want, problems: ProblemCode[] = []) => ({
  column: "政治面貌" as const,
  input,
  want,
  problems,
});

/** The output of a cell kept as typed (a problem that leaves the value alone). */
const kept = (input: string) => input;

export const GROUPS: CaseGroup[] = [
  // ───────────────────────────── 公民身份号码 ─────────────────────────────
  {
    source:
      "jxlwqq/id-validator tests/IdValidatorTest.php (same numbers in jxlwqq/id-validator.py test_validator.py)",
    cases: [
      id("440308199901101512", "440308199901101512", [], { gender: "男", birth: "1999-01-10" }),
      id("440308199901101513", "440308199901101513", ["id-checksum"], null),
      id("440308199902301512", "440308199902301512", ["id-birth-date"], null, "30 February"),
      id("610104620927690", "610104196209276908", [], { gender: "女", birth: "1962-09-27" }),
      id("610104620932690", kept("610104620932690"), ["id-birth-date"], null, "15 digits, day 32"),
      id("11010119900307867X", "11010119900307867X", ["id-checksum"], null),
      id("110101199003078670", "110101199003078670", [], { gender: "男", birth: "1990-03-07" }),
      id(
        "500154199301135886",
        "500154199301135886",
        [],
        { gender: "女", birth: "1993-01-13" },
        "500154 开州区 (2016): a born-before-the-code number, valid in the library's lax mode"
      ),
      id("500154199804106120", "500154199804106120", [], { gender: "女", birth: "1998-04-10" }),
      id("411082198901010002", "411082198901010002", [], { gender: "女", birth: "1989-01-01" }),
      id(
        "362324198001010014",
        "362324198001010014",
        [],
        { gender: "男", birth: "1980-01-01" },
        "362324 丰城县: a retired area code (abandoned: 1), still valid"
      ),
      id("430302199312194239", "430302199312194239", [], { gender: "男", birth: "1993-12-19" }),
      id(
        "810000199408230021",
        "810000199408230021",
        [],
        { gender: "女", birth: "1994-08-23" },
        "residence permit of a Hong Kong or Macao resident"
      ),
      id(
        "830000199201300022",
        "830000199201300022",
        [],
        { gender: "女", birth: "1992-01-30" },
        "residence permit of a Taiwan resident"
      ),
      id(
        "111111199901101514",
        "111111199901101514",
        ["id-area"],
        { gender: "男", birth: "1999-01-10" },
        "the library's '地址码不合法' case 111111199901101512, check digit corrected (2 → 4) so that only the area code is wrong"
      ),
      id("44030819990110", kept("44030819990110"), ["id-format"], null, "14 digits"),
    ],
  },
  {
    source: "dromara/hutool hutool-core/src/test/java/cn/hutool/core/util/IdcardUtilTest.java",
    cases: [
      id("321083197812162119", "321083197812162119", [], { gender: "男", birth: "1978-12-16" }),
      id("150102880730303", "150102198807303035", [], { gender: "男", birth: "1988-07-30" }),
      id("330102200403064", "33010219200403064X", [], { gender: "女", birth: "1920-04-03" }),
      id(
        "932682198501010017",
        "932682198501010017",
        ["id-foreign-permanent"],
        { gender: "男", birth: "1985-01-01" },
        "新版外国人永久居留身份证号码"
      ),
      id(
        "360198910283844",
        kept("360198910283844"),
        ["id-birth-date"],
        null,
        "15 digits, 1991-02-83"
      ),
      id("201511221897205960", "201511221897205960", ["id-birth-date"], null, "date 22189720"),
      id(
        "815727834224151",
        kept("815727834224151"),
        ["id-birth-date"],
        null,
        "15 digits, 1983-42-24"
      ),
      id("3301022011022000D6", kept("3301022011022000D6"), ["id-format"], null),
      id("81000019980902013X", "81000019980902013X", [], { gender: "男", birth: "1998-09-02" }),
      id("820000200009100032", "820000200009100032", [], { gender: "男", birth: "2000-09-10" }),
      id("830000200209060065", "830000200209060065", [], { gender: "女", birth: "2002-09-06" }),
      id(
        "111111111111111",
        "111111191111111113",
        ["id-area"],
        { gender: "男", birth: "1911-11-11" },
        "issue I88YKM: hutool calls it valid; area 111111 is in no edition of GB/T 2260"
      ),
    ],
  },
  {
    source: "jysperm/china-id-card-validator test/china-id-card-validator.spec.coffee",
    cases: [
      id(
        "11010519491231002x",
        "11010519491231002X",
        [],
        { gender: "女", birth: "1949-12-31" },
        "lower-case x (GB 11643-1999's own example, upper-cased)"
      ),
      id("440524188001010014", "440524188001010014", [], { gender: "男", birth: "1880-01-01" }),
      id("210105199511250210", "210105199511250210", [], { gender: "男", birth: "1995-11-25" }),
      id("440524188001010013", "440524188001010013", ["id-checksum"], null),
      id(
        "010105194912310026",
        "010105194912310026",
        ["id-area"],
        { gender: "女", birth: "1949-12-31" },
        "the suite's failing 01010519491231002X (province 01), check digit corrected (X → 6)"
      ),
      id("440524178001010014", "440524178001010014", ["id-birth-date"], null, "born 1780"),
      id("440524218001010014", "440524218001010014", ["id-birth-date"], null, "born 2180"),
      id("110228199421010014", "110228199421010014", ["id-birth-date"], null, "month 21"),
      id("110228199401410014", "110228199401410014", ["id-birth-date"], null, "day 41"),
      id("11010519491231ABCD", kept("11010519491231ABCD"), ["id-format"], null),
    ],
  },
  {
    source: "tonyc726/china-id-card test/index.test.ts",
    cases: [
      id(
        "310000810227632",
        "310000198102276323",
        [],
        { gender: "女", birth: "1981-02-27" },
        "area 310000 (上海市, a province-level code of GB/T 2260)"
      ),
      id("31000019830212878X", "31000019830212878X", [], { gender: "女", birth: "1983-02-12" }),
      id("310000198302128788", "310000198302128788", ["id-checksum"], null),
      id(
        "000000198302128787",
        "000000198302128787",
        ["id-area"],
        { gender: "女", birth: "1983-02-12" },
        "the suite's 'invalid province' 00000019830212878X, check digit corrected (X → 7)"
      ),
      id("31000019810227632", kept("31000019810227632"), ["id-format"], null, "17 digits"),
    ],
  },
  {
    source: "louismax/credentialverifier README.md and credentialverifier_test.go",
    cases: [
      id("610122198310134420", "610122198310134420", [], { gender: "女", birth: "1983-10-13" }),
      id("150000199703191282", "150000199703191282", [], { gender: "女", birth: "1997-03-19" }),
      id(
        "15000019970319128X",
        "15000019970319128X",
        ["id-checksum"],
        null,
        "the README's 'ends in X' example; its check digit is 2"
      ),
      id("830000199505245608", "830000199505245608", [], { gender: "女", birth: "1995-05-24" }),
    ],
  },
  {
    source:
      "国家移民管理局《新版外国人永久居留身份证适配性改造要点》(2023) 表 1 samples (GB 11643 check digit)",
    cases: [
      id(
        "911124198108030024",
        "911124198108030024",
        ["id-foreign-permanent"],
        { gender: "女", birth: "1981-08-03" },
        "Canada (124), issued in Beijing (11)"
      ),
      id(
        "932682198501010018",
        "932682198501010018",
        ["id-checksum"],
        null,
        "the sample 932682198501010017 with its check digit changed"
      ),
      id(
        "932682198513010017",
        "932682198513010017",
        ["id-birth-date"],
        null,
        "the sample with month 13"
      ),
    ],
  },
  {
    source:
      "GB 11643-1999 (check digit) with GB/T 2260 area codes: retired ones from jxlwqq/id-validator data/abandonedAddressCode.php; check digits computed",
    cases: [
      id(
        "110103196503021231",
        "110103196503021231",
        [],
        { gender: "男", birth: "1965-03-02" },
        "110103 崇文区, retired 2010"
      ),
      id(
        "110104197205080226",
        "110104197205080226",
        [],
        { gender: "女", birth: "1972-05-08" },
        "110104 宣武区, retired 2010"
      ),
      id(
        "310103195801150018",
        "310103195801150018",
        [],
        { gender: "男", birth: "1958-01-15" },
        "310103 卢湾区, retired 2011"
      ),
      id(
        "110199198001010032",
        "110199198001010032",
        ["id-area"],
        { gender: "男", birth: "1980-01-01" },
        "110199: no county of Beijing in any edition"
      ),
      id(
        "700000197506060041",
        "700000197506060041",
        ["id-area"],
        { gender: "女", birth: "1975-06-06" },
        "province 70 exists in no edition"
      ),
      id(
        "44010619640229018X",
        "44010619640229018X",
        [],
        { gender: "女", birth: "1964-02-29" },
        "a 29 February of a leap year"
      ),
    ],
  },
  {
    source: "DOMAIN.md worked example (GB 11643-1999 upgrade of a 15-digit number)",
    cases: [id("370725881105149", "37072519881105149X", [], { gender: "男", birth: "1988-11-05" })],
  },

  // ───────────────────────────── 出生日期 ─────────────────────────────
  {
    source:
      "dongrixinyu/JioNLP test/test_time_parser.py (as 出生日期, asOf 2026-11-23: yy ≤ 10 → 20yy)",
    cases: [
      birth("2015年8月12日", date("2015-08-12"), []),
      birth("15年3月2日", date("1915-03-02"), [], "15 > 10: 1915 for a birth date"),
      birth("03年2月28日", date("2003-02-28"), []),
      birth("98年4月", "1998-04", ["birth-date-partial"]),
      birth("零七年八月二十九号", date("2007-08-29"), []),
      birth("九零年9月十号", date("1990-09-10"), []),
      birth("二零零三年十二月", "2003-12", ["birth-date-partial"]),
      birth("二〇〇六年十二月", "2006-12", ["birth-date-partial"]),
      birth("三三年", "1933", ["birth-date-partial"]),
      birth("91年5月", "1991-05", ["birth-date-partial"]),
      birth("1994.01-19", date("1994-01-19"), []),
      birth("1999.08-2002.02", kept("1999.08-2002.02"), ["birth-date-invalid"], "a span"),
      birth("9月30日", kept("9月30日"), ["birth-date-invalid"], "no year"),
      birth("十二月20号", kept("十二月20号"), ["birth-date-invalid"], "no year"),
      birth("1993年上半年", kept("1993年上半年"), ["birth-date-invalid"]),
      birth("19年底", kept("19年底"), ["birth-date-invalid"]),
    ],
  },
  {
    source: "wanasit/chrono test/zh/hans/zh_hans_date.test.ts",
    cases: [
      birth("2016年9月3号", date("2016-09-03"), []),
      birth("十一月十日", kept("十一月十日"), ["birth-date-invalid"], "no year"),
      birth(
        "2016年9月3号-2017年10月24号",
        kept("2016年9月3号-2017年10月24号"),
        ["birth-date-invalid"],
        "a range"
      ),
    ],
  },
  {
    source: "project spec: date forms of old registries (DOMAIN.md; convert's date rules)",
    cases: [
      birth("1972年5月8日", date("1972-05-08"), []),
      birth("1972年5月8号", date("1972-05-08"), []),
      birth("1983年06月07号", date("1983-06-07"), []),
      birth("一九七二年五月", "1972-05", ["birth-date-partial"]),
      birth("二〇一〇年", "2010", ["birth-date-partial"]),
      birth("二零零五年十一月", "2005-11", ["birth-date-partial"]),
      birth("一九八〇年十月二十八日", date("1980-10-28"), []),
      birth("二〇一〇年十月廿八日", date("2010-10-28"), []),
      birth("一九七二年三月三十日", date("1972-03-30"), []),
      birth("一九八O年", "1980", ["birth-date-partial"], "Latin O among Chinese digits"),
      birth("一九8○年五月", "1980-05", ["birth-date-partial"], "an Arabic 8 and a ○"),
      birth("一九八零年", "1980", ["birth-date-partial"]),
      birth("一九八0年", "1980", ["birth-date-partial"], "a digit 0 among Chinese digits"),
      birth("八零年6月十五号", date("1980-06-15"), []),
      birth("10年5月1日", date("2010-05-01"), [], "10 ≤ 10: 2010"),
      birth("11年5月1日", date("1911-05-01"), [], "11 > 10: 1911"),
      birth("00年1月1日", date("2000-01-01"), []),
      birth("十月", kept("十月"), ["birth-date-invalid"], "no year"),
      birth("八月上旬", kept("八月上旬"), ["birth-date-invalid"]),
      birth("不详", kept("不详"), ["birth-date-invalid"]),
      birth("一九七二年十三月", kept("一九七二年十三月"), ["birth-date-invalid"], "no month 13"),
      birth(
        "二〇二一年二月二十九日",
        kept("二〇二一年二月二十九日"),
        ["birth-date-invalid"],
        "2021 is no leap year"
      ),
    ],
  },
  {
    source:
      "GB 11643-1999 (birth date in positions 7-14) against a typed 出生日期; check digits computed",
    cases: [
      {
        ...birth("一九七二年五月", date("1972-05-08"), [], "agrees: completed from the ID"),
        id: "320102197205080011",
        also: { 公民身份号码: "320102197205080011", 性别: "男" },
      },
      {
        ...birth("八零年6月", date("1980-06-15"), [], "agrees: completed from the ID"),
        id: "320102198006150026",
        also: { 公民身份号码: "320102198006150026", 性别: "女" },
      },
      {
        ...birth("1949", date("1949-12-31"), [], "a year that agrees"),
        id: "320102194912310054",
        also: { 公民身份号码: "320102194912310054", 性别: "男" },
      },
      {
        ...birth("1983年11月5号", date("1983-11-05"), []),
        id: "320102198311050064",
        also: { 公民身份号码: "320102198311050064", 性别: "女" },
      },
      {
        ...birth("1965年4月", "1965-04", ["birth-date-mismatch"], "the ID says 1965-03-02"),
        id: "320102196503020039",
        also: { 公民身份号码: "320102196503020039", 性别: "男" },
      },
      {
        ...birth(
          "一九九〇年九月十一日",
          date("1990-09-11"),
          ["birth-date-mismatch"],
          "the ID says 1990-09-10"
        ),
        id: "320102199009100045",
        also: { 公民身份号码: "320102199009100045", 性别: "女" },
      },
    ],
  },

  // ───────────────────────────── 建档日期 ─────────────────────────────
  {
    source:
      "dongrixinyu/JioNLP test/test_time_parser.py (as 建档日期, asOf 2026-11-23: yy ≤ 26 → 20yy)",
    cases: [
      recorded("2019/04/19", date("2019-04-19"), []),
      recorded("2019.9.6", date("2019-09-06"), []),
      recorded("15年3月2日", date("2015-03-02"), [], "15 ≤ 26: 2015 for a record date"),
      recorded("2018-11-29 18:59", date("2018-11-29"), [], "a time of day after the date"),
      recorded("2023年", "2023", ["date-partial"]),
      recorded("2018", "2018", ["date-partial"]),
      recorded("1999.08-2002.02", kept("1999.08-2002.02"), ["date-invalid"], "a span"),
    ],
  },
  {
    source: "wanasit/chrono test/zh/hans/zh_hans_date.test.ts (as 建档日期)",
    cases: [recorded("2016年09月03号", date("2016-09-03"), [])],
  },
  {
    source: "Ailln/cn2an cn2an/transform_test.py (as 建档日期)",
    cases: [recorded("二零零一年三月四日", date("2001-03-04"), [])],
  },
  {
    source: "project spec: date forms of old registries (DOMAIN.md; convert's date rules)",
    cases: [
      recorded("零九年六月", "2009-06", ["date-partial"]),
      recorded("二〇一〇年十月廿八日", date("2010-10-28"), []),
      recorded("26年1月5日", date("2026-01-05"), [], "26 ≤ 26: 2026"),
      recorded("27年1月5日", date("1927-01-05"), [], "27 > 26: 1927"),
      recorded("八月上旬", kept("八月上旬"), ["date-invalid"]),
      recorded("二〇二一年二月二十九日", kept("二〇二一年二月二十九日"), ["date-invalid"]),
    ],
  },

  // ───────────────────────────── 民族 ─────────────────────────────
  {
    source:
      "GB/T 3304-1991 numeric (01-56) and letter codes, as listed in tourze/gb-t-3304 src/Nationality.php",
    cases: [
      ethnicity("汉族", "汉族"),
      ethnicity("蒙古族", "蒙古族"),
      ethnicity("柯尔克孜族", "柯尔克孜族"),
      ethnicity("基诺族", "基诺族"),
      ethnicity("汉", "汉族"),
      ethnicity("01", "汉族"),
      ethnicity(1, "汉族"),
      ethnicity("08", "壮族"),
      ethnicity(21, "佤族"),
      ethnicity("36", "毛南族"),
      ethnicity(56, "基诺族"),
      ethnicity("HA", "汉族"),
      ethnicity("ZH", "壮族"),
      ethnicity("ZA", "藏族"),
      ethnicity("MG", "蒙古族"),
      ethnicity("UG", "维吾尔族"),
      ethnicity("CS", "朝鲜族"),
      ethnicity("DE", "德昂族"),
      ethnicity("JN", "基诺族"),
    ],
  },
  {
    source:
      "GB/T 3304-1991 names as renamed by the State Council: 僮族 → 壮族 (1965), 卡佤族 → 佤族 (1963; some sources say 1962), 崩龙族 → 德昂族 (1985), 毛难族 → 毛南族 (1986)",
    cases: [
      ethnicity("僮族", "壮族"),
      ethnicity("卡佤族", "佤族"),
      ethnicity("崩龙族", "德昂族"),
      ethnicity("毛难族", "毛南族"),
    ],
  },
  {
    source:
      "GB/T 3304 beyond the 56 (bes2008/langx-java langx-java/src/main/java/com/jn/langx/text/i18n/ChinaEthnic.java: 其他, 外国血统中国籍人士); project spec",
    cases: [
      ethnicity("其他", kept("其他"), ["ethnicity-unknown"]),
      ethnicity("不详", kept("不详"), ["ethnicity-unknown"]),
      ethnicity("穿青人", kept("穿青人"), ["ethnicity-unrecognised"]),
      ethnicity("外国血统", kept("外国血统"), ["ethnicity-foreign-origin"]),
      ethnicity("外国血统中国籍人士", kept("外国血统中国籍人士"), ["ethnicity-foreign-origin"]),
      ethnicity("大和族", kept("大和族"), ["ethnicity-invalid"]),
    ],
  },

  // ───────────────────────────── 政治面貌 ─────────────────────────────
  {
    source:
      "GB/T 4762-1984 codes and names, as listed in famousmed/pdsci src/com/pinde/sci/enums/sys/PoliticsAppearanceEnum.java",
    cases: [
      political("中国共产党党员", "中国共产党党员"),
      political("九三学社社员", "九三学社社员"),
      political("群众", "群众"),
      political("05", "中国民主同盟盟员"),
      political(10, "九三学社社员"),
      political("12", "无党派民主人士"),
    ],
  },
  {
    source: "so-cheng/Ideal.Platform Ideal.Platform.Common/Data/PoliticalStatus.cs (labels in use)",
    cases: [
      political("中共预备党员", "中国共产党预备党员"),
      political("民革会员", "中国国民党革命委员会会员"),
      political("民建会员", "中国民主建国会会员"),
      political("民进会员", "中国民主促进会会员"),
      political("农工党党员", "中国农工民主党党员"),
      political("致公党党员", "中国致公党党员"),
      political("台盟盟员", "台湾民主自治同盟盟员"),
    ],
  },
  {
    source:
      "Songzhizong/ideal-framework ideal-share-project/ideal-core/src/main/java/cn/idealframework/constants/PoliticalStatus.java",
    cases: [
      political("民革党员", "中国国民党革命委员会会员"),
      political("无党派人士", "无党派民主人士"),
    ],
  },
  {
    source:
      "project spec and DOMAIN.md: short forms, wrong member words, ambiguous and unknown labels",
    cases: [
      political("民盟", "中国民主同盟盟员"),
      political("九三", "九三学社社员"),
      political("团员", "中国共产主义青年团团员"),
      political("民盟党员", "中国民主同盟盟员"),
      political("九三社员", "九三学社社员"),
      political("民主党派", kept("民主党派"), ["political-ambiguous"]),
      political("民主党派成员", kept("民主党派成员"), ["political-ambiguous"]),
      political("少先队员", kept("少先队员"), ["political-invalid"]),
    ],
  },
];

/** One row of the corpus workbook: a case with its source and its member's name. */
export interface CorpusRow extends Case {
  source: string;
  /** 姓名 of the row: unique, so that the output row is found by it. */
  name: string;
}

export const ROWS: CorpusRow[] = GROUPS.flatMap((g) =>
  g.cases.map((c) => ({ ...c, source: g.source }))
).map((c, i) => ({ ...c, name: `测试${String(i + 1).padStart(3, "0")}` }));

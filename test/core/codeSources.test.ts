/**
 * Every name the 民族 and 政治面貌 rules map or name, each with the public source it was taken
 * from (docs/data-sources.md, section 民族与政治面貌, has the same list for readers). A key added
 * to the code tables without a source here fails the completeness tests at the end.
 *
 * Sources marked "code index id N" are public source files found through the project's code
 * search (read them again with read_file id N); pages are cited by their address.
 */
import {
  ETHNICITIES,
  ETHNICITY_ALIASES,
  ETHNICITY_FOREIGN_ORIGIN_WORDS,
  ETHNICITY_LETTER_CODES,
  ETHNICITY_RENAMES,
  ETHNICITY_ROMAN_NAMES,
  ETHNICITY_UNKNOWN_WORDS,
  ETHNICITY_UNRECOGNISED_GROUPS,
} from "../../src/core/codes/ethnicity";
import {
  MEMBER_WORDS,
  PARTY_NAMES,
  POLITICAL_ALIASES,
  POLITICAL_AMBIGUOUS,
  POLITICAL_STATUSES,
} from "../../src/core/codes/political";
import type { ProblemCode } from "../../src/core/messages";
import { normalizeRegistry } from "../../src/core/registry";
import { type CodeTable, buildLookup, codeKey, codeRule } from "../../src/core/rules/codeLookup";
import { normalizeEthnicity, normalizePolitical } from "../../src/core/rules/codeRules";
import { AS_OF, codes, ctx } from "./helpers";

interface Mapped {
  input: string | number;
  want: string;
  source: string;
}
interface Named {
  input: string | number;
  code: ProblemCode;
  source: string;
}

// ───────────────────────────── 民族 (GB/T 3304) ─────────────────────────────

const GB3304 =
  "GB/T 3304-1991 表1 (罗马字母拼写法, 字母代码), text on Wikisource: https://zh.wikisource.org/zh-hant/中国各民族名称的罗马字母拼写法和代码; the same codes in gardenerframework/fragrans sdk/data/common/data-common-codes/src/main/java/io/gardenerframework/fragrans/data/codes/gb/t/gb3304/NationalityAbbreviationCodes.java and hslooooooool/wechat-demo lib/lib-data/src/main/java/vip/qsos/lib_data/data/EnumList.kt";
const GB3304_ABROAD =
  "GB 3304-91 说明: 对外使用时，朝鲜族名称拼写为 Korean，藏族名称拼写为 Tibetan (http://wenxue33.com/yywz/256520.html)";

/** GB/T 3304-1991: letter code and romanised name of each of the 56, in code order. */
const GB3304_TABLE: readonly (readonly [string, string, string])[] = [
  ["汉族", "HA", "Han"],
  ["蒙古族", "MG", "Mongol"],
  ["回族", "HU", "Hui"],
  ["藏族", "ZA", "Zang"],
  ["维吾尔族", "UG", "Uygur"],
  ["苗族", "MH", "Miao"],
  ["彝族", "YI", "Yi"],
  ["壮族", "ZH", "Zhuang"],
  ["布依族", "BY", "Buyei"],
  ["朝鲜族", "CS", "Chosen"],
  ["满族", "MA", "Man"],
  ["侗族", "DO", "Dong"],
  ["瑶族", "YA", "Yao"],
  ["白族", "BA", "Bai"],
  ["土家族", "TJ", "Tujia"],
  ["哈尼族", "HN", "Hani"],
  ["哈萨克族", "KZ", "Kazak"],
  ["傣族", "DA", "Dai"],
  ["黎族", "LI", "Li"],
  ["傈僳族", "LS", "Lisu"],
  ["佤族", "VA", "Va"],
  ["畲族", "SH", "She"],
  ["高山族", "GS", "Gaoshan"],
  ["拉祜族", "LH", "Lahu"],
  ["水族", "SU", "Sui"],
  ["东乡族", "DX", "Dongxiang"],
  ["纳西族", "NX", "Naxi"],
  ["景颇族", "JP", "Jingpo"],
  ["柯尔克孜族", "KG", "Kirgiz"],
  ["土族", "TU", "Tu"],
  ["达斡尔族", "DU", "Daur"],
  ["仫佬族", "ML", "Mulao"],
  ["羌族", "QI", "Qiang"],
  ["布朗族", "BL", "Blang"],
  ["撒拉族", "SL", "Salar"],
  ["毛南族", "MN", "Maonan"],
  ["仡佬族", "GL", "Gelao"],
  ["锡伯族", "XB", "Xibe"],
  ["阿昌族", "AC", "Achang"],
  ["普米族", "PM", "Pumi"],
  ["塔吉克族", "TA", "Tajik"],
  ["怒族", "NU", "Nu"],
  ["乌孜别克族", "UZ", "Uzbek"],
  ["俄罗斯族", "RS", "Russ"],
  ["鄂温克族", "EW", "Ewenki"],
  ["德昂族", "DE", "Deang"],
  ["保安族", "BN", "Bonan"],
  ["裕固族", "YG", "Yugur"],
  ["京族", "GI", "Gin"],
  ["塔塔尔族", "TT", "Tatar"],
  ["独龙族", "DR", "Derung"],
  ["鄂伦春族", "OR", "Oroqen"],
  ["赫哲族", "HZ", "Hezhen"],
  ["门巴族", "MB", "Monba"],
  ["珞巴族", "LB", "Lhoba"],
  ["基诺族", "JN", "Jino"],
];

const LETTER_CODES: Mapped[] = GB3304_TABLE.map(([want, code]) => ({
  input: code,
  want,
  source: GB3304,
}));
const ROMAN_NAMES: Mapped[] = [
  ...GB3304_TABLE.map(([want, , roman]) => ({ input: roman, want, source: GB3304 })),
  { input: "Korean", want: "朝鲜族", source: GB3304_ABROAD },
  { input: "Tibetan", want: "藏族", source: GB3304_ABROAD },
];

/** Official renames and 1950s names that became exactly one of the 56. */
const RENAMES: Mapped[] = [
  {
    input: "僮族",
    want: "壮族",
    source:
      "1965 《国务院关于更改僮族及僮族自治地方名称问题给广西僮族自治区人民委员会、云南省人民委员会、广东省人民委员会的批复》 (http://zgkjsz.com/page/2015/0910/9522120.shtml; http://www.jingxi.net/read-htm-tid-25704-fpage-535-page-2.html)",
  },
  {
    input: "佧佤族",
    want: "佤族",
    source:
      "新中国成立初期曾用过“佧佤族”的族称，1963年3月根据本民族的意愿经国务院批准正式定名为佤族 (https://www.daowen.com/book/content/200624171/9930073.html)",
  },
  {
    input: "卡佤族",
    want: "佤族",
    source:
      "“卡佤族”改为佤族 (https://m.163.com/dy/article_cambrian/JH6NJEDN0552N4FE.html); the same 1963 approval as 佧佤族",
  },
  {
    input: "崩龙族",
    want: "德昂族",
    source:
      "1985年9月经国务院批准，“崩龙族”正式改名为“德昂族” (国家民委网站 via gov.cn, mirrored at http://www.prettygoddess.com/test/2006-04/17/content_255764.htm)",
  },
  {
    input: "毛难族",
    want: "毛南族",
    source:
      "1986年6月经国务院批准将“毛难族”改为“毛南族” (广西政协 http://gxzxbxwzx.com.cn/ws/dszl/1593445492578807810.html)",
  },
  { input: "毛难", want: "毛南族", source: "the same 1986 rename, 族 left off" },
  {
    input: "仲家族",
    want: "布依族",
    source:
      "1953年8月贵州省“仲家(布依族)更正民族名称代表会议”，中央民委民-(53)字第77号函复赞同 (《惠水布依族》, quoted at http://bbs.rauz.net.cn/archiver/tid-2912.html)",
  },
  {
    input: "民家族",
    want: "白族",
    source:
      "1956年根据白族人民的意愿改民家为白族 (http://m.ciyu8.com/lishi/minzu/e6b091e5aeb6; http://www.52gudian.com/lishi/minzu/e799bde6978f: 旧称民家族，1956年正式定名为白族)",
  },
  {
    input: "俅族",
    want: "独龙族",
    source:
      "1952年在周恩来总理关怀下废除“俅帕”“俅子”等他称，正式确定为“独龙族” (http://bk.haodianxin.cn/index.php/独龙族; 云南日报 http://news.jsw.com.cn/2011-05/28/content_2305479_3.htm)",
  },
  {
    input: "山头族",
    want: "景颇族",
    source:
      "汉族…统称之为山头 (清史 https://www.qinghistory.cn/c/395/395720.shtml); 中华人民共和国建立后统称为景颇族 (http://outofmemory.cn/bake/5122131.html)",
  },
  {
    input: "倮黑族",
    want: "拉祜族",
    source:
      "1953年4月澜沧县首届各界代表会议宣布取消“倮黑”称呼，正式定称为“拉祜族” (https://www.baike.com/wiki/拉祜族)",
  },
  {
    input: "越族",
    want: "京族",
    source:
      "解放初称为“越族”，1958年5月改称现名 (http://m.55zidian.com/lishi/minzu/e4baace6978f); 新中国成立之初称“越族”，1958年5月经国务院批准正式定名为“京族” (http://zw.dongxingnet.com/index.php?m=content&c=index&a=show&catid=40&id=47)",
  },
  {
    input: "越南族",
    want: "京族",
    source:
      "20世纪50年代初期京族曾称为“越南族”…经国务院批准正式定名为“京族” (http://wxquandian.com/zhishiku/221794.html)",
  },
  {
    input: "索伦族",
    want: "鄂温克族",
    source:
      "“索伦”后来成为仅对鄂温克族的称呼 (https://mit.51dongshi.com/dadadevg/devsrrvas); 中华人民共和国成立后统一称为“鄂温克族” (http://wiki.xinhengshui.net/baike/320522.html)",
  },
  {
    input: "归化族",
    want: "俄罗斯族",
    source:
      "1953年在民族识别工作中将“归化族”改为“俄罗斯族” (http://waiyulw.com/16/122359.html; http://www.ctoth.com/dictionary/526206.html)",
  },
  {
    input: "倮倮族",
    want: "彝族",
    source:
      "解放前彝族被称为“倮倮”或“夷人”…“夷族”、“倮倮族”都有侮辱性…正式定为彝族 (http://www.wangzhimen.com/tradition/yzlsydd/19845.html; https://juduo.cc/club/6743611.html)",
  },
  {
    input: "达呼尔族",
    want: "达斡尔族",
    source:
      "常译为“达胡尔”、“达虎里”、“达呼尔”等。中华人民共和国成立后，根据本民族意愿，统一定名为达斡尔 (http://mbji.cn/mbji/达斡尔/10429534)",
  },
  {
    input: "达胡尔族",
    want: "达斡尔族",
    source: "the same page (http://mbji.cn/mbji/达斡尔/10429534)",
  },
  {
    input: "犵狫族",
    want: "仡佬族",
    source:
      "“犵狫”是仡佬族的旧称…1953年民族识别后国务院正式定名“仡佬族” (https://yuesha.com/zh-hant/xuexi/hanyu/nq+qlqye.html)",
  },
  {
    input: "撒里维吾尔族",
    want: "裕固族",
    source:
      "中华人民共和国建国之初曾称“撒里维吾尔”。1953年经本族代表协商确定以“裕固”为族称 (http://www.szhcfzgs.com/post/2840.html; http://his.newdu.com/a/201711/07/522441_4.html)",
  },
  {
    input: "摆夷族",
    want: "傣族",
    source:
      "摆夷族是现在的傣族 (https://qbaiwen.com/answer/116865.html); 清以后称“摆夷”…中华人民共和国成立后正名为傣族 (http://www.myciyu.com/lishi/minzu/e582a3e6978f)",
  },
  {
    input: "攸乐族",
    want: "基诺族",
    source:
      "基诺族原来的名字是“攸乐”族 (施联朱《中国的民族识别》, quoted at https://m.jinchutou.com/p-9370121.html); 1979年6月国务院确认基诺族 (http://news.cctv.com/special/zgdjt/20090804/110992.shtml)",
  },
];

/** Variant spellings and short forms (mapped, logged as the plain ethnicity rule). */
const VARIANTS: Mapped[] = [
  { input: "汉", want: "汉族", source: 'DOMAIN.md ("汉" for 汉族)' },
  {
    input: "维族",
    want: "维吾尔族",
    source: "short form in use (existing alias; DOMAIN.md's short forms)",
  },
  { input: "蒙族", want: "蒙古族", source: "short form in use (existing alias)" },
  { input: "朝族", want: "朝鲜族", source: "short form in use (existing alias)" },
  {
    input: "畬族",
    want: "畲族",
    source:
      "“畲”字与“畬”字在读音为shē时意义相同 (https://360meiwen.cn/22406.html); 畬族 in china.com.cn's list of the 56 (http://big5.china.com.cn/ch-shaoshu/index47.htm)",
  },
  {
    input: "布衣族",
    want: "布依族",
    source: "网络中通常将“布依”误写为“布衣” (中华布依网 https://www.buyizu.cn/zucheng/)",
  },
  {
    input: "乌兹别克族",
    want: "乌孜别克族",
    source:
      "中国境内称乌孜别克族，境外称乌兹别克族 (http://m.gansulong.com/c/0G33505122022.html); 烏茲別克族 in china.com.cn's list of the 56 (http://big5.china.com.cn/ch-shaoshu/index49.htm)",
  },
  {
    input: "傜族",
    want: "瑶族",
    source: "瑶族…或作「傜族」 (国语辞典 via http://m.guoxuedashi.com/hydcd/313390b.html)",
  },
  {
    input: "达翰尔族",
    want: "达斡尔族",
    source:
      "the misspelling in use (http://jingyanla.com/a/13/120912aD42022.html: 达翰尔族是什么民族)",
  },
];

const UNRECOGNISED_SOURCES: Readonly<Record<string, string>> = {
  穿青: "穿青人: 已定汉族而本人有意见的可注明“穿青人” (http://www.360doc.com/content/12/0419/17/221894_204961159.shtml); 未识别民族 (https://www.dzcq99.cn/child/11779.html)",
  僜: "僜人: 未识别民族 (https://www.dzcq99.cn/child/11779.html)",
  夏尔巴: "夏尔巴人: 不是56个民族之一，属于其他未识别民族 (https://m.sboyo.com/1/2730341.html)",
  克木: "克木人: 中国尚未被确认的少数族群 (https://getit01.com/p201806042643502)",
  莽: "莽人: listed among the unidentified (https://juke.outofmemory.cn/life/1431462.html); since placed in 布朗族, so a branch: the register decides",
  革家: "革家: “苗族(革家)” (http://www.360doc.com/content/12/0419/17/221894_204961159.shtml); 革家人 (https://www.dzcq99.cn/child/11779.html)",
  八甲: "八甲人: 未识别民族 (http://17quban.cn/html/xiguang/7713.html)",
  达曼: "达曼人 (https://ppfocus.com/0/co7e65b3e.html, 五十六个民族以外的其他未能识别民族)",
  摩梭: "摩梭人: 一个族群分属纳西、蒙古两个国定民族 (https://chinafolklore.org/forum/viewthread.php?authorid=265&page=2&tid=33249); “纳西族(摩梭)” (360doc above)",
  苦聪: "苦聪人: 于1985年被识别为拉祜族，成为拉祜族的一个支系 (https://www.guayunfan.com/lilun/95886.html)",
  艾努: "艾努人: 归为维吾尔族 (http://xzqh.info/lt/read.php?tid=175365)",
};

const UNKNOWN_SOURCE =
  "the issue (其他, 不详, 未知, 无, 待定, 空白-like words) and placeholders typed in forms; 97 其他 is the ID-card code (mango319/DeviceSDK SmartDeviceSDK/src/com/smartdevicesdk/idcard/IDCard.java)";
const FOREIGN_SOURCE =
  "外国血统中国籍人士 (bes2008/langx-java langx-java/src/main/java/com/jn/langx/text/i18n/ChinaEthnic.java); 98 外国血统 (mango319/DeviceSDK …/idcard/IDCard.java); “乌克兰(入籍)” form (http://www.360doc.com/content/12/0419/17/221894_204961159.shtml)";

const ETHNICITY_NAMED_CASES: Named[] = [
  ...ETHNICITY_UNRECOGNISED_GROUPS.flatMap((g) =>
    [`${g}人`, `${g}族`, ...(g.length >= 2 ? [g] : [])].map((input) => ({
      input,
      code: "ethnicity-unrecognised" as const,
      source: UNRECOGNISED_SOURCES[g],
    }))
  ),
  ...ETHNICITY_UNKNOWN_WORDS.map((input) => ({
    input,
    code: "ethnicity-unknown" as const,
    source: UNKNOWN_SOURCE,
  })),
  { input: 97, code: "ethnicity-unknown", source: UNKNOWN_SOURCE },
  ...ETHNICITY_FOREIGN_ORIGIN_WORDS.map((input) => ({
    input,
    code: "ethnicity-foreign-origin" as const,
    source: FOREIGN_SOURCE,
  })),
  { input: 98, code: "ethnicity-foreign-origin", source: FOREIGN_SOURCE },
  { input: "乌克兰(入籍)", code: "ethnicity-foreign-origin", source: FOREIGN_SOURCE },
  { input: "乌克兰（入籍）", code: "ethnicity-foreign-origin", source: FOREIGN_SOURCE },
];

/** Candidates looked at and left out: each stays a plain ethnicity-invalid. */
const ETHNICITY_REJECTED: readonly (readonly [string, string])[] = [
  [
    "么些族",
    "麼些/摩梭 became 纳西族 in Yunnan but 蒙古族 in Sichuan (杨福泉, http://www.aisixiang.com/data/137925.html)",
  ],
  ["摩些族", "the same"],
  [
    "夷族",
    "used for 彝族 and also for 布依族 (“仲家”、“夷族”的称呼, http://bbs.rauz.net.cn/archiver/tid-2912.html)",
  ],
  ["通古斯族", "also the name of the Tungusic family (满, 锡伯, 赫哲, 鄂伦春 …)"],
  ["雅库特族", "a misnomer for 敖鲁古雅鄂温克 that names another people (the Sakha)"],
  ["猺族", "the pre-1951 derogatory form; not a 1950s name"],
  ["芒人", "no source found; 茫人 is also an old name of 德昂族's ancestors"],
  ["火星族", "made up"],
];

// ───────────────────────────── 政治面貌 (GB/T 4762) ─────────────────────────────

const GBT4762 =
  "GB/T 4762-1984 names (famousmed/pdsci src/com/pinde/sci/enums/sys/PoliticsAppearanceEnum.java)";
const DOMAIN = "DOMAIN.md (short forms people type)";
const ZZB =
  "中组部共产党员网's 13 labels (中共党员 … 民革党员、民盟盟员、民建会员、民进会员、农工党党员、致公党党员、九三学社社员、台盟盟员、无党派人士、群众), via https://www.ccmapp.cn/news/detail?categoryname=%E6%9C%AC%E7%BD%91%E5%8E%9F%E5%88%9B&id=00cab86b-e4f0-4042-8f6d-5cd5e70b0d72";
const QBAIWEN =
  "01-中共党员 … 13-群众(现称普通居民); 中国共产党正式党员(01); 预备(候补)党员(02) (https://qbaiwen.com/article/157660.html; https://huaxinbiji.com/71254.html)";
const JUKE =
  "民革成员、民盟成员、民建成员、民进党员、农工党成员、致公党成员、九三学社成员、台盟成员 (https://juke.outofmemory.cn/read/529018.html)";
const IDEAL = "so-cheng/Ideal.Platform Ideal.Platform.Common/Data/PoliticalStatus.cs";
const SONG =
  "Songzhizong/ideal-framework ideal-share-project/ideal-core/src/main/java/cn/idealframework/constants/PoliticalStatus.java (民革党员)";
const CODE_MINMENG =
  "民盟会员 in public 政治面貌 code tables (code index ids 35257842574, 59657114017)";
const CODE_ID_24487649304 =
  "public dropdown: 民主建国会会员, 民主促进会会员, 农工民主党党员, 九三学社会员 (code index id 24487649304; 九三学社会员 also id 49601851694)";
const CODE_NONGGONG_ZHIGONG =
  "public dropdown: 农工党员, 致公党员 (code index ids 59657114017, 59665661019); 农工党会员 (id 15021814991)";
const CODE_LEAGUE =
  "中国共青团员 (code index ids 61089612151, 58231532196); 共青团, 青年团团员 (id 68396145018)";
const CODE_CCP = "中共正式党员, 正式党员 (code index id 61287663459; 正式党员 also id 70140812156)";
const CODE_MASSES =
  "普通群众 (code index ids 28197291872, 70516840093, 68396145018); 一般群众 (id 58402950394)";
const FULL_NAME =
  "the party's own name (GB/T 4762 canonical name without its member word), as the issue asks";
const ISSUE_MEMBER_WORD =
  "the issue: a party's name with the wrong member word (民盟党员, 九三社员, 民建党员 …) names that party";

const POLITICAL_CASES: Mapped[] = [
  { input: "中共党员", want: "中国共产党党员", source: `${ZZB}; ${IDEAL}` },
  { input: "党员", want: "中国共产党党员", source: DOMAIN },
  {
    input: "共产党员",
    want: "中国共产党党员",
    source: "existing alias; also code index id 70140812156",
  },
  { input: "中国共产党员", want: "中国共产党党员", source: "existing alias" },
  { input: "中共正式党员", want: "中国共产党党员", source: CODE_CCP },
  { input: "中国共产党正式党员", want: "中国共产党党员", source: QBAIWEN },
  { input: "正式党员", want: "中国共产党党员", source: CODE_CCP },
  { input: "中国共产党", want: "中国共产党党员", source: FULL_NAME },
  { input: "预备党员", want: "中国共产党预备党员", source: DOMAIN },
  { input: "中共预备党员", want: "中国共产党预备党员", source: `${ZZB}; ${IDEAL}` },
  { input: "中共候补党员", want: "中国共产党预备党员", source: QBAIWEN },
  { input: "候补党员", want: "中国共产党预备党员", source: QBAIWEN },
  { input: "共青团员", want: "中国共产主义青年团团员", source: `${ZZB}; ${IDEAL}` },
  { input: "团员", want: "中国共产主义青年团团员", source: DOMAIN },
  { input: "中国共青团员", want: "中国共产主义青年团团员", source: CODE_LEAGUE },
  { input: "共青团", want: "中国共产主义青年团团员", source: CODE_LEAGUE },
  { input: "青年团团员", want: "中国共产主义青年团团员", source: CODE_LEAGUE },
  { input: "中国共产主义青年团", want: "中国共产主义青年团团员", source: FULL_NAME },
  { input: "民革", want: "中国国民党革命委员会会员", source: DOMAIN },
  { input: "民革会员", want: "中国国民党革命委员会会员", source: IDEAL },
  { input: "民革党员", want: "中国国民党革命委员会会员", source: `${ZZB}; ${SONG}` },
  { input: "民革成员", want: "中国国民党革命委员会会员", source: JUKE },
  { input: "中国国民党革命委员会", want: "中国国民党革命委员会会员", source: FULL_NAME },
  { input: "中国国民党革命委员会党员", want: "中国国民党革命委员会会员", source: ZZB },
  { input: "民盟", want: "中国民主同盟盟员", source: DOMAIN },
  { input: "民盟盟员", want: "中国民主同盟盟员", source: `${ZZB}; ${IDEAL}` },
  { input: "民盟会员", want: "中国民主同盟盟员", source: CODE_MINMENG },
  { input: "民盟成员", want: "中国民主同盟盟员", source: JUKE },
  { input: "民盟党员", want: "中国民主同盟盟员", source: ISSUE_MEMBER_WORD },
  { input: "中国民主同盟", want: "中国民主同盟盟员", source: FULL_NAME },
  { input: "民建", want: "中国民主建国会会员", source: DOMAIN },
  { input: "民建会员", want: "中国民主建国会会员", source: `${ZZB}; ${IDEAL}` },
  { input: "民建成员", want: "中国民主建国会会员", source: JUKE },
  { input: "民建党员", want: "中国民主建国会会员", source: ISSUE_MEMBER_WORD },
  { input: "民主建国会会员", want: "中国民主建国会会员", source: CODE_ID_24487649304 },
  { input: "中国民主建国会", want: "中国民主建国会会员", source: FULL_NAME },
  {
    input: "民主建国会",
    want: "中国民主建国会会员",
    source: `${FULL_NAME}, without 中国 as in ${CODE_ID_24487649304}`,
  },
  { input: "民进", want: "中国民主促进会会员", source: DOMAIN },
  { input: "民进会员", want: "中国民主促进会会员", source: `${ZZB}; ${IDEAL}` },
  { input: "民进党员", want: "中国民主促进会会员", source: `${JUKE}; ${ISSUE_MEMBER_WORD}` },
  { input: "民主促进会会员", want: "中国民主促进会会员", source: CODE_ID_24487649304 },
  { input: "中国民主促进会", want: "中国民主促进会会员", source: FULL_NAME },
  {
    input: "民主促进会",
    want: "中国民主促进会会员",
    source: `${FULL_NAME}, without 中国 as in ${CODE_ID_24487649304}`,
  },
  { input: "农工党", want: "中国农工民主党党员", source: DOMAIN },
  { input: "农工党党员", want: "中国农工民主党党员", source: `${ZZB}; ${IDEAL}` },
  { input: "农工民主党", want: "中国农工民主党党员", source: "existing alias" },
  { input: "农工民主党党员", want: "中国农工民主党党员", source: CODE_ID_24487649304 },
  {
    input: "农工党员",
    want: "中国农工民主党党员",
    source: `${CODE_NONGGONG_ZHIGONG}; ${ISSUE_MEMBER_WORD}`,
  },
  { input: "农工党会员", want: "中国农工民主党党员", source: CODE_NONGGONG_ZHIGONG },
  { input: "农工党成员", want: "中国农工民主党党员", source: JUKE },
  { input: "中国农工民主党", want: "中国农工民主党党员", source: FULL_NAME },
  { input: "致公党", want: "中国致公党党员", source: DOMAIN },
  { input: "致公党党员", want: "中国致公党党员", source: `${ZZB}; ${IDEAL}` },
  {
    input: "致公党员",
    want: "中国致公党党员",
    source: `${CODE_NONGGONG_ZHIGONG}; ${ISSUE_MEMBER_WORD}`,
  },
  { input: "致公党成员", want: "中国致公党党员", source: JUKE },
  { input: "中国致公党", want: "中国致公党党员", source: FULL_NAME },
  { input: "九三学社", want: "九三学社社员", source: DOMAIN },
  { input: "九三", want: "九三学社社员", source: DOMAIN },
  { input: "九三学社会员", want: "九三学社社员", source: CODE_ID_24487649304 },
  { input: "九三学社成员", want: "九三学社社员", source: JUKE },
  { input: "九三社员", want: "九三学社社员", source: ISSUE_MEMBER_WORD },
  { input: "台盟", want: "台湾民主自治同盟盟员", source: DOMAIN },
  { input: "台盟盟员", want: "台湾民主自治同盟盟员", source: `${ZZB}; ${IDEAL}` },
  { input: "台盟成员", want: "台湾民主自治同盟盟员", source: JUKE },
  { input: "台盟党员", want: "台湾民主自治同盟盟员", source: ISSUE_MEMBER_WORD },
  { input: "台湾民主自治同盟", want: "台湾民主自治同盟盟员", source: FULL_NAME },
  { input: "无党派人士", want: "无党派民主人士", source: `${ZZB}; ${SONG}; ${DOMAIN}` },
  { input: "无党派", want: "无党派民主人士", source: DOMAIN },
  { input: "群众", want: "群众", source: GBT4762 },
  { input: "普通群众", want: "群众", source: CODE_MASSES },
  { input: "一般群众", want: "群众", source: CODE_MASSES },
  { input: "普通居民", want: "群众", source: QBAIWEN },
];

const AMBIGUOUS_SOURCE =
  "the issue (民主党派, 民主党派成员, 党派成员, 其他党派, 党派人士: a kind, not which); 民主党派 as a form option (China-xiaoFang/Fast.Admin App.Client/src/api/enums/PoliticalStatusEnum.ts); 各民主党派成员 (code index id 6750544273); 民主 for 民主党派 (id 58231532196); 民主党派 = the eight parties together (https://qbaiwen.com/article/157660.html)";

const POLITICAL_INVALID: readonly (readonly [string, string])[] = [
  [
    "少先队员",
    "not one of GB/T 4762's 13 (the Young Pioneers are not a political affiliation there)",
  ],
  ["无", "says nothing: 群众 or 无党派民主人士? not a kind of affiliation either"],
  ["其他", "says nothing"],
  ["民进党", "the name of Taiwan's 民主进步党 as much as a short form of 民进"],
  ["农工", "two words (农民、工人) as often as a short form"],
];

// ───────────────────────────── tests ─────────────────────────────

describe("民族: GB/T 3304 letter codes and romanised names", () => {
  it.each(LETTER_CODES.map((c) => [c.input, c.want, c.source]))("%s → %s (%s)", (input, want) => {
    expect(normalizeEthnicity(input, ctx)).toMatchObject({ value: want, issues: [] });
    expect(normalizeEthnicity(String(input).toLowerCase(), ctx).value).toBe(want);
  });
  it.each(ROMAN_NAMES.map((c) => [c.input, c.want, c.source]))("%s → %s (%s)", (input, want) => {
    expect(normalizeEthnicity(input, ctx)).toMatchObject({ value: want, issues: [] });
    expect(normalizeEthnicity(String(input).toUpperCase(), ctx).value).toBe(want);
  });
  it("the table is the standard's: 56 codes and names, in code order", () => {
    expect(GB3304_TABLE.map(([name]) => name)).toEqual([...ETHNICITIES]);
    expect(new Set(GB3304_TABLE.map(([, code]) => code)).size).toBe(56);
  });
  it("水族 is SU / Sui as the standard prints it, not SW / Shui", () => {
    expect(normalizeEthnicity("SU", ctx).value).toBe("水族");
    expect(codes(normalizeEthnicity("SW", ctx))).toEqual(["ethnicity-invalid"]);
  });
});

describe("民族: official renames and 1950s names, logged as renames", () => {
  it.each(RENAMES.map((c) => [c.input, c.want, c.source]))("%s → %s (%s)", (input, want) => {
    expect(normalizeEthnicity(input, ctx)).toEqual({
      value: want,
      rule: "ethnicity-renamed",
      issues: [],
    });
  });
  it.each(VARIANTS.map((c) => [c.input, c.want, c.source]))(
    "variant %s → %s (%s)",
    (input, want) => {
      expect(normalizeEthnicity(input, ctx)).toEqual({
        value: want,
        rule: "ethnicity",
        issues: [],
      });
    }
  );
  it("the change log says which rule: a rename is logged as ethnicity-renamed", () => {
    const r = normalizeRegistry(
      [
        ["姓名", "民族"],
        ["张三", "僮族"],
        ["李四", "汉"],
      ],
      { asOf: AS_OF }
    );
    expect(r.changes).toContainEqual(
      expect.objectContaining({ oldValue: "僮族", newValue: "壮族", rule: "ethnicity-renamed" })
    );
    expect(r.changes).toContainEqual(
      expect.objectContaining({ oldValue: "汉", newValue: "汉族", rule: "ethnicity" })
    );
  });
});

describe("民族: values outside the 56 are named", () => {
  it.each(ETHNICITY_NAMED_CASES.map((c) => [c.input, c.code, c.source]))(
    "%s → %s (%s)",
    (input, code) => {
      const r = normalizeEthnicity(input, ctx);
      expect(codes(r)).toEqual([code]);
      expect(r.value).toBe(input);
      expect(r.issues[0].params).toEqual({ value: String(input) });
    }
  );
  it.each(ETHNICITY_REJECTED)("left out: %s (%s)", (input) => {
    expect(codes(normalizeEthnicity(input, ctx))).toEqual(["ethnicity-invalid"]);
  });
  it("57 and other codes past 56 stay invalid", () => {
    expect(codes(normalizeEthnicity(57, ctx))).toEqual(["ethnicity-invalid"]);
    expect(codes(normalizeEthnicity("99", ctx))).toEqual(["ethnicity-invalid"]);
  });
});

describe("政治面貌: labels in use, each with its source", () => {
  it.each(POLITICAL_CASES.map((c) => [c.input, c.want, c.source]))(
    "%s → %s (%s)",
    (input, want) => {
      expect(normalizePolitical(input, ctx)).toMatchObject({ value: want, issues: [] });
    }
  );
  it("any party name with any member word names that party (the issue)", () => {
    for (const [name, status] of Object.entries(PARTY_NAMES))
      for (const w of MEMBER_WORDS)
        expect(normalizePolitical(name + w, ctx)).toMatchObject({ value: status, issues: [] });
  });
  it.each(POLITICAL_AMBIGUOUS.map((w) => [w, AMBIGUOUS_SOURCE]))(
    "%s is ambiguous (%s)",
    (input) => {
      const r = normalizePolitical(input, ctx);
      expect(codes(r)).toEqual(["political-ambiguous"]);
      expect(r.issues[0].params).toEqual({ value: input });
      expect(r.value).toBe(input);
    }
  );
  it.each(POLITICAL_INVALID)("%s stays invalid (%s)", (input) => {
    expect(codes(normalizePolitical(input, ctx))).toEqual(["political-invalid"]);
  });
  it("GB/T 4762 has exactly 13 codes", () => {
    expect(POLITICAL_STATUSES).toHaveLength(13);
    expect(codes(normalizePolitical(14, ctx))).toEqual(["political-invalid"]);
  });
});

describe("every key in the tables has a source here", () => {
  const sourced = (list: { input: string | number }[]) => new Set(list.map((c) => c.input));
  it("民族 renames, variants, letter codes and romanised names", () => {
    const renames = sourced(RENAMES);
    for (const k of Object.keys(ETHNICITY_RENAMES)) expect([k, renames.has(k)]).toEqual([k, true]);
    const variants = sourced(VARIANTS);
    for (const k of Object.keys(ETHNICITY_ALIASES)) expect([k, variants.has(k)]).toEqual([k, true]);
    const letters = sourced(LETTER_CODES);
    for (const k of Object.keys(ETHNICITY_LETTER_CODES))
      expect([k, letters.has(k)]).toEqual([k, true]);
    const romans = sourced(ROMAN_NAMES);
    for (const k of Object.keys(ETHNICITY_ROMAN_NAMES))
      expect([k, romans.has(k)]).toEqual([k, true]);
    for (const c of ETHNICITY_NAMED_CASES)
      expect([c.input, c.source]).toEqual([c.input, expect.any(String)]);
  });
  it("政治面貌 aliases and party names", () => {
    const cases = sourced(POLITICAL_CASES);
    for (const k of Object.keys(POLITICAL_ALIASES)) expect([k, cases.has(k)]).toEqual([k, true]);
    // A party name is sourced alone or with one of its member words.
    for (const k of Object.keys(PARTY_NAMES)) {
      const seen = cases.has(k) || MEMBER_WORDS.some((w) => cases.has(k + w));
      expect([k, seen]).toEqual([k, true]);
    }
  });
});

describe("one key, one value", () => {
  it("each key of every table gives that table's value (none overridden by another table)", () => {
    const tables = [
      ETHNICITY_LETTER_CODES,
      ETHNICITY_ROMAN_NAMES,
      ETHNICITY_ALIASES,
      ETHNICITY_RENAMES,
    ];
    for (const table of tables)
      for (const [k, v] of Object.entries(table))
        expect([k, normalizeEthnicity(k, ctx).value]).toEqual([k, v]);
    for (const table of [POLITICAL_ALIASES, PARTY_NAMES])
      for (const [k, v] of Object.entries(table))
        if (k !== "农工" && k !== "致公")
          expect([k, normalizePolitical(k, ctx).value]).toEqual([k, v]);
    // Keys equal after upper-casing (LI and Li, YI and Yi …) name one group.
    const byKey = new Map<string, string>();
    for (const table of tables)
      for (const [k, v] of Object.entries(table)) {
        expect([k, byKey.get(codeKey(k)) ?? v]).toEqual([k, v]);
        byKey.set(codeKey(k), v);
      }
  });
  it("a table whose key names two values is refused", () => {
    const table: CodeTable = {
      rule: "t",
      canonical: ["甲", "乙"],
      aliases: [{ A: "甲" }, { a: "乙" }] as Record<string, string>[],
      numericCodes: false,
      invalid: "ethnicity-invalid",
    };
    expect(() => buildLookup(table)).toThrow(/names both/);
    expect(() =>
      codeRule({ ...table, aliases: { A: "甲" }, named: { a: "ethnicity-unknown" } })
    ).toThrow(/is both/);
  });
});

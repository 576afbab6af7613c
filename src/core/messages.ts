import type { Locale, Severity } from "./types";

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

interface MessageDef {
  severity: Severity;
  zh: Template;
  en: Template;
  fixZh?: Template;
  fixEn?: Template;
}

/** Every problem code the engine reports, with its severity and its messages in Chinese and English. */
export const MESSAGES = {
  "header-not-found": {
    severity: "error",
    zh: (p) => `前 ${p.rows} 行中找不到表头（至少要有“姓名”和另一个名册列）`,
    en: (p) =>
      `No header row found in the first ${p.rows} rows (need 姓名 and at least one more registry column)`,
    fixZh: () => "确认这是成员名册，或在表头行写上“姓名”“公民身份号码”等列名",
    fixEn: () =>
      "Check that this is a member registry, or add headers such as 姓名 and 公民身份号码",
  },
  "column-unmapped": {
    severity: "warning",
    zh: (p) => `列“${p.header}”不是名册的标准列，已原样保留在名册右侧`,
    en: (p) =>
      `Column "${p.header}" is not a standard registry column; kept as it is, after the standard ones`,
    fixZh: () => "如是标准列的别称，请改用标准列名",
    fixEn: () => "If it is another name for a standard column, rename it",
  },
  "column-duplicate": {
    severity: "warning",
    zh: (p) => `列“${p.header}”与前面的列同为“${p.field}”，已原样保留在名册右侧`,
    en: (p) =>
      `Column "${p.header}" is a second "${p.field}" column; kept as it is, after the standard ones`,
    fixZh: () => "合并两列后删除多余的一列",
    fixEn: () => "Merge the two columns and delete the extra one",
  },
  "column-missing": {
    severity: "warning",
    zh: (p) => `名册缺少“${p.header}”列，已按空列补上`,
    en: (p) => `The registry has no "${p.header}" column; an empty one was added`,
    fixZh: (p) => `补录“${p.header}”`,
    fixEn: (p) => `Fill in "${p.header}"`,
  },
  "name-missing": {
    severity: "error",
    zh: () => "姓名为空",
    en: () => "Name is empty",
    fixZh: () => "填写姓名，或删除这一行",
    fixEn: () => "Fill in the name, or delete the row",
  },
  "gender-invalid": {
    severity: "error",
    zh: (p) => `性别“${p.value}”无法识别，应为“男”或“女”`,
    en: (p) => `Gender "${p.value}" is not 男 or 女`,
    fixZh: () => "填写“男”或“女”",
    fixEn: () => "Use 男 or 女",
  },
  "gender-mismatch": {
    severity: "error",
    zh: (p) => `性别“${p.value}”与身份证号不符（身份证号显示为${p.expected}）`,
    en: (p) => `Gender "${p.value}" disagrees with the ID number (which says ${p.expected})`,
    fixZh: (p) => `核对后改为“${p.expected}”，或更正身份证号`,
    fixEn: (p) => `Check, then use ${p.expected}, or correct the ID number`,
  },
  "ethnicity-invalid": {
    severity: "error",
    zh: (p) => `民族“${p.value}”不在 GB/T 3304 的 56 个民族名称中`,
    en: (p) => `Ethnicity "${p.value}" is not one of the 56 names of GB/T 3304`,
    fixZh: () => "填写规范民族名称，如“汉族”“回族”",
    fixEn: () => "Use a standard name such as 汉族 or 回族",
  },
  "ethnicity-unrecognised": {
    severity: "error",
    zh: (p) => `民族“${p.value}”不是 56 个民族之一（未识别民族或某民族的支系）`,
    en: (p) =>
      `Ethnicity "${p.value}" is not one of the 56 (a group not yet identified, or a branch of one of the 56)`,
    fixZh: () => "按本人户口簿登记的民族填写；如户口簿上就是这样登记的，照录并在备注中说明",
    fixEn: () =>
      "Use the ethnicity in the member's household register; if it is registered so, keep it and say so in 备注",
  },
  "ethnicity-unknown": {
    severity: "error",
    zh: (p) => `民族填的是“${p.value}”，没有写明是哪个民族`,
    en: (p) => `Ethnicity "${p.value}" does not say which ethnic group`,
    fixZh: () => "按本人身份证或户口簿上的民族填写，如“汉族”",
    fixEn: () => "Use the ethnicity on the member's ID card or household register, e.g. 汉族",
  },
  "ethnicity-foreign-origin": {
    severity: "error",
    zh: (p) => `民族“${p.value}”：外国血统的中国籍人士不属于 56 个民族（GB/T 3304 代码 98）`,
    en: (p) =>
      `Ethnicity "${p.value}": Chinese citizens of foreign origin are not one of the 56 (GB/T 3304 code 98)`,
    fixZh: () => "核对户口簿；如确为外国血统中国籍人士，照录并在备注中说明",
    fixEn: () =>
      "Check the household register; if the member is of foreign origin, keep it and say so in 备注",
  },
  "birth-date-invalid": {
    severity: "error",
    zh: (p) => `出生日期“${p.value}”无法识别`,
    en: (p) => `Date of birth "${p.value}" cannot be read`,
    fixZh: () => "按 yyyy-mm-dd 填写，如 1965-03-12",
    fixEn: () => "Write it as yyyy-mm-dd, e.g. 1965-03-12",
  },
  "birth-date-partial": {
    severity: "warning",
    zh: (p) => `出生日期“${p.value}”只精确到${p.precision}，又无有效身份证号可补全`,
    en: (p) =>
      `Date of birth "${p.value}" gives only the ${p.precision}, and there is no valid ID number to complete it`,
    fixZh: () => "补全年月日",
    fixEn: () => "Complete the year, month and day",
  },
  "birth-date-ambiguous": {
    severity: "warning",
    zh: (p) =>
      `出生日期“${p.value}”可能是 1 月也可能是 10 月（Excel 把 .10 存成了 .1），已按 ${p.read} 处理`,
    en: (p) =>
      `Date of birth "${p.value}" may be January or October (Excel stores .10 as .1); read as ${p.read}`,
    fixZh: () => "核对后按 yyyy-mm-dd 填写",
    fixEn: () => "Check it and write it as yyyy-mm-dd",
  },
  "birth-date-mismatch": {
    severity: "error",
    zh: (p) => `出生日期“${p.value}”与身份证号中的出生日期 ${p.expected} 不符`,
    en: (p) => `Date of birth "${p.value}" disagrees with the ID number's ${p.expected}`,
    fixZh: (p) => `核对后改为 ${p.expected}，或更正身份证号`,
    fixEn: (p) => `Check, then use ${p.expected}, or correct the ID number`,
  },
  "birth-date-out-of-range": {
    severity: "error",
    zh: (p) => `出生日期 ${p.value} 不合理（晚于今天或早于 1800 年）`,
    en: (p) => `Date of birth ${p.value} is impossible (after today or before 1800)`,
    fixZh: () => "核对出生日期",
    fixEn: () => "Check the date of birth",
  },
  "date-invalid": {
    severity: "error",
    zh: (p) => `${p.column}“${p.value}”无法识别为日期`,
    en: (p) => `${p.column} "${p.value}" is not a date`,
    fixZh: () => "按 yyyy-mm-dd 填写",
    fixEn: () => "Write it as yyyy-mm-dd",
  },
  "date-partial": {
    severity: "warning",
    zh: (p) => `${p.column}“${p.value}”只精确到${p.precision}`,
    en: (p) => `${p.column} "${p.value}" gives only the ${p.precision}`,
    fixZh: () => "补全年月日",
    fixEn: () => "Complete the year, month and day",
  },
  "id-missing": {
    severity: "warning",
    zh: () => "公民身份号码为空",
    en: () => "ID number is empty",
    fixZh: () => "补录身份证号，便于核对和去重",
    fixEn: () => "Add the ID number so that records can be checked and deduplicated",
  },
  "id-format": {
    severity: "error",
    zh: (p) =>
      `公民身份号码“${p.value}”格式不对：应为 18 位（前 17 位数字，末位数字或 X）或旧的 15 位数字`,
    en: (p) =>
      `ID number "${p.value}" is malformed: it needs 18 characters (17 digits, then a digit or X) or the old 15 digits`,
    fixZh: () => "对照证件重新录入",
    fixEn: () => "Re-enter it from the ID card",
  },
  "id-checksum": {
    severity: "error",
    zh: (p) => `公民身份号码“${p.value}”校验位不对`,
    en: (p) => `ID number "${p.value}" fails its check digit`,
    fixZh: (p) => `对照证件核对；若前 17 位无误，末位应为 ${p.expected}`,
    fixEn: (p) =>
      `Check it against the card; if the first 17 digits are right, the last should be ${p.expected}`,
  },
  "id-birth-date": {
    severity: "error",
    zh: (p) => `公民身份号码“${p.value}”中的出生日期 ${p.date} 不是真实日期`,
    en: (p) => `ID number "${p.value}" holds a birth date ${p.date} that does not exist`,
    fixZh: () => "对照证件重新录入",
    fixEn: () => "Re-enter it from the ID card",
  },
  "id-area": {
    severity: "warning",
    zh: (p) =>
      `公民身份号码“${p.value}”的地址码 ${p.area} 不在 GB/T 2260 历年任何一版的县级行政区划代码中`,
    en: (p) =>
      `ID number "${p.value}" has an area code ${p.area} found in no edition of GB/T 2260's county codes`,
    fixZh: () => "对照证件核对前 6 位",
    fixEn: () => "Check the first six digits against the card",
  },
  "id-foreign-permanent": {
    severity: "warning",
    zh: (p) => `号码“${p.value}”是外国人永久居留身份证号码（以 9 开头），不是公民身份号码`,
    en: (p) =>
      `"${p.value}" is a foreign permanent resident ID number (it starts with 9), not a citizen ID number`,
    fixZh: () => "如确为持永久居留证的外籍人员，照录并在备注中注明国籍",
    fixEn: () =>
      "If the member is a foreign permanent resident, keep it and note the nationality in 备注",
  },
  "id-precision-lost": {
    severity: "error",
    zh: (p) => `公民身份号码被 Excel 存成了数字（${p.value}），后几位已经丢失，无法自动修复`,
    en: (p) =>
      `The ID number was stored by Excel as a number (${p.value}); its last digits are lost and cannot be repaired`,
    fixZh: () => "把该列设为“文本”格式，再对照证件重新录入",
    fixEn: () => "Format the column as Text, then re-enter the number from the ID card",
  },
  "id-duplicate": {
    severity: "error",
    zh: (p) => `公民身份号码与${p.rows}重复`,
    en: (p) => `The same ID number is on row(s) ${p.rows}`,
    fixZh: () => "核对是否同一人重复登记，保留一行",
    fixEn: () => "Check whether it is the same person listed twice; keep one row",
  },
  "possible-duplicate": {
    severity: "warning",
    zh: (p) => `与${p.rows}姓名、出生日期相同，但身份证号不同`,
    en: (p) => `Same name and date of birth as row(s) ${p.rows}, but a different ID number`,
    fixZh: () => "核对是否同一人；如是，更正身份证号并删除重复行",
    fixEn: () => "Check whether it is one person; if so, correct the ID and delete the extra row",
  },
  "political-invalid": {
    severity: "error",
    zh: (p) => `政治面貌“${p.value}”不是 GB/T 4762 的规范名称，也不是常用简称`,
    en: (p) =>
      `Political affiliation "${p.value}" is neither a GB/T 4762 name nor a known short form`,
    fixZh: () => "填写规范名称，如“中国民主同盟盟员”“群众”",
    fixEn: () => "Use a canonical name such as 中国民主同盟盟员 or 群众",
  },
  "political-ambiguous": {
    severity: "error",
    zh: (p) => `政治面貌“${p.value}”不能确定是哪一种（如哪个民主党派）`,
    en: (p) => `Political affiliation "${p.value}" does not say which one (e.g. which party)`,
    fixZh: () => "写明具体名称，如“中国民主同盟盟员”“九三学社社员”",
    fixEn: () => "Name it exactly, e.g. 中国民主同盟盟员 or 九三学社社员",
  },
  "category-invalid": {
    severity: "error",
    zh: (p) => `统战对象类别中的“${p.part}”不是规定的类别`,
    en: (p) => `"${p.part}" in the category is not one of the twelve categories`,
    fixZh: () => "从十二类统战对象中选择，多个类别以“、”分隔",
    fixEn: () => "Choose from the twelve categories, joined by 、",
  },
  "education-invalid": {
    severity: "error",
    zh: (p) => `学历“${p.value}”无法识别`,
    en: (p) => `Education "${p.value}" is not a known level`,
    fixZh: () => "填写 研究生、大学本科、大学专科、中专、高中 或 初中及以下",
    fixEn: () => "Use 研究生, 大学本科, 大学专科, 中专, 高中 or 初中及以下",
  },
  "economy-invalid": {
    severity: "error",
    zh: (p) => `家庭经济状况“${p.value}”无法识别`,
    en: (p) => `Family economy "${p.value}" is not a known level`,
    fixZh: () => "填写 良好、一般 或 困难",
    fixEn: () => "Use 良好, 一般 or 困难",
  },
  "phone-invalid": {
    severity: "error",
    zh: (p) => `手机号码“${p.value}”不是有效的手机号（11 位，1 开头）或带区号的固定电话`,
    en: (p) =>
      `Phone "${p.value}" is neither a mobile number (11 digits starting with 1) nor a landline with area code`,
    fixZh: () => "填写 11 位手机号，或“区号-号码”形式的固定电话",
    fixEn: () => "Use an 11-digit mobile number or a landline as area-number",
  },
  "phone-multiple": {
    severity: "warning",
    zh: (p) => `手机号码一格中有 ${p.count} 个号码`,
    en: (p) => `The phone cell holds ${p.count} numbers`,
    fixZh: () => "只保留一个常用号码，其余写入备注",
    fixEn: () => "Keep one number; move the others to the remarks",
  },
  "household-invalid": {
    severity: "error",
    zh: (p) => `家庭人口“${p.value}”应为 1 到 20 的整数`,
    en: (p) => `Household size "${p.value}" should be a whole number from 1 to 20`,
    fixZh: () => "填写人数，如 3",
    fixEn: () => "Write the number of people, e.g. 3",
  },
  "unexpected-type": {
    severity: "warning",
    zh: (p) => `${p.column}的值“${p.value}”类型不对（应为文字）`,
    en: (p) => `${p.column} holds "${p.value}", which is not text`,
    fixZh: () => "核对该格内容",
    fixEn: () => "Check the cell",
  },
} satisfies Record<string, MessageDef>;

export type ProblemCode = keyof typeof MESSAGES;

export const PROBLEM_CODES = Object.keys(MESSAGES) as ProblemCode[];

export function severityOf(code: ProblemCode): Severity {
  return (MESSAGES[code] as MessageDef).severity;
}

export function renderMessage(
  code: ProblemCode,
  params: Params,
  locale: Locale
): { message: string; fix?: string } {
  const def: MessageDef = MESSAGES[code];
  const en = locale === "en";
  const fix = en ? def.fixEn : def.fixZh;
  return { message: (en ? def.en : def.zh)(params), fix: fix ? fix(params) : undefined };
}

/** A short name for each kind of problem, for counts by type (校验报告, the task pane). */
export const PROBLEM_TITLES: Record<ProblemCode, { zh: string; en: string }> = {
  "header-not-found": { zh: "找不到表头", en: "No header" },
  "column-unmapped": { zh: "非标准列", en: "Non-standard column" },
  "column-duplicate": { zh: "重复的列", en: "Duplicate column" },
  "column-missing": { zh: "缺少的列", en: "Missing column" },
  "name-missing": { zh: "姓名为空", en: "Name missing" },
  "gender-invalid": { zh: "性别无法识别", en: "Gender unreadable" },
  "gender-mismatch": { zh: "性别与身份证号不符", en: "Gender disagrees with ID" },
  "ethnicity-invalid": { zh: "民族不规范", en: "Ethnicity not standard" },
  "ethnicity-unrecognised": { zh: "非 56 个民族之一", en: "Not one of the 56 groups" },
  "ethnicity-unknown": { zh: "民族未写明", en: "Ethnicity not stated" },
  "ethnicity-foreign-origin": { zh: "外国血统", en: "Foreign origin" },
  "birth-date-invalid": { zh: "出生日期无法识别", en: "Date of birth unreadable" },
  "birth-date-partial": { zh: "出生日期不完整", en: "Date of birth incomplete" },
  "birth-date-ambiguous": { zh: "出生月份可能有误（1 月或 10 月）", en: "Birth month 1 or 10" },
  "birth-date-mismatch": { zh: "出生日期与身份证号不符", en: "Date of birth disagrees with ID" },
  "birth-date-out-of-range": { zh: "出生日期不合理", en: "Date of birth impossible" },
  "date-invalid": { zh: "日期无法识别", en: "Date unreadable" },
  "date-partial": { zh: "日期不完整", en: "Date incomplete" },
  "id-missing": { zh: "身份证号为空", en: "ID number missing" },
  "id-format": { zh: "身份证号格式不对", en: "ID number malformed" },
  "id-checksum": { zh: "身份证号校验位不对", en: "ID check digit wrong" },
  "id-birth-date": { zh: "身份证号中的出生日期不存在", en: "ID holds an impossible date" },
  "id-area": { zh: "身份证号地址码未知", en: "ID area code unknown" },
  "id-foreign-permanent": { zh: "外国人永久居留身份证", en: "Foreign permanent resident ID" },
  "id-precision-lost": {
    zh: "身份证号被存成数字、已丢位",
    en: "ID stored as a number, digits lost",
  },
  "id-duplicate": { zh: "身份证号重复", en: "Duplicate ID number" },
  "possible-duplicate": { zh: "疑似重复登记", en: "Possibly listed twice" },
  "political-invalid": { zh: "政治面貌不规范", en: "Political affiliation not standard" },
  "political-ambiguous": { zh: "政治面貌不明确", en: "Political affiliation ambiguous" },
  "category-invalid": { zh: "统战对象类别不规范", en: "Category not standard" },
  "education-invalid": { zh: "学历无法识别", en: "Education unreadable" },
  "economy-invalid": { zh: "家庭经济状况无法识别", en: "Family economy unreadable" },
  "phone-invalid": { zh: "电话号码无效", en: "Phone number invalid" },
  "phone-multiple": { zh: "一格多个号码", en: "Several phone numbers" },
  "household-invalid": { zh: "家庭人口不对", en: "Household size invalid" },
  "unexpected-type": { zh: "类型不对", en: "Unexpected type" },
};

export function problemTitle(code: string, locale: Locale): string {
  const t = (PROBLEM_TITLES as Record<string, { zh: string; en: string }>)[code];
  return t ? (locale === "en" ? t.en : t.zh) : code;
}

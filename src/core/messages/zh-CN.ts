import type { DatePrecision } from "./codes";
import type { ProblemTexts } from "./texts";

const PRECISION: Record<DatePrecision, string> = { year: "年", month: "月" };

/** The other rows of a finding: 第 3、8 行, or 第 3、8、9、12、15 行等 7 行. */
function otherRows(p: { rows: number[]; more: number }): string {
  const list = `第 ${p.rows.join("、")} 行`;
  return p.more > 0 ? `${list}等 ${p.rows.length + p.more} 行` : list;
}

/** Every problem in Chinese (简体中文), the language users read first. */
export const ZH_CN: ProblemTexts = {
  "header-not-found": {
    title: "找不到表头",
    message: (p) => `前 ${p.rows} 行中找不到表头（至少要有“姓名”和另一个名册列）`,
    fix: () => "确认这是成员名册，或在表头行写上“姓名”“公民身份号码”等列名",
  },
  "column-unmapped": {
    title: "非标准列",
    message: (p) => `列“${p.header}”不是名册的标准列，已原样保留在名册右侧`,
    fix: () => "如是标准列的别称，请改用标准列名",
  },
  "column-duplicate": {
    title: "重复的列",
    message: (p) => `列“${p.header}”与前面的列同为“${p.field}”，已原样保留在名册右侧`,
    fix: () => "合并两列后删除多余的一列",
  },
  "column-missing": {
    title: "缺少的列",
    message: (p) => `名册缺少“${p.header}”列，已按空列补上`,
    fix: (p) => `补录“${p.header}”`,
  },
  "name-missing": {
    title: "姓名为空",
    message: () => "姓名为空",
    fix: () => "填写姓名，或删除这一行",
  },
  "gender-invalid": {
    title: "性别无法识别",
    message: (p) => `性别“${p.value}”无法识别，应为“男”或“女”`,
    fix: () => "填写“男”或“女”",
  },
  "gender-mismatch": {
    title: "性别与身份证号不符",
    message: (p) => `性别“${p.value}”与身份证号不符（身份证号显示为${p.expected}）`,
    fix: (p) => `核对后改为“${p.expected}”，或更正身份证号`,
  },
  "ethnicity-invalid": {
    title: "民族不规范",
    message: (p) => `民族“${p.value}”不在 GB/T 3304 的 56 个民族名称中`,
    fix: () => "填写规范民族名称，如“汉族”“回族”",
  },
  "ethnicity-unrecognised": {
    title: "非 56 个民族之一",
    message: (p) => `民族“${p.value}”不是 56 个民族之一（未识别民族或某民族的支系）`,
    fix: () => "按本人户口簿登记的民族填写；如户口簿上就是这样登记的，照录并在备注中说明",
  },
  "ethnicity-unknown": {
    title: "民族未写明",
    message: (p) => `民族填的是“${p.value}”，没有写明是哪个民族`,
    fix: () => "按本人身份证或户口簿上的民族填写，如“汉族”",
  },
  "ethnicity-foreign-origin": {
    title: "外国血统",
    message: (p) => `民族“${p.value}”：外国血统的中国籍人士不属于 56 个民族（GB/T 3304 代码 98）`,
    fix: () => "核对户口簿；如确为外国血统中国籍人士，照录并在备注中说明",
  },
  "birth-date-invalid": {
    title: "出生日期无法识别",
    message: (p) => `出生日期“${p.value}”无法识别`,
    fix: () => "按 yyyy-mm-dd 填写，如 1965-03-12",
  },
  "birth-date-partial": {
    title: "出生日期不完整",
    message: (p) => `出生日期“${p.value}”只精确到${PRECISION[p.precision]}，又无有效身份证号可补全`,
    fix: () => "补全年月日",
  },
  "birth-date-ambiguous": {
    title: "出生月份可能有误（1 月或 10 月）",
    message: (p) =>
      `出生日期“${p.value}”可能是 1 月也可能是 10 月（Excel 把 .10 存成了 .1），已按 ${p.read} 处理`,
    fix: () => "核对后按 yyyy-mm-dd 填写",
  },
  "birth-date-mismatch": {
    title: "出生日期与身份证号不符",
    message: (p) => `出生日期“${p.value}”与身份证号中的出生日期 ${p.expected} 不符`,
    fix: (p) => `核对后改为 ${p.expected}，或更正身份证号`,
  },
  "birth-date-out-of-range": {
    title: "出生日期不合理",
    message: (p) => `出生日期 ${p.value} 不合理（晚于今天或早于 1800 年）`,
    fix: () => "核对出生日期",
  },
  "date-invalid": {
    title: "日期无法识别",
    message: (p) => `${p.column}“${p.value}”无法识别为日期`,
    fix: () => "按 yyyy-mm-dd 填写",
  },
  "date-partial": {
    title: "日期不完整",
    message: (p) => `${p.column}“${p.value}”只精确到${PRECISION[p.precision]}`,
    fix: () => "补全年月日",
  },
  "id-missing": {
    title: "身份证号为空",
    message: () => "公民身份号码为空",
    fix: () => "补录身份证号，便于核对和去重",
  },
  "id-format": {
    title: "身份证号格式不对",
    message: (p) =>
      `公民身份号码“${p.value}”格式不对：应为 18 位（前 17 位数字，末位数字或 X）或旧的 15 位数字`,
    fix: () => "对照证件重新录入",
  },
  "id-checksum": {
    title: "身份证号校验位不对",
    message: (p) => `公民身份号码“${p.value}”校验位不对`,
    fix: (p) => `对照证件核对；若前 17 位无误，末位应为 ${p.expected}`,
  },
  "id-birth-date": {
    title: "身份证号中的出生日期不存在",
    message: (p) => `公民身份号码“${p.value}”中的出生日期 ${p.date} 不是真实日期`,
    fix: () => "对照证件重新录入",
  },
  "id-area": {
    title: "身份证号地址码未知",
    message: (p) =>
      `公民身份号码“${p.value}”的地址码 ${p.area} 不在 GB/T 2260 历年任何一版的县级行政区划代码中`,
    fix: () => "对照证件核对前 6 位",
  },
  "id-foreign-permanent": {
    title: "外国人永久居留身份证",
    message: (p) => `号码“${p.value}”是外国人永久居留身份证号码（以 9 开头），不是公民身份号码`,
    fix: () => "如确为持永久居留证的外籍人员，照录并在备注中注明国籍",
  },
  "id-precision-lost": {
    title: "身份证号被存成数字、已丢位",
    message: (p) => `公民身份号码被 Excel 存成了数字（${p.value}），后几位已经丢失，无法自动修复`,
    fix: () => "把该列设为“文本”格式，再对照证件重新录入",
  },
  "id-duplicate": {
    title: "身份证号重复",
    message: (p) => `公民身份号码与${otherRows(p)}重复`,
    fix: () => "核对是否同一人重复登记，保留一行",
  },
  "possible-duplicate": {
    title: "疑似重复登记",
    message: (p) => `与${otherRows(p)}姓名、出生日期相同，但身份证号不同`,
    fix: () => "核对是否同一人；如是，更正身份证号并删除重复行",
  },
  "political-invalid": {
    title: "政治面貌不规范",
    message: (p) => `政治面貌“${p.value}”不是 GB/T 4762 的规范名称，也不是常用简称`,
    fix: () => "填写规范名称，如“中国民主同盟盟员”“群众”",
  },
  "political-ambiguous": {
    title: "政治面貌不明确",
    message: (p) => `政治面貌“${p.value}”不能确定是哪一种（如哪个民主党派）`,
    fix: () => "写明具体名称，如“中国民主同盟盟员”“九三学社社员”",
  },
  "category-invalid": {
    title: "统战对象类别不规范",
    message: (p) => `统战对象类别中的“${p.part}”不是规定的类别`,
    fix: () => "从十二类统战对象中选择，多个类别以“、”分隔",
  },
  "education-invalid": {
    title: "学历无法识别",
    message: (p) => `学历“${p.value}”无法识别`,
    fix: () => "填写 研究生、大学本科、大学专科、中专、高中 或 初中及以下",
  },
  "economy-invalid": {
    title: "家庭经济状况无法识别",
    message: (p) => `家庭经济状况“${p.value}”无法识别`,
    fix: () => "填写 良好、一般 或 困难",
  },
  "phone-invalid": {
    title: "电话号码无效",
    message: (p) => `手机号码“${p.value}”不是有效的手机号（11 位，1 开头）或带区号的固定电话`,
    fix: () => "填写 11 位手机号，或“区号-号码”形式的固定电话",
  },
  "phone-multiple": {
    title: "一格多个号码",
    message: (p) => `手机号码一格中有 ${p.count} 个号码`,
    fix: () => "只保留一个常用号码，其余写入备注",
  },
  "household-invalid": {
    title: "家庭人口不对",
    message: (p) => `家庭人口“${p.value}”应为 1 到 20 的整数`,
    fix: () => "填写人数，如 3",
  },
  "unexpected-type": {
    title: "类型不对",
    message: (p) => `${p.column}的值“${p.value}”类型不对（应为文字）`,
    fix: () => "核对该格内容",
  },
};

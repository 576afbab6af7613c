import type { Locale } from "../core/types";

/** Everything the task pane says, Chinese first, English available. Button labels are the accessible names. */
export const UI_TEXT = {
  "zh-CN": {
    appTitle: "统战台账助手",
    tabs: { registry: "名册校验", docs: "例会与通报", summary: "季度汇总" },
    validate: "校验",
    normalize: "规范化",
    validateHint:
      "“校验”只检查不修改；“规范化”按标准改写成员名册，并生成“校验报告”“变更记录”，有问题的单元格标红或标黄。",
    working: "正在处理…",
    counts: (m: number, e: number, w: number, c: number) =>
      `成员 ${m} 人：错误 ${e} 个，提示 ${w} 个，修改 ${c} 处`,
    errors: "错误",
    warnings: "提示",
    problemsByType: "问题分类",
    noProblems: "没有发现问题。",
    normalizedDone: "已写入“成员名册”“校验报告”“变更记录”。",
    clickToSelect: "点击问题可定位到单元格",
    row: (r: number) => `第 ${r} 行`,
    meetingTitle: "新建例会记录",
    meetingDate: "会议日期",
    branch: "所在支部",
    convener: "召集人",
    topics: "议题（每行一个）",
    place: "会议地点",
    newMeeting: "新建例会记录",
    bulletinTitle: "新建情况通报",
    bulletinDate: "通报日期",
    workNews: "工作动态",
    enterprise: "企业情况",
    situation: "形势通报",
    newBulletin: "新建情况通报",
    added: (sheet: string, label: string, log: string) =>
      `已新建“${sheet}”（${label}），并在“${log}”追加一行。`,
    unknownPlaceholders: (k: string[]) =>
      `模板中有不认识的占位符：${k.map((x) => `{{${x}}}`).join("、")}`,
    year: "年份",
    quarter: "季度",
    quarters: ["第一季度", "第二季度", "第三季度", "第四季度"],
    makeSummary: "生成季度汇总",
    summaryDone: (sheet: string) => `已生成“${sheet}”。`,
    unreadable: (n: number) => `${n} 行日期无法识别，未计入，详见“汇总说明”。`,
    needBranch: "请填写所在支部",
    needConvener: "请填写召集人",
    needDate: "请填写日期",
    errorTitle: "出错了",
    errorNext: "请检查工作簿后重试；如问题持续，请把工作簿发给管理员。",
  },
  en: {
    appTitle: "United-Front Ledger Assistant",
    tabs: { registry: "Registry", docs: "Meetings & bulletins", summary: "Quarterly summary" },
    validate: "Validate",
    normalize: "Normalise",
    validateHint:
      "Validate checks without changing anything; Normalise rewrites the registry in the standard layout and adds 校验报告 and 变更记录, marking cells with problems.",
    working: "Working…",
    counts: (m: number, e: number, w: number, c: number) =>
      `${m} members: ${e} errors, ${w} warnings, ${c} changes`,
    errors: "Errors",
    warnings: "Warnings",
    problemsByType: "Problems by type",
    noProblems: "No problems found.",
    normalizedDone: "成员名册, 校验报告 and 变更记录 written.",
    clickToSelect: "Click a problem to go to its cell",
    row: (r: number) => `row ${r}`,
    meetingTitle: "New meeting record",
    meetingDate: "Meeting date",
    branch: "Branch",
    convener: "Convener",
    topics: "Topics (one per line)",
    place: "Place",
    newMeeting: "New meeting record",
    bulletinTitle: "New bulletin",
    bulletinDate: "Bulletin date",
    workNews: "Work news",
    enterprise: "Enterprise",
    situation: "Situation",
    newBulletin: "New bulletin",
    added: (sheet: string, label: string, log: string) =>
      `Added "${sheet}" (${label}) and a row in "${log}".`,
    unknownPlaceholders: (k: string[]) =>
      `Unknown placeholders in the template: ${k.map((x) => `{{${x}}}`).join(", ")}`,
    year: "Year",
    quarter: "Quarter",
    quarters: ["Q1", "Q2", "Q3", "Q4"],
    makeSummary: "Make quarterly summary",
    summaryDone: (sheet: string) => `"${sheet}" made.`,
    unreadable: (n: number) => `${n} rows with unreadable dates were not counted; see 汇总说明.`,
    needBranch: "Fill in the branch",
    needConvener: "Fill in the convener",
    needDate: "Fill in the date",
    errorTitle: "Something went wrong",
    errorNext:
      "Check the workbook and try again; if it persists, send the workbook to your administrator.",
  },
};

export type UiText = (typeof UI_TEXT)["zh-CN"];

export function uiText(locale: Locale): UiText {
  return UI_TEXT[locale] as UiText;
}

/** ?lang=en, else the display language (Office or the browser); Chinese by default. */
export function pickLocale(search: string, displayLanguage?: string): Locale {
  const lang = new URLSearchParams(search).get("lang") ?? displayLanguage ?? "zh-CN";
  return lang.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

import type { Locale } from "../core/types";

/** 第 5 行, 第 5–7 行（3 行）, 第 5、8 行 */
function rowsZh(rows: number[]): string {
  if (rows.length === 1) return `第 ${rows[0]} 行`;
  if (consecutive(rows)) return `第 ${rows[0]}–${rows[rows.length - 1]} 行（${rows.length} 行）`;
  return `第 ${rows.join("、")} 行`;
}

/** row 5, rows 5–7, rows 5, 8 */
function rowsEn(rows: number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  if (consecutive(rows)) return `rows ${rows[0]}–${rows[rows.length - 1]}`;
  return `rows ${rows.join(", ")}`;
}

const consecutive = (rows: number[]) => rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);

/** What the sheet's values mean, for the English pane (the sheet keeps DOMAIN.md's Chinese values). */
const CONTACT_TYPE_EN: Record<string, string> = {
  谈心谈话: "Talk",
  学习活动: "Study session",
  困难帮扶: "Hardship help",
  其他: "Other",
};
const ADOPTION_EN: Record<string, string> = { 是: "Yes", 否: "No", 待定: "Pending" };

/** Everything the task pane says, Chinese first, English available. Button labels are the accessible names. */
export const UI_TEXT = {
  "zh-CN": {
    appTitle: "统战台账助手",
    tabs: {
      registry: "名册校验",
      docs: "例会与通报",
      records: "联谊与建议",
      care: "关怀提醒",
      summary: "季度汇总",
    },
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
    live: {
      title: "实时校验",
      switch: "编辑“成员名册”时即时检查",
      hint: "只在任务窗格打开时有效；只标出问题、不改动输入的内容，修正请点“按建议修正”。",
      starting: "正在读取成员名册…",
      off: "实时校验已关闭。",
      unsupported:
        "本机 Excel 不支持工作表更改事件（需要 ExcelApi 1.7），无法实时校验，请用“校验”。",
      noRegistry: "工作簿中还没有“成员名册”：先点“规范化”，之后的编辑会即时检查。",
      counts: (e: number, w: number, rows: number) =>
        `当前：错误 ${e} 个，提示 ${w} 个（${rows} 行）`,
      clean: "成员名册目前没有问题。",
      colorsOnly:
        "本机 Excel 不支持注释和批注（ExcelApi 1.10）：问题单元格只标颜色，说明见下方列表。",
      tooMany: (n: number) => `一次改动了 ${n} 行，超过 5000 行，未逐行检查：请点“校验”检查全表。`,
      fix: "按建议修正",
      fixTo: (v: string) => `改为“${v}”`,
      noFix: "这个问题没有可自动采用的建议值，请手工修改。",
      fixed: (cell: string, v: string) => `已将 ${cell} 改为“${v}”，并记入“变更记录”。`,
      more: (n: number) => `另有 ${n} 个问题未列出`,
    },
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
    wholeYear: "全年（年度汇总，与上年比较）",
    makeSummary: "生成季度汇总",
    makeYearSummary: "生成年度汇总",
    summaryDone: (sheet: string) => `已生成“${sheet}”。`,
    unreadable: (n: number) => `${n} 行日期无法识别，未计入，详见“汇总说明”。`,
    needBranch: "请填写所在支部",
    needConvener: "请填写召集人",
    needDate: "请填写日期",
    // 成员选择（联谊活动、意见建议）
    membersLoading: "正在读取成员名册…",
    noRegistry: "工作簿中没有找到成员名册，无法选择成员。",
    findMember: "查找成员（姓名或身份证号）",
    allBranches: "全部支部",
    selectBranch: (n: number) => `全选本支部（${n} 人）`,
    selectFound: (n: number) => `全选查找结果（${n} 人）`,
    clearChosen: "清除",
    noneChosen: "尚未选择成员",
    chosen: (names: string[], n: number) =>
      `已选 ${n} 人：${names.join("、")}${n > names.length ? " 等" : ""}`,
    noMatch: "没有符合条件的成员",
    moreMatches: (n: number) => `另有 ${n} 人未列出，请输入姓名查找`,
    noId: "无身份证号",
    // 记录联谊活动
    contactTitle: "记录联谊活动",
    contactMembers: "成员",
    contactDate: "活动日期",
    contactType: "活动类型",
    contactTypeLabel: (type: string) => type,
    content: "内容",
    contactPerson: "联系人",
    contactPersonOne: "默认为名册中该成员的联系人",
    contactPersonMany: "选了多名成员时留空，每行填各成员在名册中的联系人",
    followUp: "跟进情况",
    save: "保存",
    notSaved: "未保存：",
    recorded: (sheet: string, rows: number[], created: boolean) =>
      `已在“${sheet}”写入${rowsZh(rows)}${created ? "（新建了该工作表）" : ""}。`,
    // 意见建议
    suggestionTitle: "记录意见建议",
    proposer: "提出人",
    suggestionDate: "提出日期",
    adopted: "是否采纳",
    adoptionLabel: (value: string) => value,
    carriedOut: "落实情况",
    needProposer: "请选择提出人",
    openTitle: "待定或尚未落实的意见建议",
    openCount: (open: number, total: number, sheet: string) =>
      `“${sheet}”共 ${total} 条，其中 ${open} 条待定或尚未落实。修改是否采纳、落实情况后点“保存修改”。`,
    noOpen: "没有待定或尚未落实的意见建议。",
    keepValue: (value: string) => `${value}（原值，不修改）`,
    saveChanges: "保存修改",
    refresh: "刷新",
    updated: (sheet: string, cells: number) =>
      cells > 0 ? `已更新“${sheet}”中的 ${cells} 个单元格。` : `“${sheet}”中没有需要修改的单元格。`,
    proposedOn: (date: string | null) => (date ? `${date} 提出` : "提出日期不详"),
    // 关怀提醒
    asOf: "截至日期",
    careDays: "生日提前天数",
    showCare: "查看名单",
    writeCare: "生成关怀提醒表",
    careWritten: (sheet: string) => `已生成“${sheet}”（可打印；身份证号、手机号已打码）。`,
    careHint: "点击成员可定位到成员名册中的行",
    lastContact: (date: string | null) => (date ? `上次联系：${date}` : "上次联系：无记录"),
    careEmpty: "无",
    unlinked: (n: number) =>
      `“联谊活动记录”中有 ${n} 行找不到对应的成员（姓名、身份证号与名册不符），未计入。`,
    needDays: "天数应为 0 或以上的整数",
    errorTitle: "出错了",
    errorNext: "请检查工作簿后重试；如问题持续，请把工作簿发给管理员。",
  },
  en: {
    appTitle: "United-Front Ledger Assistant",
    tabs: {
      registry: "Registry",
      docs: "Meetings & bulletins",
      records: "Contacts & suggestions",
      care: "Care",
      summary: "Quarterly summary",
    },
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
    live: {
      title: "Live check",
      switch: "Check 成员名册 as it is edited",
      hint: "Works while the task pane is open; it marks problems and never changes what was typed. To fix, use Apply suggestion.",
      starting: "Reading 成员名册…",
      off: "The live check is off.",
      unsupported:
        "This Excel has no worksheet change events (ExcelApi 1.7), so nothing can be checked live; use Validate.",
      noRegistry:
        "The workbook has no 成员名册 yet: Normalise first, and later edits are checked as they happen.",
      counts: (e: number, w: number, rows: number) =>
        `Now: ${e} ${e === 1 ? "error" : "errors"}, ${w} ${w === 1 ? "warning" : "warnings"} (${rows} ${rows === 1 ? "row" : "rows"})`,
      clean: "成员名册 has no problems now.",
      colorsOnly:
        "This Excel has neither notes nor comments (ExcelApi 1.10): problem cells are coloured only; see the list below.",
      tooMany: (n: number) =>
        `${n} rows changed at once, more than 5,000, and were not checked row by row: use Validate to check the whole sheet.`,
      fix: "Apply suggestion",
      fixTo: (v: string) => `change to "${v}"`,
      noFix: "There is no value to apply for this problem; change it by hand.",
      fixed: (cell: string, v: string) => `${cell} changed to "${v}" and logged in 变更记录.`,
      more: (n: number) => `${n} more problems not listed`,
    },
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
    wholeYear: "Whole year (annual summary, compared with the year before)",
    makeSummary: "Make quarterly summary",
    makeYearSummary: "Make annual summary",
    summaryDone: (sheet: string) => `"${sheet}" made.`,
    unreadable: (n: number) => `${n} rows with unreadable dates were not counted; see 汇总说明.`,
    needBranch: "Fill in the branch",
    needConvener: "Fill in the convener",
    needDate: "Fill in the date",
    // Member picker (contacts, suggestions)
    membersLoading: "Reading the registry…",
    noRegistry: "No member registry was found in this workbook: there is no member to choose.",
    findMember: "Find a member (name or ID)",
    allBranches: "All branches",
    selectBranch: (n: number) => `Select the whole branch (${n})`,
    selectFound: (n: number) => `Select all found (${n})`,
    clearChosen: "Clear",
    noneChosen: "No member chosen",
    chosen: (names: string[], n: number) =>
      `${n} chosen: ${names.join(", ")}${n > names.length ? "…" : ""}`,
    noMatch: "No member matches",
    moreMatches: (n: number) => `${n} more not listed: type a name to narrow the list`,
    noId: "no ID number",
    // Contact
    contactTitle: "Record a contact",
    contactMembers: "Members",
    contactDate: "Date",
    contactType: "Type",
    contactTypeLabel: (type: string) => `${CONTACT_TYPE_EN[type] ?? type} (${type})`,
    content: "Content",
    contactPerson: "Contact person",
    contactPersonOne: "Default: the member's contact person in the registry",
    contactPersonMany:
      "Leave empty with several members: each row gets that member's contact person from the registry",
    followUp: "Follow-up",
    save: "Save",
    notSaved: "Not saved:",
    recorded: (sheet: string, rows: number[], created: boolean) =>
      `Written to "${sheet}", ${rowsEn(rows)}${created ? " (sheet created)" : ""}.`,
    // Suggestions
    suggestionTitle: "Record a suggestion",
    proposer: "Proposed by",
    suggestionDate: "Date proposed",
    adopted: "Adopted",
    adoptionLabel: (value: string) => `${ADOPTION_EN[value] ?? value} (${value})`,
    carriedOut: "Carried out",
    needProposer: "Choose who made the suggestion",
    openTitle: "Suggestions pending or not carried out",
    openCount: (open: number, total: number, sheet: string) =>
      `${open} of the ${total} suggestions in "${sheet}" are pending or not carried out. Change Adopted or Carried out, then Save changes.`,
    noOpen: "No suggestion is pending or waiting to be carried out.",
    keepValue: (value: string) => `${value} (as is, unchanged)`,
    saveChanges: "Save changes",
    refresh: "Refresh",
    updated: (sheet: string, cells: number) =>
      cells > 0 ? `${cells} cells updated in "${sheet}".` : `Nothing to change in "${sheet}".`,
    proposedOn: (date: string | null) => (date ? `proposed ${date}` : "date unknown"),
    // Care
    asOf: "As of",
    careDays: "Birthdays within (days)",
    showCare: "Show lists",
    writeCare: "Make care sheet",
    careWritten: (sheet: string) => `"${sheet}" made (printable; ID and phone numbers masked).`,
    careHint: "Click a member to go to their row in the registry",
    lastContact: (date: string | null) =>
      date ? `Last contact: ${date}` : "Last contact: none recorded",
    careEmpty: "None",
    unlinked: (n: number) =>
      `${n} rows of 联谊活动记录 match no member of the registry (name or ID differ) and were not counted.`,
    needDays: "Days must be a whole number, 0 or more",
    errorTitle: "Something went wrong",
    errorNext:
      "Check the workbook and try again; if it persists, send the workbook to your administrator.",
  },
};

export type UiText = (typeof UI_TEXT)["zh-CN"];

/** English says everything Chinese does: a key missing from either does not compile. */
const EVERY_KEY: Readonly<Record<Locale, UiText>> = UI_TEXT;

export function uiText(locale: Locale): UiText {
  return EVERY_KEY[locale];
}

/** ?lang=en, else the display language (Office or the browser); Chinese by default. */
export function pickLocale(search: string, displayLanguage?: string): Locale {
  const lang = new URLSearchParams(search).get("lang") ?? displayLanguage ?? "zh-CN";
  return lang.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

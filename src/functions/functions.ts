/**
 * 统战台账助手's worksheet functions (issue #17): the registry's rules in Excel formulas, e.g.
 * =UFLEDGER.身份证校验(F2). Each is the engine's own rule (src/core/functions), nothing of its own;
 * this file only reads what the rules take from the world (today, Excel's language) and hands the
 * answer to Excel: a value, or #VALUE! with the rule's problem in words.
 *
 * Declared with JSDoc: custom-functions-metadata-plugin (webpack.config.js) generates functions.json
 * from the @customfunction tags below and appends a CustomFunctions.associate call for each function
 * to this file when it is bundled. The task pane's entry imports this file, so the functions run in
 * the task pane's page: the add-in's shared runtime (manifest.xml, <Runtimes>).
 *
 * Names: an English id (A–Z, what the workbook keeps) and a Chinese name, the manifest's default
 * locale being zh-CN; three characters at least, as Microsoft requires (身份证性别, not 性别).
 * Microsoft documents localising the custom functions of an add-in only manifest with one metadata
 * file per language, the manifest pointing each locale at its own ("Localize custom functions",
 * custom-functions-naming); the plugin writes one file only, from these comments, so they carry the
 * Chinese, and functions-en.json (English names and descriptions from functions.en.json, ids and
 * types the same) is made from the plugin's output at build time.
 */
import {
  type CellAnswer,
  birthDateAnswer,
  ethnicityAnswer,
  genderAnswer,
  idCheckText,
  maskedIdText,
  politicalAnswer,
} from "../core/functions";
import type { RuleContext } from "../core/rules/rule";
import type { CellValue, Locale } from "../core/types";
import { localToday } from "../hosts/localClock";
import { pickLocale } from "../taskpane/i18n";

/** What office.js gives a page that runs custom functions (the parts used here). */
interface CustomFunctionsRuntime {
  associate(id: string, fn: (...args: never[]) => unknown): void;
  /** CustomFunctionsRuntime 1.2 and later. */
  Error?: new (code: string, message?: string) => Error;
  ErrorCode?: { invalidValue: string };
}

const officeRuntime = (): CustomFunctionsRuntime | undefined =>
  (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;

/**
 * What the associate calls the plugin appends to this file call: office.js's CustomFunctions where
 * the page has it (every page that loads office.js), nothing where it has not (the page opened
 * outside Office, a test's stand-in office.js), so that the task pane loads there as before.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the appended lines
const CustomFunctions = {
  associate(id: string, fn: (...args: never[]) => unknown): void {
    officeRuntime()?.associate(id, fn);
  },
};

/**
 * A parameter's value as the rules take it. The parameters are of type any (text, a number,
 * TRUE/FALSE or nothing, as the cell holds it; an ID number typed as a number is told apart from
 * its text), and the generated metadata lets Excel pass its data types to them
 * (allowCustomDataForDataTypeAny): such a value is taken by the value it shows (basicValue).
 */
export function cellInput(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (typeof value === "object" && "basicValue" in value) return cellInput(value.basicValue);
  return String(value);
}

/** The day the rules judge by (a birth date after it is wrong): today where the user is. */
function ruleContext(): RuleContext {
  // Office.js has no property for the 1904 date system (src/hosts/office/workbook.ts probes it by
  // computing DATE(2000,1,1), which a function should not do in the middle of a recalculation).
  return { dateSystem: 1900, asOf: localToday() };
}

/** Excel's language, as the task pane picks its own (?lang= first, then Office's display language). */
function locale(): Locale {
  const display = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  const search = typeof window !== "undefined" ? window.location.search : "";
  return pickLocale(search, display);
}

/** The answer's value, or #VALUE! carrying its message (the cell's error flag shows it). */
function cellValue<T>(a: CellAnswer<T>): T {
  if (a.ok) return a.value;
  const cf = officeRuntime();
  throw cf?.Error && cf.ErrorCode
    ? new cf.Error(cf.ErrorCode.invalidValue, a.message)
    : new Error(a.message);
}

/**
 * 校验公民身份号码（GB 11643：位数、出生日期、校验位、地址码）。号码无误时返回“有效”，否则返回问题所在。
 * @customfunction CHECKID 身份证校验
 * @param 号码 公民身份号码：18 位，或旧的 15 位；可带空格、全角数字
 * @returns “有效”，或号码的问题
 */
export function checkId(号码: unknown): string {
  return idCheckText(cellInput(号码), ruleContext(), locale());
}

/**
 * 从公民身份号码读出出生日期：Excel 日期（把单元格设为日期格式即显示为日期；1900 年以前的写成文本 yyyy-mm-dd）。号码无效时为 #VALUE!。
 * @customfunction BIRTHDATEFROMID 出生日期
 * @param 号码 公民身份号码：18 位，或旧的 15 位
 * @returns 出生日期
 */
export function birthDateFromId(号码: unknown): number | string {
  return cellValue(birthDateAnswer(cellInput(号码), ruleContext(), locale()));
}

/**
 * 从公民身份号码读出性别（第 17 位：奇数为男，偶数为女）。号码无效时为 #VALUE!。
 * @customfunction GENDERFROMID 身份证性别
 * @param 号码 公民身份号码：18 位，或旧的 15 位
 * @returns 男或女
 */
export function genderFromId(号码: unknown): string {
  return cellValue(genderAnswer(cellInput(号码), ruleContext(), locale()));
}

/**
 * 把民族的写法规范为 GB/T 3304 的名称（汉 → 汉族，僮族 → 壮族，代码 01 → 汉族）。不是 56 个民族之一时为 #VALUE!。
 * @customfunction NORMALIZEETHNICITY 规范民族
 * @param 文本 民族，如“汉”“回族”“01”
 * @returns 规范的民族名称；空单元格得空文本
 */
export function normalizeEthnicity(文本: unknown): string {
  return cellValue(ethnicityAnswer(cellInput(文本), ruleContext(), locale()));
}

/**
 * 把政治面貌的写法规范为 GB/T 4762 的名称（民盟 → 中国民主同盟盟员，中共党员 → 中国共产党党员）。不能识别时为 #VALUE!。
 * @customfunction NORMALIZEPOLITICAL 规范政治面貌
 * @param 文本 政治面貌，如“民盟盟员”“中共党员”“群众”
 * @returns 规范的政治面貌名称；空单元格得空文本
 */
export function normalizePolitical(文本: unknown): string {
  return cellValue(politicalAnswer(cellInput(文本), ruleContext(), locale()));
}

/**
 * 给公民身份号码打码，只留前 6 位和后 4 位（110105********123X），用于对外的名单。
 * @customfunction MASKID 身份证打码
 * @param 号码 公民身份号码（带空格、全角数字的先整理）
 * @returns 打码后的号码
 */
export function maskId(号码: unknown): string {
  return maskedIdText(cellInput(号码), ruleContext());
}

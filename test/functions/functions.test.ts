/**
 * The worksheet functions as Excel calls them (src/functions/functions.ts): a cell's value in, the
 * cell's answer out, or #VALUE! (CustomFunctions.Error) with the rule's problem in Excel's language;
 * the rules judging by the user's today. office.js is stood in for by the two globals the functions
 * read: CustomFunctions (its Error and ErrorCode) and Office.context.displayLanguage.
 */
import {
  birthDateFromId,
  cellInput,
  checkId,
  genderFromId,
  maskId,
  normalizeEthnicity,
  normalizePolitical,
} from "../../src/functions/functions";
import { idOf } from "../core/helpers";

/** CustomFunctions.Error as office.js has it: an ErrorCode (the cell's #-error) and a message. */
class StandInError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

const globals = globalThis as { CustomFunctions?: unknown; Office?: unknown };

function officeIn(displayLanguage: string, withErrors = true) {
  globals.Office = { context: { displayLanguage } };
  globals.CustomFunctions = withErrors
    ? { associate: jest.fn(), Error: StandInError, ErrorCode: { invalidValue: "#VALUE!" } }
    : { associate: jest.fn() };
}

afterEach(() => {
  delete globals.Office;
  delete globals.CustomFunctions;
  jest.useRealTimers();
});

/** What the cell shows when the function throws: its error and message. */
function cellError(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    const err = e as StandInError;
    return { code: err.code, message: err.message };
  }
  throw new Error("the function did not fail");
}

const MAN = idOf("19700105", "011");
const WRONG_CHECK = MAN.slice(0, 17) + (MAN[17] === "0" ? "1" : "0");

describe("in Chinese Excel", () => {
  beforeEach(() => officeIn("zh-CN"));

  it("answers each function from the engine's rules", () => {
    expect(checkId("11010519491231002X")).toBe("有效");
    expect(checkId("370725881105149")).toBe("有效");
    expect(birthDateFromId(idOf("20000229", "012"))).toBe(36585);
    expect(birthDateFromId("440524188001010014")).toBe("1880-01-01");
    expect(genderFromId("11010519491231002X")).toBe("女");
    expect(genderFromId(MAN)).toBe("男");
    expect(normalizeEthnicity("僮族")).toBe("壮族");
    expect(normalizeEthnicity("汉")).toBe("汉族");
    expect(normalizePolitical("民盟盟员")).toBe("中国民主同盟盟员");
    expect(normalizePolitical("群众")).toBe("群众");
    expect(maskId("１１０１０５１９４９１２３１００２Ｘ")).toBe("110105********002X");
  });

  it("gives #VALUE! with the problem in Chinese where there is no answer", () => {
    expect(checkId(WRONG_CHECK)).toBe(`公民身份号码“${WRONG_CHECK}”校验位不对`);
    expect(cellError(() => birthDateFromId(WRONG_CHECK))).toEqual({
      code: "#VALUE!",
      message: `公民身份号码“${WRONG_CHECK}”校验位不对`,
    });
    expect(cellError(() => genderFromId(""))).toEqual({
      code: "#VALUE!",
      message: "公民身份号码为空",
    });
    expect(cellError(() => normalizeEthnicity("穿青人"))).toEqual({
      code: "#VALUE!",
      message: "民族“穿青人”不是 56 个民族之一（未识别民族或某民族的支系）",
    });
    expect(cellError(() => normalizePolitical("民主党派")).message).toMatch(/不能确定是哪一种/);
  });

  it("leaves an empty 民族, 政治面貌 or number to mask empty", () => {
    expect(normalizeEthnicity(null)).toBe("");
    expect(normalizePolitical("")).toBe("");
    expect(maskId(null)).toBe("");
  });

  it("tells an ID number Excel stored as a number (digits lost) from one typed as text", () => {
    expect(checkId(110105194912310020)).toMatch(/存成了数字/);
    expect(checkId(370725881105149)).toBe("有效");
  });
});

describe("in English Excel", () => {
  beforeEach(() => officeIn("en-US"));

  it("says Valid, and the problems in English; the values stay as the registry writes them", () => {
    expect(checkId(MAN)).toBe("Valid");
    expect(checkId(WRONG_CHECK)).toMatch(/fails its check digit/);
    expect(cellError(() => normalizeEthnicity("穿青人")).message).toMatch(/is not one of the 56/);
    expect(genderFromId(MAN)).toBe("男");
    expect(normalizeEthnicity("汉")).toBe("汉族");
  });
});

describe("the day the rules judge by", () => {
  it("is today where the user is: a number born today is valid, one born tomorrow is not", () => {
    officeIn("zh-CN");
    // 00:30 on 23 November on the user's clock (in China, still the 22nd in UTC).
    jest.useFakeTimers({ now: new Date(2026, 10, 23, 0, 30) });
    expect(checkId(idOf("20261123", "011"))).toBe("有效");
    expect(checkId(idOf("20261124", "011"))).toMatch(/不是真实日期/);
  });
});

describe("without CustomFunctions.Error (CustomFunctionsRuntime 1.1)", () => {
  it("still fails the cell (Excel shows #VALUE!), with the message", () => {
    officeIn("zh-CN", false);
    expect(() => genderFromId(WRONG_CHECK)).toThrow(`公民身份号码“${WRONG_CHECK}”校验位不对`);
  });
});

describe("a cell's value as the rules take it", () => {
  it("passes text, numbers and TRUE/FALSE, takes Excel's data types by the value they show", () => {
    expect(cellInput("汉")).toBe("汉");
    expect(cellInput(370725881105149)).toBe(370725881105149);
    expect(cellInput(true)).toBe(true);
    expect(cellInput(undefined)).toBeNull();
    expect(cellInput(null)).toBeNull();
    expect(cellInput({ type: "String", basicValue: "僮族" })).toBe("僮族");
    expect(cellInput({ type: "Entity", text: "x" })).toBe("[object Object]");
    officeIn("zh-CN");
    expect(normalizeEthnicity({ type: "String", basicValue: "僮族" })).toBe("壮族");
  });
});

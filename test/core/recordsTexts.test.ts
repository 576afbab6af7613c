import {
  CARE_LISTS,
  CARE_REASON_CODES,
  CARE_REASON_PARAMS,
  type CareReason,
  type CareReasonParams,
  careListTitle,
  careReasonText,
} from "../../src/core/care";
import {
  OPEN_REASONS,
  RECORD_ERROR_CODES,
  RECORD_ERROR_PARAMS,
  type RecordError,
  type RecordErrorParams,
  openReasonText,
  recordErrorMessage,
} from "../../src/core/records";
import type { Locale } from "../../src/core/types";

const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const BROKEN = /undefined|null|NaN|\[object |\$\{|=>/;
const LOCALES: Locale[] = ["zh-CN", "en"];

/** Parameters of every code (ASCII, so that English text shows no Chinese of its own). */
const ERRORS: RecordErrorParams = {
  "entry-invalid": { field: "content" },
  "member-missing": {},
  "member-not-found": { by: "name", value: "Zhang" },
  "member-ambiguous": { name: "Chen", count: 2 },
  "member-moved": { row: 7, name: "Zhang" },
  "date-invalid": {},
  "date-in-future": { date: "2026-12-06", today: "2026-12-05" },
  "content-empty": {},
  "type-invalid": { value: "party", allowed: ["a", "b"] },
  "adoption-invalid": { value: "maybe", allowed: ["y", "n"] },
  "log-unrecognised": { sheet: "Log" },
  "log-full": { sheet: "Log", limit: 1048576 },
  "suggestion-not-found": { sheet: "Log", row: 7 },
  "suggestion-moved": { sheet: "Log", row: 7 },
  "nothing-to-update": { row: 7 },
};

const REASONS: CareReasonParams = {
  "birthday-soon": { date: "2027-02-28", inDays: 3, age: 47, leapDay: true },
  "hardship-no-help": { windowDays: 90, lastHelp: "2026-09-20" },
  "no-contact-this-year": { year: 2026 },
  "record-stale": { recordedOn: "2025-12-19", days: 366 },
  "record-undated": {},
};

describe("every record error has a message in both locales", () => {
  it.each(RECORD_ERROR_CODES)("%s", (code) => {
    const params = ERRORS[code];
    expect(RECORD_ERROR_PARAMS[code].parse(params)).toEqual(params);
    const e = { code, params } as RecordError;
    const zh = recordErrorMessage(e, "zh-CN");
    const en = recordErrorMessage(e, "en");
    expect(zh).toMatch(HAN);
    expect(en).not.toMatch(HAN);
    for (const t of [zh, en]) expect(t).not.toMatch(BROKEN);
    expect(zh).not.toBe(en);
  });

  it("names what it is about", () => {
    const future = { code: "date-in-future", params: ERRORS["date-in-future"] } as RecordError;
    for (const l of LOCALES) {
      expect(recordErrorMessage(future, l)).toContain("2026-12-06");
      expect(recordErrorMessage(future, l)).toContain("2026-12-05");
    }
    const row = { code: "suggestion-not-found", params: { sheet: "意见建议", row: 7 } } as const;
    expect(recordErrorMessage(row, "zh-CN")).toBe("工作表“意见建议”第 7 行不是一条意见建议");
    expect(recordErrorMessage(row, "en")).toBe('Row 7 of sheet "意见建议" holds no suggestion');
  });

  it("masks an ID number it names", () => {
    const id = "11010519491231002X";
    const e: RecordError = { code: "member-not-found", params: { by: "id", value: id } };
    expect(recordErrorMessage(e, "zh-CN")).toBe(
      "成员名册中没有公民身份号码为 110105********002X 的成员"
    );
    expect(recordErrorMessage(e, "en")).toBe(
      "The member registry has no member with ID number 110105********002X"
    );
  });

  it("why a suggestion is open, in both locales", () => {
    for (const r of OPEN_REASONS) {
      expect(openReasonText(r, "zh-CN")).toMatch(HAN);
      expect(openReasonText(r, "en")).not.toMatch(HAN);
    }
  });
});

describe("every care reason and list title has a text in both locales", () => {
  it.each(CARE_REASON_CODES)("%s", (code) => {
    const params = REASONS[code];
    expect(CARE_REASON_PARAMS[code].parse(params)).toEqual(params);
    const r = { code, params } as CareReason;
    const zh = careReasonText(r, "zh-CN");
    const en = careReasonText(r, "en");
    expect(zh).toMatch(HAN);
    expect(en).not.toMatch(HAN);
    for (const t of [zh, en]) expect(t).not.toMatch(BROKEN);
  });

  it("says which day a 29 February birthday is kept on", () => {
    const r: CareReason = { code: "birthday-soon", params: REASONS["birthday-soon"] };
    expect(careReasonText(r, "zh-CN")).toBe(
      "2月28日（还有 3 天）生日，满 47 岁；2月29日出生，平年按2月28日"
    );
    expect(careReasonText(r, "en")).toBe(
      "Birthday on 28 Feb (in 3 days), turning 47; born on 29 Feb, kept on 28 Feb in a common year"
    );
  });

  it("titles each list", () => {
    const p = { count: 2, days: 30, windowDays: 90, year: 2026 };
    expect(CARE_LISTS.map((l) => careListTitle(l, p, "en"))).toEqual([
      "Birthdays in the next 30 days (2)",
      "Families in hardship without help in 90 days (2)",
      "Not contacted in 2026 (2)",
      "Records over a year old or undated (2)",
    ]);
    for (const l of CARE_LISTS) expect(careListTitle(l, p, "zh-CN")).toMatch(HAN);
  });
});

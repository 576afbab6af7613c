/** The care lists' texts in each locale, rendered where they are shown. */
import type { Locale } from "../types";
import type { CareListKey, CareListTitleParams, CareReason, CareTexts } from "./reasons";

/** "2026-03-05" → 3月5日 */
const md = (iso: string) => `${+iso.slice(5, 7)}月${+iso.slice(8, 10)}日`;
const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
/** "2026-03-05" → 5 Mar */
const dm = (iso: string) => `${+iso.slice(8, 10)} ${MONTHS[+iso.slice(5, 7) - 1]}`;

export const CARE_ZH_CN: CareTexts = {
  reasons: {
    "birthday-soon": (p) =>
      `${p.inDays === 0 ? `今天（${md(p.date)}）` : `${md(p.date)}（还有 ${p.inDays} 天）`}生日，满 ${p.age} 岁` +
      (p.leapDay ? "；2月29日出生，平年按2月28日" : ""),
    "hardship-no-help": (p) =>
      `家庭经济困难，近 ${p.windowDays} 天没有困难帮扶` +
      (p.lastHelp ? `（上次帮扶：${p.lastHelp}）` : "（没有帮扶记录）"),
    "no-contact-this-year": (p) => `${p.year}年尚未联系`,
    "record-stale": (p) => `建档日期 ${p.recordedOn}，已超过一年（${p.days} 天），信息可能需要更新`,
    "record-undated": () => "没有建档日期，信息可能需要更新",
  },
  lists: {
    birthdays: (p) => `近期生日（今后 ${p.days} 天，${p.count} 人）`,
    hardship: (p) => `家庭经济困难、近 ${p.windowDays} 天未帮扶（${p.count} 人）`,
    uncontacted: (p) => `${p.year}年尚未联系（${p.count} 人）`,
    stale: (p) => `建档超过一年或没有建档日期（${p.count} 人）`,
  },
};

export const CARE_EN: CareTexts = {
  reasons: {
    "birthday-soon": (p) =>
      `Birthday ${p.inDays === 0 ? `today (${dm(p.date)})` : `on ${dm(p.date)} (in ${p.inDays} days)`}, turning ${p.age}` +
      (p.leapDay ? "; born on 29 Feb, kept on 28 Feb in a common year" : ""),
    "hardship-no-help": (p) =>
      `Family in hardship, no hardship help in the last ${p.windowDays} days` +
      (p.lastHelp ? ` (last help: ${p.lastHelp})` : " (no help recorded)"),
    "no-contact-this-year": (p) => `Not contacted yet in ${p.year}`,
    "record-stale": (p) =>
      `Recorded on ${p.recordedOn}, over a year ago (${p.days} days): the record may need updating`,
    "record-undated": () => "No date recorded: the record may need updating",
  },
  lists: {
    birthdays: (p) => `Birthdays in the next ${p.days} days (${p.count})`,
    hardship: (p) => `Families in hardship without help in ${p.windowDays} days (${p.count})`,
    uncontacted: (p) => `Not contacted in ${p.year} (${p.count})`,
    stale: (p) => `Records over a year old or undated (${p.count})`,
  },
};

/** One table per locale. */
export const CARE_TEXTS: Readonly<Record<Locale, CareTexts>> = { "zh-CN": CARE_ZH_CN, en: CARE_EN };

/** Why a member is on a list, in the locale asked for. */
export function careReasonText(r: CareReason, locale: Locale): string {
  // The table entry of r.code takes r.params: the union is discriminated on code.
  const text = CARE_TEXTS[locale].reasons[r.code] as (p: typeof r.params) => string;
  return text(r.params);
}

/** A list's title, in the locale asked for. */
export function careListTitle(list: CareListKey, p: CareListTitleParams, locale: Locale): string {
  return CARE_TEXTS[locale].lists[list](p);
}

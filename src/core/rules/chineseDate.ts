/**
 * Dates written with Chinese numerals, rewritten with Arabic digits so that the one date reader
 * reads them: 一九七二年五月 → 1972年5月, 二〇一〇年十月廿八日 → 2010年10月28日,
 * 八零年6月十五号 → 80年6月15日. 号 is a day marker like 日 (1972年5月8号).
 *
 * The year is spelled digit by digit (〇 零 ○, and a Latin O or a 0 typed among them, are zero);
 * months and days are counted with 十 (十一, 二十八, 三十; 廿 is 二十 and 卅 三十).
 * Text that is not of this shape is returned unchanged, and the reader then calls it unreadable
 * (八月上旬, 1999.08-2002.02, 不详).
 */

const DIGIT: Readonly<Record<string, number>> = {
  "0": 0,
  〇: 0,
  零: 0,
  "○": 0,
  O: 0,
  o: 0,
  "1": 1,
  一: 1,
  "2": 2,
  二: 2,
  "3": 3,
  三: 3,
  "4": 4,
  四: 4,
  "5": 5,
  五: 5,
  "6": 6,
  六: 6,
  "7": 7,
  七: 7,
  "8": 8,
  八: 8,
  "9": 9,
  九: 9,
};

const YEAR_CHARS = "0-9〇零○Oo一二三四五六七八九";
const COUNT_CHARS = "0-9〇零○一二三四五六七八九十廿卅";
const CHINESE_DATE_RE = new RegExp(
  `^([${YEAR_CHARS}]{2}|[${YEAR_CHARS}]{4})年(?:([${COUNT_CHARS}]{1,3})月(?:([${COUNT_CHARS}]{1,4})[日号])?)?$`
);
/** 1972年5月8号, 1972.5.8号, 1983-06-07号. */
const HAO_RE = /^(\d{2,4}[年./-]\d{1,2}[月./-]\d{1,2})号$/;

/** A year spelled digit by digit: 一九七二 → 1972, 八零 → 80, 一九8○ → 1980. */
function spelledYear(s: string): string | null {
  let out = "";
  for (const ch of s) {
    const d = DIGIT[ch];
    if (d === undefined) return null;
    out += String(d);
  }
  return out;
}

/** A month or day: 五 → 5, 十 → 10, 十一 → 11, 二十八 → 28, 廿八 → 28, 卅 → 30, 〇五 → 5, 06 → 6. */
export function countNumber(s: string): number | null {
  if (s === "") return null;
  const t = s.replace(/廿/g, "二十").replace(/卅/g, "三十");
  const ten = t.indexOf("十");
  if (ten < 0) {
    const spelled = spelledYear(t);
    return spelled === null ? null : Number(spelled);
  }
  if (t.indexOf("十", ten + 1) >= 0) return null;
  const before = t.slice(0, ten);
  const after = t.slice(ten + 1);
  if (before.length > 1 || after.length > 1) return null;
  const tens = before === "" ? 1 : DIGIT[before];
  const ones = after === "" ? 0 : DIGIT[after];
  if (tens === undefined || ones === undefined || tens === 0) return null;
  return tens * 10 + ones;
}

/**
 * The same date with Arabic digits, or the text unchanged when it holds no Chinese numerals or 号.
 * Expects text already NFKC-normalised and without spaces.
 */
export function arabicDate(s: string): string {
  const hao = HAO_RE.exec(s);
  if (hao) return `${hao[1]}日`;
  const m = CHINESE_DATE_RE.exec(s);
  if (!m || /^\d+年(?:\d+月(?:\d+[日])?)?$/.test(s)) return s;
  const year = spelledYear(m[1]);
  if (year === null) return s;
  let out = `${year}年`;
  if (m[2] !== undefined) {
    const month = countNumber(m[2]);
    if (month === null) return s;
    out += `${month}月`;
    if (m[3] !== undefined) {
      const day = countNumber(m[3]);
      if (day === null) return s;
      out += `${day}日`;
    }
  }
  return out;
}

/**
 * Where a suggestion stands, read from its 是否采纳 and 落实情况 cells, and when it is still open.
 *
 * 是否采纳 reads as:
 * - adopted: 是, 采纳, 已采纳, 采用, 同意, y, yes (the values the quarterly summary counts adopted);
 * - rejected: 否, 不采纳, 未采纳, 不予采纳, 不采用, 不同意, n, no;
 * - pending: empty, 待定, 待议, 待研究, 研究中, 未定, 暂缓;
 * - unclear: anything else (部分采纳, a typo): staff should say which.
 *
 * 落实情况 is done when it holds text that says nothing of being unfinished: empty is not done, nor
 * is 无, 暂无, 没有, 未, 否 or a dash or slash alone, nor text with 未落实, 未完成, 尚未, 待落实, 落实中,
 * 正在, 进行中, 推进中, 待办 or 未办 in it.
 *
 * A suggestion is open when 是否采纳 is pending ("pending"), unclear ("adoption-unclear"), or
 * adopted with 落实情况 not done ("not-carried-out"). A rejected one is closed whatever its 落实情况.
 */
import { cellText, lookupKey } from "../text";
import type { CellValue } from "../types";

/** The values a form offers for 是否采纳. */
export const ADOPTION_VALUES = ["是", "否", "待定"] as const;
export type Adoption = (typeof ADOPTION_VALUES)[number];

export type AdoptionState = "adopted" | "rejected" | "pending" | "unclear";

export const OPEN_REASONS = ["pending", "adoption-unclear", "not-carried-out"] as const;
export type OpenReason = (typeof OPEN_REASONS)[number];

/** 是否采纳 words that say adopted (the quarterly summary counts these as 采纳建议 too). */
export const ADOPTED = /^(是|已?采纳|采用|同意|y|yes)$/i;
const REJECTED = /^(否|不采纳|未采纳|不予采纳|不采用|不同意|n|no)$/i;
const PENDING = /^(待定|待议|待研究|研究中|未定|暂缓)$/;
const UNFINISHED = /未落实|未完成|尚未|待落实|落实中|正在|进行中|推进中|待办|未办/;
const NOTHING = /^(无|暂无|没有|未|否|[-—–/\\])$/;

const key = (v: CellValue): string => {
  const t = cellText(v);
  return t === null ? "" : lookupKey(t);
};

/** A value for 是否采纳 as a form or the command line gives it: 是, 否 or 待定 exactly; else null. */
export function parseAdoption(value: string): Adoption | null {
  const k = lookupKey(value);
  return ADOPTION_VALUES.find((a) => a === k) ?? null;
}

/** How a 是否采纳 cell reads. */
export function adoptionState(v: CellValue): AdoptionState {
  const k = key(v);
  if (k === "" || PENDING.test(k)) return "pending";
  if (ADOPTED.test(k)) return "adopted";
  if (REJECTED.test(k)) return "rejected";
  return "unclear";
}

/** Whether a 落实情况 cell says the suggestion was carried out. */
export function isCarriedOut(v: CellValue): boolean {
  const k = key(v);
  return k !== "" && !NOTHING.test(k) && !UNFINISHED.test(k);
}

/** Why a suggestion is still open, or null when it is closed. */
export function openReason(adopted: CellValue, carriedOut: CellValue): OpenReason | null {
  const state = adoptionState(adopted);
  if (state === "pending") return "pending";
  if (state === "unclear") return "adoption-unclear";
  if (state === "adopted" && !isCarriedOut(carriedOut)) return "not-carried-out";
  return null;
}

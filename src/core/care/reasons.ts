/**
 * Why a member is on a care list, as data: a code and its parameters, typed per code (zod schemas;
 * the types inferred from them). Rendered where shown from one table per locale (texts.ts). Dates
 * are "yyyy-mm-dd" text, so the data stays plain.
 */
import { type CodedOf, type ParamsOf, codesOf } from "../coded";
import { z } from "../zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().min(0);

/** The four lists, in the order they are shown. */
export const CARE_LISTS = ["birthdays", "hardship", "uncontacted", "stale"] as const;
export type CareListKey = (typeof CARE_LISTS)[number];

export const CARE_REASON_PARAMS = {
  /**
   * A birthday within the next days. date: the day it is kept this year (28 February for one born
   * on 29 February, in a year without it: leapDay true); inDays: 0 for today; age: the age reached.
   */
  "birthday-soon": z.object({ date: day, inDays: count, age: count, leapDay: z.boolean() }),
  /** 家庭经济状况 困难, and no 困难帮扶 in the last windowDays days. lastHelp: the last one, if any. */
  "hardship-no-help": z.object({ windowDays: count, lastHelp: day.nullable() }),
  /** No contact of any kind this year (1 January up to the day the list is made for). */
  "no-contact-this-year": z.object({ year: z.number().int() }),
  /** 建档日期 more than a year before the day: days since. */
  "record-stale": z.object({ recordedOn: day, days: count }),
  /** No 建档日期 at all: how old the record is cannot be known. */
  "record-undated": z.object({}),
} as const;

export type CareReasonParams = ParamsOf<typeof CARE_REASON_PARAMS>;
export type CareReasonCode = keyof CareReasonParams;
export const CARE_REASON_CODES = codesOf(CARE_REASON_PARAMS);

/** A reason as data (a union discriminated on code). */
export type CareReason<C extends CareReasonCode = CareReasonCode> = CodedOf<
  typeof CARE_REASON_PARAMS,
  C
>;

export const careReason = <C extends CareReasonCode>(
  code: C,
  params: CareReasonParams[C]
): CareReason<C> => ({ code, params }) as CareReason<C>;

/** What a list's title needs: its length and the settings it was made with. */
export interface CareListTitleParams {
  count: number;
  days: number;
  windowDays: number;
  year: number;
}

/** One locale's texts: every reason and every list's title (one missing does not compile). */
export interface CareTexts {
  readonly reasons: { readonly [C in CareReasonCode]: (p: CareReasonParams[C]) => string };
  readonly lists: { readonly [L in CareListKey]: (p: CareListTitleParams) => string };
}

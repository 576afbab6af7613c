/**
 * Why a contact, a suggestion or an update is not written, as data: a code and its parameters,
 * typed per code (zod schemas; the types inferred from them). Rendered where shown from one table
 * per locale (texts/zh-CN.ts, texts/en.ts). Dates are "yyyy-mm-dd" text, so the data stays plain.
 */
import { type CodedOf, type ParamsOf, codesOf } from "../coded";
import { z } from "../zod";

const text = z.string();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const row = z.number().int().min(1);

/** How a form names a member: by ID number, by name, or by the registry row. */
export const MEMBER_REF_KINDS = ["id", "name", "row"] as const;
const memberRef = { by: z.enum(MEMBER_REF_KINDS), value: text };

export const RECORD_ERROR_PARAMS = {
  /** A field of the entry is not of its type (what a form never sends). field: its name. */
  "entry-invalid": z.object({ field: text }),
  /** No member chosen. */
  "member-missing": z.object({}),
  "member-not-found": z.object(memberRef),
  /** count: how many members of the registry have the name. */
  "member-ambiguous": z.object({ name: text, count: z.number().int().min(2) }),
  /** The registry row a form named no longer holds the member it showed (the registry was sorted, or rows added or removed, since it was read). */
  "member-moved": z.object({ row, name: text }),
  "date-invalid": z.object({}),
  "date-in-future": z.object({ date: day, today: day }),
  "content-empty": z.object({}),
  "type-invalid": z.object({ value: text, allowed: z.array(text) }),
  "adoption-invalid": z.object({ value: text, allowed: z.array(text) }),
  /** The sheet is there and holds data, but no header of the log can be found in its first 10 rows. */
  "log-unrecognised": z.object({ sheet: text }),
  /** The rows would go past Excel's last row. */
  "log-full": z.object({ sheet: text, limit: row }),
  /** The row to update holds no suggestion. */
  "suggestion-not-found": z.object({ sheet: text, row }),
  /** The row no longer holds the suggestion the list showed (rows were inserted or deleted since). */
  "suggestion-moved": z.object({ sheet: text, row }),
  /** An update names neither 是否采纳 nor 落实情况. */
  "nothing-to-update": z.object({ row }),
} as const;

export type RecordErrorParams = ParamsOf<typeof RECORD_ERROR_PARAMS>;
export type RecordErrorCode = keyof RecordErrorParams;
export const RECORD_ERROR_CODES = codesOf(RECORD_ERROR_PARAMS);

/** An error as data: a code and its parameters (a union discriminated on code). */
export type RecordError<C extends RecordErrorCode = RecordErrorCode> = CodedOf<
  typeof RECORD_ERROR_PARAMS,
  C
>;

export const recordError = <C extends RecordErrorCode>(
  code: C,
  params: RecordErrorParams[C]
): RecordError<C> => ({ code, params }) as RecordError<C>;

/** One locale's texts for every code: a code without its text does not compile. */
export type RecordErrorTexts = {
  readonly [C in RecordErrorCode]: (p: RecordErrorParams[C]) => string;
};

/** Done, with what to write; or not, with every reason why (nothing is written then). */
export type Outcome<T> = ({ ok: true } & T) | { ok: false; errors: RecordError[] };

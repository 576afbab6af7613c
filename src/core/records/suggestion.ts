/**
 * 意见建议: a form entry (提出人, 提出日期, 内容, 是否采纳, 落实情况) made into the row appended to the
 * log, with the proposer's name and full ID number (text) from the registry.
 */
import type { CellValue } from "../types";
import { z } from "../zod";
import { type AppendPlan, SUGGESTION_LOG, planAppend } from "./append";
import { type EntryContext, cellTextOf, dayCell, entryDay, logErrors, shapeErrors } from "./entry";
import { type Outcome, type RecordError, recordError } from "./errors";
import { type Person, peopleOf } from "./people";
import { memberRefSchema, resolveMembers } from "./resolve";
import { ADOPTION_VALUES, parseAdoption } from "./suggestionStatus";

export const suggestionEntrySchema = z.object({
  /** 提出人: a member of the registry. */
  proposer: memberRefSchema,
  /** 提出日期: a calendar day (UTC midnight); today when absent. */
  date: z.date().optional(),
  /** 内容: required. */
  content: z.string(),
  /** 是否采纳: 是 / 否 / 待定; 待定 when absent or empty. */
  adopted: z.string().optional(),
  /** 落实情况. */
  carriedOut: z.string().optional(),
});
export type SuggestionEntry = z.infer<typeof suggestionEntrySchema>;

/**
 * The row a suggestion adds to 意见建议, as an append plan; or every reason it cannot be written (a
 * date after today, empty 内容, a 是否采纳 other than 是/否/待定, a proposer not in the registry, a
 * log sheet whose header cannot be found): then nothing is written.
 */
export function planSuggestionLog(
  entry: SuggestionEntry,
  ctx: EntryContext
): Outcome<{ plan: AppendPlan; person: Person }> {
  const shape = suggestionEntrySchema.safeParse(entry);
  if (!shape.success) return { ok: false, errors: shapeErrors(shape.error) };
  const e = shape.data;
  const errors: RecordError[] = [];
  const who = resolveMembers([e.proposer], peopleOf(ctx.members));
  if (!who.ok) errors.push(...who.errors);
  const day = entryDay(e.date, ctx.today);
  if (!(day instanceof Date)) errors.push(day);
  const content = cellTextOf(e.content);
  if (!content) errors.push(recordError("content-empty", {}));
  const typed = cellTextOf(e.adopted);
  const adopted = typed === null ? "待定" : parseAdoption(typed);
  if (!adopted)
    errors.push(
      recordError("adoption-invalid", { value: e.adopted ?? "", allowed: [...ADOPTION_VALUES] })
    );
  if (!who.ok || !(day instanceof Date) || !content || !adopted)
    return { ok: false, errors: [...errors, ...logErrors(SUGGESTION_LOG, ctx.log)] };
  const person = who.people[0];
  const record: Record<string, CellValue> = {
    提出日期: dayCell(day, ctx.dateSystem),
    提出人: person.name,
    公民身份号码: person.id,
    内容: content,
    是否采纳: adopted,
    落实情况: cellTextOf(e.carriedOut),
  };
  const planned = planAppend(SUGGESTION_LOG, ctx.log, [record], ["公民身份号码"]);
  return planned.ok ? { ok: true, plan: planned.plan, person } : planned;
}

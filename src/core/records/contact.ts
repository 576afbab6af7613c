/**
 * 记录联谊活动: a form entry (members, 活动日期, 活动类型, 内容, 联系人, 跟进情况) made into the rows
 * appended to 联谊活动记录, one per member, with the member's name and full ID number (text) from
 * the registry so that the quarterly summary links each row to its member.
 */
import type { CellValue } from "../types";
import { z } from "../zod";
import { type AppendPlan, CONTACT_LOG, planAppend } from "./append";
import { CONTACT_TYPES, parseContactType } from "./contactTypes";
import { type EntryContext, cellTextOf, dayCell, entryDay, logErrors, shapeErrors } from "./entry";
import { type Outcome, type RecordError, recordError } from "./errors";
import { type Person, peopleOf } from "./people";
import { memberRefSchema, resolveMembers } from "./resolve";

export const contactEntrySchema = z.object({
  /** Who: one or more members of the registry (a study session of a whole branch). */
  members: z.array(memberRefSchema),
  /** 活动日期: a calendar day (UTC midnight); today when absent. */
  date: z.date().optional(),
  /** 活动类型: 谈心谈话 / 学习活动 / 困难帮扶 / 其他. */
  type: z.string(),
  /** 内容: required. */
  content: z.string(),
  /** 联系人: by default each member's 联系人 in the registry. */
  contact: z.string().optional(),
  /** 跟进情况. */
  followUp: z.string().optional(),
});
export type ContactEntry = z.infer<typeof contactEntrySchema>;

/**
 * The rows a contact adds to 联谊活动记录, one per member (each once), as an append plan; or every
 * reason it cannot be written (a date after today, empty 内容, an unknown type, a member not in the
 * registry, a log sheet whose header cannot be found): then nothing is written.
 */
export function planContactLog(
  entry: ContactEntry,
  ctx: EntryContext
): Outcome<{ plan: AppendPlan; people: Person[] }> {
  const shape = contactEntrySchema.safeParse(entry);
  if (!shape.success) return { ok: false, errors: shapeErrors(shape.error) };
  const e = shape.data;
  const errors: RecordError[] = [];
  const who = resolveMembers(e.members, peopleOf(ctx.members));
  if (!who.ok) errors.push(...who.errors);
  const day = entryDay(e.date, ctx.today);
  if (!(day instanceof Date)) errors.push(day);
  const type = parseContactType(e.type);
  if (!type)
    errors.push(recordError("type-invalid", { value: e.type, allowed: [...CONTACT_TYPES] }));
  const content = cellTextOf(e.content);
  if (!content) errors.push(recordError("content-empty", {}));
  if (!who.ok || !(day instanceof Date) || !type || !content)
    return { ok: false, errors: [...errors, ...logErrors(CONTACT_LOG, ctx.log)] };
  const date = dayCell(day, ctx.dateSystem);
  const records = who.people.map((p): Record<string, CellValue> => ({
    活动日期: date,
    成员姓名: p.name,
    公民身份号码: p.id,
    活动类型: type,
    内容: content,
    联系人: cellTextOf(e.contact) ?? p.member.contactCadre,
    跟进情况: cellTextOf(e.followUp),
  }));
  const planned = planAppend(CONTACT_LOG, ctx.log, records, ["公民身份号码"]);
  return planned.ok ? { ok: true, plan: planned.plan, people: who.people } : planned;
}

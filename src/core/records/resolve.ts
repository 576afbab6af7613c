/**
 * The members a form names, found in the registry: by ID number (as people type it: spaces,
 * full-width digits, a 15-digit number), by name (when one person has it), or by registry row.
 */
import { normalizeIdNumber } from "../rules/idNumber";
import { lookupKey } from "../text";
import { z } from "../zod";
import { type Outcome, type RecordError, recordError } from "./errors";
import type { Person } from "./people";

export const memberRefSchema = z.union([
  /**
   * name: who the form showed on that row; when given, a row that now holds someone else is
   * refused (member-moved). First, as the union takes the first shape that parses (and drops keys
   * it does not know): { row, name } is not { name }.
   */
  z.object({ row: z.number().int(), name: z.string().optional() }),
  z.object({ id: z.string() }),
  z.object({ name: z.string() }),
]);
/** How a form names a member. */
export type MemberRef = z.infer<typeof memberRefSchema>;

/** An ID number as typed, cleaned as the log readers clean it (the summary's key); null if it has no ID's shape. */
export function idKey(typed: string): string | null {
  return normalizeIdNumber(typed, {
    dateSystem: 1900,
    asOf: new Date(Date.UTC(9999, 0, 1)),
  }).key;
}

function find(ref: MemberRef, people: readonly Person[]): Person | RecordError {
  if ("row" in ref) {
    const at = people.find((x) => x.rows.includes(ref.row));
    if (ref.name !== undefined && (!at || lookupKey(at.name) !== lookupKey(ref.name)))
      return recordError("member-moved", { row: ref.row, name: ref.name });
    return at ?? recordError("member-not-found", { by: "row", value: String(ref.row) });
  }
  if ("id" in ref) {
    const key = idKey(ref.id);
    const p = key ? people.find((x) => x.id === key) : undefined;
    return p ?? recordError("member-not-found", { by: "id", value: ref.id });
  }
  const k = lookupKey(ref.name);
  const named = people.filter((x) => lookupKey(x.name) === k);
  if (named.length === 1) return named[0];
  return named.length === 0 || k === ""
    ? recordError("member-not-found", { by: "name", value: ref.name })
    : recordError("member-ambiguous", { name: ref.name, count: named.length });
}

/** The people named, each once, in the order named; or an error for each one not found. */
export function resolveMembers(
  refs: readonly MemberRef[],
  people: readonly Person[]
): Outcome<{ people: Person[] }> {
  if (refs.length === 0) return { ok: false, errors: [recordError("member-missing", {})] };
  const found = new Map<string, Person>();
  const errors: RecordError[] = [];
  for (const ref of refs) {
    const r = find(ref, people);
    if ("code" in r) errors.push(r);
    else found.set(r.key, r);
  }
  return errors.length ? { ok: false, errors } : { ok: true, people: [...found.values()] };
}

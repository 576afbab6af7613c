/**
 * Which member a log row concerns: by its ID number, else by its name when exactly one member has
 * that name (a name typed wrong beside a right ID number still finds the member; a row with no ID
 * number, or one no member has, is found by its name). The one rule for the quarterly summary
 * (summary/compute.ts), the care lists and the forms, for any member and row shape.
 */

/** What a member is found by. */
export interface Linkable {
  id: string | null;
  name: string;
}

/** What a log row says of whom it concerns. */
export interface LinkRef {
  id?: string | null;
  name?: string | null;
}

/** Finds the member a row concerns: by ID number, else by name when the name is unique. */
export function memberFinder<M extends Linkable>(
  members: readonly M[]
): (e: LinkRef) => M | undefined {
  const byId = new Map<string, M>();
  for (const m of members) if (m.id) byId.set(m.id, m);
  const byName = new Map<string, M | null>();
  for (const m of members) byName.set(m.name, byName.has(m.name) ? null : m);
  return (e) =>
    (e.id && byId.get(e.id)) || (e.name ? (byName.get(e.name) ?? undefined) : undefined);
}

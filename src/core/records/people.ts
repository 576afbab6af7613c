/**
 * Members counted once: rows of the registry with the same ID number are one person (listed by two
 * branches, typically after a move), as the quarterly summary counts them. The person is the row
 * recorded last (建档日期; an undated row counts as older than any dated one; of rows equally dated,
 * the later row), its empty fields filled from the other rows, newest first.
 */
import type { Linkable } from "./link";
import type { RegistryMember } from "./members";

export interface Person extends Linkable {
  /** The ID number, or "row:N" ("row:file#N" when read with its workbook) for a member without one. */
  key: string;
  /** The merged record: the latest row, its gaps filled from the others. Its row is the latest row's. */
  member: RegistryMember;
  /** Every registry row of this person, in sheet order. */
  rows: number[];
  /** Every branch that lists this person, in sheet order, each once. */
  branches: string[];
}

const recordTime = (m: RegistryMember) => m.recordedOn?.getTime() ?? 0;

function merged(newestFirst: RegistryMember[]): RegistryMember {
  const out = { ...newestFirst[0] };
  for (const other of newestFirst.slice(1))
    for (const k of Object.keys(out) as (keyof RegistryMember)[])
      if (out[k] === null || out[k] === "") Object.assign(out, { [k]: other[k] });
  return out;
}

/** The registry's people, each once, in the order their first row appears. */
export function peopleOf(members: readonly RegistryMember[]): Person[] {
  const groups = new Map<string, RegistryMember[]>();
  for (const m of members) {
    const key = m.idNumber ?? `row:${m.file === undefined ? "" : `${m.file}#`}${m.row}`;
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  return [...groups].map(([key, list]) => {
    const inRows = [...list].sort((a, b) => a.row - b.row);
    const newestFirst = [...inRows].sort((a, b) => recordTime(b) - recordTime(a) || b.row - a.row);
    const member = merged(newestFirst);
    return {
      key,
      id: member.idNumber,
      name: member.name,
      member,
      rows: inRows.map((m) => m.row),
      branches: [...new Set(inRows.flatMap((m) => (m.branch ? [m.branch] : [])))],
    };
  });
}

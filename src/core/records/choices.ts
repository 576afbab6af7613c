/**
 * The registry's members as the forms list them: each person once (rows with the same ID number
 * are one), with a masked ID number and no phone, so no full number reaches the page.
 */
import { maskId } from "../privacy";
import type { RegistryMember } from "./members";
import { peopleOf } from "./people";
import type { MemberRef } from "./resolve";

export interface MemberChoice {
  /** Their latest record's row in the registry sheet: what a form names them by ({ row }). */
  row: number;
  name: string;
  /** The branch of their latest record. */
  branch: string | null;
  /** Every branch that lists them, in sheet order. */
  branches: string[];
  /** Masked: 110105********123X. */
  id: string | null;
  /** 联系人 in the registry: the contact form's default. */
  contactCadre: string | null;
}

/** The people of the registry, in the order they first appear. */
export function memberChoices(members: readonly RegistryMember[]): MemberChoice[] {
  return peopleOf(members).map((p) => ({
    row: p.member.row,
    name: p.member.name,
    branch: p.member.branch,
    branches: p.branches,
    id: p.member.idNumber ? maskId(p.member.idNumber) : null,
    contactCadre: p.member.contactCadre,
  }));
}

/** Whether a member matches what is typed in the search box (name, or the masked ID's digits), and the branch filter. */
export function matchesMember(m: MemberChoice, query: string, branch: string | null): boolean {
  if (branch && !m.branches.includes(branch)) return false;
  const q = query.replace(/\s/g, "");
  if (q === "") return true;
  return m.name.includes(q) || (m.id ?? "").toUpperCase().includes(q.toUpperCase());
}

/**
 * How a form names the member it shows on a registry row: the row, with the name shown there, so
 * that a registry sorted since it was read is refused (member-moved) rather than writing someone else.
 */
export function choiceRef(row: number, choices: readonly MemberChoice[]): MemberRef {
  const shown = choices.find((m) => m.row === row);
  return shown ? { row, name: shown.name } : { row };
}

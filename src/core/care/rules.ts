/**
 * 关怀提醒: from the registry and the contact log, as of a day, four lists of members to look after:
 * - birthdays: a birthday within the next `days` days (default 30), today included (0) and the
 *   last day included; across the new year too (as of 12-20, a 01-05 birthday is in 16 days);
 * - hardship: 家庭经济状况 困难 and no 困难帮扶 within `helpWindowDays` days (default 90) before the
 *   day: a help dated asOf − 90 up to asOf counts;
 * - uncontacted: no contact of any kind this year (1 January up to the day);
 * - stale: 建档日期 more than a year before the day (the same date a year back is not yet over a
 *   year), or no 建档日期 at all.
 * Members are counted once (records/people.ts: rows with the same ID number are one person, listed
 * by each of their branches); contacts are linked to them by ID number, else by a unique name
 * (records/link.ts, the summary's rule); contacts dated after the day are not seen. Each entry says
 * why (a reason as data) and when the member was last contacted. No full ID number or phone leaves
 * here: both are masked.
 */
import { maskId, maskPhone } from "../privacy";
import type { SummaryEvent } from "../summary/sources";
import { type ContactType, contactKind } from "../records/contactTypes";
import { calendarDay, daysBetween, isoDay, validDay } from "../records/days";
import { memberFinder } from "../records/link";
import type { RegistryMember } from "../records/members";
import { type Person, peopleOf } from "../records/people";
import { nextBirthday, yearBefore } from "./calendar";
import { type CareReason, careReason } from "./reasons";

/** A row of the contact log, as the quarterly summary reads it (SummaryEvent of kind "contact"). */
export type ContactEvent = Pick<SummaryEvent, "date" | "type" | "id" | "name">;

/** The contacts among a workbook's events (digestSource(…).events). */
export function contactEvents(events: readonly SummaryEvent[]): ContactEvent[] {
  return events.filter((e) => e.kind === "contact");
}

export interface CareOptions {
  /** The day the lists are for: the user's calendar day (UTC midnight), by default today. */
  asOf: Date;
  /** Birthdays in the next this many days. Default 30. */
  days?: number;
  /** 困难 without a 困难帮扶 in this many days. Default 90. */
  helpWindowDays?: number;
}

export const CARE_DEFAULTS = { days: 30, helpWindowDays: 90 } as const;

/** A member as a care list shows them: no full ID number, no full phone. */
export interface CareMember {
  name: string;
  /** The branch of their latest record. */
  branch: string | null;
  /** Every branch that lists them (two after a move), in sheet order. */
  branches: string[];
  /** 110105********123X */
  id: string | null;
  /** 138****5678 */
  phone: string | null;
  /** 联系人 */
  contactCadre: string | null;
  /** Their latest record's row in the registry sheet (1-based). */
  row: number;
  /** All their rows in the registry sheet. */
  rows: number[];
}

export interface CareEntry {
  member: CareMember;
  reason: CareReason;
  /** Their last contact of any kind on or before the day; null when none is logged. */
  lastContact: Date | null;
  lastContactType: ContactType | null;
}

export interface CareLists {
  asOf: Date;
  days: number;
  helpWindowDays: number;
  /** Soonest first (then registry order: where each member first appears). */
  birthdays: CareEntry[];
  /** Registry order. */
  hardship: CareEntry[];
  /** Registry order. */
  uncontacted: CareEntry[];
  /** Oldest record first, then the undated ones in registry order. */
  stale: CareEntry[];
  /** Contacts (on or before the day) that no member of the registry could be found for. */
  unlinkedContacts: number;
}

interface Seen {
  date: Date;
  kind: ContactType;
}

const latest = (xs: readonly Seen[]): Seen | null =>
  xs.reduce<Seen | null>((a, x) => (!a || x.date.getTime() >= a.date.getTime() ? x : a), null);

const wholeDays = (n: number | undefined, fallback: number) =>
  n === undefined || !Number.isFinite(n) ? fallback : Math.max(0, Math.floor(n));

function view(p: Person): CareMember {
  const m = p.member;
  return {
    name: m.name,
    branch: m.branch,
    branches: p.branches,
    id: m.idNumber ? maskId(m.idNumber) : null,
    phone: m.mobile ? maskPhone(m.mobile) : null,
    contactCadre: m.contactCadre,
    row: m.row,
    rows: p.rows,
  };
}

/** The four care lists as of a day. Pure: the host reads the registry and the log, and shows or writes these. */
export function careLists(
  members: readonly RegistryMember[],
  contacts: readonly ContactEvent[],
  options: CareOptions
): CareLists {
  const asOf = calendarDay(options.asOf);
  const days = wholeDays(options.days, CARE_DEFAULTS.days);
  const helpWindowDays = wholeDays(options.helpWindowDays, CARE_DEFAULTS.helpWindowDays);
  const people = peopleOf(members);
  const find = memberFinder(people);
  const seen = new Map<string, Seen[]>(people.map((p) => [p.key, []]));
  let unlinkedContacts = 0;
  for (const e of contacts) {
    const date = validDay(e.date);
    if (!date || date.getTime() > asOf.getTime()) continue;
    const p = find(e);
    if (p) seen.get(p.key)!.push({ date, kind: contactKind(e.type) });
    else unlinkedContacts++;
  }
  const lists: Omit<CareLists, "asOf" | "days" | "helpWindowDays" | "unlinkedContacts"> = {
    birthdays: [],
    hardship: [],
    uncontacted: [],
    stale: [],
  };
  const birthdayOrder = new Map<CareEntry, number>();
  for (const p of people) {
    const log = seen.get(p.key)!;
    const last = latest(log);
    const entry = (reason: CareReason): CareEntry => ({
      member: view(p),
      reason,
      lastContact: last?.date ?? null,
      lastContactType: last?.kind ?? null,
    });
    const m = p.member;
    const birthday = m.birthDate ? nextBirthday(m.birthDate, asOf) : null;
    if (birthday && birthday.age > 0 && birthday.inDays <= days) {
      const e = entry(
        careReason("birthday-soon", {
          date: isoDay(birthday.date),
          inDays: birthday.inDays,
          age: birthday.age,
          leapDay: birthday.leapDay,
        })
      );
      lists.birthdays.push(e);
      birthdayOrder.set(e, birthday.inDays);
    }
    if (m.familyEconomy === "困难") {
      const lastHelp = latest(log.filter((s) => s.kind === "困难帮扶"));
      if (!lastHelp || daysBetween(lastHelp.date, asOf) > helpWindowDays)
        lists.hardship.push(
          entry(
            careReason("hardship-no-help", {
              windowDays: helpWindowDays,
              lastHelp: lastHelp ? isoDay(lastHelp.date) : null,
            })
          )
        );
    }
    if (!log.some((s) => s.date.getUTCFullYear() === asOf.getUTCFullYear()))
      lists.uncontacted.push(
        entry(careReason("no-contact-this-year", { year: asOf.getUTCFullYear() }))
      );
    if (!m.recordedOn) lists.stale.push(entry(careReason("record-undated", {})));
    else if (m.recordedOn.getTime() < yearBefore(asOf).getTime())
      lists.stale.push(
        entry(
          careReason("record-stale", {
            recordedOn: isoDay(m.recordedOn),
            days: daysBetween(m.recordedOn, asOf),
          })
        )
      );
  }
  // Entries were made in registry order (where each person first appears; workbook by workbook
  // when several are read), which the sorts keep among equals: Array.prototype.sort is stable.
  lists.birthdays.sort((a, b) => birthdayOrder.get(a)! - birthdayOrder.get(b)!);
  const recorded = (e: CareEntry) =>
    e.reason.code === "record-stale" ? Date.parse(e.reason.params.recordedOn) : Infinity;
  lists.stale.sort((a, b) => recorded(a) - recorded(b));
  return { asOf, days, helpWindowDays, ...lists, unlinkedContacts };
}

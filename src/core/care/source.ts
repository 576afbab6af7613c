/**
 * What the care lists and the forms need of one workbook, read as the quarterly summary reads it:
 * its registry (the same sheet, through the same engine) as members, its contact log as contacts,
 * and the two logs the forms write to as their cells.
 */
import type { LogSheet } from "../records/append";
import { type RegistryMember, registryMembers } from "../records/members";
import {
  type SourceParts,
  type SourceSheet,
  type SummarySource,
  type UnreadableRow,
  sourceEvents,
  sourceParts,
  sourceRegistry,
} from "../summary/sources";
import type { CellValue } from "../types";
import { type ContactEvent, contactEvents } from "./rules";

export interface CareSource {
  file: string;
  /** The registry sheet; null when the workbook has none. */
  registrySheet: string | null;
  /** Each with its workbook (file), so that members without an ID number stay apart across workbooks. */
  members: RegistryMember[];
  contacts: ContactEvent[];
  /** Rows of the contact log whose date cannot be read (not counted). */
  unreadableContacts: UnreadableRow[];
}

/** One workbook's members and contacts, for careLists (several workbooks: concatenate them). */
export function careSource(src: SummarySource, parts: SourceParts = sourceParts(src)): CareSource {
  const registry = sourceRegistry(src, parts);
  const events = sourceEvents(src, parts);
  const log = parts.logs.find((l) => l.kind.kind === "contact")?.sheet.name;
  return {
    file: src.file,
    registrySheet: parts.registry?.name ?? null,
    members: registry ? registryMembers(registry).map((m) => ({ ...m, file: src.file })) : [],
    contacts: contactEvents(events.events),
    unreadableContacts: events.unreadable.filter((u) => u.sheet === log),
  };
}

/** A sheet's cells from A1, each row where its row number puts it. */
function cellsOf(sheet: SourceSheet): LogSheet {
  const rows: CellValue[][] = [];
  sheet.rows.forEach((r, i) => {
    const n = r.rowNumber ?? i + 1;
    while (rows.length < n - 1) rows.push([]);
    rows[n - 1] = [...r.values];
  });
  return { name: sheet.name, rows };
}

/** A workbook as the contact and suggestion forms see it: its members and its two logs (null when missing). */
export interface RecordsSource extends CareSource {
  contactLog: LogSheet | null;
  suggestionLog: LogSheet | null;
}

/** The log of a kind, where the summary finds it: by its name, else by its headers. */
export function recordsSource(src: SummarySource): RecordsSource {
  const parts = sourceParts(src);
  const log = (kind: "contact" | "suggestion") => {
    const found = parts.logs.find((l) => l.kind.kind === kind);
    return found ? cellsOf(found.sheet) : null;
  };
  return {
    ...careSource(src, parts),
    contactLog: log("contact"),
    suggestionLog: log("suggestion"),
  };
}

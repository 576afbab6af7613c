/**
 * What the care lists need of one workbook, read as the quarterly summary reads it: its registry
 * (the same sheet, through the same engine) as members, and its contact log as contacts.
 */
import { registryMembers, type RegistryMember } from "../records/members";
import { type SummarySource, sourceEvents, sourceParts, sourceRegistry } from "../summary/sources";
import { type ContactEvent, contactEvents } from "./rules";

export interface CareSource {
  file: string;
  /** The registry sheet; null when the workbook has none. */
  registrySheet: string | null;
  members: RegistryMember[];
  contacts: ContactEvent[];
}

/** One workbook's members and contacts, for careLists (several workbooks: concatenate them). */
export function careSource(src: SummarySource): CareSource {
  const parts = sourceParts(src);
  const registry = sourceRegistry(src, parts);
  return {
    file: src.file,
    registrySheet: parts.registry?.name ?? null,
    members: registry ? registryMembers(registry) : [],
    contacts: contactEvents(sourceEvents(src, parts).events),
  };
}

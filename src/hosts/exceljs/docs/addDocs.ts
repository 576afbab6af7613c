import {
  type BulletinInput,
  bulletinTemplateData,
  buildBulletin,
} from "../../../core/docs/bulletin";
import {
  BULLETIN_LOG_HEADERS,
  BULLETIN_LOG_SHEET,
  MEETING_LOG_HEADERS,
  MEETING_LOG_SHEET,
} from "../../../core/docs/logs";
import {
  type MeetingInput,
  buildMeetingRecord,
  meetingTemplateData,
} from "../../../core/docs/meeting";
import type { SheetDoc } from "../../../core/docs/sheetDoc";
import {
  BULLETIN_TEMPLATE_SHEET,
  MEETING_TEMPLATE_SHEET,
  type TemplateData,
  fillTemplate,
} from "../../../core/docs/template";
import type { CellValue } from "../../../core/types";
import { registryMembers } from "../read/registryMembers";
import { worksheetNamed } from "../read/sheetValues";
import { readTemplateDoc } from "../read/templateDoc";
import { docSheet } from "../write/docSheet";
import type { PackageWriter } from "../xlsx/packageWriter";
import type { WorkbookPackage } from "../xlsx/workbookPackage";
import { appendLogRow, readLogSheet } from "./logSheet";

export interface AddedSheet {
  sheetName: string;
  /** 第N次 or 2026年第N期 */
  label: string;
  logSheet: string;
  /** Placeholders of a custom template that we do not know. */
  unknownPlaceholders: string[];
  /** Section names given that a bulletin does not have. */
  unknownSections: string[];
  usedTemplate: boolean;
}

/** The custom template of a workbook (模板-例会记录 / 模板-情况通报), filled; null where it has none. */
async function fromTemplate(
  pkg: WorkbookPackage,
  templateSheet: string,
  name: string,
  data: TemplateData
): Promise<{ doc: SheetDoc; unknown: string[] } | null> {
  const t = worksheetNamed(pkg, templateSheet);
  if (!t) return null;
  return fillTemplate(await readTemplateDoc(pkg, t), name, data);
}

/**
 * Writes a new document sheet and its log row into the output, and completes it: the workbook's
 * sheets as they were (copied as stored), the new sheet after them, the log (made, or with a row
 * more) in its place or at the end; the tab shown on opening unchanged.
 */
async function place(
  pkg: WorkbookPackage,
  out: PackageWriter,
  doc: SheetDoc,
  log: { sheet: string; headers: readonly string[]; row: readonly CellValue[] }
): Promise<void> {
  const read = await readLogSheet(pkg, log.sheet, log.headers);
  await out.addSheet(docSheet(doc, out.styles, pkg.dateSystem));
  const made = await appendLogRow(pkg, out, log.sheet, log.headers, log.row, read);
  if (made) await out.addSheet(made);
  const names = pkg.sheets.map((s) => s.name);
  await out.finish([...names, doc.name, ...(made ? [made.name] : [])], pkg.shownSheet ?? doc.name);
}

/** A new 例会记录 sheet (from 模板-例会记录 where the workbook has one) and its row in 例会台账. */
export async function addMeeting(
  pkg: WorkbookPackage,
  out: PackageWriter,
  input: MeetingInput
): Promise<AddedSheet> {
  const { log } = await readLogSheet(pkg, MEETING_LOG_SHEET, MEETING_LOG_HEADERS);
  const rec = buildMeetingRecord(input, {
    sheetNames: pkg.sheets.map((s) => s.name),
    log,
    members: await registryMembers(pkg),
    dateSystem: pkg.dateSystem,
  });
  const custom = await fromTemplate(
    pkg,
    MEETING_TEMPLATE_SHEET,
    rec.sheetName,
    meetingTemplateData(rec)
  );
  await place(pkg, out, custom?.doc ?? rec.doc, {
    sheet: MEETING_LOG_SHEET,
    headers: MEETING_LOG_HEADERS,
    row: rec.logRow,
  });
  return {
    sheetName: rec.sheetName,
    label: rec.numberLabel,
    logSheet: MEETING_LOG_SHEET,
    unknownPlaceholders: custom?.unknown ?? [],
    unknownSections: [],
    usedTemplate: !!custom,
  };
}

/** A new 情况通报 sheet (from 模板-情况通报 where the workbook has one) and its row in 通报台账. */
export async function addBulletin(
  pkg: WorkbookPackage,
  out: PackageWriter,
  input: BulletinInput
): Promise<AddedSheet> {
  const { log } = await readLogSheet(pkg, BULLETIN_LOG_SHEET, BULLETIN_LOG_HEADERS);
  const issue = buildBulletin(input, { sheetNames: pkg.sheets.map((s) => s.name), log });
  const custom = await fromTemplate(
    pkg,
    BULLETIN_TEMPLATE_SHEET,
    issue.sheetName,
    bulletinTemplateData(issue, input)
  );
  await place(pkg, out, custom?.doc ?? issue.doc, {
    sheet: BULLETIN_LOG_SHEET,
    headers: BULLETIN_LOG_HEADERS,
    row: issue.logRow,
  });
  return {
    sheetName: issue.sheetName,
    label: issue.issueLabel,
    logSheet: BULLETIN_LOG_SHEET,
    unknownPlaceholders: custom?.unknown ?? [],
    unknownSections: issue.unknownSections,
    usedTemplate: !!custom,
  };
}

import { localToday } from "../localClock";
import type { BulletinInput } from "../../core/docs/bulletin";
import { buildBulletin, bulletinTemplateData } from "../../core/docs/bulletin";
import {
  BULLETIN_LOG_HEADERS,
  BULLETIN_LOG_SHEET,
  MEETING_LOG_HEADERS,
  MEETING_LOG_SHEET,
  readLog,
} from "../../core/docs/logs";
import {
  type MeetingInput,
  buildMeetingRecord,
  meetingTemplateData,
} from "../../core/docs/meeting";
import type { SheetDoc } from "../../core/docs/sheetDoc";
import {
  BULLETIN_TEMPLATE_SHEET,
  MEETING_TEMPLATE_SHEET,
  type TemplateData,
  fillTemplate,
} from "../../core/docs/template";
import { REGISTRY_SHEET } from "../../core/plan";
import { registryMembersOf } from "../../core/docs/meeting";
import { normalizeRegistry } from "../../core/registry";
import type { AddedDocSheet } from "../ledgerHost";
import type { HostEnv } from "./env";
import { type SheetData, grid, rawRows, readHeads, readWhole } from "./readSheets";
import { readTemplate } from "./readTemplate";
import { renderDoc } from "./renderDoc";
import { replaceSheet } from "./sheets";
import { appendLogRow } from "./logs";
import {
  type WorkbookInfo,
  isOutputSheet,
  pickRegistrySheet,
  readWorkbookInfo,
  sheetNamed,
} from "./workbook";

export interface OfficeAddedDocSheet extends AddedDocSheet {
  /** Section names given that a bulletin does not have. */
  unknownSections: string[];
  /** What was left out on this Excel. */
  notes: string[];
}

/** The registry's members by name and branch (no ID, no phone), read through the core as the exceljs host does. */
export function registryMembers(
  registry: SheetData | null,
  dateSystem: 1900 | 1904
): { name: string; branch: string | null }[] {
  if (!registry) return [];
  const r = normalizeRegistry(rawRows(registry, dateSystem), { dateSystem, asOf: localToday() });
  return registryMembersOf(r);
}

interface DocSources {
  info: WorkbookInfo;
  log: SheetData | null;
  registry: SheetData | null;
  template: SheetDoc | null;
}

/** Reads what a new record needs: the log, the registry (when asked) and the custom template. */
async function readDocSources(
  env: HostEnv,
  logSheet: string,
  templateSheet: string,
  withRegistry: boolean
): Promise<DocSources> {
  env.progress(0.05, "读取工作簿");
  const info = await readWorkbookInfo(env.context);
  const log = sheetNamed(info, logSheet);
  const names = log ? [log.name] : [];
  if (withRegistry) {
    const named = sheetNamed(info, REGISTRY_SHEET);
    if (named) names.push(named.name);
    else names.push(...info.sheets.filter((s) => !isOutputSheet(s.name)).map((s) => s.name));
  }
  const heads = await readHeads(env.context, names);
  const logHead = log ? heads[0] : null;
  const registryHead = withRegistry
    ? (pickRegistrySheet(heads.slice(log ? 1 : 0), info.active) ?? null)
    : null;
  env.progress(0.2, "读取台账");
  const toRead = [logHead, registryHead].filter((h) => h !== null);
  const whole = await readWhole(env.reads, toRead, env.api);
  const byName = (h: typeof logHead) => (h ? (whole.find((d) => d.name === h.name) ?? null) : null);
  const tpl = sheetNamed(info, templateSheet);
  const template = tpl ? await readTemplate(env.context, env.api, tpl.name, env.note) : null;
  return { info, log: byName(logHead), registry: byName(registryHead), template };
}

async function place(
  env: HostEnv,
  s: DocSources,
  sheetName: string,
  doc: SheetDoc,
  logSheet: string,
  headers: readonly string[],
  logRow: Parameters<typeof appendLogRow>[5]
): Promise<void> {
  env.progress(0.6, "写入新表");
  const w = env.writer(s.info.dateSystem);
  const ws = await replaceSheet(w.batch, s.info, sheetName);
  await renderDoc(w, ws, doc);
  await appendLogRow(w, s.info, s.log, logSheet, headers, logRow);
  await w.batch.add(0, () => ws.activate());
  await w.batch.flush();
  env.progress(1, "完成");
}

function filled(
  s: DocSources,
  name: string,
  data: TemplateData
): { doc: SheetDoc; unknown: string[] } | null {
  return s.template ? fillTemplate(s.template, name, data) : null;
}

/** A new 例会记录 sheet (from 模板-例会记录 where the workbook has one) and its row in 例会台账. */
export async function addMeeting(env: HostEnv, input: MeetingInput): Promise<OfficeAddedDocSheet> {
  const s = await readDocSources(
    env,
    MEETING_LOG_SHEET,
    MEETING_TEMPLATE_SHEET,
    input.participants === undefined
  );
  const rec = buildMeetingRecord(input, {
    sheetNames: s.info.sheets.map((x) => x.name),
    log: readLog(s.log ? grid(s.log, s.info.dateSystem) : [], MEETING_LOG_HEADERS),
    members: registryMembers(s.registry, s.info.dateSystem),
    dateSystem: s.info.dateSystem,
  });
  const custom = filled(s, rec.sheetName, meetingTemplateData(rec));
  await place(
    env,
    s,
    rec.sheetName,
    custom?.doc ?? rec.doc,
    MEETING_LOG_SHEET,
    MEETING_LOG_HEADERS,
    rec.logRow
  );
  return {
    sheetName: rec.sheetName,
    label: rec.numberLabel,
    logSheet: MEETING_LOG_SHEET,
    unknownPlaceholders: custom?.unknown ?? [],
    usedTemplate: !!custom,
    unknownSections: [],
    notes: env.notes,
  };
}

/** A new 情况通报 sheet (from 模板-情况通报 where the workbook has one) and its row in 通报台账. */
export async function addBulletin(
  env: HostEnv,
  input: BulletinInput
): Promise<OfficeAddedDocSheet> {
  const s = await readDocSources(env, BULLETIN_LOG_SHEET, BULLETIN_TEMPLATE_SHEET, false);
  const issue = buildBulletin(input, {
    sheetNames: s.info.sheets.map((x) => x.name),
    log: readLog(s.log ? grid(s.log, s.info.dateSystem) : [], BULLETIN_LOG_HEADERS),
  });
  const custom = filled(s, issue.sheetName, bulletinTemplateData(issue, input));
  await place(
    env,
    s,
    issue.sheetName,
    custom?.doc ?? issue.doc,
    BULLETIN_LOG_SHEET,
    BULLETIN_LOG_HEADERS,
    issue.logRow
  );
  return {
    sheetName: issue.sheetName,
    label: issue.issueLabel,
    logSheet: BULLETIN_LOG_SHEET,
    unknownPlaceholders: custom?.unknown ?? [],
    usedTemplate: !!custom,
    unknownSections: issue.unknownSections,
    notes: env.notes,
  };
}

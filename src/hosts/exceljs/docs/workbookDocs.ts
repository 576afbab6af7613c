import type ExcelJS from "exceljs";
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
  readLog,
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
import { headerScore } from "../../../core/header/recognize";
import { REGISTRY_SHEET } from "../../../core/plan";
import { registryMembersOf } from "../../../core/docs/meeting";
import { normalizeRegistry } from "../../../core/registry";
import type { CellValue } from "../../../core/types";
import { dateSystemOf, worksheetRows } from "../sheetRows";
import { styleHeaderRow } from "../styles";
import { readDoc, renderDoc } from "./renderDoc";

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

const gridOf = (ws: ExcelJS.Worksheet | undefined): CellValue[][] =>
  ws ? [...worksheetRows(ws)].map((r) => [...r.values]) : [];

/** The registry's members by name and branch (no ID, no phone): 成员名册, else the sheet that looks most like one. */
export function registryMembers(wb: ExcelJS.Workbook): { name: string; branch: string | null }[] {
  let ws = wb.getWorksheet(REGISTRY_SHEET);
  if (!ws) {
    let best = 0;
    for (const s of wb.worksheets) {
      const score = headerScore(gridOf(s).slice(0, 10));
      if (score > best) {
        best = score;
        ws = s;
      }
    }
  }
  if (!ws) return [];
  const r = normalizeRegistry(worksheetRows(ws), { dateSystem: dateSystemOf(wb) });
  return registryMembersOf(r);
}

/** Appends a row to a log sheet by its headers, creating the sheet (DOMAIN.md's columns) if it is missing. */
export function appendLogRow(
  wb: ExcelJS.Workbook,
  sheetName: string,
  headers: readonly string[],
  values: readonly CellValue[]
): void {
  let ws = wb.getWorksheet(sheetName);
  if (!ws) {
    ws = wb.addWorksheet(sheetName);
    ws.addRow([...headers]);
    styleHeaderRow(ws.getRow(1));
    headers.forEach((h, i) => (ws!.getColumn(i + 1).width = Math.max(10, h.length * 2 + 4)));
    ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  const log = readLog(gridOf(ws), headers);
  const columns = { ...log.columns };
  const headerRow = log.headerRow || 1;
  let next = ws.columnCount;
  for (const h of headers) {
    if (columns[h] === undefined) {
      columns[h] = ++next;
      ws.getCell(headerRow, next).value = h;
    }
  }
  const rowNumber = Math.max(ws.actualRowCount, ws.rowCount, headerRow) + 1;
  const row = ws.getRow(rowNumber);
  headers.forEach((h, i) => {
    const cell = row.getCell(columns[h]);
    cell.value = values[i] as ExcelJS.CellValue;
    if (values[i] instanceof Date) cell.numFmt = "yyyy-mm-dd";
  });
}

function place(wb: ExcelJS.Workbook, name: string, doc: SheetDoc): void {
  renderDoc(wb.addWorksheet(name), doc);
}

function fromTemplate(
  wb: ExcelJS.Workbook,
  templateSheet: string,
  name: string,
  data: TemplateData
): { doc: SheetDoc; unknown: string[] } | null {
  const t = wb.getWorksheet(templateSheet);
  if (!t) return null;
  return fillTemplate(readDoc(t), name, data);
}

/** A new 例会记录 sheet (from 模板-例会记录 where the workbook has one) and its row in 例会台账. */
export function addMeeting(wb: ExcelJS.Workbook, input: MeetingInput): AddedSheet {
  const rec = buildMeetingRecord(input, {
    sheetNames: wb.worksheets.map((w) => w.name),
    log: readLog(gridOf(wb.getWorksheet(MEETING_LOG_SHEET)), MEETING_LOG_HEADERS),
    members: registryMembers(wb),
    dateSystem: dateSystemOf(wb),
  });
  const custom = fromTemplate(wb, MEETING_TEMPLATE_SHEET, rec.sheetName, meetingTemplateData(rec));
  place(wb, rec.sheetName, custom?.doc ?? rec.doc);
  appendLogRow(wb, MEETING_LOG_SHEET, MEETING_LOG_HEADERS, rec.logRow);
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
export function addBulletin(wb: ExcelJS.Workbook, input: BulletinInput): AddedSheet {
  const issue = buildBulletin(input, {
    sheetNames: wb.worksheets.map((w) => w.name),
    log: readLog(gridOf(wb.getWorksheet(BULLETIN_LOG_SHEET)), BULLETIN_LOG_HEADERS),
  });
  const custom = fromTemplate(
    wb,
    BULLETIN_TEMPLATE_SHEET,
    issue.sheetName,
    bulletinTemplateData(issue, input)
  );
  place(wb, issue.sheetName, custom?.doc ?? issue.doc);
  appendLogRow(wb, BULLETIN_LOG_SHEET, BULLETIN_LOG_HEADERS, issue.logRow);
  return {
    sheetName: issue.sheetName,
    label: issue.issueLabel,
    logSheet: BULLETIN_LOG_SHEET,
    unknownPlaceholders: custom?.unknown ?? [],
    unknownSections: issue.unknownSections,
    usedTemplate: !!custom,
  };
}

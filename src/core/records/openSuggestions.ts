/**
 * The suggestions still open (suggestionStatus.ts says when), and the update in place staff make to
 * one: only its 是否采纳 and 落实情况 cells change, nothing else in the sheet.
 */
import { maskId, maskSensitiveText } from "../privacy";
import { parseDateValue, toUtcDate } from "../rules/dates";
import { cellText, sameValue, trimAll } from "../text";
import type { CellValue } from "../types";
import { z } from "../zod";
import {
  type AddedHeader,
  type LogSheet,
  SUGGESTION_LOG,
  headersAdded,
  readLogSheet,
} from "./append";
import { cellTextOf } from "./entry";
import { type Outcome, type RecordError, recordError } from "./errors";
import { idKey } from "./resolve";
import { ADOPTION_VALUES, type OpenReason, openReason, parseAdoption } from "./suggestionStatus";

export interface OpenSuggestion {
  /** 1-based row in the log sheet: what an update names. */
  row: number;
  /** 提出日期, null where it cannot be read as a day. */
  date: Date | null;
  /** 提出人 as the log has it. */
  proposer: string | null;
  /** 公民身份号码, masked (110105********123X). */
  id: string | null;
  content: string | null;
  /** 是否采纳 and 落实情况 as the cells hold them. */
  adopted: string | null;
  carriedOut: string | null;
  reason: OpenReason;
}

export interface SuggestionList {
  sheet: string;
  /** How many suggestions the log holds. */
  total: number;
  open: OpenSuggestion[];
}

const shown = (v: CellValue | undefined): string | null => {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const t = v === undefined ? null : cellText(v);
  return t === null || trimAll(t) === "" ? null : trimAll(t);
};

function maskedId(v: CellValue | undefined): string | null {
  const t = shown(v);
  if (t === null) return null;
  const key = idKey(t);
  return key ? maskId(key) : maskSensitiveText(t);
}

/** The open suggestions of 意见建议, in sheet order. */
export function openSuggestions(
  log: LogSheet | null,
  dateSystem: 1900 | 1904 = 1900
): SuggestionList {
  const table = readLogSheet(SUGGESTION_LOG, log);
  const open: OpenSuggestion[] = [];
  for (const r of table.records) {
    const v = r.values;
    const reason = openReason(v["是否采纳"] ?? null, v["落实情况"] ?? null);
    if (!reason) continue;
    const pd = parseDateValue(v["提出日期"] ?? null, { dateSystem, twoDigitYearMax: 2099 });
    open.push({
      row: r.row,
      date: pd && pd.m !== undefined && pd.d !== undefined ? toUtcDate(pd) : null,
      proposer: shown(v["提出人"]),
      id: maskedId(v["公民身份号码"]),
      content: shown(v["内容"]),
      adopted: shown(v["是否采纳"]),
      carriedOut: shown(v["落实情况"]),
      reason,
    });
  }
  return { sheet: log?.name ?? SUGGESTION_LOG.sheet, total: table.records.length, open };
}

export const suggestionUpdateSchema = z.object({
  /** The row of the suggestion (OpenSuggestion.row). */
  row: z.number().int(),
  /** 是否采纳: 是 / 否 / 待定; unchanged when absent. */
  adopted: z.string().optional(),
  /** 落实情况: unchanged when absent; emptied by "" or null. */
  carriedOut: z.string().nullable().optional(),
  /**
   * 内容 as the list showed it (OpenSuggestion.content): when given, the row must still hold it,
   * so that rows added or removed since the list was read do not send the update to another row.
   */
  content: z.string().nullable().optional(),
});
export type SuggestionUpdate = z.infer<typeof suggestionUpdateSchema>;

/** One cell changed in place. */
export interface CellUpdate {
  row: number;
  column: number;
  value: CellValue;
}

export interface UpdatePlan {
  sheet: string;
  /** The log's header row. */
  headerRow: number;
  /**
   * 是否采纳 or 落实情况 where the log lacks the column and an update sets it: the header added
   * after the log's last one (in its header row), as an appended row would add it.
   */
  addedHeaders: AddedHeader[];
  /** The cells that change (a value equal to the cell's is left out), in row and column order. */
  cells: CellUpdate[];
}

/**
 * The cells that change when staff update suggestions: 是否采纳 and 落实情况 of the rows named, and
 * nothing else (the column's header added where the log lacks it); or every reason an update cannot
 * be made (a row with no suggestion, a value other than 是/否/待定): then nothing is written. Of two updates of the same
 * cell, the later one counts.
 */
export function planSuggestionUpdates(
  log: LogSheet | null,
  updates: readonly SuggestionUpdate[]
): Outcome<{ plan: UpdatePlan }> {
  const sheet = log?.name ?? SUGGESTION_LOG.sheet;
  const table = readLogSheet(SUGGESTION_LOG, log);
  const byRow = new Map(table.records.map((r) => [r.row, r]));
  const errors: RecordError[] = [];
  const cells = new Map<string, CellUpdate & { old: CellValue }>();
  // A column the log lacks is added where an update sets it (the list showed those suggestions as
  // open: staff can close them). Only rows of the log's records are set, so it has a header row.
  const columns = { ...table.columns };
  const addedHeaders: AddedHeader[] = [];
  let nextColumn: number | null = null;
  const set = (row: number, header: string, value: CellValue) => {
    let column = columns[header];
    if (column === undefined) {
      nextColumn ??= headersAdded(log!, table, [header])[0].column;
      column = columns[header] = nextColumn++;
      addedHeaders.push({ column, value: header });
    }
    const old = byRow.get(row)?.values[header] ?? null;
    cells.set(`${row}:${column}`, { row, column, value, old });
  };
  for (const raw of updates) {
    const shape = suggestionUpdateSchema.safeParse(raw);
    if (!shape.success) {
      errors.push(recordError("entry-invalid", { field: "row" }));
      continue;
    }
    const u = shape.data;
    if (u.adopted === undefined && u.carriedOut === undefined) {
      errors.push(recordError("nothing-to-update", { row: Math.max(1, u.row) }));
      continue;
    }
    if (!byRow.has(u.row)) {
      errors.push(recordError("suggestion-not-found", { sheet, row: Math.max(1, u.row) }));
      continue;
    }
    if (u.content !== undefined && shown(byRow.get(u.row)!.values["内容"]) !== u.content) {
      errors.push(recordError("suggestion-moved", { sheet, row: u.row }));
      continue;
    }
    if (u.adopted !== undefined) {
      const a = parseAdoption(u.adopted);
      if (a) set(u.row, "是否采纳", a);
      else
        errors.push(
          recordError("adoption-invalid", { value: u.adopted, allowed: [...ADOPTION_VALUES] })
        );
    }
    if (u.carriedOut !== undefined) set(u.row, "落实情况", cellTextOf(u.carriedOut));
  }
  if (errors.length) return { ok: false, errors };
  const changed = [...cells.values()]
    .filter((c) => !sameValue(c.old, c.value) && !(c.old === "" && c.value === null))
    .map(({ row, column, value }) => ({ row, column, value }))
    .sort((a, b) => a.row - b.row || a.column - b.column);
  // A header is added only over a cell that changes.
  const needed = addedHeaders.filter((h) => changed.some((c) => c.column === h.column));
  return {
    ok: true,
    plan: { sheet, headerRow: table.headerRow, addedHeaders: needed, cells: changed },
  };
}

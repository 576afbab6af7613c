/**
 * Rows added to a log sheet (联谊活动记录, 意见建议) as a plan the host carries out: the sheet, whether
 * to make it, the header cells to write, and each new row's cells by column. Columns are found by
 * header (readLog), so a log with its columns in another order, with columns of its own or under
 * other words (身份证号 for 公民身份号码) gets each value under its header; a header it lacks is
 * added after its last one. Nothing else in the sheet is touched.
 */
import { MAX_ROWS } from "../a1";
import { type LogTable, readLog } from "../docs/logs";
import { LOG_KINDS } from "../summary/sources";
import { isBlank } from "../text";
import type { CellValue } from "../types";
import { type Outcome, recordError } from "./errors";

/** A log: its sheet name, canonical headers in order, and the other words its headers go by. */
export interface LogSpec {
  sheet: string;
  headers: readonly string[];
  aliases: Readonly<Record<string, string>>;
}

function specOf(kind: "contact" | "suggestion"): LogSpec {
  const k = LOG_KINDS.find((x) => x.kind === kind)!;
  return { sheet: k.sheet, headers: k.headers, aliases: k.aliases };
}

/** 联谊活动记录, read with the same words for its headers as the quarterly summary reads it. */
export const CONTACT_LOG: LogSpec = specOf("contact");
/** 意见建议, likewise. */
export const SUGGESTION_LOG: LogSpec = specOf("suggestion");

/** A log sheet as the host read it: its name and its cells, row 1 first. */
export interface LogSheet {
  name: string;
  rows: readonly (readonly CellValue[])[];
}

/** Number formats of the cells written: ID numbers as text, dates as dates. */
export const TEXT_FORMAT = "@";
export const DATE_FORMAT = "yyyy-mm-dd";

/** One cell to write: its 1-based column, its value, and its number format where it needs one. */
export interface PlanCell {
  column: number;
  value: CellValue;
  numFmt?: string;
}

export interface PlannedRow {
  /** 1-based row in the sheet. */
  row: number;
  cells: PlanCell[];
}

export interface AppendPlan {
  sheet: string;
  /** The sheet is not there: make it. */
  create: boolean;
  /** 1-based row of the header. */
  headerRow: number;
  /** The whole header, from column 1, where the sheet is new or empty; else null. */
  header: string[] | null;
  /** Headers an existing log lacks, added after its last header (in its header row). */
  addedHeaders: AddedHeader[];
  rows: PlannedRow[];
}

/** A log's rows read by header (an empty table when there is no sheet). */
export function readLogSheet(spec: LogSpec, log: LogSheet | null): LogTable {
  return log
    ? readLog(log.rows, spec.headers, spec.aliases)
    : { headerRow: 0, columns: {}, records: [] };
}

/** The last row (1-based) with anything in it; 0 for an empty sheet. */
function lastUsedRow(rows: LogSheet["rows"]): number {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i].some((v) => !isBlank(v))) return i + 1;
  return 0;
}

function lastUsedColumn(row: readonly CellValue[] | undefined): number {
  if (!row) return 0;
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i])) return i + 1;
  return 0;
}

/** A header cell added to a log that lacks it. */
export interface AddedHeader {
  column: number;
  value: string;
}

/**
 * The headers (of those given) a log with a header row lacks, each with its column: one after
 * another after the header row's last cell (or its last known column, if that is further right).
 */
export function headersAdded(
  log: LogSheet,
  table: LogTable,
  headers: readonly string[]
): AddedHeader[] {
  let next =
    Math.max(lastUsedColumn(log.rows[table.headerRow - 1]), ...Object.values(table.columns)) + 1;
  return headers
    .filter((h) => table.columns[h] === undefined)
    .map((value) => ({ column: next++, value }));
}

/**
 * Plans rows appended to a log: records hold values by canonical header (a header a record lacks
 * stays empty). Dates get a date format, values under textHeaders the text format. Refused when the
 * sheet holds data but no header of the log, or when the rows would go past Excel's last row.
 */
export function planAppend(
  spec: LogSpec,
  log: LogSheet | null,
  records: readonly Readonly<Record<string, CellValue>>[],
  textHeaders: readonly string[] = []
): Outcome<{ plan: AppendPlan }> {
  const sheet = log?.name ?? spec.sheet;
  const used = log ? lastUsedRow(log.rows) : 0;
  const table = readLogSheet(spec, log);
  let headerRow: number;
  let header: string[] | null = null;
  const addedHeaders: AppendPlan["addedHeaders"] = [];
  const columns: Record<string, number> = {};
  if (used === 0) {
    headerRow = 1;
    header = [...spec.headers];
    spec.headers.forEach((h, i) => (columns[h] = i + 1));
  } else if (table.headerRow === 0) {
    return { ok: false, errors: [recordError("log-unrecognised", { sheet })] };
  } else {
    headerRow = table.headerRow;
    Object.assign(columns, table.columns);
    for (const added of headersAdded(log!, table, spec.headers)) {
      columns[added.value] = added.column;
      addedHeaders.push(added);
    }
  }
  const first = Math.max(used, headerRow) + 1;
  if (first + records.length - 1 > MAX_ROWS)
    return { ok: false, errors: [recordError("log-full", { sheet, limit: MAX_ROWS })] };
  const rows = records.map((rec, i): PlannedRow => ({
    row: first + i,
    cells: spec.headers
      .map((h): PlanCell => {
        const value = rec[h] ?? null;
        const numFmt =
          value instanceof Date ? DATE_FORMAT : textHeaders.includes(h) ? TEXT_FORMAT : undefined;
        return numFmt ? { column: columns[h], value, numFmt } : { column: columns[h], value };
      })
      .sort((a, b) => a.column - b.column),
  }));
  return {
    ok: true,
    plan: { sheet, create: log === null, headerRow, header, addedHeaders, rows },
  };
}

import { isDateFormat, serialToDateTime } from "../../core/rules/dates";
import type { CellValue, RawRow } from "../../core/types";
import { type Block, parseAreas } from "../../core/a1";
import type { ApiSupport } from "./api";
import { FEATURE } from "./api";
import type { RequestBatch } from "./batch";
import { fromExcelValue } from "./cellValues";
import { jsonBytes } from "./payload";

/** Rows read from the top of every sheet to recognise it (the core searches the first 10 for a header). */
export const HEAD_ROWS = 10;
/** Our estimate of a row's size is the head's times this (later rows may be longer than the first ones)… */
const HEAD_SAFETY = 1.5;
/** …then the biggest measured so far, times this. */
const MEASURED_SAFETY = 1.25;

/** What one sync learnt of a sheet: where its used range is, and its first rows. */
export interface SheetHead {
  name: string;
  /** 1-based first row and column of the used range (values only). */
  top: number;
  left: number;
  /** Size of the used range; 0 rows for an empty sheet. */
  rows: number;
  columns: number;
  /** The first rows (up to HEAD_ROWS) of the used range: values and number formats. */
  values: unknown[][];
  formats: unknown[][];
  /** The used range, for further reads in the same Excel.run. */
  used: Excel.Range;
}

/** A sheet read whole. */
export interface SheetData extends Omit<SheetHead, "used"> {
  /** Merged areas, where asked for and supported (ExcelApi 1.13). */
  merges: Block[];
}

/**
 * The used range and first rows of each named sheet, in ONE sync. A sheet's head is read as the
 * used range's first row resized down, so nothing needs to be known of the sheet beforehand.
 */
export async function readHeads(
  context: Excel.RequestContext,
  names: readonly string[]
): Promise<SheetHead[]> {
  const pending = names.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    const used = ws.getUsedRange(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const head = used.getRow(0).getResizedRange(HEAD_ROWS - 1, 0);
    head.load("values,numberFormat");
    return { name, used, head };
  });
  if (pending.length > 0) await context.sync();
  return pending.map(({ name, used, head }) => {
    const rows = used.rowCount;
    const columns = used.columnCount;
    const values = head.values.slice(0, Math.min(rows, HEAD_ROWS));
    const empty = rows === 1 && columns === 1 && (values[0]?.[0] ?? "") === "";
    return {
      name,
      top: used.rowIndex + 1,
      left: used.columnIndex + 1,
      rows: empty ? 0 : rows,
      columns: empty ? 0 : columns,
      values: empty ? [] : values,
      formats: empty ? [] : head.numberFormat.slice(0, values.length),
      used,
    };
  });
}

export interface ReadOptions {
  /** Sheets whose merged areas are wanted (the registry: a value merged down is read in every row). */
  withMerges?: ReadonlySet<string>;
  progress?: (done: number, total: number) => void;
}

interface PendingBlock {
  sheet: number;
  count: number;
  range: Excel.Range;
  /** batch.syncs when it was queued: it has arrived once batch.syncs is higher. */
  queuedAt: number;
}

/**
 * Reads sheets whole: a sheet that fits in its head is done; the others are read in row blocks
 * whose size comes from the bytes of the rows read so far (first the head, then each block), so
 * that each response stays within the batch's budget. Blocks of several sheets share a request
 * when they fit; a big sheet takes as many requests as its bytes need.
 */
export async function readWhole(
  batch: RequestBatch,
  heads: readonly SheetHead[],
  api: ApiSupport,
  options: ReadOptions = {}
): Promise<SheetData[]> {
  const out: SheetData[] = heads.map((h) => ({
    name: h.name,
    top: h.top,
    left: h.left,
    rows: h.rows,
    columns: h.columns,
    values: h.rows <= h.values.length ? h.values : [],
    formats: h.rows <= h.values.length ? h.formats : [],
    merges: [],
  }));
  const mergeAreas: { sheet: number; areas: Excel.RangeAreas }[] = [];
  if (api.excel(FEATURE.mergedAreas)) {
    for (let i = 0; i < heads.length; i++) {
      if (!options.withMerges?.has(heads[i].name) || heads[i].rows === 0) continue;
      await batch.add(4096, () => {
        const areas = heads[i].used.getMergedAreasOrNullObject();
        areas.load("address");
        mergeAreas.push({ sheet: i, areas });
      });
    }
  }
  const totalRows = heads.reduce((n, h) => n + (h.rows > h.values.length ? h.rows : 0), 0);
  let doneRows = 0;
  const blocks: PendingBlock[] = [];
  let measured = 0;
  let biggest = 0;
  /** Bytes per row: the estimate until blocks of this sheet have arrived (a sync later), then what they measured. */
  const remeasure = (sheet: number, estimate: number): number => {
    let seen = false;
    while (measured < blocks.length && blocks[measured].queuedAt < batch.syncs) {
      const b = blocks[measured++];
      if (b.sheet !== sheet) continue;
      const bytes = jsonBytes(b.range.values) + jsonBytes(b.range.numberFormat);
      biggest = Math.max(biggest, bytes / b.count);
      seen = true;
    }
    return seen ? biggest * MEASURED_SAFETY : estimate;
  };
  for (let i = 0; i < heads.length; i++) {
    const h = heads[i];
    if (h.rows <= h.values.length) continue;
    const sample = jsonBytes(h.values) + jsonBytes(h.formats);
    let perRow = Math.max((sample / Math.max(1, h.values.length)) * HEAD_SAFETY, h.columns * 8);
    biggest = 0;
    const ws = h.used.worksheet;
    for (let offset = 0; offset < h.rows;) {
      const count = Math.min(h.rows - offset, Math.max(1, Math.floor(batch.room() / perRow)));
      const at = offset;
      await batch.add(count * perRow, () => {
        const range = ws.getRangeByIndexes(h.top - 1 + at, h.left - 1, count, h.columns);
        range.load("values,numberFormat");
        blocks.push({ sheet: i, count, range, queuedAt: batch.syncs });
      });
      offset += count;
      doneRows += count;
      options.progress?.(doneRows, totalRows);
      perRow = remeasure(i, perRow);
    }
  }
  await batch.flush();
  for (const b of blocks) {
    const o = out[b.sheet];
    // Row by row, not push(...rows): a block can hold more rows than a call takes arguments.
    for (const row of b.range.values) o.values.push(row);
    for (const row of b.range.numberFormat) o.formats.push(row);
  }
  for (const m of mergeAreas) {
    if (!m.areas.isNullObject) out[m.sheet].merges = parseAreas(m.areas.address);
  }
  return out;
}

/**
 * A cell as exceljs reads it: a number with a date format is a Date (exceljs does that on reading,
 * and the core takes a Date as it is, where it would record a serial number as changed).
 */
function cellOf(
  v: unknown,
  format: unknown,
  dateSystem: 1900 | 1904,
  dateFormats: Map<string, boolean>
): CellValue {
  const value = fromExcelValue(v);
  if (typeof value !== "number" || typeof format !== "string") return value;
  let isDate = dateFormats.get(format);
  if (isDate === undefined) dateFormats.set(format, (isDate = isDateFormat(format)));
  if (!isDate) return value;
  return serialToDateTime(value, dateSystem) ?? value;
}

/**
 * A sheet's rows as the core takes them, like the exceljs host's worksheetRows: from row 1 (rows
 * above the used range come empty), columns counted from A, empty cells null, dates as Dates, no
 * trailing empties. A cell merged across columns is read once (at its top-left); one merged down
 * rows is read in every row, as the sheet shows it.
 */
export function rawRows(sheet: SheetData, dateSystem: 1900 | 1904): RawRow[] {
  const dateFormats = new Map<string, boolean>();
  const values: CellValue[][] = sheet.values.map((r, i) =>
    r.map((v, j) => cellOf(v, sheet.formats[i]?.[j], dateSystem, dateFormats))
  );
  const formats: (string | null)[][] = sheet.formats.map((r) =>
    r.map((f) => (typeof f === "string" ? f : null))
  );
  for (const m of sheet.merges) {
    const r0 = m.top - sheet.top;
    const c0 = m.left - sheet.left;
    const master = values[r0]?.[c0] ?? null;
    const masterFormat = formats[r0]?.[c0] ?? null;
    for (let r = r0; r <= m.bottom - sheet.top && r < values.length; r++) {
      for (let c = Math.max(0, c0); c <= m.right - sheet.left && c < sheet.columns; c++) {
        if (r === r0 && c === c0) continue;
        if (r < 0) continue;
        values[r][c] = r === r0 ? null : master;
        formats[r][c] = r === r0 ? formats[r][c] : masterFormat;
      }
    }
  }
  const out: RawRow[] = [];
  for (let r = 1; r < sheet.top; r++) out.push({ rowNumber: r, values: [] });
  values.forEach((row, i) => {
    let last = row.length - 1;
    while (last >= 0 && row[last] === null) last--;
    const lead: null[] = new Array(sheet.left - 1).fill(null);
    out.push({
      rowNumber: sheet.top + i,
      values: last < 0 ? [] : [...lead, ...row.slice(0, last + 1)],
      numFmts: last < 0 ? [] : [...lead, ...formats[i].slice(0, last + 1)],
    });
  });
  return out;
}

/** The values of a sheet as a grid from A1 (for the core's log readers). */
export function grid(sheet: SheetData, dateSystem: 1900 | 1904): CellValue[][] {
  return rawRows(sheet, dateSystem).map((r) => [...r.values]);
}

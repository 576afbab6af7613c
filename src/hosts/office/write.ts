import type { CellValue } from "../../core/types";
import { blockAddress, cellRuns, joinAreas } from "../../core/a1";
import { type ApiSupport, FEATURE } from "./api";
import type { RequestBatch } from "./batch";
import { type ExcelValue, toExcelValue } from "./cellValues";
import { jsonBytes } from "./payload";

/** What every writer needs: the batch, what Excel supports, the date system, and where notes go. */
export interface WriteContext {
  batch: RequestBatch;
  api: ApiSupport;
  dateSystem: 1900 | 1904;
  /** Something left out or done differently (an API set missing), for the task pane. */
  note(message: string): void;
}

/** getRanges takes an address of up to 8192 characters; we stay under it. */
export const AREAS_ADDRESS_LIMIT = 8000;

/** Sets one value for every cell of a range (Office.js takes a single value for the whole range). */
export function setNumberFormat(range: Excel.Range, format: string): void {
  (range as unknown as { numberFormat: string }).numberFormat = format;
}

export interface ValueBlock {
  address: string;
  rows: number;
  bytes: number;
}

/**
 * Queues items in consecutive blocks cut by their size: each block takes what room the current
 * request has left (or a whole request), at least one item. `queue` gets [start, end) and the
 * block's bytes.
 */
export async function inBlocks(
  batch: RequestBatch,
  itemBytes: readonly number[],
  queue: (start: number, end: number, bytes: number) => void
): Promise<void> {
  let start = 0;
  while (start < itemBytes.length) {
    const room = batch.room();
    let end = start;
    let size = 2;
    while (end < itemBytes.length && (end === start || size + itemBytes[end] + 1 <= room)) {
      size += itemBytes[end] + 1;
      end++;
    }
    const from = start;
    await batch.add(size, () => queue(from, end, size));
    start = end;
  }
}

/**
 * Writes a grid of core values from (top, left), in row blocks cut by their JSON size so that
 * each request stays within the batch's budget. Returns the blocks written.
 */
export async function writeValues(
  w: WriteContext,
  ws: Excel.Worksheet,
  top: number,
  left: number,
  rows: readonly (readonly CellValue[])[],
  width: number
): Promise<ValueBlock[]> {
  if (rows.length === 0 || width === 0) return [];
  const values: ExcelValue[][] = rows.map((r) => {
    const out: ExcelValue[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = toExcelValue(r[c], w.dateSystem);
    return out;
  });
  return writeExcelValues(w, ws, top, left, values);
}

/** Writes a grid of values as range.values takes them (all rows equally wide), in row blocks as writeValues does. */
export async function writeExcelValues(
  w: WriteContext,
  ws: Excel.Worksheet,
  top: number,
  left: number,
  /** null leaves a cell as it is (Excel's rule for null in a 2-D array). */
  values: readonly (ExcelValue | null)[][]
): Promise<ValueBlock[]> {
  const width = values[0]?.length ?? 0;
  if (width === 0) return [];
  const blocks: ValueBlock[] = [];
  await inBlocks(
    w.batch,
    values.map((r) => jsonBytes(r)),
    (start, end, bytes) => {
      const address = blockAddress(top + start, left, top + end - 1, left + width - 1);
      ws.getRange(address).values = values.slice(start, end);
      blocks.push({ address, rows: end - start, bytes });
    }
  );
  return blocks;
}

/**
 * Formats many cells at once: their runs are joined into RangeAreas addresses (ExcelApi 1.9, each
 * address within the length limit), else one range per run.
 */
export async function forCellAreas(
  w: WriteContext,
  ws: Excel.Worksheet,
  cells: readonly { row: number; column: number }[],
  apply: (target: Excel.Range | Excel.RangeAreas) => void
): Promise<void> {
  const runs = cellRuns(cells);
  if (w.api.excel(FEATURE.rangeAreas)) {
    for (const address of joinAreas(runs, AREAS_ADDRESS_LIMIT))
      await w.batch.add(address.length, () => apply(ws.getRanges(address)));
  } else await forRuns(w, ws, runs, apply);
}

/** Does something to many cells, one range per run of cells (for what RangeAreas does not have, e.g. numberFormat). */
export async function forCellRuns(
  w: WriteContext,
  ws: Excel.Worksheet,
  cells: readonly { row: number; column: number }[],
  apply: (target: Excel.Range) => void
): Promise<void> {
  await forRuns(w, ws, cellRuns(cells), apply);
}

async function forRuns(
  w: WriteContext,
  ws: Excel.Worksheet,
  runs: readonly string[],
  apply: (target: Excel.Range) => void
): Promise<void> {
  for (const address of runs) await w.batch.add(address.length, () => apply(ws.getRange(address)));
}

/** The cells of a grid that hold dates (1-based, from top/left): they get the date format. */
export function dateCells(
  rows: readonly (readonly CellValue[])[],
  top: number,
  left: number
): { row: number; column: number }[] {
  const out: { row: number; column: number }[] = [];
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v instanceof Date) out.push({ row: top + i, column: left + j });
    })
  );
  return out;
}

import type { SummarySource } from "../../../core/summary";
import type { RawRow } from "../../../core/types";
import { FileError } from "../fileError";
import { DEFAULT_MAX_UNCOMPRESSED_BYTES } from "../input/limits";
import { DEFAULT_MAX_CELLS } from "../normalizeWorkbook";
import { readSmallInputFile } from "../input/readBytes";
import { checkCellLengths, rawRows } from "./rawRows";
import { streamThreshold } from "./threshold";
import { WorkbookStream } from "./readWorkbook";
import { checkMergedRanges, scanWorkbookZip } from "./zipScan";

export interface StreamSourceOptions {
  /** The name the source goes by (the file's name). */
  file: string;
  maxUncompressedBytes?: number;
  /** Most cells of all sheets together (default 30,000,000). */
  maxCells?: number;
  /** The whole file, when the caller has read it already (a small file). */
  bytes?: Buffer;
}

/**
 * An .xlsx read as a summary source in one pass over the zip: every sheet's rows, merged cells
 * read as the full load reads them. The zip is checked as it is read (entry sizes as declared and
 * as inflated), and the cells are counted as they come, so no limit is passed before it is found.
 * Unlike the full load, no workbook is built: the rows are all the summary keeps.
 */
export async function readSourceStreaming(
  input: string,
  options: StreamSourceOptions
): Promise<SummarySource> {
  const { file } = options;
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const maxBytes = options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  // A small file is read once and unpacked in memory; a larger one, read from the file as needed.
  const bytes = options.bytes ?? readSmallInputFile(input, file, maxBytes, streamThreshold());
  const source = bytes ? { bytes } : {};
  const scan = await scanWorkbookZip(input, { file, maxUncompressedBytes: maxBytes, ...source });
  checkMergedRanges(scan, file);
  const book = new WorkbookStream(input, scan, source);
  const sheets: SummarySource["sheets"] = [];
  let cells = 0;
  for await (const sheet of book.sheets()) {
    const rows: RawRow[] = [];
    for await (const row of rawRows(sheet.rows, sheet.layout.merges)) {
      cells += row.values.length;
      if (cells > maxCells)
        throw new FileError("too-many-cells", { file, sheet: sheet.name, limit: maxCells });
      checkCellLengths(row, file, sheet.name);
      rows.push(row);
    }
    sheets.push({ name: sheet.name, rows });
  }
  return { file, sheets, dateSystem: book.date1904 ? 1904 : 1900 };
}

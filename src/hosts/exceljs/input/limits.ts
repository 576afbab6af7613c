/** Default limits of the file readers; every one can be changed through the readers' options. */
export const MB = 1024 * 1024;

/** Largest total a zip (an .xlsx) may unpack to, and the largest file read at all. */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 500 * MB;

/** Most entries a zip may hold (a real .xlsx has tens, a few thousand with many images). */
export const DEFAULT_MAX_ZIP_ENTRIES = 20000;

/** Most cells a sheet may span (its last row times its last column), unless --max-cells says otherwise. */
export const DEFAULT_MAX_CELLS = 30_000_000;

/**
 * Most cells a workbook read whole (not streamed) may make exceljs build: its cells, and every
 * cell of its merged ranges, data validations and defined names (exceljs makes an object for each).
 * About 250 bytes a cell: 8 million fit in Node's default heap with room for the rest.
 */
export const FULL_LOAD_MAX_CELLS = 8_000_000;

/** Excel's own limits: characters in a cell, rows and columns of a sheet. */
export const MAX_CELL_CHARACTERS = 32_767;
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** How long LibreOffice may take to convert one file. */
export const DEFAULT_CONVERSION_TIMEOUT_MS = 120_000;

/** "500 MB", "1.5 MB", "64 KB", "100 B": a byte count as the error messages show it. */
export function formatBytes(n: number): string {
  const round = (x: number) => String(Math.round(x * 10) / 10);
  if (n >= MB) return `${round(n / MB)} MB`;
  if (n >= 1024) return `${round(n / 1024)} KB`;
  return `${n} B`;
}

/** Default limits of the readers; every one can be changed through the readers' options. */
export const MB = 1024 * 1024;

/**
 * Largest total an .xlsx may unpack to: its sheets are read as they inflate, never held, but the
 * time grows with it (a 1,000,000-row registry unpacks to about 800 MB). Beyond it: a zip bomb.
 */
export const DEFAULT_MAX_UNPACKED_BYTES = 4096 * MB;

/** Largest file read whole into memory (a CSV, an .xls for LibreOffice). */
export const DEFAULT_MAX_WHOLE_FILE_BYTES = 500 * MB;

/** Most entries a zip may hold (a real .xlsx has tens, a few thousand with many images). */
export const DEFAULT_MAX_ZIP_ENTRIES = 20000;

/** Most cells a sheet may span (its last row times its widest row), unless --max-cells says otherwise. */
export const DEFAULT_MAX_CELLS = 30_000_000;

/** Excel's most characters in a cell. */
export const MAX_CELL_CHARACTERS = 32_767;

/** How long LibreOffice may take to convert one file. */
export const DEFAULT_CONVERSION_TIMEOUT_MS = 120_000;

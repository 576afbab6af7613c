/** Default limits of the file readers; every one can be changed through the readers' options. */
export const MB = 1024 * 1024;

/** Largest total a zip (an .xlsx) may unpack to, and the largest file read at all. */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 500 * MB;

/** Most entries a zip may hold (a real .xlsx has tens, a few thousand with many images). */
export const DEFAULT_MAX_ZIP_ENTRIES = 20000;

/** How long LibreOffice may take to convert one file. */
export const DEFAULT_CONVERSION_TIMEOUT_MS = 120_000;

/** "500 MB", "1.5 MB", "64 KB", "100 B": a byte count as the error messages show it. */
export function formatBytes(n: number): string {
  const round = (x: number) => String(Math.round(x * 10) / 10);
  if (n >= MB) return `${round(n / MB)} MB`;
  if (n >= 1024) return `${round(n / 1024)} KB`;
  return `${n} B`;
}

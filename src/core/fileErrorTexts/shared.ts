import type { FileErrorReason, FileErrorTexts } from "../fileErrorCodes";

const MB = 1024 * 1024;

/** "500 MB", "1.5 MB", "64 KB", "100 B": a byte count as the messages show it, in every locale. */
export function formatBytes(n: number): string {
  const round = (x: number) => String(Math.round(x * 10) / 10);
  if (n >= MB) return `${round(n / MB)} MB`;
  if (n >= 1024) return `${round(n / 1024)} KB`;
  return `${n} B`;
}

/** A reason in a locale's words, from its table. */
export function reasonText(reasons: FileErrorTexts["reasons"], r: FileErrorReason): string {
  // The table entry of r.kind takes r: the union is discriminated on kind.
  return (reasons[r.kind] as (r: FileErrorReason) => string)(r);
}

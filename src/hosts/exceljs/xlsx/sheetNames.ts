import type { FileErrorReason } from "../../../core/fileErrors";

/** What is wrong with a sheet name, and which. */
export type BadSheetName = FileErrorReason<
  "sheet-name-too-long" | "sheet-name-invalid" | "sheet-name-duplicate"
>;

/** Largest sheetId Excel takes (an unsigned 32-bit number). */
const MAX_SHEET_ID = 0xffffffff;

/**
 * What is wrong with the sheet names of a workbook about to be written, as Excel sees them: longer
 * than 31 characters (LibreOffice writes such names), empty, "History", holding * ? : / \ [ ],
 * starting or ending with an apostrophe, or the same as another's (in any case). Null when Excel
 * opens them all. Reading such a workbook is fine; writing one out makes a file Excel repairs.
 */
export function badSheetName(names: readonly string[]): BadSheetName | null {
  const seen = new Set<string>();
  for (const name of names) {
    if ([...name].length > 31) return { kind: "sheet-name-too-long", name };
    if (name === "" || name === "History" || /[*?:/\\[\]]|^'|'$/.test(name))
      return { kind: "sheet-name-invalid", name };
    if (seen.has(name.toLowerCase())) return { kind: "sheet-name-duplicate", name };
    seen.add(name.toLowerCase());
  }
  return null;
}

/**
 * The sheet ids to write for sheets whose ids were read as `ids` (0 where missing or no number),
 * then `added` new ones: the old ids where they are all whole, from 1, none twice, and leave room
 * for the new; else 1, 2, 3… for all (Excel repairs a workbook with repeated or missing ids).
 */
export function sheetIds(ids: readonly number[], added: number): number[] {
  const valid =
    ids.every((id) => Number.isInteger(id) && id >= 1) &&
    new Set(ids).size === ids.length &&
    Math.max(0, ...ids) + added <= MAX_SHEET_ID;
  if (!valid) return Array.from({ length: ids.length + added }, (_, i) => i + 1);
  let next = Math.max(0, ...ids);
  return [...ids, ...Array.from({ length: added }, () => ++next)];
}

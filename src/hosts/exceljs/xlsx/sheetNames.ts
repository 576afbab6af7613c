/** Largest sheetId Excel takes (an unsigned 32-bit number). */
const MAX_SHEET_ID = 0xffffffff;

/**
 * What is wrong with the sheet names of a workbook about to be written, as Excel sees them: longer
 * than 31 characters (LibreOffice writes such names), empty, "History", holding * ? : / \ [ ],
 * starting or ending with an apostrophe, or the same as another's (in any case). Null when Excel
 * opens them all. Reading such a workbook is fine; writing one out makes a file Excel repairs.
 */
export function badSheetName(names: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const name of names) {
    if ([...name].length > 31) return `工作表名称“${name}”超过 Excel 的 31 个字符上限`;
    if (name === "" || name === "History" || /[*?:/\\[\]]|^'|'$/.test(name))
      return `工作表名称“${name}”不符合 Excel 的规则`;
    if (seen.has(name.toLowerCase())) return `工作表名称“${name}”重复`;
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

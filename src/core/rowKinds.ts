import type { FieldKey } from "./schema";
import { cellText, isBlank, lookupKey } from "./text";
import type { CellValue, DropReason } from "./types";

const TOTAL_RE = /^(合计|总计|小计|共计)/;
const FOOTER_RE =
  /^(填表人|填报人|制表人?|审核人?|负责人|单位负责人|联系人|说明|注|备注|填表日期|填报日期)[:：]/;

/**
 * Why a data row is not a member, or null for a member row: blank, a total (合计/总计/小计),
 * a numbered row with nothing else in it (an unfilled template line), or a footer line (填表人：…).
 */
export function classifyRow(
  values: readonly CellValue[],
  fieldColumns: Partial<Record<FieldKey, number>>
): DropReason | null {
  let filled = 0;
  let onlyCol = -1;
  for (let i = 0; i < values.length; i++) {
    if (!isBlank(values[i])) {
      filled++;
      onlyCol = i + 1;
    }
  }
  if (filled === 0) return "blank";
  const nameCol = fieldColumns.name;
  const nameBlank = nameCol === undefined || isBlank(values[nameCol - 1]);
  // 合计/总计/小计 stands in the first column, or in the 序号 or 姓名 column.
  for (const c of new Set([1, fieldColumns.seq, nameCol])) {
    const t = c === undefined ? null : cellText(values[c - 1]);
    if (t !== null && t.length < 40 && TOTAL_RE.test(lookupKey(t))) return "total";
  }
  if (!nameBlank) return null;
  if (filled !== 1) return null;
  const only = values[onlyCol - 1];
  const t = cellText(only);
  if (t !== null && FOOTER_RE.test(lookupKey(t))) return "footer";
  if (onlyCol === fieldColumns.seq) return "template";
  return null;
}

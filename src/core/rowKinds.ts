import type { FieldKey } from "./schema";
import { cellText, isBlank, lookupKey } from "./text";
import type { CellValue, DropReason } from "./types";

const TOTAL_RE = /^(合计|总计|小计|共计)/;
const FOOTER_RE =
  /^(填表人|填报人|制表人?|审核人?|负责人|单位负责人|联系人|说明|注|备注|填表日期|填报日期)[:：]/;

/** 合计, 总计, 小计 or 共计 at the start of a short text, spaces and full-width forms aside. */
function isTotal(v: CellValue | undefined): boolean {
  const t = cellText(v);
  return t !== null && t.length < 40 && t.includes("计") && TOTAL_RE.test(lookupKey(t));
}

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
  if (
    isTotal(values[0]) ||
    (fieldColumns.seq !== undefined && isTotal(values[fieldColumns.seq - 1]))
  )
    return "total";
  if (nameCol !== undefined && isTotal(values[nameCol - 1])) return "total";
  if (!nameBlank) return null;
  if (filled !== 1) return null;
  const only = values[onlyCol - 1];
  const t = cellText(only);
  if (t !== null && FOOTER_RE.test(lookupKey(t))) return "footer";
  if (onlyCol === fieldColumns.seq) return "template";
  return null;
}

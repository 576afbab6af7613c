/**
 * A row added under 变更记录 (made, with its header, when the workbook has none): where a fix made
 * from the task pane is logged, old value → new, like 规范化's changes. At most three syncs: is
 * the sheet there, where does it end, the row.
 */
import { blockAddress } from "../../../core/a1";
import { CHANGE_LOG_SHEET } from "../../../core/report";
import type { CellValue } from "../../../core/types";
import { toExcelValue } from "../cellValues";
import { styleHeader } from "../styles";

export async function appendChangeLog(
  context: Excel.RequestContext,
  log: { header: CellValue[]; row: CellValue[] },
  dateSystem: 1900 | 1904
): Promise<void> {
  const sheets = context.workbook.worksheets;
  const sheet = sheets.getItemOrNullObject(CHANGE_LOG_SHEET);
  sheet.load("name");
  await context.sync();
  const values = (cells: CellValue[]) => [cells.map((v) => toExcelValue(v, dateSystem))];
  const width = log.row.length;
  if (sheet.isNullObject) {
    const ws = sheets.add(CHANGE_LOG_SHEET);
    const header = ws.getRange(blockAddress(1, 1, 1, width));
    header.values = values(log.header);
    styleHeader(header);
    ws.getRange(blockAddress(2, 1, 2, width)).values = values(log.row);
  } else {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,rowCount");
    await context.sync();
    const next = used.isNullObject ? 1 : used.rowIndex + used.rowCount + 1;
    sheet.getRange(blockAddress(next, 1, next, width)).values = values(log.row);
  }
  await context.sync();
}

import { BULLETIN_TEMPLATE_SHEET, MEETING_TEMPLATE_SHEET } from "./docs/template";
import { CHANGE_LOG_SHEET, REPORT_SHEET } from "./report";
import { SUMMARY_NOTES_SHEET } from "./summary/names";

/**
 * Sheets this tool writes as reports (校验报告, 变更记录, 汇总说明, the templates, printed records,
 * summaries): data about the data, never read as a registry or a log. Masked IDs and names in
 * them would otherwise be counted as members on the next summary.
 */
export function isReportSheet(name: string): boolean {
  return (
    [
      REPORT_SHEET,
      CHANGE_LOG_SHEET,
      SUMMARY_NOTES_SHEET,
      MEETING_TEMPLATE_SHEET,
      BULLETIN_TEMPLATE_SHEET,
    ].includes(name) || /^(例会记录|情况通报|季度汇总|年度汇总|汇总数据|关怀提醒)-/.test(name)
  );
}

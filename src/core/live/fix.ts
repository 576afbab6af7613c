/**
 * 按建议修正: a suggestion the live check offered, as the row it adds to 变更记录 (the same
 * columns as 规范化's changes: 原行号, 姓名, 列, 原值, 新值, 规则), so the value typed is not lost.
 */
import { changeLogHeader, changeRow } from "../reportRows";
import type { CellValue, Locale } from "../types";
import type { LiveSuggestion } from "./liveRegistry";

/**
 * The rule of a fix made from the pane, in 变更记录: that staff chose it, in 成员名册 (the row is
 * that sheet's, where 规范化's rows are the source sheet's), and the engine's rule.
 */
export function fixRule(rule: string, locale: Locale): string {
  return locale === "en"
    ? `suggested fix in 成员名册 (${rule})`
    : `按建议修正，成员名册（${rule}）`;
}

/** The row of 变更记录 for a fix, and the header of a 变更记录 made for it. */
export function fixLog(
  s: LiveSuggestion,
  locale: Locale
): { header: CellValue[]; row: CellValue[] } {
  return {
    header: changeLogHeader(locale),
    row: changeRow({
      row: s.row,
      name: s.name,
      field: null,
      column: s.header,
      sourceColumn: s.column,
      oldValue: s.oldValue,
      newValue: s.newValue,
      rule: fixRule(s.rule, locale),
    }),
  };
}

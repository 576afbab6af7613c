/**
 * The printable 关怀提醒-YYYY-MM-DD: a title, the day and settings, then the four lists as bordered
 * tables (姓名, 所在支部, 公民身份号码, 手机号码, 提醒原因, 最近联系, 联系人). A4 landscape, one page
 * wide, page numbers in the footer. ID numbers and phones masked, as on every sheet made for
 * wider eyes (maskDoc).
 */
import { columnLetter } from "../a1";
import { STYLES, wrappedHeight } from "../docs/builder";
import {
  A4_PORTRAIT,
  type DocCell,
  type DocMerge,
  type DocStyle,
  type SheetDoc,
  freeSheetName,
  maskDoc,
} from "../docs/sheetDoc";
import { type LocalTime, formatLocalTime } from "../localTime";
import { isoDay } from "../records/days";
import type { CellValue } from "../types";
import { CARE_LISTS } from "./reasons";
import type { CareEntry, CareLists } from "./rules";
import { careListTitle, careReasonText } from "./texts";

export const CARE_SHEET_PREFIX = "关怀提醒-";

/** 关怀提醒-2026-12-20 */
export const careSheetName = (asOf: Date) => `${CARE_SHEET_PREFIX}${isoDay(asOf)}`;

const HEADERS = ["姓名", "所在支部", "公民身份号码", "手机号码", "提醒原因", "最近联系", "联系人"];
const WIDTHS = [10, 16, 21, 15, 44, 12, 10];
const REASON_COLUMN = 5;
const NUMBERS = ["一", "二", "三", "四"];
const DATE: DocStyle = { ...STYLES.td, numFmt: "yyyy-mm-dd" };

export interface CareSheetOptions {
  /** The workbook's sheet names: a name taken gets "(2)". */
  sheetNames?: readonly string[];
  /** When it was made, in the user's time (shown with the zone). */
  madeAt?: LocalTime;
}

/** The sheet of the four lists. Chinese, as every sheet the tool writes; masked. */
export function careSheet(lists: CareLists, options: CareSheetOptions = {}): SheetDoc {
  const cells: DocCell[] = [];
  const merges: DocMerge[] = [];
  const heights: Record<number, number> = {};
  const width = HEADERS.length;
  let row = 0;
  const put = (c: number, value: CellValue, style: DocStyle) =>
    cells.push({ r: row, c, value, style });
  const line = (text: string, style: DocStyle, height: number) => {
    row++;
    put(1, text, style);
    merges.push({ top: row, left: 1, bottom: row, right: width });
    heights[row] = height;
  };
  line("统战成员关怀提醒", STYLES.title, 36);
  line(
    `截至 ${isoDay(lists.asOf)}；生日提醒：今后 ${lists.days} 天；困难帮扶：近 ${lists.helpWindowDays} 天`,
    STYLES.text,
    20
  );
  if (options.madeAt) line(`生成时间：${formatLocalTime(options.madeAt)}`, STYLES.text, 20);
  const year = lists.asOf.getUTCFullYear();
  CARE_LISTS.forEach((key, i) => {
    const entries: CareEntry[] = lists[key];
    row++;
    heights[row] = 8;
    const title = careListTitle(
      key,
      { count: entries.length, days: lists.days, windowDays: lists.helpWindowDays, year },
      "zh-CN"
    );
    line(`${NUMBERS[i]}、${title}`, STYLES.heading, 24);
    row++;
    HEADERS.forEach((h, c) => put(c + 1, h, STYLES.th));
    heights[row] = 22;
    if (entries.length === 0) {
      row++;
      put(1, "（无）", { ...STYLES.td, font: STYLES.hint.font });
      for (let c = 2; c <= width; c++) put(c, null, STYLES.td);
      heights[row] = 22;
    }
    for (const e of entries) {
      row++;
      const m = e.member;
      const branches = m.branch
        ? [m.branch, ...m.branches.filter((b) => b !== m.branch)]
        : m.branches;
      const reason = careReasonText(e.reason, "zh-CN");
      put(1, m.name, STYLES.td);
      put(2, branches.join("、") || null, STYLES.td);
      put(3, m.id, STYLES.td);
      put(4, m.phone, STYLES.td);
      put(REASON_COLUMN, reason, STYLES.td);
      if (e.lastContact) put(6, e.lastContact, DATE);
      else put(6, "无记录", STYLES.td);
      put(7, m.contactCadre, STYLES.td);
      heights[row] = wrappedHeight(reason, WIDTHS[REASON_COLUMN - 1]);
    }
  });
  return maskDoc({
    name: freeSheetName(careSheetName(lists.asOf), options.sheetNames ?? []),
    cells,
    merges,
    widths: WIDTHS,
    heights,
    print: {
      ...A4_PORTRAIT,
      orientation: "landscape",
      printArea: `A1:${columnLetter(width)}${row}`,
    },
  });
}

import { type LocalTime, dayOf } from "../../core/localTime";
import {
  NO_BRANCH,
  type SummaryDocs,
  type SummaryPeriod,
  UNKNOWN,
  ageGroup,
  summaryDocs,
} from "../../core/summary";
import type { CellValue } from "../../core/types";
import type { SummaryRun } from "../ledgerHost";
import { blockAddress, columnAddress } from "../../core/a1";
import { FEATURE } from "./api";
import type { HostEnv } from "./env";
import { readSource } from "./readSource";
import { renderDoc } from "./renderDoc";
import { replaceSheet } from "./sheets";
import { styleHeader, widthToPoints } from "./styles";
import { type WriteContext, writeValues } from "./write";

export const summaryDataSheetName = (label: string) => `汇总数据-${label}`;
export const pivotName = (label: string) => `政治面貌分布-${label}`;

/** Columns of the data sheet behind the PivotTable: one row per member, no ID number, no phone. */
export const SUMMARY_DATA_HEADERS = [
  "姓名",
  "性别",
  "年龄段",
  "政治面貌",
  "统战对象类别",
  "所在支部",
  "学历",
  "期间",
];
const NO_NAME = "（未填姓名）";

export const SUMMARY_NOTES = {
  noPivot:
    "本机 Excel 不支持数据透视表（需要 ExcelApi 1.8），季度汇总只有静态表格；可在新版 Excel 或 Excel 网页版中重新汇总。",
  noMembers: "名册中没有成员，未建数据透视表和图表。",
};

/** One row per member for the PivotTable: the same labels the static tables count by. */
export function memberRows(s: SummaryDocs): CellValue[][] {
  return s.members.map((m) => [
    m.name || NO_NAME,
    m.gender ?? UNKNOWN,
    ageGroup(m.birthDate, s.end),
    m.political ?? UNKNOWN,
    m.categories.length ? m.categories.join("、") : UNKNOWN,
    m.branch ?? NO_BRANCH,
    m.education ?? UNKNOWN,
    s.label,
  ]);
}

async function writeDataSheet(
  w: WriteContext,
  ws: Excel.Worksheet,
  rows: CellValue[][]
): Promise<string> {
  const width = SUMMARY_DATA_HEADERS.length;
  await writeValues(w, ws, 1, 1, [SUMMARY_DATA_HEADERS], width);
  await writeValues(w, ws, 2, 1, rows, width);
  await w.batch.add(1024, () => {
    styleHeader(ws.getRange(blockAddress(1, 1, 1, width)));
    SUMMARY_DATA_HEADERS.forEach((h, i) => {
      ws.getRange(columnAddress(i + 1)).format.columnWidth = widthToPoints(i === 4 ? 24 : 14);
    });
    ws.freezePanes.freezeRows(1);
  });
  return blockAddress(1, 1, rows.length + 1, width);
}

/**
 * 季度汇总 (or 年度汇总) of this workbook: the core's summary sheet and 汇总说明, written as the
 * exceljs host writes them (formulas as formulas); with ExcelApi 1.8 also a data sheet (one row
 * per member, by name only) and a real PivotTable on the summary sheet (政治面貌 by 所在支部, count
 * of members). The sheet's charts (政治面貌, 统战对象类别, the branches' activity, the activity over
 * four quarters) are the core's, drawn natively by renderDoc.
 */
export async function writeSummary(
  env: HostEnv,
  period: SummaryPeriod,
  madeAt: LocalTime
): Promise<SummaryRun> {
  const { info, source } = await readSource(env, dayOf(madeAt), {
    from: 0.05,
    to: 0.5,
    label: "读取名册和台账",
  });
  env.progress(0.5, "统计");
  const s = summaryDocs([source], period, madeAt);
  const [doc, notes] = s.docs;
  env.progress(0.6, "写入汇总表");
  const w = env.writer(info.dateSystem);
  const pivots = env.api.excel(FEATURE.pivotTables);
  if (!pivots) env.note(SUMMARY_NOTES.noPivot);
  // The old summary goes first (with its PivotTable), then the data sheet it was made from.
  const ws = await replaceSheet(w.batch, info, doc.name);
  await renderDoc(w, ws, doc);
  const notesSheet = await replaceSheet(w.batch, info, notes.name);
  await renderDoc(w, notesSheet, notes);
  const rows = memberRows(s);
  let pivotTables = false;
  if (rows.length === 0) env.note(SUMMARY_NOTES.noMembers);
  if (pivots && rows.length > 0) {
    const data = await replaceSheet(w.batch, info, summaryDataSheetName(s.label));
    const source = await writeDataSheet(w, data, rows);
    await w.batch.add(1024, () => {
      const pt = ws.pivotTables.add(pivotName(s.label), data.getRange(source), ws.getRange("K6"));
      pt.rowHierarchies.add(pt.hierarchies.getItem("政治面貌"));
      pt.columnHierarchies.add(pt.hierarchies.getItem("所在支部"));
      const count = pt.dataHierarchies.add(pt.hierarchies.getItem("姓名"));
      count.summarizeBy = "Count";
      count.name = "人数";
    });
    pivotTables = true;
  }
  await w.batch.add(0, () => ws.activate());
  await w.batch.flush();
  env.progress(1, "完成");
  return { sheetName: doc.name, unreadable: s.unreadable, pivotTables, notes: env.notes };
}

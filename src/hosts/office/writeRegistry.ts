import type { SheetPlan } from "../../core/plan";
import type { ReportSheet } from "../../core/report";
import type { CellValue, Locale } from "../../core/types";
import { blockAddress, cellAddress, columnAddress } from "../../core/a1";
import { FEATURE } from "./api";
import { jsonBytes } from "./payload";
import { DATE_FORMAT } from "./cellValues";
import { MARK_FILL, styleHeader, widthToPoints } from "./styles";
import {
  type ValueBlock,
  type WriteContext,
  dateCells,
  forCellAreas,
  forCellRuns,
  setNumberFormat,
  writeValues,
} from "./write";

const NOTE_TEXT = {
  "zh-CN": {
    validation: "本机 Excel 不支持数据验证（需要 ExcelApi 1.8），代码列未加下拉列表。",
    comments: "本机 Excel 不支持“注释”（ExcelApi 1.18），问题说明写成了批注（ExcelApi 1.10）。",
    none: "本机 Excel 不支持注释和批注（需要 ExcelApi 1.10），问题单元格只标了颜色，说明见“校验报告”。",
    filter: "本机 Excel 不支持筛选按钮（需要 ExcelApi 1.9），表头未加筛选。",
    errorTitle: "不在代码表中",
    errorMessage: (h: string) => `请从下拉列表中选择${h}`,
  },
  en: {
    validation:
      "This Excel has no data validation (ExcelApi 1.8): the coded columns have no drop-down lists.",
    comments:
      "This Excel has no notes (ExcelApi 1.18): problems are explained in comments (ExcelApi 1.10).",
    none: "This Excel has neither notes nor comments (ExcelApi 1.10): problem cells are coloured only; see 校验报告.",
    filter: "This Excel has no AutoFilter API (ExcelApi 1.9): the header has no filter buttons.",
    errorTitle: "不在代码表中",
    errorMessage: (h: string) => `请从下拉列表中选择${h}`,
  },
};

export interface RegistryWritten {
  blocks: ValueBlock[];
  /** How the problems are explained in the sheet. */
  notesAs: "notes" | "comments" | "none";
}

/**
 * Writes the normalised registry and applies the engine's plan, as the exceljs host does: column
 * widths and number formats (text for ID numbers and phones, yyyy-mm-dd for dates, set before the
 * values), the header styled, the values in blocks, error and warning cells filled by colour
 * (grouped into RangeAreas), a note on each, a drop-down list on each coded column, the header
 * frozen with the first two columns, and filter buttons.
 */
export async function writeRegistrySheet(
  w: WriteContext,
  ws: Excel.Worksheet,
  plan: SheetPlan,
  rows: readonly (readonly CellValue[])[],
  locale: Locale
): Promise<RegistryWritten> {
  const t = NOTE_TEXT[locale];
  const width = plan.columns.length;
  const lastRow = Math.max(2, rows.length + 1);
  for (let c = 0; c < width; c++) {
    const col = plan.columns[c];
    await w.batch.add(64, () => {
      ws.getRange(columnAddress(c + 1)).format.columnWidth = widthToPoints(col.width);
      if (col.numFmt)
        setNumberFormat(ws.getRange(blockAddress(2, c + 1, lastRow, c + 1)), col.numFmt);
    });
  }
  await writeValues(w, ws, 1, 1, [plan.columns.map((c) => c.header)], width);
  await w.batch.add(256, () => styleHeader(ws.getRange(blockAddress(1, 1, 1, width))));
  const blocks = await writeValues(w, ws, 2, 1, rows, width);
  for (const severity of ["warning", "error"] as const) {
    const cells = plan.marks
      .filter((m) => m.severity === severity)
      .map((m) => ({ row: m.row + 2, column: m.column + 1 }));
    await forCellAreas(w, ws, cells, (target) => (target.format.fill.color = MARK_FILL[severity]));
  }
  const notesAs = w.api.excel(FEATURE.notes)
    ? "notes"
    : w.api.excel(FEATURE.comments)
      ? "comments"
      : "none";
  if (notesAs === "comments" && plan.marks.length > 0) w.note(t.comments);
  if (notesAs === "none" && plan.marks.length > 0) w.note(t.none);
  if (notesAs !== "none") {
    for (const m of plan.marks) {
      const address = cellAddress(m.row + 2, m.column + 1);
      await w.batch.add(address.length + jsonBytes(m.note), () => {
        const cell = ws.getRange(address);
        if (notesAs === "notes") ws.notes.add(cell, m.note);
        else ws.comments.add(cell, m.note);
      });
    }
  }
  if (w.api.excel(FEATURE.dataValidation)) {
    for (let c = 0; c < width; c++) {
      const col = plan.columns[c];
      if (!col.list) continue;
      const source = col.list.join(",");
      await w.batch.add(source.length * 3 + 256, () => {
        const v = ws.getRange(blockAddress(2, c + 1, lastRow, c + 1)).dataValidation;
        v.ignoreBlanks = true;
        v.rule = { list: { inCellDropDown: true, source } };
        v.errorAlert = {
          showAlert: true,
          style: "Warning",
          title: t.errorTitle,
          message: t.errorMessage(col.header),
        };
      });
    }
  } else if (plan.columns.some((c) => c.list)) w.note(t.validation);
  await w.batch.add(64, () =>
    ws.freezePanes.freezeAt(ws.getRange(blockAddress(1, 1, plan.freezeRows, 2)))
  );
  if (w.api.excel(FEATURE.autoFilter))
    await w.batch.add(64, () =>
      ws.autoFilter.apply(ws.getRange(blockAddress(1, 1, rows.length + 1, width)))
    );
  else w.note(t.filter);
  return { blocks, notesAs };
}

/** Writes a report sheet made by the core (校验报告, 变更记录): values, date cells, widths, header rows, frozen header. */
export async function writeReportSheet(
  w: WriteContext,
  ws: Excel.Worksheet,
  report: ReportSheet
): Promise<ValueBlock[]> {
  const width = report.rows.reduce((n, r) => Math.max(n, r.length), report.widths.length);
  for (let c = 0; c < report.widths.length; c++) {
    const points = widthToPoints(report.widths[c]);
    await w.batch.add(64, () => (ws.getRange(columnAddress(c + 1)).format.columnWidth = points));
  }
  await forCellRuns(w, ws, dateCells(report.rows, 1, 1), (range) =>
    setNumberFormat(range, DATE_FORMAT)
  );
  const blocks = await writeValues(w, ws, 1, 1, report.rows, width);
  for (const h of report.headerRows) {
    const cells = Math.max(1, report.rows[h]?.length ?? 1);
    await w.batch.add(256, () => styleHeader(ws.getRange(blockAddress(h + 1, 1, h + 1, cells))));
  }
  const firstHeader = report.headerRows[report.headerRows.length - 1] + 1;
  await w.batch.add(64, () => ws.freezePanes.freezeRows(firstHeader));
  return blocks;
}

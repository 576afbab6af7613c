import ExcelJS from "exceljs";
import { FIELDS } from "../../../src/core/schema";
import type { CellValue, RawRow } from "../../../src/core/types";
import { makeMember } from "../../fixtures/members";
import { Random } from "../../fixtures/random";

/** Source headers of the big registry: the canonical ones, with a few old spellings. */
export const SOURCE_HEADERS = FIELDS.map((f) =>
  f.key === "name"
    ? "姓  名"
    : f.key === "idNumber"
      ? "身份证号码"
      : f.key === "birthDate"
        ? "出生年月"
        : f.header
);
export const TITLE = "××公司统战成员名册";
/** Rows above the members: the title (merged over the header's width) and the header. */
export const TOP_ROWS = 2;
/** 所在支部 merged down over three members (source rows 10-12), as old registries do. */
export const BRANCH_MERGE = {
  top: 10,
  bottom: 12,
  column: FIELDS.findIndex((f) => f.key === "branch") + 1,
};

const col = (key: string) => FIELDS.findIndex((f) => f.key === key);

/** Member i of the big registry as a source row (canonical column order), with a few messy values. */
export function memberRow(
  r: Random,
  i: number,
  messEvery = 1000
): { values: CellValue[]; numFmts: (string | null)[] } {
  const m = makeMember(r, i);
  const values = FIELDS.map((f) => m[f.key] as CellValue);
  const numFmts: (string | null)[] = FIELDS.map((f) => (f.kind === "date" ? "yyyy-mm-dd" : null));
  const k = i % messEvery;
  if (k === 7)
    values[col("idNumber")] =
      ` ${String(values[col("idNumber")]).slice(0, 6)} ${String(values[col("idNumber")]).slice(6)}`;
  if (k === 13) values[col("gender")] = values[col("gender")] === "男" ? "男性" : "女性";
  if (k === 21) values[col("ethnicity")] = "火星族"; // not in the code table: an error
  if (k === 34) {
    const d = m.birthDate!;
    values[col("birthDate")] =
      `${d.getUTCFullYear()}.${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
    numFmts[col("birthDate")] = null;
  }
  if (k === 55) values[col("mobile")] = Number(m.mobile);
  if (i === BRANCH_MERGE.top - TOP_ROWS - 1) values[col("branch")] = "机关支部";
  if (i > BRANCH_MERGE.top - TOP_ROWS - 1 && i <= BRANCH_MERGE.bottom - TOP_ROWS - 1)
    values[col("branch")] = null;
  return { values, numFmts };
}

/** The source rows of the big registry, top to bottom: title, header, members, a total row. */
export function* registryRows(
  count: number,
  seed = 42,
  chinese = false,
  messEvery = 1000
): Generator<RawRow> {
  const r = new Random(seed);
  yield { rowNumber: 1, values: [TITLE] };
  yield { rowNumber: 2, values: [...SOURCE_HEADERS] };
  let duplicateOf: CellValue = null;
  for (let i = 0; i < count; i++) {
    const row = memberRow(r, i, messEvery);
    if (chinese) row.values[col("remarks")] = chineseRemark(i);
    if (i === 3) duplicateOf = row.values[col("idNumber")];
    // The same ID as member 3, far below it: a duplicate, found only at the end.
    if (i === count - 2) row.values[col("idNumber")] = duplicateOf;
    yield { rowNumber: i + TOP_ROWS + 1, values: row.values, numFmts: row.numFmts };
  }
  yield { rowNumber: count + TOP_ROWS + 1, values: ["合计", `${count}人`] };
}

const DIGITS = "〇一二三四五六七八九";
/** A remark in Chinese only, different on every row (many Chinese strings: a big strings table). */
export const chineseRemark = (i: number) =>
  `第${[...String(i)].map((d) => DIGITS[Number(d)]).join("")}号：思想稳定，积极参加组织生活`;

/**
 * The same rows as a reader sees them in the written file: the merged 所在支部 read in each of its
 * rows (as the workbook reader gives them to the engine: xlsx/filledRows.ts).
 */
export function* registryRowsAsRead(count: number, seed = 42, chinese = false): Generator<RawRow> {
  let master: CellValue = null;
  for (const row of registryRows(count, seed, chinese)) {
    const n = row.rowNumber!;
    if (n === BRANCH_MERGE.top) master = row.values[BRANCH_MERGE.column - 1];
    if (n > BRANCH_MERGE.top && n <= BRANCH_MERGE.bottom) {
      const values = [...row.values];
      values[BRANCH_MERGE.column - 1] = master;
      yield { ...row, values };
    } else yield row;
  }
}

export interface FixtureOptions {
  members: number;
  seed?: number;
  useSharedStrings?: boolean;
  /** Gives every member a remark of its own in Chinese. */
  chineseRemarks?: boolean;
  /** Adds the notes sheet before the registry and a summary sheet after it. */
  otherSheets?: boolean;
  /** One member in this many has each of the five quirks (default 1000; 60 gives one row in twelve a quirk). */
  messEvery?: number;
}

/** The notes sheet (填表说明): values, number formats, a width and merges to carry over. */
function writeNotesSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const ws = wb.addWorksheet("填表说明");
  ws.getColumn(1).width = 40;
  ws.getColumn(3).width = 18;
  ws.mergeCells("A1:C1");
  ws.getCell("A1").value = "填表说明：每季度更新一次";
  ws.getCell("A2").value = "更新日期";
  ws.getCell("B2").value = new Date(Date.UTC(2025, 2, 31));
  ws.getCell("B2").numFmt = "yyyy年m月d日";
  ws.getCell("A3").value = "完成率";
  ws.getCell("B3").value = 0.875;
  ws.getCell("B3").numFmt = "0.0%";
  ws.getCell("A4").value = "合计";
  ws.getCell("B4").value = { formula: "1+1", result: 2 };
  ws.mergeCells("A5:A6");
  ws.getCell("A5").value = "联系人";
  ws.getCell("B5").value = "李书记";
  ws.getCell("B6").value = "王副书记";
  ws.commit();
}

function writeSummarySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const ws = wb.addWorksheet("统计");
  ws.getColumn(2).width = 12;
  ws.addRow(["支部", "人数"]).commit();
  ws.addRow(["机关支部", 120]).commit();
  ws.addRow(["一车间支部", 80]).commit();
  ws.commit();
}

/** Writes the big registry workbook with exceljs's streaming writer (so that making it takes little memory). */
export async function writeRegistryWorkbook(file: string, options: FixtureOptions): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: options.useSharedStrings ?? true,
  });
  if (options.otherSheets) writeNotesSheet(wb);
  const ws = wb.addWorksheet("名册");
  FIELDS.forEach((f, i) => (ws.getColumn(i + 1).width = f.width));
  for (const row of registryRows(
    options.members,
    options.seed,
    options.chineseRemarks,
    options.messEvery
  )) {
    const n = row.rowNumber!;
    const xr = ws.getRow(n);
    row.values.forEach((v, c) => {
      if (v === null) return;
      const cell = xr.getCell(c + 1);
      cell.value = v as ExcelJS.CellValue;
      const fmt = row.numFmts?.[c];
      if (fmt) cell.numFmt = fmt;
    });
    if (n === 1) ws.mergeCells(1, 1, 1, FIELDS.length);
    if (n === BRANCH_MERGE.bottom)
      ws.mergeCells(
        BRANCH_MERGE.top,
        BRANCH_MERGE.column,
        BRANCH_MERGE.bottom,
        BRANCH_MERGE.column
      );
    // Rows of the vertical merge stay open until the merge is made.
    if (n < BRANCH_MERGE.top || n >= BRANCH_MERGE.bottom) xr.commit();
  }
  ws.commit();
  if (options.otherSheets) writeSummarySheet(wb);
  await wb.commit();
}

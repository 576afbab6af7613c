// Loaded on demand by the standalone page only (its own chunk): exceljs never reaches the Excel task pane.
import ExcelJS from "exceljs";
import { WorkbookHost, type SelectCell } from "../hosts/exceljs/browserHost";
import { fileErrorMessage } from "../core/fileErrors";
import type { Locale } from "../core/types";
import { isFileError } from "../hosts/exceljs/fileError";
import { csvTextToWorkbook } from "../hosts/exceljs/input/csvText";
import { DEFAULT_MAX_CELLS, FULL_LOAD_MAX_CELLS } from "../hosts/exceljs/input/limits";

export class OpenError extends Error {}

const MESSAGES = {
  "zh-CN": {
    notSpreadsheet: (f: string) =>
      `${f}：不是 .xlsx 工作簿或 CSV 文件（.xls 请先在 WPS/Excel 中另存为 .xlsx）`,
    corrupt: (f: string) => `${f}：工作簿已损坏或不完整，无法打开`,
    empty: (f: string) => `${f}：文件是空的`,
  },
  en: {
    notSpreadsheet: (f: string) =>
      `${f}: not an .xlsx workbook or a CSV file (save an .xls as .xlsx first)`,
    corrupt: (f: string) => `${f}: the workbook is damaged or truncated`,
    empty: (f: string) => `${f}: the file is empty`,
  },
};

/** CSV text as Chinese Excel writes it: UTF-8 (with or without BOM), else GB18030 (the browser decodes both). */
function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** Opens a file chosen in the page: .xlsx by its bytes (PK zip), else CSV. Nothing is sent anywhere. */
export async function openInBrowser(
  file: File,
  onSelect: SelectCell,
  locale: Locale
): Promise<WorkbookHost> {
  const m = MESSAGES[locale];
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new OpenError(m.empty(file.name));
  const wb = new ExcelJS.Workbook();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      await wb.xlsx.load(bytes.buffer);
    } catch {
      throw new OpenError(m.corrupt(file.name));
    }
    return new WorkbookHost(wb, file.name, onSelect, locale);
  }
  const sample = bytes.subarray(0, 4096);
  if (sample.includes(0) || (bytes[0] === 0xd0 && bytes[1] === 0xcf))
    throw new OpenError(m.notSpreadsheet(file.name));
  // The command line's limits: Excel's (a cell's length, rows and columns), and what memory holds.
  let csv: ExcelJS.Workbook;
  try {
    csv = csvTextToWorkbook(decodeCsv(bytes), file.name, {
      maxCells: DEFAULT_MAX_CELLS,
      maxLoadCells: FULL_LOAD_MAX_CELLS,
      excelLimits: true,
    });
  } catch (e) {
    if (isFileError(e)) throw new OpenError(fileErrorMessage(e, locale));
    throw e;
  }
  return new WorkbookHost(csv, file.name, onSelect, locale);
}

export type { WorkbookHost };

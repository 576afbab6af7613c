import { fileErrorMessage } from "../../../core/fileErrors";
import type { Locale } from "../../../core/types";
import { isFileError } from "../fileError";
import { csvRows } from "../read/csvText";
import { DEFAULT_MAX_CELLS } from "../read/limits";
import { valuesWorkbook } from "../xlsx/valuesWorkbook";
import { webCodec } from "./webCodec";
import {
  HostError,
  type SelectCell,
  type WorkbookChanged,
  WorkbookHost,
  openPackage,
} from "./workbookHost";

const MESSAGES = {
  "zh-CN": {
    notSpreadsheet: (f: string) =>
      `${f}：不是 .xlsx 工作簿或 CSV 文件（.xls 请先在 WPS/Excel 中另存为 .xlsx）`,
    empty: (f: string) => `${f}：文件是空的`,
  },
  en: {
    notSpreadsheet: (f: string) =>
      `${f}: not an .xlsx workbook or a CSV file (save an .xls as .xlsx first)`,
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

/** A file opened in the page, or the message saying why it could not be. */
export type OpenedFile = { host: WorkbookHost } | { error: string };

/**
 * Opens a file chosen in the page: an .xlsx by its bytes (a zip), read as its package with the
 * command line's limits; else CSV, with the command line's limits too. A file over a limit, a zip
 * bomb, a damaged workbook: the command line's message, before anything is unpacked. Nothing is
 * sent anywhere.
 */
export async function openFileInBrowser(
  file: File,
  onSelect: SelectCell,
  locale: Locale,
  onChange?: WorkbookChanged
): Promise<OpenedFile> {
  const m = MESSAGES[locale];
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) return { error: m.empty(file.name) };
  try {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      const pkg = await openPackage(bytes, file.name);
      const host = new WorkbookHost(bytes, pkg, file.name, onSelect, locale, onChange);
      // The first sheet is read now, so that a damaged one says so on opening.
      if (pkg.sheets[0]) await host.preview(pkg.sheets[0].name, 1);
      return { host };
    }
    const sample = bytes.subarray(0, 4096);
    if (sample.includes(0) || (bytes[0] === 0xd0 && bytes[1] === 0xcf))
      return { error: m.notSpreadsheet(file.name) };
    const { sheetName, rows } = csvRows(decodeCsv(bytes), file.name, {
      maxCells: DEFAULT_MAX_CELLS,
      excelLimits: true,
    });
    const made = await valuesWorkbook(sheetName, rows, webCodec, file.name);
    return { host: new WorkbookHost(made.bytes, made.pkg, file.name, onSelect, locale, onChange) };
  } catch (e) {
    if (isFileError(e)) return { error: fileErrorMessage(e, locale) };
    if (e instanceof HostError) return { error: e.message };
    throw e;
  }
}

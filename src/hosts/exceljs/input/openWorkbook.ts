import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { FileError, isFileError } from "../fileError";
import { csvTextToWorkbook } from "./csv";
import { decodeText, type TextEncoding } from "./encoding";
import { convertToXlsx } from "./libreoffice";
import { decodeRef } from "./cellScan";
import {
  DEFAULT_MAX_CELLS,
  DEFAULT_MAX_UNCOMPRESSED_BYTES,
  FULL_LOAD_MAX_CELLS,
  MAX_COLUMNS,
  MAX_ROWS,
} from "./limits";
import { readError, readInputFile } from "./readBytes";
import {
  isEncryptedOoxml,
  isEncryptedXls,
  isMarkupText,
  hasOle2WorkbookStream,
  sniffKind,
} from "./sniff";
import { checkWorkbookLimits } from "./workbookLimits";
import { checkZip, partName } from "./zipGuard";

/** The limits of one open, with the defaults filled in. */
interface Limits {
  maxBytes: number;
  maxCells: number;
  maxLoadCells: number;
}

/** The extensions the batch tool offers to read; all of them go through the same content sniffing. */
export const SUPPORTED_EXTENSIONS = [".xlsx", ".xlsm", ".xls", ".et", ".csv"] as const;

export interface OpenWorkbookOptions {
  /** Largest total an .xlsx may unpack to, and the largest file read at all (default 500 MB). */
  maxUncompressedBytes?: number;
  /** Where the temporary folder for a LibreOffice conversion is made (default: the system's). */
  tmpDir?: string;
  /** How long one LibreOffice conversion may take (default 120 s). */
  timeoutMs?: number;
  /**
   * Most cells a sheet may span (default 30,000,000): checked on the file's XML (or CSV text)
   * before the workbook is built, like Excel's 32,767 characters per cell.
   */
  maxCells?: number;
  /**
   * Most cells exceljs may build for the whole workbook, merged ranges, data validations and
   * defined names counted cell by cell (default 8,000,000: what memory holds).
   */
  maxLoadCells?: number;
}

export interface OpenedWorkbook {
  workbook: ExcelJS.Workbook;
  /** What the file really is, whatever its extension: an .xlsx/.xlsm, an Excel 97-2003 (or WPS .et) workbook, or CSV text. */
  kind: "xlsx" | "xls" | "csv";
  /** For CSV: the encoding the text was read in. */
  encoding?: TextEncoding;
  /**
   * Set when LibreOffice converted the file first: "xls" for an OLE2 workbook (.xls, .et); "html" or
   * "xml" for the HTML pages and XML Spreadsheet 2003 files that systems export under an .xls name.
   */
  convertedFrom?: "xls" | "html" | "xml";
}

/**
 * Opens a workbook the way its bytes (not its name) say: a zip is checked for its unpacked size and
 * loaded by exceljs; an OLE2 file (.xls, .et) is converted by LibreOffice and the result loaded; text
 * is read as CSV (UTF-8 or GB18030) with every value kept as a string. The input file is only read.
 * Every failure is a {@link FileError} naming the file by its base name.
 */
export async function openWorkbook(
  filePath: string,
  options: OpenWorkbookOptions = {}
): Promise<OpenedWorkbook> {
  const file = path.basename(filePath);
  const maxBytes = options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  const limits: Limits = {
    maxBytes,
    maxCells: options.maxCells ?? DEFAULT_MAX_CELLS,
    maxLoadCells: options.maxLoadCells ?? FULL_LOAD_MAX_CELLS,
  };
  try {
    const bytes = await readInputFile(filePath, file, maxBytes);
    switch (sniffKind(bytes)) {
      case "empty":
        throw new FileError("file-empty", { file });
      case "binary":
        throw new FileError("not-a-spreadsheet", { file });
      case "zip":
        return { workbook: await loadXlsx(bytes, file, limits), kind: "xlsx" };
      case "ole2":
        if (isEncryptedOoxml(bytes)) throw new FileError("password-protected", { file });
        if (!hasOle2WorkbookStream(bytes)) throw new FileError("not-a-spreadsheet", { file });
        try {
          const workbook = await convertAndLoad(filePath, file, ".xls", limits, options);
          return { workbook, kind: "xls", convertedFrom: "xls" };
        } catch (e) {
          if (isFileError(e) && e.code === "conversion-failed" && isEncryptedXls(bytes))
            throw new FileError("password-protected", { file });
          throw e;
        }
      case "text": {
        const { text, encoding } = decodeText(bytes);
        if (isMarkupText(text)) {
          const from =
            /^\uFEFF?\s*<\?xml/i.test(text) && !/<html/i.test(text.slice(0, 4096)) ? "xml" : "html";
          const workbook = await convertAndLoad(filePath, file, ".xls", limits, options);
          return { workbook, kind: "xls", convertedFrom: from };
        }
        return {
          workbook: csvTextToWorkbook(text, file, {
            maxCells: limits.maxCells,
            maxLoadCells: limits.maxLoadCells,
            excelLimits: true,
          }),
          kind: "csv",
          encoding,
        };
      }
    }
  } catch (e) {
    if (isFileError(e)) throw e;
    // Anything else (exceljs choking on odd XML, running out of memory…) means the file cannot be read.
    throw new FileError("corrupt-workbook", { file });
  }
}

/**
 * Checks a zip against the limits (unpacked size, entries, then what the sheets hold: cells, cell
 * length, rows and columns), then has exceljs load it.
 */
async function loadXlsx(bytes: Buffer, file: string, limits: Limits): Promise<ExcelJS.Workbook> {
  const zip = await checkZip(bytes, { file, maxUncompressedBytes: limits.maxBytes });
  if (!zip.entryNames.some((n) => partName(n) === "xl/workbook.xml"))
    throw new FileError("not-a-spreadsheet", { file });
  await checkWorkbookLimits(bytes, zip, { file, ...limits });
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own "Buffer" type (an ArrayBuffer); a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new FileError("corrupt-workbook", { file });
  }
  repairLoaded(workbook);
  return workbook;
}

/**
 * Drops what exceljs reads from a damaged file but cannot write back (writing would throw): a
 * document date (created, modified, last printed in docProps/core.xml) that is no date
 * ("2008-13-45"), read as an Invalid Date; a data validation on something that is no cell
 * (sqref="4294967296"), which could not apply to any cell anyway.
 */
function repairLoaded(workbook: ExcelJS.Workbook): void {
  for (const key of ["created", "modified", "lastPrinted"] as const) {
    const value: unknown = workbook[key];
    if (value instanceof Date && Number.isNaN(value.getTime())) workbook[key] = undefined!;
  }
  for (const ws of workbook.worksheets) {
    // exceljs keeps the validations by cell address (its typings do not declare the model).
    const model = (ws as unknown as { dataValidations?: { model?: Record<string, unknown> } })
      .dataValidations?.model;
    if (!model) continue;
    for (const address of Object.keys(model)) {
      const cell = decodeRef(address);
      if (!cell || cell.row < 1 || cell.row > MAX_ROWS || cell.column > MAX_COLUMNS)
        delete model[address];
    }
  }
}

/** Converts the file with LibreOffice in a temporary folder of its own, loads the result, removes the folder. */
async function convertAndLoad(
  filePath: string,
  file: string,
  inputExtension: string,
  limits: Limits,
  options: OpenWorkbookOptions
): Promise<ExcelJS.Workbook> {
  let tmp: string;
  try {
    // Named for this process, so that a killed run's folder can be told and removed (tempFiles.ts).
    tmp = await fs.promises.mkdtemp(
      path.join(options.tmpDir ?? os.tmpdir(), `uf-ledger-xls-${process.pid}-`)
    );
  } catch {
    throw new FileError("conversion-failed", { file, detail: "无法创建临时文件夹" });
  }
  try {
    const converted = await convertToXlsx(filePath, tmp, {
      file,
      timeoutMs: options.timeoutMs,
      inputExtension,
    });
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(converted);
    } catch (e) {
      throw readError(e, file);
    }
    return await loadXlsx(bytes, file, limits);
  } finally {
    await fs.promises.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
}

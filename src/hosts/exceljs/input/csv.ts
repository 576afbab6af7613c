import * as ExcelJS from "exceljs";
import { FileError } from "../fileError";
import { decodeText, type TextEncoding } from "./encoding";
import { sniffKind } from "./sniff";
import { csvTextToWorkbook } from "./csvText";

export {
  type CsvDelimiter,
  csvTextToWorkbook,
  detectDelimiter,
  parseCsv,
  sheetNameFromFile,
} from "./csvText";

/**
 * Reads CSV bytes into a new workbook with one worksheet named after the file. Every value stays the
 * string it was in the file (an ID number is not turned into a number, a date not into a date); an
 * empty field leaves its cell empty; row and column numbers are those of the file's records.
 */
export function csvToWorkbook(
  bytes: Buffer,
  file: string
): { workbook: ExcelJS.Workbook; encoding: TextEncoding } {
  const kind = sniffKind(bytes);
  if (kind === "empty") throw new FileError("file-empty", { file });
  if (kind !== "text") throw new FileError("not-a-spreadsheet", { file });
  const { text, encoding } = decodeText(bytes);
  return { workbook: csvTextToWorkbook(text, file), encoding };
}

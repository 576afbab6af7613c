/**
 * The workbook host of the command line (Node): what the rest of the project may use of
 * src/hosts/exceljs. Everything here reads and writes workbooks as packages (xlsx/), one pipeline
 * for every size; the web page's entry is browser/index.ts, which reaches nothing of Node.
 *
 * The folder keeps its name from the library it was built on: exceljs now only checks, in the
 * tests and the benchmark, what this host writes.
 */
export { type ConvertOptions, convertFile } from "./convert/convertFile";
export {
  type FileOutcome,
  type FileStatus,
  UNEXPECTED_ERROR,
  UNWRITABLE_CONTENT,
} from "./convert/outcome";
export { type AddedSheet } from "./docs/addDocs";
export { type DocRequest, type EditRefusal, addDocToFile } from "./docs/editWorkbook";
export { writeDocWorkbook } from "./docs/writeDocWorkbook";
export { FileError, isFileError } from "./fileError";
export { isOneOf, sameFile, writeAtomic } from "./node/atomicWrite";
export { removeOwnTemps, removeStaleTemps, stopFlagData, stopNewTemps } from "./node/tempFiles";
export { type SheetPdfOptions, pdfPathFor, stopConversions, writeSheetPdf } from "./pdf/sheetPdf";
export { findSoffice, followWorkerConversions } from "./read/libreoffice";
export { SUPPORTED_EXTENSIONS, type OpenedInput, openInput } from "./read/openInput";
export { type SourceFailure, type SourceRead, readSource, splitReads } from "./summary/readSource";
export { type SummaryWritten, writeSummary } from "./summary/writeSummary";

export {
  csvTextToWorkbook,
  csvToWorkbook,
  detectDelimiter,
  parseCsv,
  sheetNameFromFile,
  type CsvDelimiter,
} from "./csv";
export {
  countInvalidGb18030,
  countInvalidUtf8,
  decodeText,
  isValidUtf8,
  type TextEncoding,
} from "./encoding";
export { convertToXlsx, findSoffice, SOFFICE_ENV, type ConvertOptions } from "./libreoffice";
export {
  DEFAULT_CONVERSION_TIMEOUT_MS,
  DEFAULT_MAX_UNCOMPRESSED_BYTES,
  DEFAULT_MAX_ZIP_ENTRIES,
  formatBytes,
} from "./limits";
export {
  openWorkbook,
  SUPPORTED_EXTENSIONS,
  type OpenedWorkbook,
  type OpenWorkbookOptions,
} from "./openWorkbook";
export { readInputFile } from "./readBytes";
export {
  hasOle2WorkbookStream,
  isEncryptedOoxml,
  isEncryptedXls,
  isMarkupText,
  sniffKind,
  type FileKind,
} from "./sniff";
export { checkZip, type ZipGuardOptions, type ZipSummary } from "./zipGuard";

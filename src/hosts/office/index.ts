export {
  OfficeLedgerHost,
  type OfficeHostOptions,
  type OfficeRegistryRun,
  type ExcelRun,
} from "./officeHost";
export { type ApiSupport, apiSupportUpTo, officeApiSupport, FEATURE } from "./api";
export type { OfficeAddedDocSheet } from "./docs";
export { DEFAULT_REQUEST_BUDGET, EXCEL_WEB_PAYLOAD_LIMIT } from "./payload";

/**
 * The workbook host of the web page: what the page may use (nothing here reaches Node).
 */
export { type OpenedFile, openFileInBrowser } from "./openFile";
export {
  HostError,
  type SelectCell,
  type SheetPreview,
  type WorkbookChanged,
  WorkbookHost,
} from "./workbookHost";
export type { SheetChartView } from "../xlsx/chartReader";

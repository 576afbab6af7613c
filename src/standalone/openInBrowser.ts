// Loaded on demand by the standalone page only (its own chunk): the workbook host never reaches
// the Excel task pane.
import type { Locale } from "../core/types";
import {
  type SelectCell,
  type WorkbookChanged,
  type WorkbookHost,
  openFileInBrowser,
} from "../hosts/exceljs/browser";

export class OpenError extends Error {}

/** Opens a file chosen in the page (see openFileInBrowser); a file that cannot be opened is an OpenError with its message. */
export async function openInBrowser(
  file: File,
  onSelect: SelectCell,
  locale: Locale,
  onChange?: WorkbookChanged
): Promise<WorkbookHost> {
  const opened = await openFileInBrowser(file, onSelect, locale, onChange);
  if ("error" in opened) throw new OpenError(opened.error);
  return opened.host;
}

export type { WorkbookHost };

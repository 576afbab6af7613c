/**
 * The errors that stop a file from being read or written, as data: a code and that code's
 * parameters (where: file, sheet, row, column; why: a reason of a known kind; a limit as a number
 * with its unit). The message is rendered where it is shown (the console, report.json, the page)
 * from one table per locale (src/core/fileErrorTexts/zh-CN.ts, en.ts).
 */
import type { FileErrorInfo, FileErrorTexts } from "./fileErrorCodes";
import { EN } from "./fileErrorTexts/en";
import { ZH_CN } from "./fileErrorTexts/zh-CN";
import type { Locale } from "./types";

export {
  FILE_ERROR_CODES,
  FILE_ERROR_PARAMS,
  FILE_ERROR_REASONS,
  FILE_ERROR_REASON_KINDS,
  type FileErrorCode,
  type FileErrorInfo,
  type FileErrorParams,
  type FileErrorPlace,
  type FileErrorReason,
  type FileErrorReasonKind,
  type FileErrorTexts,
  type SizeLimit,
  fileErrorData,
  fileErrorJsonSchema,
} from "./fileErrorCodes";

/** One table per locale. */
export const FILE_ERROR_TEXTS: Readonly<Record<Locale, FileErrorTexts>> = {
  "zh-CN": ZH_CN,
  en: EN,
};

/** A file error's message in the locale asked for. */
export function fileErrorMessage(e: FileErrorInfo, locale: Locale): string {
  // The table entry of e.code takes e.params: the union is discriminated on code.
  const message = FILE_ERROR_TEXTS[locale].messages[e.code] as (p: typeof e.params) => string;
  return message(e.params);
}

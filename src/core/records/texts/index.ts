/** The records' messages in each locale, rendered where they are shown. */
import type { Locale } from "../../types";
import type { RecordError } from "../errors";
import type { OpenReason } from "../suggestionStatus";
import { EN } from "./en";
import type { RecordTexts } from "./types";
import { ZH_CN } from "./zh-CN";

export type { RecordTexts } from "./types";

/** One table per locale. */
export const RECORD_TEXTS: Readonly<Record<Locale, RecordTexts>> = { "zh-CN": ZH_CN, en: EN };

/** An error's message in the locale asked for. */
export function recordErrorMessage(e: RecordError, locale: Locale): string {
  // The table entry of e.code takes e.params: the union is discriminated on code.
  const message = RECORD_TEXTS[locale].errors[e.code] as (p: typeof e.params) => string;
  return message(e.params);
}

/** Why a suggestion is open, in the locale asked for. */
export function openReasonText(r: OpenReason, locale: Locale): string {
  return RECORD_TEXTS[locale].openReasons[r];
}

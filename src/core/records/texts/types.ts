import type { RecordErrorTexts } from "../errors";
import type { OpenReason } from "../suggestionStatus";

/** One locale's texts of the records: every error, every reason a suggestion is open. */
export interface RecordTexts {
  readonly errors: RecordErrorTexts;
  readonly openReasons: { readonly [R in OpenReason]: string };
}

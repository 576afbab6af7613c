import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { RecordError } from "../../core/records/errors";
import { recordErrorMessage } from "../../core/records/texts";
import type { Locale } from "../../core/types";
import type { UiText } from "../i18n";

/** What a form's save came to: written (what, where), or not, with every reason. */
export type SaveResult =
  | { kind: "done"; text: string }
  | { kind: "invalid"; text: string }
  | { kind: "refused"; errors: RecordError[] };

/** A save's outcome, in plain words: nothing is shown before the first save. */
export function RecordMessages({
  result,
  t,
  locale,
}: {
  result: SaveResult | null;
  t: UiText;
  locale: Locale;
}) {
  if (!result) return null;
  if (result.kind === "done")
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>{result.text}</MessageBarBody>
      </MessageBar>
    );
  if (result.kind === "invalid")
    return (
      <MessageBar intent="warning" role="alert">
        <MessageBarBody>{result.text}</MessageBarBody>
      </MessageBar>
    );
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.notSaved}</MessageBarTitle>
        <ul className="errors">
          {result.errors.map((e, i) => (
            <li key={i}>{recordErrorMessage(e, locale)}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

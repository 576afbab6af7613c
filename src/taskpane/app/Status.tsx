import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
} from "@fluentui/react-components";
import type { UiText } from "../i18n";
import type { ActionState } from "./useAction";

/** The progress indicator during an action, and an error in plain words with what to do next. */
export function Status({ state, t }: { state: ActionState; t: UiText }) {
  return (
    <>
      {state.busy && (
        <ProgressBar
          value={state.progress || undefined}
          aria-label={state.label || t.working}
          thickness="large"
          data-testid="progress"
        />
      )}
      {state.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
            {state.error} {t.errorNext}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/*
 * 统战台账助手's ribbon commands: the four buttons of the Home tab's 统战台账 group
 * (manifest.xml, ExecuteFunction). They run in the add-in's shared runtime, the task pane's page
 * (its entry imports this file), where each tells the pane what to show and opens it: a shared
 * runtime has one task pane, so a button cannot open the pane at a page of its own.
 */
import { ACTIONS } from "../taskpane/actions";
import type { PaneState } from "../taskpane/pane/paneState";
import { hasSharedRuntime } from "../taskpane/pane/officePane";

/**
 * Associates each button's function with Excel. Without SharedRuntime 1.1 Excel ignores the
 * manifest's VersionOverrides, so there are no buttons to serve.
 */
export function registerCommands(pane: PaneState): void {
  if (!hasSharedRuntime()) return;
  for (const action of ACTIONS) {
    Office.actions.associate(action.command, (event?: Office.AddinCommands.Event) => {
      pane.open(action.id);
      Office.addin
        .showAsTaskpane()
        .then(() => pane.setVisible(true))
        // Already shown, or Excel declined: the pane shows the action when it next opens.
        .catch(() => undefined)
        // Excel waits for completed() (up to 5 minutes) before the button can run again.
        .finally(() => event?.completed());
    });
  }
}

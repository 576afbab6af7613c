/*
 * 统战台账助手 function file (FunctionFile in manifest.xml).
 * All current ribbon buttons open the task pane (ShowTaskpane); this file
 * only registers the skeleton ExecuteFunction handler so later commands can
 * be added next to it.
 */

Office.onReady(() => {
  // Office.js is ready; nothing to initialise yet.
});

/**
 * Placeholder command handler. Must always call event.completed().
 * @param event The add-in command event supplied by Office.
 */
function action(event: Office.AddinCommands.Event): void {
  event.completed();
}

// Register the function with Office.
Office.actions.associate("action", action);

export {};

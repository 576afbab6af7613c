import type { PaneState } from "./paneState";

/** SharedRuntime 1.1: Office.addin (show, hide, visibility) and the ribbon's functions. */
export function hasSharedRuntime(): boolean {
  return Office.context.requirements.isSetSupported("SharedRuntime", "1.1");
}

/**
 * Keeps `pane.visible` in step with Excel. In the add-in's shared runtime the page lives on when
 * the pane is closed (and starts without it, for a worksheet function), so the pane's work that
 * must stop with it (the live check) follows Excel's VisibilityModeChanged event. Excel sends no
 * event for the state the page starts in: the page's own visibility is the first guess, and the
 * document's visibilitychange follows it too (Excel on the web hides the pane's frame).
 */
export function followVisibility(pane: PaneState, doc: Document = document): void {
  doc.addEventListener("visibilitychange", () => pane.setVisible(doc.visibilityState !== "hidden"));
  if (!hasSharedRuntime()) return;
  void Office.addin.onVisibilityModeChanged((message) =>
    pane.setVisible(message.visibilityMode === Office.VisibilityMode.taskpane)
  );
}

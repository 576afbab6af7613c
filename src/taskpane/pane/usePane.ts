import { useSyncExternalStore } from "react";
import type { PaneSnapshot, PaneState } from "./paneState";

const SHOWN: PaneSnapshot = { visible: true };
const shown = (): PaneSnapshot => SHOWN;
const never = (): (() => void) => () => undefined;

/** The pane's state as React sees it; a page without one (the standalone page) is always shown. */
export function usePane(pane: PaneState | undefined): PaneSnapshot {
  return useSyncExternalStore(pane?.subscribe ?? never, pane?.get ?? shown);
}

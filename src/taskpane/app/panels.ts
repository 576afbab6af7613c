import type { TaskpaneAction } from "../actions";

/** The pane's tabs. */
export type Panel = "registry" | "docs" | "records" | "care" | "summary";

/** The tab a ribbon action opens. */
export const PANEL_OF_ACTION: Record<TaskpaneAction, Panel> = {
  validate: "registry",
  meeting: "docs",
  bulletin: "docs",
  summary: "summary",
};

/** The form a ribbon action points at on its tab, where the tab holds more than one. */
export function formOfAction(
  action: TaskpaneAction | undefined
): "meeting" | "bulletin" | undefined {
  return action === "meeting" || action === "bulletin" ? action : undefined;
}

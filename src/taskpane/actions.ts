/**
 * Ribbon actions of the task pane. Each ribbon button runs a function in the
 * add-in's shared runtime (ExecuteFunction, its name in `command`; see
 * manifest.xml and src/commands/commands.ts), which shows the pane at the
 * action; taskpane.html?action=<id> opens it there too. Pure functions, no DOM
 * or Office.js, so they can be unit-tested under Node.
 */

export type TaskpaneAction = "validate" | "meeting" | "bulletin" | "summary";

export interface ActionInfo {
  id: TaskpaneAction;
  /** Chinese label, identical to the ribbon button label. */
  zh: string;
  /** English label, identical to the en-US override in the manifest. */
  en: string;
  /** The ribbon button's function: its <FunctionName> in the manifest. */
  command: string;
}

export const ACTIONS: readonly ActionInfo[] = [
  { id: "validate", command: "openValidate", zh: "校验规范", en: "Validate registry" },
  { id: "meeting", command: "openMeeting", zh: "新建例会", en: "New meeting" },
  { id: "bulletin", command: "openBulletin", zh: "新建通报", en: "New bulletin" },
  { id: "summary", command: "openSummary", zh: "季度汇总", en: "Quarterly summary" },
];

/**
 * Reads the `action` parameter from a location search string such as
 * "?action=meeting". Returns undefined when it is missing or not one of the
 * known actions (case-insensitive, surrounding whitespace ignored).
 */
export function parseAction(search: string): ActionInfo | undefined {
  const raw = new URLSearchParams(search).get("action");
  if (raw === null) return undefined;
  const id = raw.trim().toLowerCase();
  return ACTIONS.find((a) => a.id === id);
}

/** The status line shown in the pane, Chinese first. */
export function describeAction(action: ActionInfo | undefined): string {
  if (!action)
    return "未选择操作：请在“开始”选项卡的“统战台账”组中选择一个按钮。 (No action selected.)";
  return `当前操作：${action.zh} (${action.en})`;
}

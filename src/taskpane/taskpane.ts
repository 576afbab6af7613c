/*
 * 统战台账助手 task pane entry point.
 * Minimal skeleton: shows which ribbon action opened the pane. The real UI
 * is built on top of this later.
 */

import { describeAction, parseAction } from "./actions";

function setText(id: string, text: string): void {
  const el = document.getElementById(id);
  if (el) el.textContent = text;
}

function show(id: string, visible: boolean): void {
  const el = document.getElementById(id);
  if (el) el.hidden = !visible;
}

function render(hostStatus: string): void {
  const action = parseAction(window.location.search);
  setText("action", describeAction(action));
  document.body.dataset.action = action ? action.id : "";
  setText("host-status", hostStatus);
}

if (typeof Office === "undefined") {
  // office.js failed to load (offline, blocked by a proxy, or opened outside Office).
  render(
    "未能加载 Office.js，请在 Excel 中打开本加载项。 (Office.js could not be loaded; open this add-in from Excel.)"
  );
} else {
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) {
      render("已连接 Excel。 (Connected to Excel.)");
      show("app-body", true);
    } else {
      render("请在 Excel 中使用本加载项。 (Please use this add-in in Excel.)");
    }
  });
}

/*
 * 统战台账助手 task pane entry point (Excel). The same App as the standalone page, over the
 * Office.js host; a ribbon button opens the pane at its action (taskpane.html?action=…).
 */
import { createRoot } from "react-dom/client";
// The worksheet functions (=UFLEDGER.身份证校验 …) run in this page, the add-in's shared runtime:
// importing them registers them with Excel (the associate calls the metadata plugin appends).
import "../functions/functions";
import { OfficeLedgerHost } from "../hosts/office";
import { type TaskpaneAction, parseAction } from "./actions";
import { App, type Panel } from "./app/App";
import { pickLocale } from "./i18n";

const PANEL: Record<TaskpaneAction, Panel> = {
  validate: "registry",
  meeting: "docs",
  bulletin: "docs",
  summary: "summary",
};

function message(text: string): void {
  const el = document.getElementById("root");
  if (el) el.textContent = text;
}

if (typeof Office === "undefined") {
  // office.js failed to load (offline, blocked by a proxy, or the page opened outside Office).
  message(
    "未能加载 Office.js，请在 Excel 中打开本加载项。（Office.js could not be loaded; open this add-in from Excel.）"
  );
} else {
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      message("请在 Excel 中使用本加载项。（Please use this add-in in Excel.）");
      return;
    }
    const action = parseAction(window.location.search);
    const locale = pickLocale(window.location.search, Office.context.displayLanguage);
    document.documentElement.lang = locale === "en" ? "en" : "zh-CN";
    document.body.dataset.action = action?.id ?? "";
    const focus = action?.id === "meeting" || action?.id === "bulletin" ? action.id : undefined;
    createRoot(document.getElementById("root")!).render(
      <App
        host={new OfficeLedgerHost()}
        locale={locale}
        initial={action ? PANEL[action.id] : "registry"}
        focus={focus}
      />
    );
  });
}

/*
 * 统战台账助手 task pane entry point (Excel). The same App as the standalone page, over the
 * Office.js host. This page is the add-in's shared runtime (manifest.xml): it also serves the
 * worksheet functions and the ribbon's buttons, and lives on while the pane is closed.
 */
import { createRoot } from "react-dom/client";
import { registerCommands } from "../commands/commands";
// The worksheet functions (=UFLEDGER.身份证校验 …) run in this page, the add-in's shared runtime:
// importing them registers them with Excel (the associate calls the metadata plugin appends).
import "../functions/functions";
import { OfficeLedgerHost } from "../hosts/office";
import { parseAction } from "./actions";
import { App } from "./app/App";
import { PANEL_OF_ACTION, formOfAction } from "./app/panels";
import { pickLocale } from "./i18n";
import { followVisibility } from "./pane/officePane";
import { PaneState } from "./pane/paneState";

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
    const pane = new PaneState(document.visibilityState !== "hidden");
    registerCommands(pane);
    followVisibility(pane);
    const action = parseAction(window.location.search);
    const locale = pickLocale(window.location.search, Office.context.displayLanguage);
    document.documentElement.lang = locale === "en" ? "en" : "zh-CN";
    document.body.dataset.action = action?.id ?? "";
    createRoot(document.getElementById("root")!).render(
      <App
        host={new OfficeLedgerHost()}
        locale={locale}
        initial={action ? PANEL_OF_ACTION[action.id] : "registry"}
        focus={formOfAction(action?.id)}
        pane={pane}
      />
    );
  });
}

/**
 * The task pane's 实时校验 section, rendered (react-dom/server) over the Office host's live check
 * on a fake Excel: the running count, the problems of 成员名册 in the pane's language, and what it
 * says where it cannot check (before ExcelApi 1.7, no 成员名册, a paste over 5,000 rows, no notes).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { renderProblem } from "../../src/core/messages";
import type { Locale } from "../../src/core/types";
import type { LiveState } from "../../src/hosts/ledgerHost";
import { apiSupportUpTo } from "../../src/hosts/office/api";
import { OfficeLedgerHost } from "../../src/hosts/office/officeHost";
import { uiText } from "../../src/taskpane/i18n";
import { LiveCheckPanel } from "../../src/taskpane/app/LiveCheckPanel";
import type { LiveView } from "../../src/taskpane/app/useLiveCheck";
import { FakeExcel } from "./fakeExcel";
import { registrySheet } from "./registryData";

const AS_OF = new Date(Date.UTC(2026, 11, 1));

function render(host: OfficeLedgerHost, view: LiveView, locale: Locale = "zh-CN"): string {
  const control = {
    live: host.live,
    view,
    enabled: view.state !== "off",
    setEnabled: () => undefined,
    restart: async () => undefined,
  };
  return renderToStaticMarkup(
    createElement(
      FluentProvider,
      { theme: webLightTheme },
      createElement(LiveCheckPanel, { control, t: uiText(locale), locale })
    )
  );
}

function hostOn(maxApi = 18) {
  const fx = new FakeExcel([registrySheet(12, "成员名册")], { maxApi });
  return new OfficeLedgerHost({ run: fx.run, api: apiSupportUpTo(maxApi), asOf: AS_OF });
}

/** Text as the page shows it (markup and entities out). */
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"');

describe("task pane: 实时校验", () => {
  it("shows the running count and every problem of 成员名册, in Chinese and in English", async () => {
    const host = hostOn();
    const state = await host.live.start("zh-CN");
    expect(state.state).toBe("on");
    if (state.state !== "on") return;
    const zh = text(render(host, state));
    expect(zh).toContain("实时校验");
    expect(zh).toContain("编辑“成员名册”时即时检查");
    expect(zh).toContain("当前：错误 2 个，提示 1 个（3 行）");
    for (const p of state.problems) expect(zh).toContain(renderProblem(p, "zh-CN").message);
    expect(zh).toContain("只在任务窗格打开时有效");
    const enState = await host.live.start("en");
    const en = text(render(host, enState, "en"));
    expect(en).toContain("Now: 2 errors, 1 warning (3 rows)");
    if (enState.state === "on")
      for (const p of enState.problems) expect(en).toContain(renderProblem(p, "en").message);
    await host.live.stop();
    expect(host.live.state).toEqual({ state: "off" });
  });

  it("says why it cannot check, and suggests 校验 after a paste over 5,000 rows", async () => {
    const host = hostOn();
    const views: [LiveView, string][] = [
      [{ state: "unsupported" }, "需要 ExcelApi 1.7"],
      [{ state: "no-registry" }, "先点“规范化”"],
      [{ state: "off" }, "实时校验已关闭"],
      [{ state: "starting" }, "正在读取成员名册"],
    ];
    for (const [view, says] of views) expect(text(render(host, view))).toContain(says);
    const on = (await host.live.start("zh-CN")) as Extract<LiveState, { state: "on" }>;
    expect(text(render(host, { ...on, tooMany: 6000 }))).toContain(
      "一次改动了 6000 行，超过 5000 行，未逐行检查：请点“校验”检查全表。"
    );
    const colours = await hostOn(9).live.start("zh-CN");
    expect(text(render(host, colours))).toContain("问题单元格只标颜色");
  });
});

import { FluentProvider, Tab, TabList, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import type { Locale } from "../../core/types";
import type { LedgerHost } from "../../hosts/ledgerHost";
import { uiText } from "../i18n";
import { CarePanel } from "./CarePanel";
import { DocsPanel } from "./DocsPanel";
import { RecordsPanel } from "./RecordsPanel";
import { RegistryPanel } from "./RegistryPanel";
import { SummaryPanel } from "./SummaryPanel";
import type { PaneState } from "../pane/paneState";
import { usePane } from "../pane/usePane";
import { type Panel, PANEL_OF_ACTION, formOfAction } from "./panels";
import { useLiveCheck } from "./useLiveCheck";

export type { Panel };

/**
 * The task pane: the same in Excel and in the standalone page; only the host differs. In Excel,
 * `pane` carries what happens outside the pane: a ribbon button pressed (the tab to show), and
 * whether Excel shows the pane (the live check runs only while it does).
 */
export function App({
  host,
  locale,
  initial = "registry",
  focus: initialFocus,
  pane,
}: {
  host: LedgerHost;
  locale: Locale;
  initial?: Panel;
  focus?: "meeting" | "bulletin";
  pane?: PaneState;
}) {
  const t = uiText(locale);
  const [panel, setPanel] = useState<Panel>(initial);
  const [focus, setFocus] = useState(initialFocus);
  const { visible, request } = usePane(pane);
  // A ribbon button pressed (before the pane first rendered, too): show its tab, once per press.
  const [shownRequest, setShownRequest] = useState<number>();
  if (request && request.seq !== shownRequest) {
    setShownRequest(request.seq);
    setPanel(PANEL_OF_ACTION[request.action]);
    setFocus(formOfAction(request.action));
  }
  const live = useLiveCheck(host.live, locale, visible);
  return (
    <FluentProvider theme={webLightTheme} lang={locale === "en" ? "en" : "zh-CN"} className="app">
      <TabList
        selectedValue={panel}
        onTabSelect={(_, d) => setPanel(d.value as Panel)}
        size="small"
        className="tabs"
      >
        <Tab value="registry">{t.tabs.registry}</Tab>
        <Tab value="docs">{t.tabs.docs}</Tab>
        <Tab value="records">{t.tabs.records}</Tab>
        <Tab value="care">{t.tabs.care}</Tab>
        <Tab value="summary">{t.tabs.summary}</Tab>
      </TabList>
      {panel === "registry" && <RegistryPanel host={host} t={t} locale={locale} live={live} />}
      {panel === "docs" && <DocsPanel host={host} t={t} focus={focus} />}
      {panel === "records" && <RecordsPanel host={host} t={t} locale={locale} />}
      {panel === "care" && <CarePanel host={host} t={t} locale={locale} />}
      {panel === "summary" && <SummaryPanel host={host} t={t} />}
    </FluentProvider>
  );
}

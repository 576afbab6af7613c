import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title3,
  webLightTheme,
} from "@fluentui/react-components";
import { useRef } from "react";
import type { Locale } from "../core/types";
import { App } from "../taskpane/app/App";
import { SheetView } from "./SheetView";
import { PAGE_TEXT } from "./text";
import { useWorkbook } from "./useWorkbook";

/** The standalone page: open a workbook in the browser, see it, run the task pane's actions, download it. */
export function Standalone({ locale }: { locale: Locale }) {
  const t = PAGE_TEXT[locale];
  const input = useRef<HTMLInputElement>(null);
  const wb = useWorkbook(locale);
  return (
    <FluentProvider theme={webLightTheme} className="standalone">
      <header className="top">
        <Title3 as="h1">{t.title}</Title3>
        <div className="buttons">
          <Button appearance="primary" onClick={() => input.current?.click()} disabled={wb.busy}>
            {t.open}
          </Button>
          <Button onClick={wb.download} disabled={!wb.host || wb.busy}>
            {t.download}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,.xlsm,.csv"
            aria-label={t.chooser}
            hidden
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void wb.open(f);
              e.target.value = "";
            }}
          />
        </div>
      </header>
      {wb.busy && <Spinner label={t.opening} />}
      {wb.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{wb.error}</MessageBarBody>
        </MessageBar>
      )}
      {!wb.host && !wb.busy && <p className="intro">{t.intro}</p>}
      {wb.host && (
        <div className="layout">
          <SheetView
            host={wb.host}
            sheet={wb.sheet}
            onSheet={wb.setSheet}
            version={wb.version}
            selection={wb.selection}
            text={t}
          />
          <aside className="pane">
            <App host={wb.host} locale={locale} />
          </aside>
        </div>
      )}
    </FluentProvider>
  );
}

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
import { useWorkbook } from "./useWorkbook";

const TEXT = {
  "zh-CN": {
    title: "统战台账助手（网页版）",
    open: "打开工作簿",
    download: "下载工作簿",
    intro:
      "适用于 WPS 等不能加载 Office 加载项的用户：打开 .xlsx 或 .csv 文件，在右侧执行与 Excel 加载项相同的操作，再下载结果。文件只在本机浏览器中处理，不会上传。",
    opening: "正在打开…",
    chooser: "选择工作簿文件",
  },
  en: {
    title: "United-Front Ledger Assistant (web)",
    open: "Open workbook",
    download: "Download workbook",
    intro:
      "For WPS users and anyone without Excel: open an .xlsx or .csv file, run the same actions as the Excel add-in, and download the result. The file stays in this browser.",
    opening: "Opening…",
    chooser: "Choose a workbook file",
  },
};

/** The standalone page: open a workbook in the browser, see it, run the task pane's actions, download it. */
export function Standalone({ locale }: { locale: Locale }) {
  const t = TEXT[locale];
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
          />
          <aside className="pane">
            <App host={wb.host} locale={locale} />
          </aside>
        </div>
      )}
    </FluentProvider>
  );
}

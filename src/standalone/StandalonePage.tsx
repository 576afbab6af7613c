import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title3,
  webLightTheme,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Locale } from "../core/types";
import { App } from "../taskpane/app/App";
import { Grid } from "./Grid";
import type { WorkbookHost } from "./openInBrowser";

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
  const [host, setHost] = useState<WorkbookHost | null>(null);
  const [sheetName, setSheetName] = useState<string>("");
  const [selected, setSelected] = useState<{ row: number; col: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);

  const open = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const { openInBrowser } = await import(/* webpackChunkName: "workbook" */ "./openInBrowser");
      const h = await openInBrowser(
        file,
        (sheet, row, col) => {
          setSheetName(sheet);
          setSelected({ row, col });
        },
        locale,
        // Every action changes the workbook: the grid is drawn again.
        () => setVersion((v) => v + 1)
      );
      setHost(h);
      setSheetName(h.sheetNames[0] ?? "");
      setSelected(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    if (!host) return;
    const bytes = host.toBytes();
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = host.fileName.replace(/\.[^.]*$/, "") + "-统战台账.xlsx";
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  return (
    <FluentProvider theme={webLightTheme} className="standalone">
      <header className="top">
        <Title3 as="h1">{t.title}</Title3>
        <div className="buttons">
          <Button appearance="primary" onClick={() => input.current?.click()} disabled={busy}>
            {t.open}
          </Button>
          <Button onClick={() => void download()} disabled={!host || busy}>
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
              if (f) void open(f);
              e.target.value = "";
            }}
          />
        </div>
      </header>
      {busy && <Spinner label={t.opening} />}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!host && !busy && <p className="intro">{t.intro}</p>}
      {host && (
        <div className="layout">
          <div className="sheet">
            <div className="sheet-tabs">
              <TabList
                selectedValue={sheetName}
                onTabSelect={(_, d) => setSheetName(String(d.value))}
                size="small"
                aria-label="工作表"
              >
                {host.sheetNames.map((name) => (
                  <Tab key={name} value={name}>
                    {name}
                  </Tab>
                ))}
              </TabList>
            </div>
            {sheetName && (
              <Grid host={host} sheet={sheetName} version={version} selected={selected} />
            )}
          </div>
          <aside className="pane">
            <App host={host} locale={locale} />
          </aside>
        </div>
      )}
    </FluentProvider>
  );
}

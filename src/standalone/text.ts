import type { Locale } from "../core/types";

/** What the standalone page says around the task pane (whose own text is in taskpane/i18n.ts), Chinese first. */
export const PAGE_TEXT = {
  "zh-CN": {
    title: "统战台账助手（网页版）",
    open: "打开工作簿",
    download: "下载工作簿",
    intro:
      "适用于 WPS 等不能加载 Office 加载项的用户：打开 .xlsx 或 .csv 文件，在右侧执行与 Excel 加载项相同的操作，再下载结果。文件只在本机浏览器中处理，不会上传。",
    opening: "正在打开…",
    chooser: "选择工作簿文件",
    sheets: "工作表",
    firstRows: (n: number) => `…（仅显示前 ${n} 行）`,
    underCharts: (from: number, to: number) => `第 ${from}–${to} 行是图表所在的空行（图表见上方）`,
  },
  en: {
    title: "United-Front Ledger Assistant (web)",
    open: "Open workbook",
    download: "Download workbook",
    intro:
      "For WPS users and anyone without Excel: open an .xlsx or .csv file, run the same actions as the Excel add-in, and download the result. The file stays in this browser.",
    opening: "Opening…",
    chooser: "Choose a workbook file",
    sheets: "Sheets",
    firstRows: (n: number) => `… (first ${n} rows shown)`,
    underCharts: (from: number, to: number) =>
      `Rows ${from}–${to}: empty rows the charts sit on (charts shown above)`,
  },
} satisfies Record<Locale, unknown>;

export type PageText = (typeof PAGE_TEXT)["zh-CN"];

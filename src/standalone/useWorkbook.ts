import { useState } from "react";
import type { Locale } from "../core/types";
import type { WorkbookHost } from "./openInBrowser";

/** A cell to show selected in the grid (a problem clicked in the pane). */
export interface Selection {
  sheet: string;
  row: number;
  col: number;
}

/**
 * The workbook open in the page: opening a file (the workbook code loads on demand), the sheet
 * shown, the cell a problem points at (its sheet is shown), a version that every change bumps (the
 * grid is drawn again, showing the sheet the action made), and download.
 */
export function useWorkbook(locale: Locale) {
  const [host, setHost] = useState<WorkbookHost | null>(null);
  const [sheet, setSheet] = useState("");
  const [selection, setSelection] = useState<Selection | null>(null);
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
        (at, row, col) => {
          setSheet(at);
          setSelection({ sheet: at, row, col });
        },
        locale,
        (made) => {
          setVersion((v) => v + 1);
          // The sheet the action made or wrote to is shown, as Excel shows it.
          if (made) {
            setSheet(made);
            setSelection(null);
          }
        }
      );
      setHost(h);
      setSheet(h.sheetNames[0] ?? "");
      setSelection(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const download = () => {
    if (!host) return;
    const blob = new Blob([host.toBytes() as Uint8Array<ArrayBuffer>], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = host.fileName.replace(/\.[^.]*$/, "") + "-统战台账.xlsx";
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  return { host, sheet, setSheet, selection, error, busy, version, open, download };
}

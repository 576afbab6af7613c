import { useEffect, useRef, useState } from "react";
import type { CellValue } from "../core/types";
import type { SheetPreview, WorkbookHost } from "../hosts/exceljs/browser";

const MAX_ROWS = 300;
const MAX_COLS = 40;

/** A cell as the grid shows it: a date as its day (the calendar day the cell holds). */
function show(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  return String(v);
}

/** A simple read-only grid of one sheet (its first rows, read from the workbook), with the selected cell highlighted. */
export function Grid({
  host,
  sheet,
  version,
  selected,
}: {
  host: WorkbookHost;
  sheet: string;
  version: number;
  selected: { row: number; col: number } | null;
}) {
  const ref = useRef<HTMLTableCellElement | null>(null);
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  useEffect(() => {
    let live = true;
    host.preview(sheet, MAX_ROWS).then(
      (p) => live && setPreview(p),
      () => live && setPreview({ rows: [], more: false })
    );
    return () => {
      live = false;
    };
  }, [host, sheet, version]);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "center", inline: "center" });
  }, [selected, preview]);
  if (!preview) return null;
  const cols = Math.min(Math.max(1, ...preview.rows.map((r) => r.length)), MAX_COLS);
  return (
    <div className="grid-wrap">
      <table className="grid" aria-label={sheet}>
        <tbody>
          {preview.rows.map((row, r) => (
            <tr key={r}>
              <th scope="row">{r + 1}</th>
              {Array.from({ length: cols }, (_, c) => {
                const isSel = selected?.row === r + 1 && selected?.col === c + 1;
                return (
                  <td
                    key={c}
                    ref={isSel ? ref : undefined}
                    className={isSel ? "selected" : undefined}
                    aria-selected={isSel || undefined}
                  >
                    {show(row[c])}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {preview.more && <p className="more">…（仅显示前 {MAX_ROWS} 行）</p>}
    </div>
  );
}

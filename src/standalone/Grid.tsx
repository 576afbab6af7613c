import type ExcelJS from "exceljs";
import { useEffect, useRef } from "react";

const MAX_ROWS = 300;
const MAX_COLS = 40;

function show(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return v.result === undefined || v.result === null ? "" : String(v.result instanceof Date ? v.result.toISOString().slice(0, 10) : v.result);
    if ("text" in v) return String(v.text);
    return "";
  }
  return String(v);
}

/** A simple read-only grid of one sheet (the first rows), with the selected cell highlighted. */
export function Grid({ sheet, selected }: { sheet: ExcelJS.Worksheet; selected: { row: number; col: number } | null }) {
  const ref = useRef<HTMLTableCellElement | null>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "center", inline: "center" });
  }, [selected]);
  const rows = Math.min(sheet.rowCount, MAX_ROWS);
  const cols = Math.min(Math.max(sheet.columnCount, 1), MAX_COLS);
  return (
    <div className="grid-wrap">
      <table className="grid" aria-label={sheet.name}>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              <th scope="row">{r + 1}</th>
              {Array.from({ length: cols }, (_, c) => {
                const isSel = selected?.row === r + 1 && selected?.col === c + 1;
                return (
                  <td key={c} ref={isSel ? ref : undefined} className={isSel ? "selected" : undefined} aria-selected={isSel || undefined}>
                    {show(sheet.getCell(r + 1, c + 1).value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {sheet.rowCount > MAX_ROWS && <p className="more">…（共 {sheet.rowCount} 行，仅显示前 {MAX_ROWS} 行）</p>}
    </div>
  );
}

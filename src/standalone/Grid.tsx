import { useEffect, useRef, useState } from "react";
import { columnLabel } from "../core/a1";
import type { CellValue } from "../core/types";
import type { SheetPreview, WorkbookHost } from "../hosts/exceljs/browser";
import type { PageText } from "./text";

/** Rows read at a time: the first 300, or as many more as reach the selected cell. */
const ROWS_STEP = 300;
const MAX_COLS = 40;

/** A cell as the grid shows it: a date as its day (the calendar day the cell holds). */
function show(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  return String(v);
}

/** A row's part of the grid: a row shown, or a run of empty rows under charts, folded into one. */
type GridLine = { kind: "row"; r: number } | { kind: "folded"; from: number; to: number };

/**
 * The grid's lines: each row, except that a run of empty rows (no value, fill or note, and not
 * the selected cell) that a chart sits on, where the page draws it above the grid instead, is
 * folded into one line.
 */
export function gridLines(
  preview: SheetPreview,
  chartRows: readonly { top: number; bottom: number }[],
  selectedRow: number | null
): GridLine[] {
  const noted = new Set(preview.notes.map((n) => n.row));
  const empty = (r: number) =>
    selectedRow !== r + 1 &&
    preview.rows[r].every((v) => v === null || v === undefined || v === "") &&
    !(preview.fills[r] ?? []).some(Boolean) &&
    !noted.has(r + 1);
  const underChart = (row: number) => chartRows.some((c) => row >= c.top && row <= c.bottom);
  const out: GridLine[] = [];
  for (let r = 0; r < preview.rows.length;) {
    let end = r;
    while (end < preview.rows.length && empty(end)) end++;
    // Rows r … end-1 (0-based) are an empty run; folded where a chart sits on one of them.
    let charted = false;
    for (let k = r; k < end && !charted; k++) charted = underChart(k + 1);
    if (charted) out.push({ kind: "folded", from: r + 1, to: end });
    else for (let k = r; k < Math.max(end, r + 1); k++) out.push({ kind: "row", r: k });
    r = Math.max(end, r + 1);
  }
  return out;
}

/**
 * A read-only grid of one sheet (its first rows, read from the workbook) as Excel shows it: column
 * letters and row numbers, each cell's fill (the tool's marks: red errors, yellow hints), a note's
 * corner mark with its text on hover, and the selected cell (a problem clicked in the pane)
 * outlined and scrolled into view. The empty rows under the sheet's charts, which the page draws
 * above the grid, are folded into one line that says so.
 */
export function Grid({
  host,
  sheet,
  version,
  selected,
  text,
  chartRows,
}: {
  host: WorkbookHost;
  sheet: string;
  version: number;
  selected: { row: number; col: number } | null;
  text: PageText;
  /** The rows the sheet's charts cover (1-based, inclusive). */
  chartRows: readonly { top: number; bottom: number }[];
}) {
  const ref = useRef<HTMLTableCellElement | null>(null);
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  const maxRows = Math.max(
    ROWS_STEP,
    Math.ceil(((selected?.row ?? 0) + 50) / ROWS_STEP) * ROWS_STEP
  );
  useEffect(() => {
    let live = true;
    host.preview(sheet, maxRows).then(
      (p) => live && setPreview(p),
      () => live && setPreview({ rows: [], more: false, fills: [], notes: [] })
    );
    return () => {
      live = false;
    };
  }, [host, sheet, version, maxRows]);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "center", inline: "center" });
  }, [selected, preview]);
  if (!preview) return null;
  const notes = new Map(preview.notes.map((n) => [`${n.row},${n.column}`, n.text]));
  const cols = Math.min(
    Math.max(1, ...preview.rows.map((r) => r.length), ...preview.notes.map((n) => n.column)),
    MAX_COLS
  );
  return (
    <div className="grid-wrap">
      <table className="grid" aria-label={sheet}>
        <thead>
          <tr>
            <th className="corner" />
            {Array.from({ length: cols }, (_, c) => (
              <th key={c} scope="col">
                {columnLabel(c + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {gridLines(preview, chartRows, selected?.row ?? null).map((line) => {
            if (line.kind === "folded")
              return (
                <tr key={`f${line.from}`} className="under-charts">
                  <th scope="row">⋯</th>
                  <td colSpan={cols}>{text.underCharts(line.from, line.to)}</td>
                </tr>
              );
            const { r } = line;
            const row = preview.rows[r];
            return (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const isSel = selected?.row === r + 1 && selected?.col === c + 1;
                  const fill = preview.fills[r]?.[c] ?? undefined;
                  const note = notes.get(`${r + 1},${c + 1}`);
                  const classes = [isSel && "selected", note !== undefined && "noted"].filter(
                    Boolean
                  );
                  return (
                    <td
                      key={c}
                      ref={isSel ? ref : undefined}
                      className={classes.length ? classes.join(" ") : undefined}
                      aria-selected={isSel || undefined}
                      style={fill ? { background: fill } : undefined}
                      data-fill={fill}
                      title={note}
                    >
                      {show(row[c])}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {preview.more && <p className="more">{text.firstRows(maxRows)}</p>}
    </div>
  );
}

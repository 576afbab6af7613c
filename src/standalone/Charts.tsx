import { useEffect, useState } from "react";
import type { SheetChartView, WorkbookHost } from "../hosts/exceljs/browser";

/** The colours the workbook's charts are drawn in (chartParts.ts), in the same order. */
const PALETTE = [
  "#4472C4",
  "#ED7D31",
  "#A5A5A5",
  "#FFC000",
  "#5B9BD5",
  "#70AD47",
  "#264478",
  "#9E480E",
];
const color = (i: number) => PALETTE[i % PALETTE.length];
const W = 420;
const H = 240;
const PLOT = { left: 40, right: W - 10, top: 10, bottom: H - 34 };

function Legend({ names }: { names: string[] }) {
  return (
    <ul className="chart-legend">
      {names.map((n, i) => (
        <li key={i}>
          <span style={{ background: color(i) }} />
          {n}
        </li>
      ))}
    </ul>
  );
}

/** Each value's slice of a circle: its start and end angle (radians, from twelve o'clock). */
function arcs(values: readonly number[]): { from: number; to: number }[] {
  const total = values.reduce((a, b) => a + b, 0);
  const out: { from: number; to: number }[] = [];
  let at = -Math.PI / 2;
  for (const v of values) {
    const next = at + (total > 0 ? (v / total) * Math.PI * 2 : 0);
    out.push({ from: at, to: next });
    at = next;
  }
  return out;
}

function Pie({ chart }: { chart: SheetChartView }) {
  const values = (chart.data.series[0]?.values ?? []).map((v) => Math.max(0, v ?? 0));
  const total = values.reduce((a, b) => a + b, 0);
  const cx = W / 2;
  const cy = H / 2;
  const r = H / 2 - 10;
  const p = (t: number) => `${cx + r * Math.cos(t)},${cy + r * Math.sin(t)}`;
  const slices = arcs(values).map(({ from, to }, i) => {
    const label = `${chart.data.categories[i]}：${values[i]}（${total > 0 ? Math.round((values[i] / total) * 1000) / 10 : 0}%）`;
    if (to - from <= 0) return null;
    if (to - from >= Math.PI * 2 - 1e-9)
      return (
        <circle key={i} cx={cx} cy={cy} r={r} fill={color(i)}>
          <title>{label}</title>
        </circle>
      );
    return (
      <path
        key={i}
        d={`M${cx},${cy} L${p(from)} A${r},${r} 0 ${to - from > Math.PI ? 1 : 0} 1 ${p(to)} Z`}
        fill={color(i)}
        stroke="#fff"
      >
        <title>{label}</title>
      </path>
    );
  });
  return (
    <>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={chart.title}>
        {slices}
      </svg>
      <Legend names={chart.data.categories} />
    </>
  );
}

function Axes({ max, labels }: { max: number; labels: string[] }) {
  const step = (PLOT.right - PLOT.left) / Math.max(1, labels.length);
  return (
    <g className="chart-axes">
      <line x1={PLOT.left} y1={PLOT.bottom} x2={PLOT.right} y2={PLOT.bottom} stroke="#888" />
      <line x1={PLOT.left} y1={PLOT.top} x2={PLOT.left} y2={PLOT.bottom} stroke="#888" />
      <text x={PLOT.left - 4} y={PLOT.top + 8} textAnchor="end">
        {max}
      </text>
      <text x={PLOT.left - 4} y={PLOT.bottom} textAnchor="end">
        0
      </text>
      {labels.map((l, i) => (
        <text key={i} x={PLOT.left + step * (i + 0.5)} y={PLOT.bottom + 14} textAnchor="middle">
          {l.length > 8 ? `${l.slice(0, 7)}…` : l}
        </text>
      ))}
    </g>
  );
}

/** Bars: the categories down the left, each series' value a bar to the right (as Excel draws a bar chart). */
function Bars({ chart }: { chart: SheetChartView }) {
  const { categories, series } = chart.data;
  const plot = { left: 100, right: W - 30, top: 10, bottom: H - 20 };
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const x = (v: number) => (v / max) * (plot.right - plot.left);
  const step = (plot.bottom - plot.top) / Math.max(1, categories.length);
  const height = (step * 0.8) / Math.max(1, series.length);
  return (
    <>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={chart.title}>
        <g className="chart-axes">
          <line x1={plot.left} y1={plot.top} x2={plot.left} y2={plot.bottom} stroke="#888" />
          <line x1={plot.left} y1={plot.bottom} x2={plot.right} y2={plot.bottom} stroke="#888" />
          <text x={plot.left} y={plot.bottom + 14} textAnchor="middle">
            0
          </text>
          <text x={plot.right} y={plot.bottom + 14} textAnchor="middle">
            {max}
          </text>
          {categories.map((c, k) => (
            <text key={k} x={plot.left - 4} y={plot.top + step * (k + 0.5) + 4} textAnchor="end">
              {c.length > 7 ? `${c.slice(0, 6)}…` : c}
            </text>
          ))}
        </g>
        {categories.flatMap((c, k) =>
          series.map((s, i) => {
            const v = Math.max(0, s.values[k] ?? 0);
            return (
              <rect
                key={`${k}-${i}`}
                x={plot.left}
                y={plot.top + step * k + step * 0.1 + height * i}
                width={x(v)}
                height={height}
                fill={color(i)}
              >
                <title>{`${c} · ${s.name}：${v}`}</title>
              </rect>
            );
          })
        )}
      </svg>
      <Legend names={series.map((s) => s.name)} />
    </>
  );
}

/** Columns (grouped or stacked) and lines, over the categories. */
function XY({ chart }: { chart: SheetChartView }) {
  const { categories, series } = chart.data;
  const stacked = chart.kind === "columnStacked";
  const sums = categories.map((_, k) => series.reduce((a, s) => a + (s.values[k] ?? 0), 0));
  const max = Math.max(1, ...(stacked ? sums : series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const y = (v: number) => PLOT.bottom - (v / max) * (PLOT.bottom - PLOT.top);
  const step = (PLOT.right - PLOT.left) / Math.max(1, categories.length);
  const shapes =
    chart.kind === "line"
      ? series.map((s, i) => (
          <polyline
            key={i}
            fill="none"
            stroke={color(i)}
            strokeWidth={2}
            points={s.values
              .map((v, k) => `${PLOT.left + step * (k + 0.5)},${y(v ?? 0)}`)
              .join(" ")}
          >
            <title>{s.name}</title>
          </polyline>
        ))
      : categories.flatMap((c, k) => {
          let base = 0;
          const width = stacked ? step * 0.6 : (step * 0.8) / Math.max(1, series.length);
          return series.map((s, i) => {
            const v = s.values[k] ?? 0;
            const x = PLOT.left + step * k + (stacked ? step * 0.2 : step * 0.1 + width * i);
            const top = y(base + v);
            const h = y(base) - top;
            if (stacked) base += v;
            return (
              <rect
                key={`${k}-${i}`}
                x={x}
                y={top}
                width={width}
                height={Math.max(0, h)}
                fill={color(i)}
              >
                <title>{`${c} · ${s.name}：${v}`}</title>
              </rect>
            );
          });
        });
  return (
    <>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={chart.title}>
        <Axes max={max} labels={categories} />
        {shapes}
      </svg>
      <Legend names={series.map((s) => s.name)} />
    </>
  );
}

/** The charts of the sheet shown, read again whenever the workbook changes. */
export function useSheetCharts(
  host: WorkbookHost,
  sheet: string,
  version: number
): SheetChartView[] {
  const [charts, setCharts] = useState<SheetChartView[]>([]);
  useEffect(() => {
    let live = true;
    host.charts(sheet).then(
      (c) => live && setCharts(c),
      () => live && setCharts([])
    );
    return () => {
      live = false;
    };
  }, [host, sheet, version]);
  return charts;
}

/**
 * The charts of the sheet shown, drawn from the values their parts cache (as LibreOffice or WPS
 * show them before recalculating): the page has no chart engine, so these are pictures of the
 * workbook's charts, which stay Excel charts in the file the page downloads.
 */
export function Charts({ charts }: { charts: readonly SheetChartView[] }) {
  if (charts.length === 0) return null;
  return (
    <div className="charts">
      {charts.map((c, i) => (
        <figure key={i} className="chart">
          <figcaption>{c.title}</figcaption>
          {c.kind === "pie" ? (
            <Pie chart={c} />
          ) : c.kind === "bar" ? (
            <Bars chart={c} />
          ) : (
            <XY chart={c} />
          )}
        </figure>
      ))}
    </div>
  );
}

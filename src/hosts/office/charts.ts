import { blockAddress } from "../../core/a1";
import { type ChartKind, chartData } from "../../core/docs/chart";
import type { SheetDoc } from "../../core/docs/sheetDoc";
import type { WriteContext } from "./write";

const EXCEL_TYPE: Record<ChartKind, `${Excel.ChartType}`> = {
  column: "ColumnClustered",
  columnStacked: "ColumnStacked",
  bar: "BarClustered",
  pie: "Pie",
  line: "LineMarkers",
};

const address = (b: { top: number; left: number; bottom: number; right: number }) =>
  blockAddress(b.top, b.left, b.bottom, b.right);

/**
 * A sheet's charts (SheetDoc.charts) as native Excel charts: each made from its first series'
 * cells (one row or one column: one series), then every series given its values, category labels
 * and name as the core planned them, then its title, legend and place over the cells of its
 * anchor. All in the batch: no sync of its own. Series by range are ExcelApi 1.7, the add-in's
 * minimum.
 */
export async function renderCharts(
  w: WriteContext,
  ws: Excel.Worksheet,
  doc: SheetDoc
): Promise<void> {
  for (const spec of doc.charts ?? []) {
    const data = chartData(spec, doc.cells);
    await w.batch.add(1024, () => {
      const first = spec.series[0].values;
      const byColumns = first.left === first.right;
      const chart = ws.charts.add(
        EXCEL_TYPE[spec.kind],
        ws.getRange(address(first)),
        byColumns ? "Columns" : "Rows"
      );
      spec.series.forEach((s, i) => {
        const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(data.series[i].name);
        series.setValues(ws.getRange(address(s.values)));
        series.setXAxisValues(ws.getRange(address(spec.categories)));
        series.name = data.series[i].name;
      });
      chart.title.text = spec.title;
      chart.legend.position = "Bottom";
      const a = spec.anchor;
      chart.setPosition(
        address({ ...a, bottom: a.top, right: a.left }),
        address({ ...a, top: a.bottom, left: a.right })
      );
    });
  }
}

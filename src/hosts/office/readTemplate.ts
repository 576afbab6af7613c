import { A4_PORTRAIT, type DocCell, type DocMerge, type SheetDoc } from "../../core/docs/sheetDoc";
import { parseAreas } from "../../core/a1";
import { type ApiSupport, FEATURE } from "./api";
import { fromExcelValue } from "./cellValues";
import type { OfficeCellStyle, OfficePrint } from "./renderDoc";
import { pointsToWidth } from "./styles";

/** What a custom template keeps and loses on this Excel. */
export const TEMPLATE_NOTES = {
  noFormats:
    "本机 Excel 读不出模板的格式（需要 ExcelApi 1.9）：新表只按模板的文字和合并单元格填写，字体、边框、列宽、行高和页面设置未保留。",
  noMerges:
    "本机 Excel 读不出模板的合并单元格（需要 ExcelApi 1.13）：新表中模板的合并单元格未合并。",
};

const FORMAT_OPTIONS: Excel.CellPropertiesLoadOptions = {
  format: {
    font: { name: true, size: true, bold: true, italic: true, color: true, underline: true },
    fill: { color: true, pattern: true },
    borders: { style: true, color: true, weight: true },
    horizontalAlignment: true,
    verticalAlignment: true,
    wrapText: true,
    indentLevel: true,
  },
};

/** Keeps of a cell's read properties what can be set again: no empty fill, the four sides' borders. */
function settable(p: Excel.CellProperties | undefined): Excel.SettableCellProperties {
  const f = p?.format;
  if (!f) return {};
  const format: Excel.CellPropertiesFormat = {};
  if (f.font) format.font = f.font;
  if (f.fill && f.fill.pattern !== "None" && f.fill.color) format.fill = { color: f.fill.color };
  if (f.borders) {
    const { top, bottom, left, right } = f.borders;
    format.borders = { top, bottom, left, right };
  }
  if (f.horizontalAlignment !== undefined) format.horizontalAlignment = f.horizontalAlignment;
  if (f.verticalAlignment !== undefined) format.verticalAlignment = f.verticalAlignment;
  if (f.wrapText !== undefined) format.wrapText = f.wrapText;
  if (f.indentLevel !== undefined) format.indentLevel = f.indentLevel;
  return { format };
}

/** The template's print scaling without the empty members Excel reports (a scale, or fit to pages). */
function zoomOf(
  z: Excel.PageLayoutZoomOptions | undefined
): Excel.PageLayoutZoomOptions | undefined {
  if (!z) return undefined;
  if (typeof z.scale === "number") return { scale: z.scale };
  const out: Excel.PageLayoutZoomOptions = {};
  if (typeof z.horizontalFitToPages === "number") out.horizontalFitToPages = z.horizontalFitToPages;
  if (typeof z.verticalFitToPages === "number") out.verticalFitToPages = z.verticalFitToPages;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * A custom template sheet (模板-例会记录, 模板-情况通报) as a SheetDoc, so that the core's
 * fillTemplate fills it as it does for the exceljs host. Read in one sync, from A1 to the end of
 * the used range: values, number formats and, with ExcelApi 1.9, every cell's font, fill, borders
 * and alignment (getCellProperties), row heights, column widths and the page setup; merged cells
 * with ExcelApi 1.13. Not kept: pictures and shapes, charts, conditional formats, data
 * validation, notes and comments, hyperlinks, rich text within a cell, diagonal borders and
 * formulas (a formula is kept as its value).
 */
export async function readTemplate(
  context: Excel.RequestContext,
  api: ApiSupport,
  sheetName: string,
  note: (message: string) => void
): Promise<SheetDoc> {
  const ws = context.workbook.worksheets.getItem(sheetName);
  const rect = ws.getRange("A1").getBoundingRect(ws.getUsedRange(false));
  rect.load("values,numberFormat,rowCount,columnCount");
  const withFormats = api.excel(FEATURE.cellProperties);
  const withMerges = api.excel(FEATURE.mergedAreas);
  const cellProps = withFormats ? rect.getCellProperties(FORMAT_OPTIONS) : null;
  const rowProps = withFormats ? rect.getRowProperties({ format: { rowHeight: true } }) : null;
  const colProps = withFormats ? rect.getColumnProperties({ format: { columnWidth: true } }) : null;
  // The page setup, through a second proxy of the same sheet (navigation, nothing to load).
  const page = withFormats ? context.workbook.worksheets.getItem(sheetName).pageLayout : null;
  const layout = page;
  const headerFooter = page ? page.headersFooters.defaultForAllPages : null;
  const titleRows = page ? page.getPrintTitleRowsOrNullObject() : null;
  if (layout)
    layout.load(
      "orientation,paperSize,leftMargin,rightMargin,topMargin,bottomMargin,headerMargin,footerMargin,centerHorizontally,centerVertically,printGridlines,zoom"
    );
  if (headerFooter)
    headerFooter.load("leftHeader,centerHeader,rightHeader,leftFooter,centerFooter,rightFooter");
  if (titleRows) titleRows.load("address");
  const merged = withMerges ? rect.getMergedAreasOrNullObject() : null;
  if (merged) merged.load("address");
  await context.sync();
  if (!withFormats) note(TEMPLATE_NOTES.noFormats);
  if (!withMerges) note(TEMPLATE_NOTES.noMerges);

  const cells: DocCell[] = [];
  const numberFormats = rect.numberFormat;
  rect.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const style: OfficeCellStyle = {
        office: true,
        props: settable(cellProps?.value[i]?.[j]),
        numberFormat: String(numberFormats[i]?.[j] ?? "General"),
      };
      cells.push({ r: i + 1, c: j + 1, value: fromExcelValue(v), style: { host: style } });
    })
  );
  const merges: DocMerge[] =
    merged && !merged.isNullObject
      ? parseAreas(merged.address).map((b) => ({
          top: b.top,
          left: b.left,
          bottom: b.bottom,
          right: b.right,
        }))
      : [];
  const heights: Record<number, number> = {};
  rowProps?.value.forEach((r, i) => {
    if (r.format?.rowHeight) heights[i + 1] = r.format.rowHeight;
  });
  const widths = colProps
    ? colProps.value.map((c) => pointsToWidth(c.format?.columnWidth ?? 48))
    : new Array(rect.columnCount).fill(9);
  let hostPrint: OfficePrint | undefined;
  if (layout && headerFooter) {
    hostPrint = {
      office: true,
      layout: {
        orientation: layout.orientation,
        paperSize: layout.paperSize,
        leftMargin: layout.leftMargin,
        rightMargin: layout.rightMargin,
        topMargin: layout.topMargin,
        bottomMargin: layout.bottomMargin,
        headerMargin: layout.headerMargin,
        footerMargin: layout.footerMargin,
        centerHorizontally: layout.centerHorizontally,
        centerVertically: layout.centerVertically,
        printGridlines: layout.printGridlines,
        zoom: zoomOf(layout.zoom),
      },
      headerFooter: {
        leftHeader: headerFooter.leftHeader,
        centerHeader: headerFooter.centerHeader,
        rightHeader: headerFooter.rightHeader,
        leftFooter: headerFooter.leftFooter,
        centerFooter: headerFooter.centerFooter,
        rightFooter: headerFooter.rightFooter,
      },
      titleRows:
        titleRows && !titleRows.isNullObject ? titleRows.address.replace(/^.*!/, "") : null,
    };
  }
  return {
    name: sheetName,
    cells,
    merges,
    widths,
    heights,
    print: { ...A4_PORTRAIT, footer: undefined, horizontalCentered: false },
    hostPrint,
  };
}

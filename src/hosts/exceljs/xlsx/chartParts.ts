/**
 * Native Excel charts for the sheets this host writes: a drawing part with one anchored frame per
 * chart, and a chart part (DrawingML, ECMA-376 Part 1 §21.2) per chart, its data referring to the
 * sheet's own cells with their values cached, so that Excel, WPS and LibreOffice draw it on opening
 * and users can edit it as any chart.
 *
 * Why this module: exceljs (which this project used to write with, and still reads with in tests)
 * writes no charts, and no maintained npm library writes chart parts into a workbook; the parts
 * are few and fixed in form (column, stacked column, bar, pie, line), so they are written here.
 */
import { type Block, columnLetter, sheetRef } from "../../../core/a1";
import type { ChartData, ChartKind, ChartSpec } from "../../../core/docs/chart";
import { escapeAttr, escapeText } from "./xml";

/** A chart and what it shows now (the caches). */
export interface SheetChart {
  spec: ChartSpec;
  data: ChartData;
}

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Chinese text in charts: 宋体 where it is, another Chinese font where not (never boxes). */
const EAST_ASIAN_FONT = "宋体";

/**
 * The series' colours, given outright: a chart's own colours come from the workbook's theme, which
 * the workbooks this host makes do not carry (LibreOffice then draws nothing but the labels).
 */
const PALETTE = [
  "4472C4",
  "ED7D31",
  "A5A5A5",
  "FFC000",
  "5B9BD5",
  "70AD47",
  "264478",
  "9E480E",
  "636363",
  "997300",
  "255E91",
  "43682B",
];
const color = (i: number) => PALETTE[i % PALETTE.length];
const fill = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

/** 'Sheet'!$B$5:$B$9 */
function ref(sheet: string, b: Block): string {
  const cell = (r: number, c: number) => `$${columnLetter(c)}$${r}`;
  const from = cell(b.top, b.left);
  const to = cell(b.bottom, b.right);
  return `${sheetRef(sheet)}!${from === to ? from : `${from}:${to}`}`;
}

const val = (tag: string, v: string | number) => `<c:${tag} val="${escapeAttr(String(v))}"/>`;

function strRef(f: string, values: readonly string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${escapeText(f)}</c:f><c:strCache>${val("ptCount", values.length)}${pts}</c:strCache></c:strRef>`;
}

function numRef(f: string, values: readonly (number | null)[]): string {
  const pts = values
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join("");
  return `<c:numRef><c:f>${escapeText(f)}</c:f><c:numCache><c:formatCode>General</c:formatCode>${val("ptCount", values.length)}${pts}</c:numCache></c:numRef>`;
}

/** Text properties: size in hundredths of a point, the Chinese font for East Asian characters. */
function textProps(size: number, bold = false): string {
  return (
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}">` +
    `<a:ea typeface="${EAST_ASIAN_FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`
  );
}

function title(text: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="1200" b="1"><a:ea typeface="${EAST_ASIAN_FONT}"/></a:rPr>` +
    `<a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx>${val("overlay", 0)}</c:title>`
  );
}

function series(chart: SheetChart, sheet: string, kind: ChartKind): string {
  const cat = ref(sheet, chart.spec.categories);
  return chart.spec.series
    .map((s, i) => {
      const d = chart.data.series[i];
      const name =
        typeof s.name === "string"
          ? `<c:v>${escapeText(s.name)}</c:v>`
          : strRef(
              ref(sheet, { top: s.name.r, left: s.name.c, bottom: s.name.r, right: s.name.c }),
              [d.name]
            );
      const own = color(i);
      const shape =
        kind === "line"
          ? `<c:spPr><a:ln w="28575" cap="rnd">${fill(own)}<a:round/></a:ln></c:spPr>` +
            `<c:marker>${val("symbol", "circle")}${val("size", 6)}<c:spPr>${fill(own)}<a:ln>${fill(own)}</a:ln></c:spPr></c:marker>`
          : kind === "pie"
            ? chart.data.categories
                .map(
                  (_, k) =>
                    `<c:dPt>${val("idx", k)}${val("bubble3D", 0)}<c:spPr>${fill(color(k))}` +
                    `<a:ln>${fill("FFFFFF")}</a:ln></c:spPr></c:dPt>`
                )
                .join("")
            : `<c:spPr>${fill(own)}</c:spPr>${val("invertIfNegative", 0)}`;
      return (
        `<c:ser>${val("idx", i)}${val("order", i)}<c:tx>${name}</c:tx>${shape}` +
        `<c:cat>${strRef(cat, chart.data.categories)}</c:cat>` +
        `<c:val>${numRef(ref(sheet, s.values), d.values)}</c:val>` +
        (kind === "line" ? val("smooth", 0) : "") +
        `</c:ser>`
      );
    })
    .join("");
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;
const AX_IDS = val("axId", CAT_AX) + val("axId", VAL_AX);

/** The category and value axes of a column, bar or line chart (a bar chart's run the other way). */
function axes(horizontal: boolean): string {
  const common =
    val("majorTickMark", "out") + val("minorTickMark", "none") + val("tickLblPos", "nextTo");
  return (
    `<c:catAx>${val("axId", CAT_AX)}<c:scaling>${val("orientation", horizontal ? "maxMin" : "minMax")}</c:scaling>` +
    `${val("delete", 0)}${val("axPos", horizontal ? "l" : "b")}<c:numFmt formatCode="General" sourceLinked="0"/>` +
    `${common}${textProps(900)}${val("crossAx", VAL_AX)}${val("crosses", "autoZero")}` +
    `${val("auto", 1)}${val("lblAlgn", "ctr")}${val("lblOffset", 100)}${val("noMultiLvlLbl", 0)}</c:catAx>` +
    `<c:valAx>${val("axId", VAL_AX)}<c:scaling>${val("orientation", "minMax")}</c:scaling>${val("delete", 0)}` +
    `${val("axPos", horizontal ? "b" : "l")}<c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `${common}${textProps(900)}${val("crossAx", CAT_AX)}${val("crosses", horizontal ? "max" : "autoZero")}` +
    `${val("crossBetween", "between")}</c:valAx>`
  );
}

/** The plot: the chart type's element with its series, and the axes where it has them. */
function plot(chart: SheetChart, sheet: string): string {
  const kind = chart.spec.kind;
  const ser = series(chart, sheet, kind);
  if (kind === "pie")
    return (
      `<c:pieChart>${val("varyColors", 1)}${ser}<c:dLbls>${val("showLegendKey", 0)}${val("showVal", 0)}` +
      `${val("showCatName", 0)}${val("showSerName", 0)}${val("showPercent", 1)}${val("showBubbleSize", 0)}` +
      `${val("showLeaderLines", 1)}</c:dLbls>${val("firstSliceAng", 0)}</c:pieChart>`
    );
  if (kind === "line")
    return (
      `<c:lineChart>${val("grouping", "standard")}${val("varyColors", 0)}${ser}` +
      `<c:marker val="1"/>${AX_IDS}</c:lineChart>${axes(false)}`
    );
  const stacked = kind === "columnStacked";
  const horizontal = kind === "bar";
  return (
    `<c:barChart>${val("barDir", horizontal ? "bar" : "col")}${val("grouping", stacked ? "stacked" : "clustered")}` +
    `${val("varyColors", 0)}${ser}${val("gapWidth", 80)}${stacked ? val("overlap", 100) : ""}${AX_IDS}</c:barChart>` +
    axes(horizontal)
  );
}

/** A chart part (xl/charts/chartN.xml): title, plot, legend below. */
export function chartXml(chart: SheetChart, sheet: string): string {
  return (
    `${HEAD}<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    `${val("roundedCorners", 0)}<c:chart>${title(chart.spec.title)}${val("autoTitleDeleted", 0)}` +
    `<c:plotArea><c:layout/>${plot(chart, sheet)}</c:plotArea>` +
    `<c:legend>${val("legendPos", "b")}${val("overlay", 0)}${textProps(900)}</c:legend>` +
    `${val("plotVisOnly", 1)}${val("dispBlanksAs", "gap")}</c:chart>${textProps(1000)}</c:chartSpace>`
  );
}

/**
 * A drawing part (xl/drawings/drawingN.xml): each chart in a frame anchored to the cells it covers
 * (moved and sized with them), pointing at its chart part by relationship id.
 */
export function drawingXml(
  frames: readonly { anchor: Block; relId: string; title: string }[]
): string {
  const marker = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const anchors = frames
    .map(
      (f, i) =>
        `<xdr:twoCellAnchor>${marker("from", f.anchor.left - 1, f.anchor.top - 1)}` +
        `${marker("to", f.anchor.right, f.anchor.bottom)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(f.title)}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" r:id="${escapeAttr(f.relId)}"/>` +
        `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    )
    .join("");
  return `${HEAD}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">${anchors}</xdr:wsDr>`;
}

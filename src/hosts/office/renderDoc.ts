import { renderCharts } from "./charts";
import {
  type DocCell,
  type DocStyle,
  type HostStyle,
  type PrintSetup,
  type SheetDoc,
  isDocStyle,
} from "../../core/docs/sheetDoc";
import type { CellValue } from "../../core/types";
import { blockAddress, cellAddress, columnAddress, rowAddress } from "../../core/a1";
import { FEATURE } from "./api";
import { DATE_FORMAT } from "./cellValues";
import { jsonBytes } from "./payload";
import { applyCellProperties, cellProperties, widthToPoints } from "./styles";
import { type WriteContext, forCellRuns, inBlocks, writeValues } from "./write";

/** The style of a cell of a custom template, as read by readTemplate (the core carries it untouched). */
export interface OfficeCellStyle {
  office: true;
  props: Excel.SettableCellProperties;
  numberFormat: string;
}

/** The page setup of a custom template, as read by readTemplate. */
export interface OfficePrint {
  office: true;
  layout: Partial<
    Pick<
      Excel.PageLayout,
      | "orientation"
      | "paperSize"
      | "leftMargin"
      | "rightMargin"
      | "topMargin"
      | "bottomMargin"
      | "headerMargin"
      | "footerMargin"
      | "centerHorizontally"
      | "centerVertically"
      | "printGridlines"
      | "zoom"
    >
  >;
  headerFooter: Partial<
    Record<
      "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter",
      string
    >
  >;
  titleRows: string | null;
}

const officeStyle = (s: DocStyle | HostStyle | undefined): OfficeCellStyle | null => {
  if (!s || isDocStyle(s)) return null;
  const h = s.host as Partial<OfficeCellStyle> | null;
  return h && h.office === true ? (h as OfficeCellStyle) : null;
};

function styleOf(c: DocCell): { props: Excel.SettableCellProperties; numberFormat: string | null } {
  if (isDocStyle(c.style))
    return { props: cellProperties(c.style), numberFormat: c.style.numFmt ?? null };
  const o = officeStyle(c.style);
  return o ? { props: o.props, numberFormat: o.numberFormat } : { props: {}, numberFormat: null };
}

/** "&L…&C第 &P 页&R…" (Excel's header/footer codes) → its left, centre and right parts. */
export function footerSections(code: string): { left?: string; center?: string; right?: string } {
  const parts = code.split(/(&[LCR])/);
  if (parts.length === 1) return { center: code };
  const out: { left?: string; center?: string; right?: string } = {};
  const key = { "&L": "left", "&C": "center", "&R": "right" } as const;
  for (let i = 1; i < parts.length; i += 2)
    out[key[parts[i] as keyof typeof key]] = parts[i + 1] ?? "";
  return out;
}

/** "8:8" → "$8:$8" (print titles are absolute rows). */
const absoluteRows = (rows: string) => rows.replace(/(\d+)/g, "$$$1");

async function pageSetup(w: WriteContext, ws: Excel.Worksheet, doc: SheetDoc): Promise<void> {
  const host = doc.hostPrint as Partial<OfficePrint> | undefined;
  if (host?.office) {
    await w.batch.add(1024, () => {
      const pl = ws.pageLayout;
      const l = host.layout ?? {};
      if (l.orientation !== undefined) pl.orientation = l.orientation;
      if (l.paperSize !== undefined) pl.paperSize = l.paperSize;
      if (l.leftMargin !== undefined) pl.leftMargin = l.leftMargin;
      if (l.rightMargin !== undefined) pl.rightMargin = l.rightMargin;
      if (l.topMargin !== undefined) pl.topMargin = l.topMargin;
      if (l.bottomMargin !== undefined) pl.bottomMargin = l.bottomMargin;
      if (l.headerMargin !== undefined) pl.headerMargin = l.headerMargin;
      if (l.footerMargin !== undefined) pl.footerMargin = l.footerMargin;
      if (l.centerHorizontally !== undefined) pl.centerHorizontally = l.centerHorizontally;
      if (l.centerVertically !== undefined) pl.centerVertically = l.centerVertically;
      if (l.printGridlines !== undefined) pl.printGridlines = l.printGridlines;
      if (l.zoom) pl.zoom = l.zoom;
      const hf = pl.headersFooters.defaultForAllPages;
      for (const [k, v] of Object.entries(host.headerFooter ?? {}))
        if (v !== undefined) hf[k as keyof OfficePrint["headerFooter"]] = v;
      if (host.titleRows) pl.setPrintTitleRows(host.titleRows);
    });
    return;
  }
  const p: PrintSetup = doc.print;
  await w.batch.add(1024, () => {
    const pl = ws.pageLayout;
    pl.paperSize = "A4";
    pl.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
    pl.setPrintMargins("Inches", {
      left: p.margins.left,
      right: p.margins.right,
      top: p.margins.top,
      bottom: p.margins.bottom,
      header: p.margins.header,
      footer: p.margins.footer,
    });
    pl.centerHorizontally = p.horizontalCentered;
    // Fit to one page wide; the height is left automatic (OOXML's fitToHeight="0"), which
    // Office.js expresses by giving no verticalFitToPages.
    pl.zoom =
      p.fitToHeight > 0
        ? { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight }
        : { horizontalFitToPages: p.fitToWidth };
    if (p.printTitlesRow) pl.setPrintTitleRows(absoluteRows(p.printTitlesRow));
    if (p.printArea) pl.setPrintArea(p.printArea);
    for (const row of p.rowBreaks ?? []) ws.horizontalPageBreaks.add(cellAddress(row, 1));
    if (p.footer) {
      const f = footerSections(p.footer);
      const hf = pl.headersFooters.defaultForAllPages;
      if (f.left !== undefined) hf.leftFooter = f.left;
      if (f.center !== undefined) hf.centerFooter = f.center;
      if (f.right !== undefined) hf.rightFooter = f.right;
    }
  });
}

export const PAGE_LAYOUT_NOTE =
  "本机 Excel 不支持页面设置（需要 ExcelApi 1.9）：纸张、页边距、缩放、打印标题和页脚未设置，请在“页面布局”中手工设置。";

/**
 * Writes a sheet made by the core (or a filled custom template) into an empty worksheet: number
 * formats, values, formulas (written as formulas), merges, cell styles (setCellProperties in row
 * blocks where ExcelApi 1.9 is there, else property by property), column widths, row heights and
 * the page setup (A4, margins, fit to one page wide, print titles, page-number footer; ExcelApi 1.9).
 */
export async function renderDoc(
  w: WriteContext,
  ws: Excel.Worksheet,
  doc: SheetDoc
): Promise<void> {
  // Loops, not Math.max(...): a summary can list many thousand members.
  let maxRow = 0;
  let maxCol = 0;
  for (const c of doc.cells) {
    maxRow = Math.max(maxRow, c.r);
    maxCol = Math.max(maxCol, c.c);
  }
  for (const m of doc.merges) {
    maxRow = Math.max(maxRow, m.bottom);
    maxCol = Math.max(maxCol, m.right);
  }
  for (const r of Object.keys(doc.heights)) maxRow = Math.max(maxRow, Number(r));
  const values: CellValue[][] = Array.from({ length: maxRow }, () => new Array(maxCol).fill(null));
  const formats: string[][] = Array.from({ length: maxRow }, () =>
    new Array(maxCol).fill("General")
  );
  const props: Excel.SettableCellProperties[][] = Array.from({ length: maxRow }, () =>
    Array.from({ length: maxCol }, () => ({}))
  );
  let anyFormat = false;
  const formulas: DocCell[] = [];
  for (const c of doc.cells) {
    const s = styleOf(c);
    values[c.r - 1][c.c - 1] = c.formula ? null : c.value;
    if (c.formula) formulas.push(c);
    const nf = s.numberFormat ?? (c.value instanceof Date ? DATE_FORMAT : null);
    if (nf && nf !== "General") {
      formats[c.r - 1][c.c - 1] = nf;
      anyFormat = true;
    }
    props[c.r - 1][c.c - 1] = s.props;
  }
  for (let i = 0; i < doc.widths.length; i++) {
    const points = widthToPoints(doc.widths[i]);
    await w.batch.add(64, () => (ws.getRange(columnAddress(i + 1)).format.columnWidth = points));
  }
  for (const [row, h] of Object.entries(doc.heights))
    await w.batch.add(64, () => (ws.getRange(rowAddress(Number(row))).format.rowHeight = h));
  if (maxRow > 0 && maxCol > 0) {
    if (anyFormat) {
      const address = blockAddress(1, 1, maxRow, maxCol);
      await w.batch.add(jsonBytes(formats), () => (ws.getRange(address).numberFormat = formats));
    }
    await writeValues(w, ws, 1, 1, values, maxCol);
  }
  for (const c of formulas) {
    const formula = "=" + c.formula;
    await w.batch.add(formula.length, () => {
      ws.getRange(cellAddress(c.r, c.c)).formulas = [[formula]];
    });
  }
  for (const m of doc.merges) {
    const address = blockAddress(m.top, m.left, m.bottom, m.right);
    await w.batch.add(address.length, () => ws.getRange(address).merge(false));
  }
  if (maxRow > 0 && maxCol > 0) {
    if (w.api.excel(FEATURE.cellProperties)) {
      await inBlocks(
        w.batch,
        props.map((r) => jsonBytes(r)),
        (start, end) =>
          ws
            .getRange(blockAddress(start + 1, 1, end, maxCol))
            .setCellProperties(props.slice(start, end))
      );
    } else {
      const groups = new Map<
        string,
        { props: Excel.SettableCellProperties; cells: { row: number; column: number }[] }
      >();
      props.forEach((row, i) =>
        row.forEach((p, j) => {
          if (!p.format) return;
          const key = JSON.stringify(p);
          if (!groups.has(key)) groups.set(key, { props: p, cells: [] });
          groups.get(key)!.cells.push({ row: i + 1, column: j + 1 });
        })
      );
      for (const g of groups.values())
        await forCellRuns(w, ws, g.cells, (range) => applyCellProperties(range, g.props));
    }
  }
  await renderCharts(w, ws, doc);
  if (w.api.excel(FEATURE.pageLayout)) await pageSetup(w, ws, doc);
  else w.note(PAGE_LAYOUT_NOTE);
}

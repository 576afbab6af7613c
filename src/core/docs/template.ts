import { maskSensitiveText } from "../privacy";
import type { CellValue } from "../types";
import type { DocCell, DocMerge, SheetDoc } from "./sheetDoc";

export const MEETING_TEMPLATE_SHEET = "模板-例会记录";
export const BULLETIN_TEMPLATE_SHEET = "模板-情况通报";

/** A repeated item: a plain string ({{.}} or {{列表名}}), or named fields ({{措施}}, {{责任人}}…). */
export type TemplateItem = string | Record<string, string>;

export interface TemplateData {
  values: Record<string, string>;
  lists: Record<string, TemplateItem[]>;
}

export interface FilledTemplate {
  doc: SheetDoc;
  /** Placeholders the template names that we do not know: reported, and left visible in the sheet. */
  unknown: string[];
}

const PLACEHOLDER = /\{\{\s*([^{}#/\s][^{}]*?)\s*\}\}/g;
const OPEN = /\{\{\s*#\s*([^{}]+?)\s*\}\}/;
const CLOSE = /\{\{\s*\/\s*([^{}]+?)\s*\}\}/;

interface Block {
  key: string;
  start: number;
  end: number;
}

function findBlocks(cells: readonly DocCell[]): Block[] {
  const opens = new Map<string, number>();
  const blocks: Block[] = [];
  const sorted = [...cells].sort((a, b) => a.r - b.r || a.c - b.c);
  for (const cell of sorted) {
    if (typeof cell.value !== "string") continue;
    const o = OPEN.exec(cell.value);
    if (o && !opens.has(o[1])) opens.set(o[1], cell.r);
    const c = CLOSE.exec(cell.value);
    if (c && opens.has(c[1])) {
      blocks.push({ key: c[1], start: opens.get(c[1])!, end: cell.r });
      opens.delete(c[1]);
    }
  }
  return blocks
    .sort((a, b) => a.start - b.start)
    .filter((b, i, all) => i === 0 || b.start > all[i - 1].end);
}

function fill(
  text: string,
  lookup: (key: string) => string | undefined,
  unknown: Set<string>
): CellValue {
  const stripped = text.replace(OPEN, "").replace(CLOSE, "");
  const out = stripped.replace(PLACEHOLDER, (whole, key: string) => {
    const v = lookup(key);
    if (v === undefined) {
      unknown.add(key);
      return whole;
    }
    return v;
  });
  return out;
}

/**
 * Fills a custom template sheet: its layout, styles, merges, widths and print setup are kept;
 * {{名称}} placeholders are replaced, and rows between {{#列表}} and {{/列表}} are repeated once per item.
 */
export function fillTemplate(template: SheetDoc, name: string, data: TemplateData): FilledTemplate {
  const unknown = new Set<string>();
  const blocks = findBlocks(template.cells);
  /** Where a template row goes: for rows in a block, one target per item. */
  const rowMap = new Map<number, number[]>();
  const lastRow = Math.max(
    0,
    ...template.cells.map((c) => c.r),
    ...Object.keys(template.heights).map(Number),
    ...template.merges.map((m) => m.bottom)
  );
  let shift = 0;
  let r = 1;
  const itemOf = new Map<string, TemplateItem>();
  while (r <= lastRow) {
    const block = blocks.find((b) => b.start === r);
    if (!block) {
      rowMap.set(r, [r + shift]);
      r++;
      continue;
    }
    const items = data.lists[block.key] ?? [];
    const size = block.end - block.start + 1;
    for (let k = 0; k < size; k++)
      rowMap.set(
        block.start + k,
        items.map((_, i) => block.start + k + shift + i * size)
      );
    items.forEach((item, i) => {
      for (let k = 0; k < size; k++) itemOf.set(`${block.start + k + shift + i * size}`, item);
    });
    if (!data.lists[block.key]) unknown.add(`#${block.key}`);
    shift += (items.length - 1) * size;
    r = block.end + 1;
  }
  const blockKeyOfRow = (row: number) => blocks.find((b) => row >= b.start && row <= b.end)?.key;
  const cells: DocCell[] = [];
  for (const cell of template.cells) {
    const key = blockKeyOfRow(cell.r);
    for (const target of rowMap.get(cell.r) ?? []) {
      const item = itemOf.get(`${target}`);
      const lookup = (k: string): string | undefined => {
        if (key !== undefined && item !== undefined) {
          if (typeof item === "string" && (k === "." || k === key)) return item;
          if (typeof item === "object" && k in item) return item[k];
        }
        return data.values[k];
      };
      const value = typeof cell.value === "string" ? fill(cell.value, lookup, unknown) : cell.value;
      cells.push({
        ...cell,
        r: target,
        value: typeof value === "string" ? maskSensitiveText(value) : value,
      });
    }
  }
  const merges: DocMerge[] = [];
  for (const m of template.merges) {
    const tops = rowMap.get(m.top) ?? [];
    const bottoms = rowMap.get(m.bottom) ?? [];
    tops.forEach((top, i) => {
      const bottom = bottoms[Math.min(i, bottoms.length - 1)];
      if (bottom !== undefined && bottom >= top) merges.push({ ...m, top, bottom });
    });
  }
  const heights: Record<number, number> = {};
  for (const [row, h] of Object.entries(template.heights))
    for (const target of rowMap.get(+row) ?? []) heights[target] = h;
  const print = { ...template.print, printArea: undefined };
  return { doc: { ...template, name, cells, merges, heights, print }, unknown: [...unknown] };
}

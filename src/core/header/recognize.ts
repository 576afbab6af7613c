import { FIELDS, type FieldKey } from "../schema";
import { cellText, isBlank, lookupKey } from "../text";
import type { CellValue } from "../types";
import { HEADER_LOOKUP } from "./aliases";

/** Header text made comparable: NFKC, no spaces, no *, no colon, no (…) remark at the end. */
export function normalizeHeaderText(s: string): string {
  return lookupKey(s)
    .replace(/^[*＊※]+|[*＊※:：]+$/g, "")
    .replace(/[(（][^)）]*[)）]$/, "");
}

/** The canonical field a header cell names, or null. */
export function fieldForHeader(v: CellValue | undefined): FieldKey | null {
  const text = v === undefined ? null : cellText(v);
  if (text === null || text.length > 40) return null;
  const key = lookupKey(text);
  return HEADER_LOOKUP.get(key) ?? HEADER_LOOKUP.get(normalizeHeaderText(text)) ?? null;
}

/** Where a source column goes. */
export interface ColumnMapping {
  /** 1-based column in the source. */
  sourceColumn: number;
  /** Header text as it was (both rows of a two-row header joined by "/"), "" if none. */
  original: string;
  field: FieldKey | null;
  /** Why a column is not mapped: not a registry column, or a second column for one field. */
  unmapped?: "unknown" | "duplicate";
  /** For a duplicate: the field an earlier column already has. */
  duplicateOf?: FieldKey;
}

export interface HeaderInfo {
  /** 1-based source rows that make the header (one, or two for a two-row header). */
  rows: number[];
  columns: ColumnMapping[];
  /** Field → 1-based source column, for mapped fields. */
  fieldColumns: Partial<Record<FieldKey, number>>;
}

function fieldsOf(row: readonly CellValue[]): Set<FieldKey> {
  const s = new Set<FieldKey>();
  for (const v of row) {
    const f = fieldForHeader(v);
    if (f) s.add(f);
  }
  return s;
}

/** For each column: the cell that names a field (lower row first), else the lower row's text, else the upper's. */
function combine(upper: readonly CellValue[], lower: readonly CellValue[]): CellValue[] {
  const n = Math.max(upper.length, lower.length);
  const out: CellValue[] = [];
  for (let i = 0; i < n; i++) {
    const lo = lower[i] ?? null;
    const up = upper[i] ?? null;
    if (fieldForHeader(lo)) out.push(lo);
    else if (fieldForHeader(up)) out.push(up);
    else out.push(isBlank(lo) ? up : lo);
  }
  return out;
}

function score(row: readonly CellValue[]): number {
  const f = fieldsOf(row);
  return f.has("name") ? f.size : 0;
}

/**
 * Finds the header among the first rows: the row naming most registry fields (姓名 among them), joined
 * with the row above or below it when that is the group or sub-header row of a two-row header.
 * Returns null when no row names 姓名 and at least one other field.
 */
export function recognizeHeader(
  rows: readonly (readonly CellValue[])[],
  rowNumbers: readonly number[]
): HeaderInfo | null {
  let best = -1;
  let bestScore = 1;
  rows.forEach((r, i) => {
    const s = score(r);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  });
  if (best < 0) return null;
  let cells: CellValue[] = [...rows[best]];
  let used = [best];
  if (best > 0) {
    const joined = combine(rows[best - 1], rows[best]);
    if (score(joined) > bestScore && isHeaderish(rows[best - 1])) {
      cells = joined;
      used = [best - 1, best];
    }
  }
  if (used.length === 1 && best + 1 < rows.length && isHeaderish(rows[best + 1])) {
    const joined = combine(rows[best], rows[best + 1]);
    if (score(joined) > bestScore) {
      cells = joined;
      used = [best, best + 1];
    }
  }
  const originals = cells.map((_, i) =>
    used
      .map((u) => rows[u][i])
      .filter((v) => !isBlank(v))
      .map((v) => String(v).trim())
      .filter((v, k, a) => a.indexOf(v) === k)
      .join("/")
  );
  return mapColumns(
    cells,
    originals,
    used.map((u) => rowNumbers[u])
  );
}

/** A row that could be part of a header: its non-empty cells are short text, half or more naming a field. */
function isHeaderish(row: readonly CellValue[]): boolean {
  const filled = row.filter((v) => !isBlank(v));
  if (filled.length === 0) return false;
  if (filled.some((v) => typeof v !== "string" || v.length > 40)) return false;
  const named = filled.filter((v) => fieldForHeader(v) !== null).length;
  return named * 2 >= filled.length || filled.length <= 3;
}

function mapColumns(cells: CellValue[], originals: string[], rows: number[]): HeaderInfo {
  const fieldColumns: Partial<Record<FieldKey, number>> = {};
  const columns: ColumnMapping[] = cells.map((v, i) => {
    const field = fieldForHeader(v);
    const col: ColumnMapping = { sourceColumn: i + 1, original: originals[i] ?? "", field: null };
    if (!field) col.unmapped = "unknown";
    else if (fieldColumns[field] !== undefined) {
      col.unmapped = "duplicate";
      col.duplicateOf = field;
    } else {
      col.field = field;
      fieldColumns[field] = i + 1;
    }
    return col;
  });
  // Trailing columns with no header at all are not columns (data beyond them is handled per row).
  while (
    columns.length > 0 &&
    columns[columns.length - 1].original === "" &&
    columns[columns.length - 1].field === null
  )
    columns.pop();
  return { rows, columns, fieldColumns };
}

export const CANONICAL_HEADERS: readonly string[] = FIELDS.map((f) => f.header);

/** How well the first rows of a sheet look like a registry: the fields its header names (0: no header). */
export function headerScore(rows: readonly (readonly CellValue[])[]): number {
  const h = recognizeHeader(
    rows,
    rows.map((_, i) => i + 1)
  );
  return h ? Object.keys(h.fieldColumns).length : 0;
}

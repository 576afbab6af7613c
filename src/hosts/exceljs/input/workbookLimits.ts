import * as yauzl from "yauzl";
import { xmlAttributes } from "../xmlText";
import { FileError } from "../fileError";
import { type CellAt, cellColumn, rangeArea, XmlCellScanner } from "./cellScan";
import { FULL_LOAD_MAX_CELLS } from "./limits";
import { isWorksheetPart, partName, type ZipSummary } from "./zipGuard";

/** Largest sheetId taken as such: exceljs keeps sheets in an array indexed by it. */
export const MAX_SHEET_ID = 1_000_000;

/** A worksheet as xl/workbook.xml lists it, in tab order. */
interface SheetRef {
  name: string;
  sheetId: string | undefined;
  /** Its part in the zip, where the relationships say. */
  part: string | null;
}

/** The sheets of workbook.xml in tab order, each with its part as the relationships give it. */
function sheetRefs(workbookXml: string, relsXml: string): SheetRef[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const a = xmlAttributes(m[1]);
    if (a.Id && a.Target) targets.set(a.Id, a.Target);
  }
  const sheets: SheetRef[] = [];
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const a = xmlAttributes(m[1]);
    const rid = Object.entries(a).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
    const target = rid ? targets.get(rid) : undefined;
    const part = target
      ? target.startsWith("/")
        ? target.slice(1)
        : `xl/${target.replace(/^\.\//, "")}`
      : null;
    sheets.push({ name: a.name ?? "", sheetId: a.sheetId, part });
  }
  return sheets;
}

/**
 * The sheet ids exceljs would take (parseInt, as it does): each a whole number from 1 to
 * MAX_SHEET_ID, none twice. exceljs keeps the sheets in an array at those places: a huge id makes
 * a huge array (a sheetId of 2147483648 hangs it), a repeated one drops a sheet without a word.
 */
function badSheetIds(sheets: readonly SheetRef[]): boolean {
  const seen = new Set<number>();
  for (const s of sheets) {
    const id = parseInt(s.sheetId ?? "", 10);
    if (!Number.isInteger(id) || id < 1 || id > MAX_SHEET_ID || seen.has(id)) return true;
    seen.add(id);
  }
  return false;
}

/**
 * What is wrong with a sheet name that Excel does not allow and exceljs refuses to load (failing
 * the whole workbook): longer than 31 characters (LibreOffice writes such names; exceljs cuts
 * them, then finds the cut name taken by the sheet itself), empty, "History", holding * ? : / \
 * [ ], starting or ending with an apostrophe, or the same as another's (in any case).
 */
function badSheetName(sheets: readonly SheetRef[]): string | null {
  const seen = new Set<string>();
  for (const { name } of sheets) {
    if (name.length > 31) return `工作表名称“${name}”超过 Excel 的 31 个字符上限`;
    if (name === "" || name === "History" || /[*?:/\\[\]]|^'|'$/.test(name))
      return `工作表名称“${name}”不符合 Excel 的规则`;
    if (seen.has(name.toLowerCase())) return `工作表名称“${name}”重复`;
    seen.add(name.toLowerCase());
  }
  return null;
}

export interface WorkbookLimits {
  file: string;
  maxCells: number;
  /** Most cells exceljs may build for the whole workbook (default FULL_LOAD_MAX_CELLS). */
  maxLoadCells?: number;
}

/**
 * The cells of the ranges that workbook.xml's defined names (filters, named ranges) refer to:
 * exceljs keeps an entry for each cell of each of them. Print areas and print titles are not
 * counted: exceljs makes them page settings.
 */
export function definedNameCells(workbookXml: string): number {
  let cells = 0;
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?definedName\b([^>]*)>([^<]*)</g)) {
    const name = xmlAttributes(m[1]).name;
    if (name === "_xlnm.Print_Area" || name === "_xlnm.Print_Titles") continue;
    for (const ref of m[2].matchAll(/\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+/g))
      cells += rangeArea(ref[0].replace(/\$/g, ""))?.area ?? 0;
  }
  return cells;
}

/**
 * Checks what the zip guard found while unpacking, before exceljs builds anything: sheet ids it
 * can hold; no row, cell, merged range or column beyond Excel's last row or column
 * (`beyond-sheet-limits`); no sheet spanning more than `maxCells` cells (its last row times its
 * last column, merged ranges included, or its cells if more: `too-many-cells`); no more cells for
 * exceljs to build than `maxLoadCells` (merged ranges, data validations and defined names
 * counted cell by cell: `too-many-cells-to-load`); and no cell longer than Excel's 32,767
 * characters (`cell-too-long`: the first such cell is named; for a shared string, the first cell
 * using it, found in a second pass over the sheets). Also throws `corrupt-workbook`.
 */
export async function checkWorkbookLimits(
  bytes: Buffer,
  zip: ZipSummary,
  limits: WorkbookLimits
): Promise<void> {
  const { file, maxCells } = limits;
  const refs = sheetRefs(zip.workbookXml ?? "", zip.workbookRelsXml ?? "");
  if (badSheetIds(refs))
    throw new FileError("corrupt-workbook", { file, detail: "工作表编号重复或无效" });
  const badName = badSheetName(refs);
  if (badName) throw new FileError("corrupt-workbook", { file, detail: badName });

  // Sheets in tab order, then parts no sheet names (exceljs reads them too).
  const named = new Map<string, string>();
  for (const r of refs) if (r.part && !named.has(r.part)) named.set(r.part, r.name);
  const parts = [
    ...[...named.keys()].filter((p) => zip.sheets.has(p)),
    ...[...zip.sheets.keys()].filter((p) => !named.has(p)),
  ];
  const sheetOf = (part: string) =>
    named.get(part) ?? part.replace(/^.*\//, "").replace(/\.xml$/, "");

  for (const part of parts) {
    const cell = zip.sheets.get(part)!.outOfRange;
    if (cell) throw at("beyond-sheet-limits", file, sheetOf(part), cell);
  }
  for (const part of parts) {
    const s = zip.sheets.get(part)!;
    if (Math.max(s.cells, s.maxRow * Math.max(1, s.maxColumn)) > maxCells)
      throw new FileError("too-many-cells", { file, sheet: sheetOf(part), limit: maxCells });
  }
  // What exceljs would build, all sheets together: checked against what memory can hold.
  const maxLoad = limits.maxLoadCells ?? FULL_LOAD_MAX_CELLS;
  let load = definedNameCells(zip.workbookXml ?? "");
  let largest: string | undefined;
  let largestLoad = 0;
  for (const part of parts) {
    const s = zip.sheets.get(part)!;
    const sheetLoad = s.cells + s.mergedCells + s.validatedCells;
    load += sheetLoad;
    if (sheetLoad > largestLoad) {
      largest = sheetOf(part);
      largestLoad = sheetLoad;
    }
  }
  if (load > maxLoad)
    throw new FileError("too-many-cells-to-load", {
      file,
      sheet: largestLoad * 2 > load ? largest : undefined,
      limit: maxLoad,
    });
  for (const part of parts) {
    const cell = zip.sheets.get(part)!.longCell;
    if (cell) throw at("cell-too-long", file, sheetOf(part), cell);
  }
  if (zip.longSharedStrings.length > 0) {
    const found = await findSharedStringUse(bytes, new Set(zip.longSharedStrings));
    for (const part of parts) {
      const cell = found.get(part);
      if (cell) throw at("cell-too-long", file, sheetOf(part), cell);
    }
  }
}

/** An error about one cell, naming its sheet, row and column. */
function at(
  code: "cell-too-long" | "beyond-sheet-limits",
  file: string,
  sheet: string,
  cell: CellAt
): FileError {
  return new FileError(code, {
    file,
    sheet,
    row: cell.row > 0 ? cell.row : undefined,
    column: cellColumn(cell.column),
  });
}

/** The first cell of each worksheet that uses one of the given shared strings. */
async function findSharedStringUse(
  bytes: Buffer,
  indices: ReadonlySet<number>
): Promise<Map<string, CellAt>> {
  const found = new Map<string, CellAt>();
  const zip = await yauzl.fromBufferPromise(bytes, {
    lazyEntries: true,
    decodeStrings: false,
    validateEntrySizes: true,
  });
  try {
    for await (const entry of zip.eachEntry()) {
      const name = partName(entry.fileNameRaw);
      if (!isWorksheetPart(name)) continue;
      const scanner = new XmlCellScanner("sheet", indices);
      for await (const chunk of await zip.openReadStreamPromise(entry)) {
        scanner.feed(chunk as Buffer);
        if (scanner.result.usesShared) break;
      }
      if (scanner.result.usesShared) found.set(name, scanner.result.usesShared);
    }
  } finally {
    zip.close();
  }
  return found;
}

import { xmlAttributes } from "../xmlText";
import type * as yauzl from "yauzl";
import { FileError } from "../fileError";
import {
  DEFAULT_MAX_ZIP_ENTRIES,
  FULL_LOAD_MAX_CELLS,
  MAX_COLUMNS,
  MAX_ROWS,
  formatBytes,
} from "../input/limits";
import { readError } from "../input/readBytes";
import { type ZipBytes, entryChunks, openZip } from "../input/zipEntry";
import { type SheetLayout, SheetXmlScanner } from "./sheetXmlScan";

/** A worksheet as xl/workbook.xml lists it, in tab order. */
export interface SheetEntry {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Its part in the zip (xl/worksheets/sheet1.xml), or null where the relationships do not say. */
  part: string | null;
}

export interface ZipScan {
  /** The worksheets in tab order. */
  sheets: SheetEntry[];
  date1904: boolean;
  /** Column widths and merged ranges of each worksheet part: what exceljs's streaming reader loses. */
  layouts: Map<string, SheetLayout>;
  totalUncompressedBytes: number;
}

export interface ZipScanOptions extends ZipBytes {
  file: string;
  /** Largest total the entries may unpack to. */
  maxUncompressedBytes: number;
  maxEntries?: number;
}

/** A worksheet's part (Excel names them sheet1.xml, sheet2.xml…; other writers may not). */
export const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
/** Parts read whole into memory: workbook.xml and its relationships. */
const MAX_SMALL_PART = 16 * 1024 * 1024;

/**
 * One pass over the zip's entries (yauzl reads the file at random, nothing is held whole; or,
 * given the bytes of a small file, unpacks each entry in memory at once: input/zipEntry): checks
 * the entry count and the unpacked sizes against the limits, and that each entry unpacks to no more
 * than its directory entry says (as input/zipGuard does for the full load); reads the sheet list
 * and the date system; and scans each worksheet's XML for its column widths and merged
 * ranges, which exceljs's streaming reader does not give (the scan looks at the bytes, it does not
 * parse the rows). Throws `too-large`, `not-a-spreadsheet`, `corrupt-workbook`, or the read errors
 * of input/readBytes.
 */
export async function scanWorkbookZip(path: string, options: ZipScanOptions): Promise<ZipScan> {
  const { file, maxUncompressedBytes } = options;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ZIP_ENTRIES;
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path, options);
  } catch (e) {
    // An error with an errno code is the file's (missing, no permission); any other, the zip's.
    if ((e as NodeJS.ErrnoException).code) throw readError(e, file);
    throw new FileError("corrupt-workbook", { file });
  }
  try {
    if (zip.entryCount > maxEntries)
      throw new FileError("too-large", { file, limit: `${maxEntries} 个文件` });
    let total = 0;
    let workbookXml: string | null = null;
    let relsXml: string | null = null;
    const layouts = new Map<string, SheetLayout>();
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize;
      if (total > maxUncompressedBytes)
        throw new FileError("too-large", { file, limit: formatBytes(maxUncompressedBytes) });
      const name = Buffer.from(entry.fileNameRaw).toString("utf8").replace(/^\//, "");
      if (entry.uncompressedSize === 0) continue;
      const stream = await entryChunks(zip, entry, options);
      if (WORKSHEET_PART.test(name)) {
        const scanner = new SheetXmlScanner();
        for await (const chunk of stream) scanner.feed(chunk);
        layouts.set(name, scanner.end());
      } else if (
        (name === "xl/workbook.xml" || name === "xl/_rels/workbook.xml.rels") &&
        entry.uncompressedSize <= MAX_SMALL_PART
      ) {
        const text = (await readAll(stream)).toString("utf8");
        if (name === "xl/workbook.xml") workbookXml = text;
        else relsXml = text;
      } else {
        // Unpacked into nothing: yauzl fails the stream if it holds more than declared.
        for await (const chunk of stream) void chunk;
      }
    }
    if (workbookXml === null) throw new FileError("not-a-spreadsheet", { file });
    return {
      sheets: sheetsOf(workbookXml, relsXml ?? ""),
      date1904: /<(?:[\w.-]+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(
        workbookXml
      ),
      layouts,
      totalUncompressedBytes: total,
    };
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError("corrupt-workbook", { file });
  } finally {
    zip.close();
  }
}

async function readAll(stream: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The sheets of xl/workbook.xml in tab order, each with its part from the relationships. */
function sheetsOf(workbookXml: string, relsXml: string): SheetEntry[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const a = xmlAttributes(m[1]);
    if (a.Id && a.Target) targets.set(a.Id, a.Target);
  }
  const sheets: SheetEntry[] = [];
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const a = xmlAttributes(m[1]);
    if (a.name === undefined) continue;
    const rid = Object.entries(a).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
    const target = rid ? targets.get(rid) : undefined;
    const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
    sheets.push({ name: a.name, state, part: target ? partOf(target) : null });
  }
  return sheets;
}

/** A relationship target of workbook.xml ("worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml") as a zip path. */
function partOf(target: string): string {
  return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
}

/**
 * Merged ranges are filled (the registry, the summary's rows) or built cell by cell (the writer,
 * for other sheets): a range of a million cells in a 15 KB file would take the memory of a
 * million cells, and one reaching past Excel's last row would be read through row by row. So,
 * before anything is read, as the full load does: no merged range beyond Excel's last row or
 * column (`beyond-sheet-limits`), and their cells counted (`too-many-cells-to-load`).
 */
export function checkMergedRanges(scan: ZipScan, file: string): void {
  for (const sheet of scan.sheets) {
    const layout = sheet.part ? scan.layouts.get(sheet.part) : undefined;
    let area = 0;
    for (const m of layout?.merges ?? []) {
      if (m.bottom > MAX_ROWS || m.right > MAX_COLUMNS)
        throw new FileError("beyond-sheet-limits", { file, sheet: sheet.name });
      area += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    }
    if (area > FULL_LOAD_MAX_CELLS)
      throw new FileError("too-many-cells-to-load", {
        file,
        sheet: sheet.name,
        limit: FULL_LOAD_MAX_CELLS,
      });
  }
}

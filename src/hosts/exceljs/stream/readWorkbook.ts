import ExcelJS from "exceljs";
import path from "node:path";
import { Readable } from "node:stream";
import { FileError } from "../fileError";
import { MAX_ROWS } from "../input/limits";
import type * as yauzl from "yauzl";
import { type ZipBytes, entryChunks, openZip } from "../input/zipEntry";
import { CompactStrings } from "./compactStrings";
import type { SheetLayout } from "./sheetXmlScan";
import { type SheetEntry, WORKSHEET_PART, type ZipScan } from "./zipScan";

/** A worksheet as exceljs's streaming reader hands it over: its rows can be read once, in order. */
export interface StreamedSheet {
  name: string;
  state: SheetEntry["state"];
  /** Its part in the zip (xl/worksheets/sheet1.xml). */
  part: string;
  layout: SheetLayout;
  rows: AsyncIterable<ExcelJS.Row>;
  /** The workbook's defined names (all of them, as xl/workbook.xml lists them). */
  definedNames: DefinedName[];
}

/** A defined name of the workbook (xl/workbook.xml), as exceljs parses it. */
export interface DefinedName {
  name: string;
  ranges: string[];
}

/** The part parsers of exceljs's streaming reader (exceljs 4.4, lib/stream/xlsx/workbook-reader.js). */
interface ReaderParts {
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>;
  _parseWorksheet(
    iterator: AsyncIterable<string | Buffer>,
    sheetNo: string
  ): Iterable<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
  /** Set by _parseWorkbook: the parsed workbook.xml. */
  model?: { definedNames?: DefinedName[] };
  /** Set by _parseWorkbook: the <workbookPr> element, whose model holds date1904. */
  properties?: { model?: { date1904?: boolean } };
  sharedStrings?: unknown[];
}

const NO_LAYOUT: SheetLayout = { columns: [], merges: [] };

/**
 * Reads a workbook with exceljs's streaming reader, one worksheet at a time, in tab order. Shared
 * strings are kept packed (CompactStrings), styles cached (without them, dates come back as serial
 * numbers); hyperlinks are ignored (a link cell reads as its text).
 *
 * The reader's own loop over the zip is not used: it reads the zip with unzipper's streaming
 * parser, which says "end" as soon as its input is written, and the loop then stops, leaving out
 * whatever entries it had not reached (the shared strings, later sheets), at random — often with
 * zips written by JSZip. It also copies every sheet to a temp file when, as Excel writes them, the
 * shared strings come after the sheets. Here each part is read straight from the zip (yauzl, by
 * the central directory, as the pre-scan checked it) and given to the reader's own parser for it,
 * in the order they are needed: relationships, workbook, styles, shared strings, then the sheets.
 */
export class WorkbookStream {
  private readonly reader: ExcelJS.stream.xlsx.WorkbookReader;

  /** `source.bytes`: the whole file, read once (a small file), whose parts are unpacked in memory. */
  constructor(
    private readonly path: string,
    private readonly scan: ZipScan,
    private readonly source: ZipBytes = {}
  ) {
    this.reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      // Emitted to us, and kept packed (CompactStrings), instead of cached as an array of strings.
      sharedStrings: "emit",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "emit",
    });
  }

  private get parts(): ReaderParts {
    return this.reader as unknown as ReaderParts;
  }

  /** The workbook's date system, as the reader found it in xl/workbook.xml (read before any sheet). */
  get date1904(): boolean {
    const model = this.parts.properties?.model;
    return model ? !!model.date1904 : this.scan.date1904;
  }

  async *sheets(): AsyncGenerator<StreamedSheet> {
    const zip = await openZip(this.path, this.source);
    try {
      const entries = new Map<string, yauzl.Entry>();
      for await (const entry of zip.eachEntry()) {
        const name = Buffer.from(entry.fileNameRaw).toString("utf8").replace(/^\//, "");
        if (!entries.has(name)) entries.set(name, entry);
      }
      const text = async (name: string): Promise<NodeJS.ReadableStream | null> => {
        const entry = entries.get(name);
        if (!entry) return null;
        // Decoded here: exceljs decodes each chunk on its own and would cut a character whose
        // bytes straddle two chunks ("赵敏" read as "赵\uFFFD\uFFFD"; exceljs #2063, #2084).
        if (this.source.bytes)
          return Readable.from(textPieces(await entryChunks(zip, entry, this.source)));
        const stream = await zip.openReadStreamPromise(entry);
        stream.setEncoding("utf8");
        return stream;
      };
      const parts = this.parts;
      const rels = await text("xl/_rels/workbook.xml.rels");
      if (rels) await parts._parseRels(rels);
      const workbook = await text("xl/workbook.xml");
      if (workbook) await parts._parseWorkbook(workbook);
      const styles = await text("xl/styles.xml");
      if (styles) await parts._parseStyles(styles);
      const strings = await text("xl/sharedStrings.xml");
      if (strings && this.source.bytes) {
        // A small file's strings are few: a plain array is quicker than packing them.
        const table: unknown[] = [];
        for await (const s of parts._parseSharedStrings(strings))
          table.push((s as { text: unknown }).text);
        parts.sharedStrings = table;
      } else if (strings) {
        const table = new CompactStrings();
        for await (const s of parts._parseSharedStrings(strings))
          table.add((s as { text: unknown }).text);
        table.seal();
        parts.sharedStrings = table.asArray();
      }
      for (const sheet of this.scan.sheets) {
        // Chartsheets (xl/chartsheets/) hold no cells; a part the zip lacks, nothing at all.
        if (!sheet.part || !WORKSHEET_PART.test(sheet.part)) continue;
        const stream = await text(sheet.part);
        if (!stream) continue;
        const sheetNo = /sheet(\d+)\.xml$/.exec(sheet.part)?.[1] ?? sheet.part;
        for (const { eventType, value } of parts._parseWorksheet(stream, sheetNo)) {
          if (eventType !== "worksheet") continue;
          yield {
            name: sheet.name,
            state: sheet.state,
            part: sheet.part,
            layout: this.scan.layouts.get(sheet.part) ?? NO_LAYOUT,
            rows: withinSheetLimits(value, path.basename(this.path), sheet.name),
            definedNames: parts.model?.definedNames ?? [],
          };
        }
      }
    } finally {
      zip.close();
    }
  }
}

/** Characters handed to exceljs's parser at a time: it gathers the events of each piece in one array. */
const PIECE = 64 * 1024;

/**
 * An entry unpacked in memory, as text in pieces of PIECE characters (never splitting a surrogate
 * pair), so that exceljs's parser, which collects the events of a whole piece before it yields
 * them, never holds those of a whole sheet.
 */
async function* textPieces(
  chunks: Iterable<Buffer> | AsyncIterable<Buffer>
): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    for (let i = 0; i < text.length;) {
      let end = Math.min(text.length, i + PIECE);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
      yield text.slice(i, end);
      i = end;
    }
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * The rows of a sheet, refused (`beyond-sheet-limits`) from the first one numbered past Excel's
 * last row: the rows are read in order and the gaps between them filled (rawRows), so a damaged
 * row number of 10^20 would otherwise be reached through as many empty rows, as the full load
 * refuses it before reading. (A column past Excel's last one is refused by exceljs itself.)
 */
async function* withinSheetLimits(
  rows: AsyncIterable<ExcelJS.Row>,
  file: string,
  sheet: string
): AsyncGenerator<ExcelJS.Row> {
  for await (const row of rows) {
    if (row.number > MAX_ROWS) throw new FileError("beyond-sheet-limits", { file, sheet });
    yield row;
  }
}

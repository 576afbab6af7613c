import ExcelJS from "exceljs";
import * as yauzl from "yauzl";
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
}

/** The part parsers of exceljs's streaming reader (exceljs 4.4, lib/stream/xlsx/workbook-reader.js). */
interface ReaderParts {
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>;
  _parseWorksheet(
    iterator: AsyncIterable<string>,
    sheetNo: string
  ): Iterable<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
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

  constructor(
    private readonly path: string,
    private readonly scan: ZipScan
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
    const zip = await yauzl.openPromise(this.path, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
    });
    try {
      const entries = new Map<string, yauzl.Entry>();
      for await (const entry of zip.eachEntry()) {
        const name = Buffer.from(entry.fileNameRaw).toString("utf8").replace(/^\//, "");
        if (!entries.has(name)) entries.set(name, entry);
      }
      const text = async (name: string) => {
        const entry = entries.get(name);
        if (!entry) return null;
        const stream = await zip.openReadStreamPromise(entry);
        // Decoded as a stream: exceljs decodes each chunk on its own and would cut a character
        // whose bytes straddle two chunks ("赵敏" read as "赵\uFFFD\uFFFD"; exceljs #2063, #2084).
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
      if (strings) {
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
            rows: value,
          };
        }
      }
    } finally {
      zip.close();
    }
  }
}

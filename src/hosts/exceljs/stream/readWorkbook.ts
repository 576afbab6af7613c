import ExcelJS from "exceljs";
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import type { SheetLayout } from "./sheetXmlScan";
import type { SheetEntry, ZipScan } from "./zipScan";

/** A worksheet as exceljs's streaming reader hands it over: its rows can be read once, in order. */
export interface StreamedSheet {
  name: string;
  state: SheetEntry["state"];
  /** Its part in the zip (xl/worksheets/sheet1.xml). */
  part: string;
  layout: SheetLayout;
  rows: AsyncIterable<ExcelJS.Row>;
}

/** What the streaming reader has but does not declare. */
interface ReaderInternals {
  /** Set once xl/workbook.xml is parsed: the <workbookPr> element, whose model holds date1904. */
  properties?: { model?: { date1904?: boolean } };
  /** Set once xl/workbook.xml is parsed: its sheets (name, sheetId, relationship id, state). */
  model?: { sheets?: { name: string; id: number; rId: string | null; state: string }[] };
  styles: { constructor: new () => { parseStream(s: Readable): Promise<unknown> } };
}
/** The reader's part parsers (exceljs 4.4, lib/stream/xlsx/workbook-reader.js). */
interface ReaderParsers {
  _parseRels(entry: NodeJS.ReadableStream): unknown;
  _parseWorkbook(entry: NodeJS.ReadableStream): unknown;
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
  _parseStyles(entry: NodeJS.ReadableStream): unknown;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): unknown;
}
interface SheetInternals {
  name?: string;
  state?: string;
}

const NO_LAYOUT: SheetLayout = { columns: [], merges: [] };

/**
 * Reads a workbook with exceljs's streaming reader, one worksheet at a time, in the order of the
 * zip (normally the tab order). Shared strings and styles are cached (without the styles, dates
 * come back as serial numbers); hyperlinks are ignored (a link cell reads as its text).
 */
export class WorkbookStream {
  private readonly reader: ExcelJS.stream.xlsx.WorkbookReader;
  private sheetNo: string | null = null;

  constructor(
    path: string,
    private readonly scan: ZipScan
  ) {
    this.reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "emit",
    });
    decodeWholeCharacters(this.reader);
    keepStringsAlone(this.reader);
    // The reader names each worksheet part just before it hands the sheet over.
    (this.reader as unknown as NodeJS.EventEmitter).on(
      "entry",
      (e: { type: string; id?: string }) => {
        if (e.type === "worksheet") this.sheetNo = e.id ?? null;
      }
    );
  }

  /**
   * The workbook's date system, as the reader found it in xl/workbook.xml (read before any sheet
   * is handed over); the pre-scan's reading of the same element until then.
   */
  get date1904(): boolean {
    const p = (this.reader as unknown as ReaderInternals).properties;
    return p?.model ? !!p.model.date1904 : this.scan.date1904;
  }

  async *sheets(): AsyncGenerator<StreamedSheet> {
    await this.preloadStyles();
    this.preloadWorkbook();
    for await (const ws of this.reader) {
      const part = `xl/worksheets/sheet${this.sheetNo ?? ""}.xml`;
      const entry = this.scan.sheets.find((s) => s.part === part);
      const own = ws as unknown as SheetInternals;
      const state = own.state === "hidden" || own.state === "veryHidden" ? own.state : undefined;
      yield {
        name: entry?.name ?? own.name ?? part,
        state: entry?.state ?? state ?? "visible",
        part,
        layout: this.scan.layouts.get(part) ?? NO_LAYOUT,
        rows: ws,
      };
    }
  }

  /**
   * The reader parses a worksheet as soon as the shared strings and relationships are in; if
   * xl/workbook.xml comes later in the zip, it fails on the sheet list it does not have yet (or on
   * the date system, at the first date). So it gets both from the pre-scan first; its own reading
   * of xl/workbook.xml, when it comes, replaces them with the same.
   */
  private preloadWorkbook(): void {
    const r = this.reader as unknown as ReaderInternals;
    r.model ??= {
      sheets: this.scan.sheets.map((s) => ({
        name: s.name,
        id: s.sheetId,
        rId: s.rId,
        state: s.state,
      })),
    };
    r.properties ??= { model: { date1904: this.scan.date1904 } };
  }

  /**
   * The reader parses a worksheet as soon as the shared strings and relationships are in, even if
   * xl/styles.xml comes later in the zip (some writers put it last), and the sheet's dates would
   * then read as numbers: so the styles, found by the pre-scan, are given to it first.
   */
  private async preloadStyles(): Promise<void> {
    if (!this.scan.styles) return;
    const r = this.reader as unknown as ReaderInternals;
    const styles = new r.styles.constructor();
    await styles.parseStream(Readable.from([this.scan.styles]));
    (r as { styles: unknown }).styles = styles;
  }
}

/** Decodes UTF-8 chunks to text without cutting a character that spans two chunks. */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.write(chunk);
    if (text !== "") yield text;
  }
  const rest = decoder.end();
  if (rest !== "") yield rest;
}

/**
 * exceljs 4.4's streaming reader decodes each chunk of a part on its own (utils/parse-sax.js), so
 * a character whose UTF-8 bytes straddle two chunks comes out as "\uFFFD\uFFFD" — in a Chinese
 * registry, a few names in every thousand rows ("赵敏" read as "赵\uFFFD\uFFFD"; exceljs issues
 * #2063, #2084). The reader passes text chunks through untouched, so its parts are given to it as
 * text, decoded across chunk boundaries: the entries of the zip by their encoding, the worksheets
 * (a zip entry or a temp file) through utf8Text.
 */
function decodeWholeCharacters(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const r = reader as unknown as ReaderParsers;
  for (const name of [
    "_parseRels",
    "_parseWorkbook",
    "_parseSharedStrings",
    "_parseStyles",
  ] as const) {
    const parse = r[name].bind(r);
    r[name] = (entry: NodeJS.ReadableStream) => {
      entry.setEncoding("utf8");
      return parse(entry);
    };
  }
  const parseWorksheet = r._parseWorksheet.bind(r);
  r._parseWorksheet = (iterator, sheetNo) => parseWorksheet(utf8Text(iterator), sheetNo);
}

/**
 * Makes the cached shared strings stand alone once they are read. The XML parser gives each
 * string as a slice of the chunk of text it came in, and V8 keeps a slice's whole chunk alive:
 * the strings table would otherwise hold the text of the whole part (at 1,000,000 rows, about
 * 140 MB for 2 million strings instead of 85 MB).
 */
function keepStringsAlone(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const r = reader as unknown as ReaderParsers & { sharedStrings?: unknown[] };
  const parse = r._parseSharedStrings.bind(r) as (
    e: NodeJS.ReadableStream
  ) => AsyncIterable<unknown>;
  r._parseSharedStrings = async function* (entry: NodeJS.ReadableStream) {
    yield* parse(entry);
    const strings = r.sharedStrings;
    if (!strings) return;
    for (let i = 0; i < strings.length; i++) {
      const s = strings[i];
      // V8 slices strings of 13 characters or more; a JSON round trip makes a copy of its own.
      if (typeof s === "string" && s.length >= 13) strings[i] = JSON.parse(JSON.stringify(s));
    }
  };
}

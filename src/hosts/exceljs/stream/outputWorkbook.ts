import ExcelJS from "exceljs";
import path from "node:path";
import { FileError } from "../fileError";

/** What exceljs's streaming writer has but does not declare. */
interface WriterInternals {
  stream: NodeJS.EventEmitter;
  zip: NodeJS.EventEmitter;
  /** The sheets by id (index 0 unused); workbook.xml lists them, and so orders the tabs, in this order. */
  _worksheets: (ExcelJS.Worksheet | undefined)[];
}

/** A sheet of the streaming writer: its XML goes into a StreamBuf piped to the zip's input for it. */
interface SheetStreamInternals {
  stream?: {
    pipes?: { _readableState?: { length: number }; _writableState?: { length: number } }[];
  };
}

/** Most bytes of a sheet's XML left waiting for the zip before the writer waits for it. */
const HIGH_WATER = 4 * 1024 * 1024;
/** Longest wait for the zip (it only waits for sheets already ended, but never hang for good). */
const MAX_WAIT_MS = 60_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Options of addWorksheet that the streaming writer reads (views must be given here: it writes them first). */
export interface SheetOptions {
  state?: "visible" | "hidden" | "veryHidden";
  views?: Partial<ExcelJS.WorksheetView>[];
}

/**
 * The output workbook, written with exceljs's streaming writer to a file (the temp file of
 * writeAtomic). One sheet is written at a time and committed before the next is begun: the writer
 * zips each sheet's XML as it comes, and a second open sheet would wait in memory. Write errors
 * (disk full, no permission) become `write-failed` naming the output.
 */
export class OutputWorkbook {
  readonly writer: ExcelJS.stream.xlsx.WorkbookWriter;
  private failure: NodeJS.ErrnoException | null = null;

  constructor(
    tmp: string,
    private readonly target: string
  ) {
    this.writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: tmp,
      useStyles: true,
      useSharedStrings: false,
    });
    // Without listeners, an error of the file (or the zip) would end the process.
    const internals = this.writer as unknown as WriterInternals;
    internals.stream.on("error", (e: NodeJS.ErrnoException) => (this.failure ??= e));
    internals.zip.on("error", (e: NodeJS.ErrnoException) => (this.failure ??= e));
  }

  /** Throws write-failed if writing has failed so far. */
  check(): void {
    if (this.failure)
      throw new FileError("write-failed", {
        file: path.basename(this.target),
        detail: this.failure.code ?? this.failure.message?.slice(0, 100),
      });
  }

  /**
   * Waits while too much of a sheet's XML waits for the zip. The writer takes no back-pressure:
   * rows come faster than zlib, which needs a turn of the event loop for each 16 KB, deflates
   * them, and the XML would pile up in memory (about half of all of it, for a big registry).
   */
  async keepUp(ws: ExcelJS.Worksheet): Promise<void> {
    const zipInput = (ws as unknown as SheetStreamInternals).stream?.pipes?.[0];
    if (!zipInput) return;
    // A readable-stream 2 PassThrough (archiver's), which has no readableLength.
    const waiting = () =>
      (zipInput._readableState?.length ?? 0) + (zipInput._writableState?.length ?? 0);
    if (waiting() <= HIGH_WATER) return;
    const until = Date.now() + MAX_WAIT_MS;
    while (waiting() > HIGH_WATER / 2 && Date.now() < until && !this.failure) await nextTurn();
    this.check();
  }

  addWorksheet(name: string, options: SheetOptions = {}): ExcelJS.Worksheet {
    this.check();
    return this.writer.addWorksheet(name, options as Partial<ExcelJS.AddWorksheetOptions>);
  }

  /**
   * Puts the tabs in the given order (names not listed keep their place after the listed ones).
   * The sheets are zipped in the order they were written; the order of the tabs is the order of
   * the writer's sheet list, which it reads only when committing the workbook.
   */
  setTabOrder(names: readonly string[]): void {
    const internals = this.writer as unknown as WriterInternals;
    const sheets = internals._worksheets.filter((w): w is ExcelJS.Worksheet => !!w);
    const rank = (w: ExcelJS.Worksheet) => {
      const i = names.indexOf(w.name);
      return i < 0 ? names.length : i;
    };
    // Index 0 stays a hole, as the writer leaves it (it maps over the list, skipping holes).
    const list: (ExcelJS.Worksheet | undefined)[] = new Array(1);
    list.push(...[...sheets].sort((a, b) => rank(a) - rank(b)));
    internals._worksheets = list;
  }

  async commit(): Promise<void> {
    this.check();
    try {
      await this.writer.commit();
    } catch (e) {
      this.failure ??= e as NodeJS.ErrnoException;
    }
    this.check();
  }
}

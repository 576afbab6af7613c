import type ExcelJS from "exceljs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileErrorMessage } from "../../../core/fileErrors";
import { headerScore } from "../../../core/header/recognize";
import { REGISTRY_SHEET } from "../../../core/plan";
import { CHANGE_LOG_SHEET, REPORT_SHEET } from "../../../core/report";
import type { RawRow } from "../../../core/types";
import { isOneOf, writeAtomic } from "../atomicWrite";
import type { ConvertOptions, FileOutcome } from "../convertFile";
import { failedOutcome } from "../outcome";
import { DEFAULT_MAX_CELLS } from "../normalizeWorkbook";
import { FileError, isFileError } from "../fileError";
import { MB } from "../input/limits";
import { makeTempDir } from "../tempFiles";
import { copySheet } from "./copySheet";
import { OutputWorkbook } from "./outputWorkbook";
import { rawRows } from "./rawRows";
import { type StreamedSheet, WorkbookStream } from "./readWorkbook";
import { RegistryRun, type RegistryRunResult } from "./registryRun";
import { type ZipScan, checkMergedRanges, scanWorkbookZip } from "./zipScan";

/**
 * Largest total a streamed .xlsx may unpack to, unless maxUncompressedBytes says otherwise: the
 * sheets are not held in memory, but the time grows with it (a 1,000,000-row registry unpacks to
 * about 800 MB and takes a minute and a half).
 */
export const DEFAULT_STREAM_MAX_UNCOMPRESSED_BYTES = 4096 * MB;

/** A sheet whose first rows name at least this many registry fields has a header. */
const HEADER_SCORE = 2;
/** Sheets of the input that the output replaces rather than carries over. */
const REPLACED = new Set([REGISTRY_SHEET, REPORT_SHEET, CHANGE_LOG_SHEET]);

/**
 * Converts one large .xlsx/.xlsm the way convertFile does, streaming: the registry sheet is read
 * row by row (exceljs's streaming reader), each member row is normalised and written to 成员名册 at
 * once (its streaming writer), problems and changes are spooled to temp files and written to
 * 校验报告 and 变更记录 after 成员名册 is committed, and other sheets are copied as they stream past.
 * No sheet is held in memory; what grows with the rows is what the engine keeps across them (an
 * index of IDs, names and birth dates, to find duplicates) and the shared-strings table.
 *
 * The outcome has the shape convertFile returns, but `problems` holds at most the first
 * MAX_OUTCOME_PROBLEMS (10,000) problems, sorted by row; `counts` are exact. Never throws: failures
 * come back as data.
 *
 * Where it differs from the full load: the registry is the sheet named by `sheet`, else the first
 * sheet (in tab order) whose first 10 rows hold a header, not the best such sheet; duplicate IDs,
 * found only at the end, are in 校验报告 but not marked in 成员名册; cells get notes for the first
 * MAX_NOTES marks only (fill beyond); columns found only below the header's rows (data right of
 * the header) get no header cell in 成员名册; empty-text cells are written empty; other sheets
 * lose what copySheet does not carry (formulas become their values, among others).
 */
export async function convertStreaming(
  input: string,
  options: ConvertOptions
): Promise<FileOutcome> {
  const file = path.basename(input);
  try {
    return await convert(input, options, file);
  } catch (e) {
    if (isFileError(e)) return failedOutcome(input, e.code, fileErrorMessage(e, options.locale));
    // What the part parsers throw ("unmatched closing tag: sst", "A Cell needs a Row") is
    // content they cannot parse: the file is damaged. Their own words mean nothing to the user.
    const detail = options.locale === "en" ? UNPARSABLE.en : UNPARSABLE.zh;
    const err = { code: "corrupt-workbook" as const, params: { file, detail } };
    return failedOutcome(input, err.code, fileErrorMessage(err, options.locale));
  }
}

async function convert(input: string, options: ConvertOptions, file: string): Promise<FileOutcome> {
  const target = options.dryRun ? null : options.output;
  if (target !== null) {
    if (await isOneOf(target, [input, ...(options.inputs ?? [])]))
      throw new FileError("output-is-input", { file: path.basename(target) });
  }
  const scan = await scanWorkbookZip(input, {
    file,
    maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_STREAM_MAX_UNCOMPRESSED_BYTES,
  });
  if (options.sheet && !scan.sheets.some((s) => s.name === options.sheet))
    throw new FileError("sheet-not-found", { file, sheet: options.sheet });
  checkMergedRanges(scan, file);

  let run: { sheet: string; result: RegistryRunResult };
  if (target === null) run = await streamWorkbook(input, scan, options, file, null);
  else {
    const spoolDir = await makeTempDir("stream");
    try {
      let done: typeof run | null = null;
      await writeAtomic(target, async (tmp) => {
        const workbook = new OutputWorkbook(tmp, target);
        done = await streamWorkbook(input, scan, options, file, { workbook, spoolDir });
        await workbook.commit();
      });
      run = done!;
    } catch (e) {
      // Errors with an errno code here are the output's or the temp files' (disk full, no permission).
      const code = (e as NodeJS.ErrnoException).code;
      if (!isFileError(e) && typeof code === "string")
        throw new FileError("write-failed", { file: path.basename(target), detail: code });
      throw e;
    } finally {
      await rm(spoolDir, { recursive: true, force: true }).catch(() => undefined);
    }
  }
  const { counts } = run.result;
  return {
    input,
    output: target,
    sheet: run.sheet,
    status: counts.errors > 0 ? "problems" : "ok",
    counts,
    problems: run.result.problems,
    error: null,
  };
}

/** Why a streamed file failed when a part parser threw. */
const UNPARSABLE = { zh: "工作表内容无法解析", en: "its sheets' content cannot be parsed" };

/** Streams every sheet of the input: the registry is normalised (and written), the others copied. */
async function streamWorkbook(
  input: string,
  scan: ZipScan,
  options: ConvertOptions,
  file: string,
  output: { workbook: OutputWorkbook; spoolDir: string } | null
): Promise<{ sheet: string; result: RegistryRunResult }> {
  const book = new WorkbookStream(input, scan);
  let run: RegistryRun | null = null;
  for await (const sheet of book.sheets()) {
    const { top, rows, skip } = await peekRows(sheet);
    const isRegistry =
      run === null &&
      (options.sheet
        ? sheet.name === options.sheet
        : headerScore(top.map((r) => r.values)) >= HEADER_SCORE);
    if (isRegistry) {
      run = new RegistryRun(
        sheet.name,
        {
          file,
          locale: options.locale,
          dateSystem: book.date1904 ? 1904 : 1900,
          asOf: options.asOf,
          maxCells: options.maxCells ?? DEFAULT_MAX_CELLS,
        },
        output
      );
      await run.read(rows, sheet.layout.merges);
    } else if (output && !REPLACED.has(sheet.name)) {
      await copySheet(output.workbook, sheet, rows, file);
    } else await skip();
    output?.workbook.check();
  }
  if (!run) throw new FileError("no-registry-sheet", { file });
  if (output) {
    await run.writeReports();
    output.workbook.setTabOrder(
      outputTabOrder(
        scan.sheets.map((s) => s.name),
        run.sheetName
      )
    );
  }
  return { sheet: run.sheetName, result: run.result() };
}

/**
 * The first rows of a streamed sheet as the engine would take them (to look for a header), and
 * every row again for whoever reads the sheet next (the rows read to look are kept and replayed),
 * or a way to leave the rest unread.
 */
async function peekRows(
  sheet: StreamedSheet,
  n = 10
): Promise<{ top: RawRow[]; rows: AsyncIterable<ExcelJS.Row>; skip: () => Promise<void> }> {
  const it = sheet.rows[Symbol.asyncIterator]();
  const kept: ExcelJS.Row[] = [];
  let done = false;
  for (;;) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    kept.push(r.value);
    if (r.value.number >= n) break;
  }
  const top: RawRow[] = [];
  for await (const raw of rawRows(
    kept.filter((r) => r.number <= n),
    sheet.layout.merges
  )) {
    if (raw.rowNumber! > n) break;
    top.push(raw);
  }
  async function* replay(): AsyncGenerator<ExcelJS.Row> {
    yield* kept;
    if (done) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  const skip = async () => {
    // Ends the sheet's parser, which closes its stream from the zip.
    if (!done) await it.return?.();
  };
  return { top, rows: replay(), skip };
}

/** The tab order of the output: the input's, 成员名册 in the registry's place, the reports in place of old ones or at the end. */
export function outputTabOrder(inputSheets: readonly string[], registry: string): string[] {
  const names: string[] = [];
  for (const name of inputSheets) {
    if (name === registry) names.push(REGISTRY_SHEET);
    else if (name !== REGISTRY_SHEET) names.push(name);
  }
  for (const n of [REPORT_SHEET, CHANGE_LOG_SHEET]) if (!names.includes(n)) names.push(n);
  return names;
}

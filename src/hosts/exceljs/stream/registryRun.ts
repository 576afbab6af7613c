import type ExcelJS from "exceljs";
import {
  type NormalizeSummary,
  type NormalizedRow,
  type OutputColumn,
  RegistryNormalizer,
} from "../../../core/normalizer";
import { type RegistryCounts, byRowThenColumn } from "../../../core/registry";
import { CHANGE_LOG_SHEET, REPORT_SHEET } from "../../../core/report";
import {
  CHANGE_LOG_WIDTHS,
  PROBLEM_REPORT_WIDTHS,
  ProblemTally,
  changeLogHeader,
  changeRow,
  droppedRowCells,
  problemReportHead,
  problemRow,
} from "../../../core/reportRows";
import type { EngineOptionsInput } from "../../../core/schema";
import {
  type CellValue,
  type Change,
  type Locale,
  type Problem,
  type RawRow,
  droppedRowCount,
} from "../../../core/types";
import { FileError } from "../fileError";
import type { OutputWorkbook } from "./outputWorkbook";
import { checkCellLengths, rawRows } from "./rawRows";
import { RegistrySheetWriter } from "./registryWriter";
import { writeReportStreaming } from "./reportWriter";
import type { CellRange } from "./sheetXmlScan";
import { DiskSpool as Spool } from "../node/diskSpool";
import { mergeSorted } from "../asyncItems";

/**
 * The outcome keeps at most this many problems (the first, in the order of 校验报告); the counts
 * are always exact, and 校验报告 in the output lists every problem.
 */
export const MAX_OUTCOME_PROBLEMS = 10_000;

/** How often (in member rows) the run checks for a write error, and lets the zip catch up. */
const CHECK_EVERY = 10_000;
const KEEP_UP_EVERY = 64;

export interface RegistryRunOptions {
  file: string;
  locale: Locale;
  dateSystem: 1900 | 1904;
  asOf?: Date;
  maxCells: number;
}

/** Where the run writes: the output workbook and a private folder for the spooled problems and changes. */
export interface RegistryRunOutput {
  workbook: OutputWorkbook;
  spoolDir: string;
}

/** What the run found: the same numbers the full load reports. */
export interface RegistryRunResult {
  counts: RegistryCounts;
  /** The first MAX_OUTCOME_PROBLEMS problems, sorted by row, then column. */
  problems: Problem[];
}

/**
 * The registry sheet, streamed: each row goes to the engine as it is read, each member row the
 * engine gives back is written to 成员名册 at once, its problems and changes are counted and spooled
 * to disk; what needs every row (duplicate IDs) comes at the end and goes to 校验报告.
 */
export class RegistryRun {
  /** Dropped once the sheet is read: its cross-row tracker holds something for every row. */
  private engine: RegistryNormalizer | null;
  private readonly engineOptions: EngineOptionsInput;
  private readonly searchRows: number;
  private readonly probeRows: RawRow[] = [];
  private columns: OutputColumn[] | null = null;
  private writer: RegistrySheetWriter | null = null;
  private readonly problemSpool: Spool<Problem> | null;
  private readonly changeSpool: Spool<Change> | null;
  private readonly tally = new ProblemTally();
  private readonly firstProblems: Problem[] = [];
  private problemSeq = 0;
  private members = 0;
  private errors = 0;
  private warnings = 0;
  private rowChanges = 0;
  private summary: Pick<NormalizeSummary, "changes" | "dropped"> | null = null;
  private endProblems: Problem[] = [];

  constructor(
    readonly sheetName: string,
    private readonly options: RegistryRunOptions,
    private readonly output: RegistryRunOutput | null
  ) {
    this.engineOptions = {
      locale: options.locale,
      dateSystem: options.dateSystem,
      asOf: options.asOf,
    };
    this.engine = new RegistryNormalizer(this.engineOptions);
    this.searchRows = this.engine.options.headerSearchRows;
    this.problemSpool = output ? Spool.in<Problem>(output.spoolDir, "problems") : null;
    this.changeSpool = output ? Spool.in<Change>(output.spoolDir, "changes") : null;
  }

  /** Reads the whole sheet, writing 成员名册 as it goes (when there is an output). */
  async read(rows: AsyncIterable<ExcelJS.Row>, merges: readonly CellRange[]): Promise<void> {
    let maxColumns = 1;
    for await (const raw of rawRows(rows, merges)) {
      maxColumns = Math.max(maxColumns, raw.values.length);
      if (raw.rowNumber! * maxColumns > this.options.maxCells)
        throw new FileError("too-many-cells", {
          file: this.options.file,
          sheet: this.sheetName,
          limit: this.options.maxCells,
        });
      checkCellLengths(raw, this.options.file, this.sheetName);
      if (this.probeRows.length < this.searchRows) {
        this.probeRows.push(raw);
        if (this.probeRows.length === this.searchRows) this.probe();
      }
      for (const row of this.engine!.push(raw)) await this.member(row);
    }
    if (this.columns === null) this.probe();
    const end = this.engine!.end();
    this.engine = null;
    for (const row of end.rows) await this.member(row);
    this.summary = { changes: end.changes, dropped: end.dropped };
    // A registry with a header and no member rows still gets its (empty) 成员名册.
    if (this.output && !this.writer && this.columns)
      this.writer = new RegistrySheetWriter(this.output.workbook, this.columns);
    this.writer?.finish();
    this.endProblems = end.problems.sort(byRowThenColumn);
    this.endProblems.forEach((p, i) => this.count(p, [p.row, p.sourceColumn, 1, i]));
    await this.problemSpool?.close();
    await this.changeSpool?.close();
  }

  /**
   * The columns of 成员名册 as soon as the header is known, for its header row: the engine gives
   * them only at the end, so a second engine is run over the same first rows (the ones the header
   * is searched in), which leaves it with exactly the columns the first has at that point.
   */
  private probe(): void {
    const probe = new RegistryNormalizer(this.engineOptions);
    for (const r of this.probeRows) probe.push(r);
    const end = probe.end();
    if (!end.header) throw new FileError("no-registry-sheet", { file: this.options.file });
    this.columns = end.columns;
  }

  private async member(row: NormalizedRow): Promise<void> {
    if (this.output && !this.writer)
      this.writer = new RegistrySheetWriter(this.output.workbook, this.columns!);
    this.members++;
    this.writer?.add(row);
    // The report lists a row's problems and changes by column, as the full load sorts them.
    const problems =
      row.problems.length > 1
        ? [...row.problems].sort((a, b) => a.sourceColumn - b.sourceColumn)
        : row.problems;
    for (const p of problems) {
      this.count(p, [p.row, p.sourceColumn, 0, this.problemSeq++]);
      if (this.firstProblems.length < MAX_OUTCOME_PROBLEMS) this.firstProblems.push(p);
      await this.problemSpool?.write(p);
    }
    const changes =
      row.changes.length > 1
        ? [...row.changes].sort((a, b) => a.sourceColumn - b.sourceColumn)
        : row.changes;
    for (const c of changes) {
      this.rowChanges++;
      await this.changeSpool?.write(c);
    }
    if (this.writer && this.members % KEEP_UP_EVERY === 0)
      await this.output!.workbook.keepUp(this.writer.sheet);
    if (this.members % CHECK_EVERY === 0) this.output?.workbook.check();
  }

  private count(p: Problem, position: number[]): void {
    if (p.severity === "error") this.errors++;
    else this.warnings++;
    this.tally.add(p, position);
  }

  private get end(): Pick<NormalizeSummary, "changes" | "dropped"> {
    if (!this.summary) throw new Error("RegistryRun: read() first");
    return this.summary;
  }

  get counts(): RegistryCounts {
    const end = this.end;
    return {
      members: this.members,
      errors: this.errors,
      warnings: this.warnings,
      changes: this.rowChanges + end.changes.length,
      dropped: droppedRowCount(end.dropped),
    };
  }

  result(): RegistryRunResult {
    const problems: Problem[] = [];
    const own = this.firstProblems;
    let i = 0;
    let k = 0;
    // Row problems and the end's, merged as the full load sorts them (a row's own problems first).
    while (
      problems.length < MAX_OUTCOME_PROBLEMS &&
      (i < own.length || k < this.endProblems.length)
    ) {
      if (
        k >= this.endProblems.length ||
        (i < own.length && byRowThenColumn(own[i], this.endProblems[k]) <= 0)
      )
        problems.push(own[i++]);
      else problems.push(this.endProblems[k++]);
    }
    return { counts: this.counts, problems };
  }

  /** Writes 校验报告 and 变更记录 from the spooled problems and changes (after 成员名册 is committed). */
  async writeReports(): Promise<void> {
    if (!this.output || !this.problemSpool || !this.changeSpool) return;
    const { locale } = this.options;
    const out = this.output.workbook;
    const head = problemReportHead(this.counts, this.tally, locale);
    await writeReportStreaming(out, {
      name: REPORT_SHEET,
      head: head.rows,
      headerRows: head.headerRows,
      widths: PROBLEM_REPORT_WIDTHS,
      body: mapRows(
        mergeSorted(this.problemSpool.read(), this.endProblems, byRowThenColumn),
        (p) => [problemRow(p, locale)]
      ),
    });
    const end = this.end;
    const headerChanges = [...end.changes].sort(byRowThenColumn);
    await writeReportStreaming(out, {
      name: CHANGE_LOG_SHEET,
      head: [changeLogHeader(locale)],
      headerRows: [0],
      widths: CHANGE_LOG_WIDTHS,
      body: concatRows(
        mapRows(mergeSorted(this.changeSpool.read(), headerChanges, byRowThenColumn, true), (c) => [
          changeRow(c),
        ]),
        mapRows(end.dropped, (d) => droppedRowCells(d, locale))
      ),
    });
  }
}

async function* mapRows<T>(
  items: AsyncIterable<T> | Iterable<T>,
  f: (item: T) => CellValue[][]
): AsyncGenerator<CellValue[]> {
  for await (const item of items) yield* f(item);
}

async function* concatRows(...parts: AsyncIterable<CellValue[]>[]): AsyncGenerator<CellValue[]> {
  for (const part of parts) yield* part;
}

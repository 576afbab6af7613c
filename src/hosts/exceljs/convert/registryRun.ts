import type { Problem } from "../../../core/problem";
import { localToday } from "../../localClock";
import {
  type NormalizedRow,
  type OutputColumn,
  RegistryNormalizer,
} from "../../../core/normalizer";
import { ColumnIndex, type RowMark, markRow } from "../../../core/plan";
import { type RegistryCounts, byRowThenColumn } from "../../../core/registry";
import { ProblemTally } from "../../../core/reportRows";
import {
  type CellValue,
  type Change,
  type DroppedRow,
  type Locale,
  type RawRow,
  droppedRowCount,
} from "../../../core/types";
import { FileError } from "../fileError";
import { type Platform, type Spool, type SpoolCodec, cellFromJson, cellToJson } from "../platform";
import { PACE_ROWS, pace } from "../pacing";
import { SortedCursor } from "../asyncItems";

/**
 * The outcome keeps at most this many problems (the first, in the order of 校验报告); the counts
 * are always exact, and 校验报告 lists every problem.
 */
export const MAX_OUTCOME_PROBLEMS = 10_000;

export interface RegistryRunOptions {
  file: string;
  sheet: string;
  locale: Locale;
  dateSystem: 1900 | 1904;
  asOf?: Date;
  /** Most cells the sheet may span (its last row times its widest row). */
  maxCells: number;
}

/** A member row as it waits to be written to 成员名册: its source row, values and its own problems' marks. */
export interface SpooledRow {
  row: number;
  values: CellValue[];
  marks: RowMark[];
}

const ROW_CODEC: SpoolCodec<SpooledRow> = {
  toJson: (r) => [r.row, r.values.map(cellToJson), r.marks],
  fromJson: (j) => {
    const [row, values, marks] = j as [number, unknown[], RowMark[]];
    return { row, values: values.map(cellFromJson), marks };
  },
};
const PROBLEM_CODEC: SpoolCodec<Problem> = {
  toJson: (p) => (p.value instanceof Date ? { ...p, value: cellToJson(p.value) } : p),
  fromJson: (j) => {
    const p = j as Problem;
    if (p.value !== null && typeof p.value === "object") p.value = cellFromJson(p.value);
    return p;
  },
};
const CHANGE_CODEC: SpoolCodec<Change> = {
  toJson: (c) =>
    c.oldValue instanceof Date || c.newValue instanceof Date
      ? { ...c, oldValue: cellToJson(c.oldValue), newValue: cellToJson(c.newValue) }
      : c,
  fromJson: (j) => {
    const c = j as Change;
    c.oldValue = cellFromJson(c.oldValue);
    c.newValue = cellFromJson(c.newValue);
    return c;
  },
};

/**
 * The registry sheet read once, row by row: each row goes to the engine as it comes, and what the
 * engine gives back is held aside (spooled: on disk in Node) until the sheet is read, for then
 * what needs every row is known (duplicate IDs mark rows read long before) and 成员名册 can be
 * written with every mark. Memory holds what the engine keeps across rows (an index of IDs, names
 * and birth dates), the first problems, and the problems across rows.
 */
export class RegistryRun {
  private engine: RegistryNormalizer | null;
  readonly rows: Spool<SpooledRow>;
  readonly problems: Spool<Problem>;
  readonly changes: Spool<Change>;
  readonly tally = new ProblemTally();
  private readonly firstProblems: Problem[] = [];
  private index: ColumnIndex | null = null;
  private problemSeq = 0;
  private members = 0;
  private errors = 0;
  private warnings = 0;
  private rowChanges = 0;
  /** The source row of each member row, in output order (for selecting a problem's cell). */
  readonly sourceRows: number[] = [];
  /** Set once the sheet is read. */
  columns: readonly OutputColumn[] = [];
  headerChanges: Change[] = [];
  dropped: DroppedRow[] = [];
  /**
   * Problems of the whole sheet and across rows (duplicates), sorted by row, held aside as they
   * come from the engine's end (a million rows can have hundreds of thousands).
   */
  readonly endProblems: Spool<Problem>;
  /** The first MAX_OUTCOME_PROBLEMS of them, for the outcome. */
  private firstEnd: Problem[] = [];

  constructor(
    readonly options: RegistryRunOptions,
    platform: Platform
  ) {
    this.engine = new RegistryNormalizer({
      locale: options.locale,
      dateSystem: options.dateSystem,
      asOf: options.asOf ?? localToday(),
    });
    this.rows = platform.spool("rows", ROW_CODEC);
    this.problems = platform.spool("problems", PROBLEM_CODEC);
    this.changes = platform.spool("changes", CHANGE_CODEC);
    this.endProblems = platform.spool("endProblems", PROBLEM_CODEC);
  }

  /** Reads the whole sheet (rows in order, every row number, merged cells filled). */
  async read(rows: AsyncIterable<RawRow>): Promise<void> {
    const { file, sheet, maxCells } = this.options;
    let maxColumns = 1;
    const engine = this.engine!;
    let n = 0;
    for await (const raw of rows) {
      maxColumns = Math.max(maxColumns, raw.values.length);
      if (raw.rowNumber! * maxColumns > maxCells)
        throw new FileError("too-many-cells", { file, sheet, limit: maxCells });
      for (const row of engine.push(raw)) await this.member(row);
      if (++n % PACE_ROWS === 0) await pace();
    }
    const end = engine.end();
    this.engine = null;
    if (!end.header) throw new FileError("no-registry-sheet", { file });
    for (const row of end.rows) await this.member(row);
    this.columns = end.columns;
    this.headerChanges = [...end.changes].sort(byRowThenColumn);
    this.dropped = end.dropped;
    const endProblems = end.problems.sort(byRowThenColumn);
    for (let i = 0; i < endProblems.length; i++) {
      const p = endProblems[i];
      this.count(p, [p.row, p.sourceColumn, 1, i]);
      await this.endProblems.write(p);
    }
    this.firstEnd = endProblems.slice(0, MAX_OUTCOME_PROBLEMS);
    await this.endProblems.close();
    await this.rows.close();
    await this.problems.close();
    await this.changes.close();
  }

  private async member(row: NormalizedRow): Promise<void> {
    this.members++;
    this.sourceRows.push(row.sourceRow);
    // The report lists a row's problems and changes by column, as the engine's order may not.
    const problems =
      row.problems.length > 1
        ? [...row.problems].sort((a, b) => a.sourceColumn - b.sourceColumn)
        : row.problems;
    for (const p of problems) {
      this.count(p, [p.row, p.sourceColumn, 0, this.problemSeq++]);
      if (this.firstProblems.length < MAX_OUTCOME_PROBLEMS) this.firstProblems.push(p);
      await this.problems.write(p);
    }
    const changes =
      row.changes.length > 1
        ? [...row.changes].sort((a, b) => a.sourceColumn - b.sourceColumn)
        : row.changes;
    for (const c of changes) {
      this.rowChanges++;
      await this.changes.write(c);
    }
    let marks: RowMark[] = [];
    if (problems.length > 0) {
      const columns = this.engine?.outputColumns;
      if (columns)
        marks = markRow(problems, (this.index ??= new ColumnIndex(columns)), this.options.locale);
    }
    await this.rows.write({ row: row.sourceRow, values: row.values, marks });
  }

  private count(p: Problem, position: number[]): void {
    if (p.severity === "error") this.errors++;
    else this.warnings++;
    this.tally.add(p, position);
  }

  get counts(): RegistryCounts {
    return {
      members: this.members,
      errors: this.errors,
      warnings: this.warnings,
      changes: this.rowChanges + this.headerChanges.length,
      dropped: droppedRowCount(this.dropped),
    };
  }

  /** The first MAX_OUTCOME_PROBLEMS problems in the order of 校验报告 (a row's own ones first). */
  firstOfReport(): Problem[] {
    const problems: Problem[] = [];
    const own = this.firstProblems;
    const end = this.firstEnd;
    let i = 0;
    let k = 0;
    while (problems.length < MAX_OUTCOME_PROBLEMS && (i < own.length || k < end.length)) {
      if (k >= end.length || (i < own.length && byRowThenColumn(own[i], end[k]) <= 0))
        problems.push(own[i++]);
      else problems.push(end[k++]);
    }
    return problems;
  }

  /**
   * The problems across rows (duplicates) of each source row, read in row order along with the
   * rows: `take(row)` once `needs(row)` is false (else `fill()` first).
   */
  endMarks(): SortedCursor<Problem> {
    return new SortedCursor(this.endProblems.read(), (p) => p.row);
  }
}

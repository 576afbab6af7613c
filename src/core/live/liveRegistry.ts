/**
 * The registry checked as staff type (the task pane's live check, issue #17): the sheet is read
 * once, then the rows of each edit go through the same engine as 校验, and the findings across
 * rows (an ID number typed twice) are found again over the whole sheet. What comes out is which
 * cells to mark (a fill and a note, as 规范化 marks them) and which marks to take off, decided
 * against what the sheet is believed to carry; and the running count of problems. It never
 * changes a value: a suggested value (the engine's, where it would change the cell) is only
 * offered (suggestionAt). Pure: the host reads the rows and carries out the marks.
 */
import { CrossRowTracker } from "../crossRow";
import { type CrossRowSink, RegistryNormalizer, crossRowProblems } from "../normalizer";
import { markRow } from "../plan";
import type { Problem } from "../problem";
import { byRowThenColumn } from "../registry";
import type { CellValue, Change, Locale, RawRow, Severity } from "../types";

/** A paste of more rows than this is not checked live: 校验 is suggested instead. */
export const LIVE_ROW_LIMIT = 5000;

export interface LiveOptions {
  dateSystem: 1900 | 1904;
  /** The day the data is judged on (the user's today, from the host). */
  asOf: Date;
  /** The language of the notes. */
  locale: Locale;
}

/** A row as the host read it: its 1-based row number, its cells from column A (and their formats). */
export interface LiveRow {
  row: number;
  values: readonly CellValue[];
  numFmts?: readonly (string | null | undefined)[];
}

export interface CellRef {
  row: number;
  /** 1-based column of the sheet. */
  column: number;
}

/** A cell to mark: the fill of its severity and the note (every problem of the cell, one per line). */
export interface LiveMark extends CellRef {
  severity: Severity;
  note: string;
}

export interface LiveCounts {
  errors: number;
  warnings: number;
  /** Member rows with at least one problem. */
  rows: number;
}

/** A mark that changes, with the note the check believes the cell carries (its own, to replace). */
export interface MarkChange extends LiveMark {
  was?: string;
}

/** A mark to take off, with the note the check put there (a note of someone else's stays). */
export interface Unmark extends CellRef {
  was: string;
}

export interface LiveCheck {
  /** Cells to mark, new or with another note or colour. */
  mark: MarkChange[];
  /** Cells marked before that are clean now: their fill and note come off. */
  unmark: Unmark[];
  /** A row of the header was edited: the columns may have changed; start again from a full read. */
  restart: boolean;
  counts: LiveCounts;
}

/** A value the engine would put in a cell, offered as the fix of a problem there (按建议修正). */
export interface LiveSuggestion extends CellRef {
  name: string;
  header: string;
  oldValue: CellValue;
  newValue: CellValue;
  rule: string;
}

interface CrossEntry {
  name: string;
  id: string | null;
  birth: string | null;
}

/** Keeps each member row's name, ID number and birth date (the findings come from the whole sheet). */
class EntrySink implements CrossRowSink {
  readonly entries = new Map<number, CrossEntry>();
  add(row: number, name: string, id: string | null, birth: string | null): void {
    this.entries.set(row, { name, id, birth });
  }
  findings() {
    return [];
  }
}

/** Marks at their sheet column (the problem's source column). */
const BY_SOURCE = { of: (p: Problem) => (p.sourceColumn > 0 ? p.sourceColumn : undefined) };
const sameProblems = (a: readonly Problem[] = [], b: readonly Problem[] = []) =>
  a.length === b.length &&
  a.every(
    (p, i) => p.code === b[i].code && JSON.stringify(p.params) === JSON.stringify(b[i].params)
  );

/** What the ID number says a cell should hold, for the problems that compare the two. */
function idValueOf(p: Problem): CellValue | null {
  if (p.code === "gender-mismatch") return p.params.expected;
  if (p.code === "birth-date-mismatch") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p.params.expected);
    return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  }
  return null;
}

/** Rows through the engine of 校验, in row order: its member rows, what it knows at the end, and each row's entry across rows. */
function runEngine(options: LiveOptions, rows: readonly RawRow[]) {
  const sink = new EntrySink();
  const engine = new RegistryNormalizer(
    { dateSystem: options.dateSystem, asOf: options.asOf, locale: options.locale },
    sink
  );
  const out = [...rows]
    .sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0))
    .flatMap((r) => engine.push(r));
  const end = engine.end();
  return { rows: [...out, ...end.rows], header: end.header, entries: sink.entries };
}

const rawOf = (r: LiveRow): RawRow => ({ rowNumber: r.row, values: r.values, numFmts: r.numFmts });

export class LiveRegistry {
  /** Member rows' own problems (those of their cells), by row. */
  private readonly own = new Map<number, Problem[]>();
  /** Member rows' findings across rows (id-duplicate, possible-duplicate), by row. */
  private cross = new Map<number, Problem[]>();
  private readonly entries = new Map<number, CrossEntry>();
  /** The engine's changes of each member row: what 按建议修正 offers. */
  private readonly changes = new Map<number, Change[]>();
  /** The marks the sheet is believed to carry, by row, then column. */
  private readonly onSheet = new Map<number, Map<number, LiveMark>>();

  private constructor(
    private readonly options: LiveOptions,
    /** The rows down to the header's last: pushed before the rows of each check. */
    private readonly top: RawRow[],
    private readonly headerLast: number,
    private readonly idColumn: number
  ) {}

  /**
   * The live check of a registry sheet, from all its rows as read; null where it has no header
   * (nothing to check against). marked: the note the sheet has on a cell, where the host can read
   * notes; a cell counts as marked by the check when its note is the one the check would write.
   */
  static start(
    rows: readonly LiveRow[],
    options: LiveOptions,
    marked: (cell: CellRef) => string | undefined = () => undefined
  ): LiveRegistry | null {
    const run = runEngine(options, rows.map(rawOf));
    if (!run.header) return null;
    const headerLast = Math.max(...run.header.rows);
    const top = rows.filter((r) => r.row <= headerLast).map(rawOf);
    const live = new LiveRegistry(options, top, headerLast, run.header.fieldColumns.idNumber ?? 0);
    for (const r of run.rows) {
      live.own.set(r.sourceRow, r.problems);
      live.changes.set(r.sourceRow, r.changes);
    }
    for (const [row, e] of run.entries) live.entries.set(row, e);
    live.cross = live.findCross();
    live.adopt(marked);
    return live;
  }

  /**
   * Takes the marks the sheet carries as the check's own: a cell whose note (where the host could
   * read it) is the one the check would write. Other notes are someone else's, and stay.
   */
  adopt(marked: (cell: CellRef) => string | undefined): void {
    for (const row of new Set([...this.own.keys(), ...this.cross.keys()]))
      for (const m of this.expected(row)) if (marked(m) === m.note) this.believe(m);
  }

  /** The cells the check would mark now, over the whole sheet (those whose notes adopt asks about). */
  markedCells(): CellRef[] {
    const cells: CellRef[] = [];
    for (const row of new Set([...this.own.keys(), ...this.cross.keys()]))
      for (const m of this.expected(row)) cells.push({ row: m.row, column: m.column });
    return cells.sort((a, b) => a.row - b.row || a.column - b.column);
  }

  /** The sheet row of the header's last row: rows at or above it are the header. */
  get headerRow(): number {
    return this.headerLast;
  }

  /** Checks the rows of an edit (as they are now) and says which marks change. */
  check(rows: readonly LiveRow[]): LiveCheck {
    if (rows.some((r) => r.row <= this.headerLast))
      return { mark: [], unmark: [], restart: true, counts: this.counts() };
    const checked = [...new Set(rows.map((r) => r.row))];
    for (const row of checked) {
      this.own.delete(row);
      this.changes.delete(row);
      this.entries.delete(row);
    }
    // The header's rows first (the engine finds the columns in them), then the edit's.
    const run = runEngine(this.options, [...this.top, ...rows.map(rawOf)]);
    for (const r of run.rows) {
      if (r.sourceRow <= this.headerLast) continue;
      this.own.set(r.sourceRow, r.problems);
      this.changes.set(r.sourceRow, r.changes);
    }
    for (const [row, e] of run.entries) if (row > this.headerLast) this.entries.set(row, e);
    const before = this.cross;
    this.cross = this.findCross();
    const decide = new Set(checked);
    for (const row of new Set([...before.keys(), ...this.cross.keys()]))
      if (!sameProblems(before.get(row), this.cross.get(row))) decide.add(row);
    const mark: MarkChange[] = [];
    const unmark: Unmark[] = [];
    for (const row of [...decide].sort((a, b) => a - b)) {
      const now = new Map(this.expected(row).map((m) => [m.column, m]));
      const was = this.onSheet.get(row) ?? new Map<number, LiveMark>();
      for (const [column, m] of now) {
        const old = was.get(column);
        if (!old) mark.push(m);
        else if (old.note !== m.note || old.severity !== m.severity)
          mark.push({ ...m, was: old.note });
      }
      for (const [column, old] of was)
        if (!now.has(column)) unmark.push({ row, column, was: old.note });
      if (now.size > 0) this.onSheet.set(row, now);
      else this.onSheet.delete(row);
    }
    return { mark, unmark, restart: false, counts: this.counts() };
  }

  /** Every problem of the member rows, by row and column. */
  problems(): Problem[] {
    const all: Problem[] = [];
    for (const row of new Set([...this.own.keys(), ...this.cross.keys()]))
      all.push(...this.problemsOf(row));
    return all.sort(byRowThenColumn);
  }

  /**
   * The value offered for a cell: for a cell that disagrees with the row's ID number (性别,
   * 出生日期), the ID's; else the engine's, where it would change the cell (as 规范化 would).
   */
  suggestionAt(cell: CellRef): LiveSuggestion | null {
    for (const p of this.own.get(cell.row) ?? []) {
      if (p.sourceColumn !== cell.column) continue;
      const newValue = idValueOf(p);
      if (newValue !== null)
        return {
          row: p.row,
          column: p.sourceColumn,
          name: p.name,
          header: p.column,
          oldValue: p.value,
          newValue,
          rule: p.code,
        };
    }
    const c = this.changes.get(cell.row)?.find((x) => x.sourceColumn === cell.column);
    if (!c) return null;
    return {
      row: c.row,
      column: c.sourceColumn,
      name: c.name,
      header: c.column,
      oldValue: c.oldValue,
      newValue: c.newValue,
      rule: c.rule,
    };
  }

  counts(): LiveCounts {
    let errors = 0;
    let warnings = 0;
    let rows = 0;
    for (const row of new Set([...this.own.keys(), ...this.cross.keys()])) {
      const ps = this.problemsOf(row);
      if (ps.length > 0) rows++;
      for (const p of ps)
        if (p.severity === "error") errors++;
        else warnings++;
    }
    return { errors, warnings, rows };
  }

  private problemsOf(row: number): Problem[] {
    return [...(this.own.get(row) ?? []), ...(this.cross.get(row) ?? [])];
  }

  /** The marks a row should carry: as 规范化 makes them (its own problems first, then across rows). */
  private expected(row: number): LiveMark[] {
    return markRow(this.problemsOf(row), BY_SOURCE, this.options.locale).map((m) => ({
      row,
      ...m,
    }));
  }

  private believe(m: LiveMark): void {
    let cells = this.onSheet.get(m.row);
    if (!cells) this.onSheet.set(m.row, (cells = new Map()));
    cells.set(m.column, m);
  }

  /** The findings across rows over every member row, in row order, as problems by row. */
  private findCross(): Map<number, Problem[]> {
    const tracker = new CrossRowTracker();
    for (const row of [...this.entries.keys()].sort((a, b) => a - b)) {
      const e = this.entries.get(row)!;
      tracker.add(row, e.name, e.id, e.birth);
    }
    const byRow = new Map<number, Problem[]>();
    for (const p of crossRowProblems(tracker.findings(), this.idColumn)) {
      const list = byRow.get(p.row);
      if (list) list.push(p);
      else byRow.set(p.row, [p]);
    }
    return byRow;
  }
}

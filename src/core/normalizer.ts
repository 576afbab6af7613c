import { type CrossRowFinding, CrossRowTracker } from "./crossRow";
import { type ColumnMapping, type HeaderInfo, recognizeHeader } from "./header/recognize";
import { type ProblemData, severityOf } from "./messages/codes";
import { classifyRow } from "./rowKinds";
import { FIELD_RULES } from "./rules";
import { formatPartialDate } from "./rules/dates";
import { normalizeIdNumber } from "./rules/idNumber";
import { reconcileBirthDate, reconcileGender } from "./rules/identity";
import type { Issue, RuleContext, RuleResult } from "./rules/rule";
import {
  type EngineOptions,
  type EngineOptionsInput,
  FIELD_BY_KEY,
  FIELDS,
  type FieldKey,
  resolveOptions,
} from "./schema";
import { columnLetter } from "./a1";
import { isBlank, isValidDate, sameValue } from "./text";
import type { CellValue, Change, DroppedRow, RawRow, RowInput } from "./types";
import type { Problem } from "./problem";

/** A column of the output sheet: the 23 canonical ones, then every source column that did not map. */
export interface OutputColumn {
  header: string;
  field: FieldKey | null;
  /** 1-based source column, or null where the source had none. */
  sourceColumn: number | null;
}

/** One member row, normalised. */
export interface NormalizedRow {
  sourceRow: number;
  values: CellValue[];
  problems: Problem[];
  changes: Change[];
}

/** What is known once every row has been pushed. */
export interface NormalizeSummary {
  header: HeaderInfo | null;
  columns: OutputColumn[];
  /** Problems of the whole sheet (header) and across rows (duplicates). */
  problems: Problem[];
  /** Header renames (old header → canonical one). */
  changes: Change[];
  dropped: DroppedRow[];
  memberRows: number;
}

const fieldIndex = (key: FieldKey) => FIELDS.findIndex((f) => f.key === key);
/** The fields the engine handles itself (the others each have a rule of their own), by index in FIELDS. */
const SEQ = fieldIndex("seq");
const NAME = fieldIndex("name");
const ID = fieldIndex("idNumber");
const GENDER = fieldIndex("gender");
const BIRTH = fieldIndex("birthDate");

/** One member row while the engine works on it. */
interface RowCells {
  row: number;
  name: string;
  values: readonly CellValue[];
  numFmts: readonly (string | null | undefined)[] | undefined;
  out: CellValue[];
  problems: Problem[];
  changes: Change[];
}
/** Columns whose absence is worth a warning. */
const EXPECTED_FIELDS: FieldKey[] = ["gender", "birthDate", "idNumber"];

function asRawRow(input: RowInput, position: number): RawRow {
  if (Array.isArray(input)) return { rowNumber: position, values: input as readonly CellValue[] };
  const r = input as RawRow;
  return { ...r, rowNumber: r.rowNumber ?? position };
}

/**
 * The registry engine. Rows go in one at a time (push); member rows come out as soon as the header
 * is known; what needs every row (duplicates) comes from end(). Pure: no I/O, no host objects.
 */
export class RegistryNormalizer {
  readonly options: EngineOptions;
  private readonly ctx: RuleContext;
  private buffer: RawRow[] = [];
  private header: HeaderInfo | null = null;
  private headerDecided = false;
  private columns: OutputColumn[] = [];
  private extraBySource = new Map<number, number>();
  /** By 1-based source column: true for a column mapped to a field or kept as an extra one. */
  private knownSource: boolean[] = [];
  /** By index in FIELDS: the field's 0-based source column, or -1. */
  private sources: number[] = FIELDS.map(() => -1);
  private readonly ctxByNumFmt = new Map<string, RuleContext>();
  private readonly sheetProblems: Problem[] = [];
  private readonly headerChanges: Change[] = [];
  private readonly dropped: DroppedRow[] = [];
  private position = 0;
  private seq = 0;

  /**
   * cross: where each member row's name, ID number and birth date go for the findings across
   * rows (a live check keeps its own, over the whole sheet: live/liveRegistry.ts).
   */
  constructor(
    options: EngineOptionsInput,
    private readonly cross: CrossRowSink = new CrossRowTracker()
  ) {
    this.options = resolveOptions(options);
    this.ctx = {
      dateSystem: this.options.dateSystem,
      asOf: this.options.asOf,
    };
  }

  /**
   * The columns of the output, as soon as the header is decided (null before, and when no header
   * was found). Columns found later (data right of the header) are added at the end.
   */
  get outputColumns(): readonly OutputColumn[] | null {
    return this.headerDecided && this.header ? this.columns : null;
  }

  push(input: RowInput): NormalizedRow[] {
    const row = asRawRow(input, ++this.position);
    if (this.headerDecided) {
      if (this.header) return this.member(row);
      this.dropped.push({ row: row.rowNumber ?? 0, reason: "no-header", values: [...row.values] });
      return [];
    }
    this.buffer.push(row);
    return this.buffer.length >= this.options.headerSearchRows ? this.decideHeader() : [];
  }

  /** Flushes rows still waiting for the header and returns what needs every row. */
  end(): NormalizeSummary & { rows: NormalizedRow[] } {
    const rows = this.headerDecided ? [] : this.decideHeader();
    const problems = [
      ...this.sheetProblems,
      ...crossRowProblems(this.cross.findings(), this.header?.fieldColumns.idNumber ?? 0),
    ];
    return {
      rows,
      header: this.header,
      columns: this.columns,
      problems,
      changes: this.headerChanges,
      dropped: this.dropped,
      memberRows: this.seq,
    };
  }

  private decideHeader(): NormalizedRow[] {
    this.headerDecided = true;
    const rows = this.buffer;
    this.buffer = [];
    this.header = recognizeHeader(
      rows.map((r) => r.values),
      rows.map((r) => r.rowNumber ?? 0)
    );
    if (!this.header) {
      this.sheetProblems.push(
        problemAt(
          { code: "header-not-found", params: { rows: this.options.headerSearchRows } },
          0,
          "",
          null,
          0,
          null
        )
      );
      for (const r of rows)
        this.dropped.push({ row: r.rowNumber ?? 0, reason: "no-header", values: [...r.values] });
      return [];
    }
    this.setUpColumns(this.header);
    const out: NormalizedRow[] = [];
    const last = Math.max(...this.header.rows);
    for (const r of rows) {
      const n = r.rowNumber ?? 0;
      if (n < this.header.rows[0])
        this.dropped.push({ row: n, reason: "title", values: [...r.values] });
      else if (n <= last) this.dropped.push({ row: n, reason: "header", values: [...r.values] });
      else out.push(...this.member(r));
    }
    return out;
  }

  private setUpColumns(h: HeaderInfo): void {
    this.columns = FIELDS.map((f) => ({
      header: f.header,
      field: f.key,
      sourceColumn: h.fieldColumns[f.key] ?? null,
    }));
    this.sources = FIELDS.map((f) => (h.fieldColumns[f.key] ?? 0) - 1);
    const headerRow = h.rows[h.rows.length - 1];
    for (const c of h.columns) {
      if (c.field) {
        this.knownSource[c.sourceColumn] = true;
        const canonical = FIELD_BY_KEY[c.field].header;
        if (c.original !== canonical) {
          this.headerChanges.push({
            row: headerRow,
            name: "",
            field: c.field,
            column: canonical,
            sourceColumn: c.sourceColumn,
            oldValue: c.original,
            newValue: canonical,
            rule: "header",
          });
        }
      } else this.addExtraColumn(c, headerRow);
    }
    for (const key of EXPECTED_FIELDS) {
      if (h.fieldColumns[key] === undefined) {
        const header = FIELD_BY_KEY[key].header;
        this.sheetProblems.push(
          problemAt({ code: "column-missing", params: { header } }, headerRow, "", key, 0, null)
        );
      }
    }
  }

  private addExtraColumn(c: ColumnMapping, headerRow: number): number {
    const header = c.original !== "" ? c.original : `(第${columnLetter(c.sourceColumn)}列)`;
    this.columns.push({ header, field: null, sourceColumn: c.sourceColumn });
    const index = this.columns.length - 1;
    this.extraBySource.set(c.sourceColumn, index);
    this.knownSource[c.sourceColumn] = true;
    if (c.unmapped === "duplicate") {
      const field = c.duplicateOf ? FIELD_BY_KEY[c.duplicateOf].header : "";
      this.sheetProblems.push(
        problemAt(
          { code: "column-duplicate", params: { header, field } },
          headerRow,
          "",
          null,
          c.sourceColumn,
          c.original,
          header
        )
      );
    } else {
      this.sheetProblems.push(
        problemAt(
          { code: "column-unmapped", params: { header } },
          headerRow,
          "",
          null,
          c.sourceColumn,
          c.original || null,
          header
        )
      );
    }
    return index;
  }

  private member(row: RawRow): NormalizedRow[] {
    const h = this.header!;
    const values = row.values;
    const n = row.rowNumber ?? 0;
    const kind = classifyRow(values, h.fieldColumns);
    if (kind === "blank") {
      const last = this.dropped[this.dropped.length - 1];
      if (last?.reason === "blank" && (last.toRow ?? last.row) === n - 1) last.toRow = n;
      else this.dropped.push({ row: n, reason: "blank", values: [] });
      return [];
    }
    if (kind) {
      this.dropped.push({ row: n, reason: kind, values: [...values] });
      return [];
    }
    // Columns beyond the header that hold data: kept, as unnamed columns.
    for (let i = 0; i < values.length; i++) {
      if (!this.knownSource[i + 1] && !isBlank(values[i])) {
        this.addExtraColumn(
          { sourceColumn: i + 1, original: "", field: null, unmapped: "unknown" },
          h.rows[h.rows.length - 1]
        );
      }
    }
    const out: CellValue[] = new Array(this.columns.length).fill(null);
    const cells: RowCells = {
      row: n,
      name: "",
      values,
      numFmts: row.numFmts,
      out,
      problems: [],
      changes: [],
    };
    // The name first: every problem and change of the row carries it.
    const nameResult = FIELD_RULES.name!(this.raw(cells, NAME), this.ctxAt(cells, NAME));
    cells.name =
      typeof nameResult.value === "string"
        ? nameResult.value
        : nameResult.value === null
          ? ""
          : String(nameResult.value);
    const id = normalizeIdNumber(this.raw(cells, ID), this.ctxAt(cells, ID));
    for (let index = 0; index < FIELDS.length; index++) {
      const key = FIELDS[index].key;
      if (index === SEQ)
        this.record(cells, index, { value: ++this.seq, rule: "renumber", issues: [] });
      else if (index === NAME) this.record(cells, index, nameResult);
      else if (index === ID) this.record(cells, index, id);
      else if (index === GENDER)
        this.record(
          cells,
          index,
          reconcileGender(this.raw(cells, index), id.info, this.ctxAt(cells, index))
        );
      else if (index === BIRTH)
        this.record(
          cells,
          index,
          reconcileBirthDate(this.raw(cells, index), id.info, this.ctxAt(cells, index))
        );
      else if (this.sources[index] >= 0)
        this.record(
          cells,
          index,
          FIELD_RULES[key]!(this.raw(cells, index), this.ctxAt(cells, index))
        );
    }
    for (const [src, index] of this.extraBySource) out[index] = values[src - 1] ?? null;
    const birth = out[BIRTH];
    this.cross.add(
      n,
      cells.name,
      id.key,
      isValidDate(birth)
        ? formatPartialDate({
            y: birth.getUTCFullYear(),
            m: birth.getUTCMonth() + 1,
            d: birth.getUTCDate(),
          })
        : typeof birth === "string" && /^\d{4}-\d\d-\d\d$/.test(birth)
          ? birth // a day before the date system's first (dateCell)
          : null
    );
    return [{ sourceRow: n, values: out, problems: cells.problems, changes: cells.changes }];
  }

  /** The source cell of a canonical field (by its index in FIELDS), or null where the source has no such column. */
  private raw(cells: RowCells, index: number): CellValue {
    const c = this.sources[index];
    return c < 0 ? null : (cells.values[c] ?? null);
  }

  /** The rule context of a field's cell: the engine's, with the cell's number format where it has one. */
  private ctxAt(cells: RowCells, index: number): RuleContext {
    const c = this.sources[index];
    const numFmt = c < 0 ? undefined : cells.numFmts?.[c];
    if (!numFmt) return this.ctx;
    let ctx = this.ctxByNumFmt.get(numFmt);
    if (!ctx) this.ctxByNumFmt.set(numFmt, (ctx = { ...this.ctx, numFmt }));
    return ctx;
  }

  /** Puts a rule's value in the output row, with its problems and (if the value changed) the change. */
  private record(cells: RowCells, index: number, r: RuleResult): void {
    const field = FIELDS[index];
    const c = this.sources[index];
    const old = this.raw(cells, index);
    cells.out[index] = r.value;
    for (const issue of r.issues)
      cells.problems.push(
        this.issueProblem(issue, cells.row, cells.name, field.key, c < 0 ? 0 : c + 1, old)
      );
    if (c >= 0 && !sameValue(old, r.value) && !(r.value === null && isBlank(old))) {
      cells.changes.push({
        row: cells.row,
        name: cells.name,
        field: field.key,
        column: field.header,
        sourceColumn: c + 1,
        oldValue: old,
        newValue: r.value,
        rule: r.rule,
      });
    }
  }

  private issueProblem(
    issue: Issue,
    row: number,
    name: string,
    field: FieldKey,
    sourceColumn: number,
    value: CellValue
  ): Problem {
    return problemAt(issue, row, name, field, sourceColumn, value);
  }
}

/** A problem at a cell: its code's severity, the field's canonical header unless another is given. */
function problemAt(
  issue: ProblemData,
  row: number,
  name: string,
  field: FieldKey | null,
  sourceColumn: number,
  value: CellValue,
  column?: string
): Problem {
  const header = column ?? (field ? FIELD_BY_KEY[field].header : "");
  return {
    ...issue,
    severity: severityOf(issue.code),
    row,
    name,
    field,
    column: header,
    sourceColumn,
    value,
  };
}

/** Where the engine puts each member row for the findings across rows (CrossRowTracker). */
export interface CrossRowSink {
  add(row: number, name: string, id: string | null, birth: string | null): void;
  findings(): CrossRowFinding[];
}

/** The problems of findings across rows: one on the 公民身份号码 cell (idColumn) of each row involved. */
export function crossRowProblems(
  findings: readonly CrossRowFinding[],
  idColumn: number
): Problem[] {
  const problems: Problem[] = [];
  for (const f of findings)
    f.rows.forEach((r, i) => {
      const issue: ProblemData = { code: f.code, params: otherRows(f.rows, i) };
      problems.push(problemAt(issue, r, f.names[i], "idNumber", idColumn, f.values[i]));
    });
  return problems;
}

/** The other rows of a finding, for its message: at most five, then how many more (no n² text for n copies). */
export function otherRows(rows: readonly number[], self: number): { rows: number[]; more: number } {
  const shown: number[] = [];
  for (let k = 0; k < rows.length && shown.length < 5; k++) if (k !== self) shown.push(rows[k]);
  return { rows: shown, more: rows.length - 1 - shown.length };
}

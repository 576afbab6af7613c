import { FileError } from "../fileError";
import { columnLabel as cellColumn } from "../../../core/a1";
import { MAX_COLUMNS, MAX_ROWS } from "../../../core/a1";
import { MAX_CELL_CHARACTERS } from "./limits";

export type CsvDelimiter = "," | "\t" | ";";

/** How many lines the delimiter detection looks at for one that holds a separator. */
const DELIMITER_SCAN_LINES = 20;

/**
 * The separator of a CSV: a comma if the first line that holds any candidate (outside quotes) holds
 * a comma; else a tab; else a semicolon. Title lines with no separator at all are passed over.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let inQuotes = false;
  let lines = 0;
  let tab = false;
  let semicolon = false;
  for (let i = 0; i < text.length && lines < DELIMITER_SCAN_LINES; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === ",") return ",";
    else if (c === "\t") tab = true;
    else if (c === ";") semicolon = true;
    else if (c === "\n" || c === "\r") {
      if (tab) return "\t";
      if (semicolon) return ";";
      if (c === "\r" && text[i + 1] === "\n") i++;
      lines++;
    }
  }
  return tab ? "\t" : semicolon ? ";" : ",";
}

/**
 * Limits checked while CSV text is parsed: a field's length, records times the widest record, and
 * (sheetLimits) Excel's 1,048,576 rows and 16,384 columns.
 */
export interface CsvLimits {
  maxFieldLength?: number;
  maxCells?: number;
  sheetLimits?: boolean;
  /** Most non-empty fields (each becomes a cell of the workbook built from them). */
  maxFilled?: number;
}

/** A limit of {@link CsvLimits} broken: which, and where (1-based record and field; 0: the whole record). */
export class CsvLimitError extends Error {
  constructor(
    readonly limit: "length" | "cells" | "range" | "load",
    readonly row: number,
    readonly column: number
  ) {
    super(`CSV ${limit} limit at record ${row}, field ${column}`);
    this.name = "CsvLimitError";
  }
}

/**
 * Parses CSV text (RFC 4180, read as leniently as Excel does) into rows of strings. Quoted fields may
 * hold separators, doubled quotes and line breaks (kept as written); records end at CRLF, LF or CR; a
 * final line break does not start another record; a quote inside an unquoted field, text after a
 * closing quote and an unclosed quote at the end are all kept as text. An Excel "sep=X" first line
 * sets the separator and is not a record. Without a delimiter, {@link detectDelimiter} chooses one.
 */
export function parseCsv(
  text: string,
  delimiter?: CsvDelimiter,
  limits: CsvLimits = {}
): string[][] {
  let start = 0;
  const sep = /^\uFEFF?sep=([,;\t|])(\r\n|\n|\r|$)/i.exec(text);
  if (sep && !delimiter) {
    delimiter = sep[1] as CsvDelimiter;
    start = sep[0].length;
  }
  if (text.charCodeAt(0) === 0xfeff && start === 0) start = 1;
  const d = delimiter ?? detectDelimiter(text.slice(start));

  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = start;
  const n = text.length;
  const maxField = limits.maxFieldLength ?? Infinity;
  const maxCells = limits.maxCells ?? Infinity;
  const maxFilled = limits.maxFilled ?? Infinity;
  const maxRows = limits.sheetLimits ? MAX_ROWS : Infinity;
  const maxColumns = limits.sheetLimits ? MAX_COLUMNS : Infinity;
  let width = 0;
  let filled = 0;
  // Each limit is checked as the text is parsed, before the rows that break it are kept.
  const pushField = (value: string) => {
    if (row.length >= maxColumns) throw new CsvLimitError("range", rows.length + 1, row.length + 1);
    if (value.length > maxField) throw new CsvLimitError("length", rows.length + 1, row.length + 1);
    if (value !== "" && ++filled > maxFilled)
      throw new CsvLimitError("load", rows.length + 1, row.length + 1);
    row.push(value);
  };
  const pushRow = () => {
    width = Math.max(width, row.length);
    if (rows.length >= maxRows) throw new CsvLimitError("range", rows.length + 1, 0);
    if ((rows.length + 1) * Math.max(1, width) > maxCells)
      throw new CsvLimitError("cells", rows.length + 1, row.length);
    rows.push(row);
  };
  while (i < n) {
    if (text[i] === '"' && field === "") {
      // A quoted field: up to the closing quote, "" standing for one quote.
      quoted = true;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    }
    // Unquoted text (or what follows a closing quote) up to the next separator or line break.
    let j = i;
    while (j < n) {
      const c = text[j];
      if (c === d || c === "\n" || c === "\r") break;
      j++;
    }
    field += text.slice(i, j);
    i = j;
    if (i >= n) break;
    const c = text[i];
    pushField(field);
    field = "";
    quoted = false;
    i++;
    if (c !== d) {
      if (c === "\r" && text[i] === "\n") i++;
      pushRow();
      row = [];
    } else if (i >= n) {
      pushField("");
    }
  }
  if (field !== "" || quoted || row.length > 0) {
    if (i >= n && text[n - 1] !== d) pushField(field);
    pushRow();
  }
  return rows;
}

/**
 * A valid worksheet name from a file name: the name without its extension, the characters Excel
 * refuses (\ / ? * [ ] : and control characters) and leading or trailing quotes replaced by "_",
 * at most 31 characters; "Sheet1" if nothing is left.
 */
export function sheetNameFromFile(file: string): string {
  // The base name without its extension (no node:path here: this module also runs in the browser).
  let name = (file.split(/[\\/]/).pop() ?? file).replace(/(.)\.[^.]*$/, "$1");
  // eslint-disable-next-line no-control-regex
  name = name.replace(/[\\/?*[\]:\u0000-\u001f\u007f]/g, "_").trim();
  if (name.length > 31) {
    name = name.slice(0, 31);
    // Do not cut a character outside the BMP in half.
    if (/[\uD800-\uDBFF]$/.test(name)) name = name.slice(0, 30);
  }
  name = name.replace(/^'/, "_").replace(/'$/, "_");
  if (name === "" || name.toLowerCase() === "history") name = name === "" ? "Sheet1" : `${name}_`;
  return name;
}

export interface CsvWorkbookOptions {
  /** Most cells the sheet may span, records times the widest record (checked while parsing). */
  maxCells?: number;
  /**
   * Refuse what a sheet cannot hold: a field longer than Excel's 32,767 characters, more than
   * 1,048,576 records or 16,384 fields.
   */
  excelLimits?: boolean;
  /** Most non-empty fields, each a cell of the workbook to build. */
  maxLoadCells?: number;
}

/** U+FFFE and U+FFFF are no characters, and an .xlsx cannot hold them (its XML would be invalid). */
const NON_CHARACTERS = /[\uFFFE\uFFFF]/;

/**
 * CSV text as rows of strings, with the sheet name a workbook made of it takes. With `maxCells`,
 * `maxLoadCells` or `excelLimits`, a file over a limit is refused (`too-many-cells`,
 * `too-many-cells-to-load`; `cell-too-long` or `beyond-sheet-limits`, naming the record and
 * field) as it is parsed. U+FFFE and U+FFFF become U+FFFD.
 */
export function csvRows(
  text: string,
  file: string,
  options: CsvWorkbookOptions = {}
): { sheetName: string; rows: string[][] } {
  const sheetName = sheetNameFromFile(file);
  let rows: string[][];
  try {
    rows = parseCsv(text, undefined, {
      maxCells: options.maxCells,
      maxFieldLength: options.excelLimits ? MAX_CELL_CHARACTERS : undefined,
      sheetLimits: options.excelLimits,
      maxFilled: options.maxLoadCells,
    });
  } catch (e) {
    if (!(e instanceof CsvLimitError)) throw e;
    if (e.limit === "cells" || e.limit === "load")
      throw new FileError(e.limit === "cells" ? "too-many-cells" : "too-many-cells-to-load", {
        file,
        sheet: sheetName,
        limit: e.limit === "cells" ? options.maxCells! : options.maxLoadCells!,
      });
    throw new FileError(e.limit === "range" ? "beyond-sheet-limits" : "cell-too-long", {
      file,
      sheet: sheetName,
      row: e.row,
      column: cellColumn(e.column),
    });
  }
  for (const row of rows)
    for (let c = 0; c < row.length; c++)
      if (NON_CHARACTERS.test(row[c])) row[c] = row[c].replace(/[\uFFFE\uFFFF]/g, "\uFFFD");
  return { sheetName, rows };
}

import * as ExcelJS from "exceljs";

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
 * Parses CSV text (RFC 4180, read as leniently as Excel does) into rows of strings. Quoted fields may
 * hold separators, doubled quotes and line breaks (kept as written); records end at CRLF, LF or CR; a
 * final line break does not start another record; a quote inside an unquoted field, text after a
 * closing quote and an unclosed quote at the end are all kept as text. An Excel "sep=X" first line
 * sets the separator and is not a record. Without a delimiter, {@link detectDelimiter} chooses one.
 */
export function parseCsv(text: string, delimiter?: CsvDelimiter): string[][] {
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
    row.push(field);
    field = "";
    quoted = false;
    i++;
    if (c !== d) {
      if (c === "\r" && text[i] === "\n") i++;
      rows.push(row);
      row = [];
    } else if (i >= n) {
      row.push("");
    }
  }
  if (field !== "" || quoted || row.length > 0) {
    if (i >= n && text[n - 1] !== d) row.push(field);
    rows.push(row);
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

/** {@link csvToWorkbook} for text already decoded. */
export function csvTextToWorkbook(text: string, file: string): ExcelJS.Workbook {
  const rows = parseCsv(text);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetNameFromFile(file));
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r];
    for (let c = 0; c < values.length; c++) {
      if (values[c] !== "") sheet.getCell(r + 1, c + 1).value = values[c];
    }
  }
  return workbook;
}

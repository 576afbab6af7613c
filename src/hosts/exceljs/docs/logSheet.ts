import { columnLetter } from "../../../core/a1";
import { type LogTable, readLog } from "../../../core/docs/logs";
import type { CellValue } from "../../../core/types";
import { sheetGrid, worksheetNamed } from "../read/sheetValues";
import { DATE_FORMAT, HEADER_STYLE } from "../write/sheetStyles";
import type { NewSheet, PackageWriter } from "../xlsx/packageWriter";
import { SheetXmlWriter, type WriteCell } from "../xlsx/sheetWriter";
import type { WorkbookPackage } from "../xlsx/workbookPackage";
import { xmlAttribute } from "../xlsx/xml";

/** A log sheet (例会台账, 通报台账…) as read: its table, and where its rows and columns end. */
export interface LogRead {
  log: LogTable;
  /** The last row and column the sheet holds anything in (0 for an empty or missing sheet). */
  lastRow: number;
  lastColumn: number;
}

export async function readLogSheet(
  pkg: WorkbookPackage,
  name: string,
  headers: readonly string[]
): Promise<LogRead> {
  const grid = await sheetGrid(pkg, worksheetNamed(pkg, name));
  let lastRow = 0;
  let lastColumn = 0;
  grid.forEach((row, i) => {
    let width = row.length;
    while (width > 0 && (row[width - 1] === null || row[width - 1] === "")) width--;
    if (width > 0) lastRow = i + 1;
    lastColumn = Math.max(lastColumn, width);
  });
  return { log: readLog(grid, headers), lastRow, lastColumn };
}

/**
 * Appends a row to a log sheet by its headers: headers it lacks are added after its last column,
 * the row goes below its last row, dates shown as dates. The sheet is written anew as it is read
 * (every other row, style and setting of it kept); a missing log is made with DOMAIN.md's columns
 * and returned, to be added. Returns null when the sheet was there.
 */
export async function appendLogRow(
  pkg: WorkbookPackage,
  out: PackageWriter,
  name: string,
  headers: readonly string[],
  values: readonly CellValue[],
  read: LogRead
): Promise<NewSheet | null> {
  const header = out.styles.id(HEADER_STYLE);
  const date = out.styles.id({ numFmt: DATE_FORMAT });
  const sheet = worksheetNamed(pkg, name);
  if (!sheet) {
    return {
      name,
      *xml() {
        const w = new SheetXmlWriter(out.dateSystem);
        const spec = {
          columns: headers.map((h) => ({ width: Math.max(10, h.length * 2 + 4) })),
          freeze: { rows: 1, columns: 0 },
        };
        yield w.head(spec);
        yield w.row(
          1,
          headers.map((h) => ({ value: h, style: header }))
        );
        yield w.row(
          2,
          values.map((v) => ({ value: v, style: v instanceof Date ? date : undefined }))
        );
        yield w.tail(spec);
      },
    };
  }
  const columns = { ...read.log.columns };
  const headerRow = read.log.headerRow || 1;
  let next = read.lastColumn;
  const added: { column: number; header: string }[] = [];
  for (const h of headers)
    if (columns[h] === undefined) {
      columns[h] = ++next;
      added.push({ column: next, header: h });
    }
  const rowNumber = Math.max(read.lastRow, headerRow) + 1;
  const w = new SheetXmlWriter(out.dateSystem);
  const newRow: WriteCell[] = [];
  headers.forEach((h, i) => {
    const v = values[i] ?? null;
    newRow[columns[h] - 1] = { value: v, style: v instanceof Date ? date : undefined };
  });
  const headerCells: WriteCell[] = [];
  for (const a of added) headerCells[a.column - 1] = { value: a.header, style: header };
  const lastColumn = Math.max(next, read.lastColumn);
  await out.rewrite(
    sheet.part,
    withRow(pkg.partChunks(sheet.part), {
      headerRow,
      headerCells: added.length > 0 ? w.row(headerRow, headerCells) : null,
      row: w.row(rowNumber, newRow),
      rowNumber,
      dimension: `A1:${columnLetter(Math.max(1, lastColumn))}${rowNumber}`,
    })
  );
  return null;
}

interface Insert {
  headerRow: number;
  /** A row element holding the header cells to add (its cells go into the header row). */
  headerCells: string | null;
  row: string;
  rowNumber: number;
  dimension: string;
}

/**
 * A sheet's XML with a row added below its rows (and header cells added to its header row), as
 * it streams past: the rest is kept character for character.
 */
async function* withRow(text: AsyncIterable<string>, ins: Insert): AsyncGenerator<string> {
  let buf = "";
  let phase: "head" | "data" | "rest" = "head";
  let p = "";
  let lastRow = 0;
  let from = 0;
  let headerDone = ins.headerCells === null;
  const headerInner = ins.headerCells?.replace(/^<row[^>]*>/, "").replace(/<\/row>$/, "") ?? "";
  const headerRowXml = () =>
    (ins.headerCells ?? "").replace(/^<row/, `<${p}row`).replace(/<\/row>$/, `</${p}row>`);
  for await (const piece of text) {
    buf += piece;
    if (phase === "head") {
      const m = /<([\w.-]+:)?sheetData(?=[\s>/])[^>]*?(\/?)>/.exec(buf);
      if (!m) continue;
      p = m[1] ?? "";
      let head = buf.slice(0, m.index);
      head = head.replace(
        new RegExp(`(<${p}dimension\\b[^>]*\\bref\\s*=\\s*)("[^"]*"|'[^']*')`),
        `$1"${ins.dimension}"`
      );
      if (m[2] === "/") {
        const rows = (headerDone ? "" : headerRowXml()) + localRow(ins.row, p);
        yield head + `<${p}sheetData>${rows}</${p}sheetData>`;
        buf = buf.slice(m.index + m[0].length);
        phase = "rest";
      } else {
        yield head + m[0];
        buf = buf.slice(m.index + m[0].length);
        phase = "data";
      }
    }
    if (phase === "data") {
      const rowOpen = `<${p}row`;
      const rowClose = `</${p}row>`;
      const dataClose = `</${p}sheetData>`;
      let out = "";
      let at = 0;
      for (;;) {
        const lt = buf.indexOf("<", at);
        if (lt < 0) {
          out += buf.slice(at);
          at = buf.length;
          break;
        }
        if (buf.startsWith(dataClose, lt)) {
          out += buf.slice(at, lt) + (headerDone ? "" : headerRowXml()) + localRow(ins.row, p);
          headerDone = true;
          at = lt;
          phase = "rest";
          break;
        }
        if (buf.startsWith(rowOpen, lt) && /[\s>/]/.test(buf.charAt(lt + rowOpen.length))) {
          const gt = buf.indexOf(">", lt);
          if (gt < 0) break;
          const selfClosed = buf.charCodeAt(gt - 1) === 47;
          const end = selfClosed ? gt + 1 : buf.indexOf(rowClose, Math.max(gt, from));
          if (end < 0) {
            // The row goes on in the next piece: its end is looked for from here on.
            from = Math.max(gt, buf.length - rowClose.length);
            break;
          }
          from = 0;
          const stop = selfClosed ? end : end + rowClose.length;
          const r = Number(xmlAttribute(buf.slice(lt + rowOpen.length, gt), "r") ?? lastRow + 1);
          lastRow = r;
          out += buf.slice(at, lt);
          if (!headerDone && r > ins.headerRow) {
            out += headerRowXml();
            headerDone = true;
          }
          let rowXml = buf.slice(lt, stop);
          if (!headerDone && r === ins.headerRow) {
            rowXml = selfClosed
              ? rowXml.replace(/\/>$/, `>${localCells(headerInner, p)}</${p}row>`)
              : rowXml.slice(0, -rowClose.length) + localCells(headerInner, p) + rowClose;
            headerDone = true;
          }
          out += rowXml;
          at = stop;
          continue;
        }
        if (buf.length - lt < dataClose.length + 1) break;
        out += buf.slice(at, lt + 1);
        at = lt + 1;
      }
      if (out) yield out;
      buf = buf.slice(at);
      from = Math.max(0, from - at);
    }
    if (phase === "rest") {
      yield buf;
      buf = "";
    }
  }
  if (buf) yield buf;
}

/** A row written without a prefix, in a part whose elements carry one. */
function localRow(xml: string, p: string): string {
  return p ? xml.replace(/<(\/?)(row|c|is|t|v|f)(?=[\s>/])/g, `<$1${p}$2`) : xml;
}

const localCells = localRow;

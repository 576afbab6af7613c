import { SaxesParser } from "saxes";
import { MAX_COLUMNS, MAX_ROWS, parseCell } from "../../../core/a1";

/** What a worksheet's cells may refer to: the numbers of shared strings and of cell styles. */
export interface WorksheetRules {
  sharedStrings: number;
  /** The base's cell styles (<cellXfs>); style 0 is always there (the output writes one). */
  styles: number;
  /** The ids of the sheet's relationships whose targets are there (r:id of drawings, notes, links). */
  relIds: ReadonlySet<string>;
}

/** The attribute naming a cell style, by element. */
const STYLE_ATTRIBUTE: Record<string, string> = { c: "s", row: "s", col: "style" };

/** Where each element of a worksheet's cells may stand. */
const PARENT: Record<string, string> = { row: "sheetData", c: "row", v: "c", f: "c", is: "c" };

/** The elements of a relationships part. */
const RELATIONSHIPS = new Set(["Relationships", "Relationship"]);
/** The elements of the core properties (docProps/core.xml), whose schema admits no others. */
const CORE_PROPERTIES = new Set([
  "coreProperties",
  "category",
  "contentStatus",
  "created",
  "creator",
  "description",
  "identifier",
  "keywords",
  "language",
  "lastModifiedBy",
  "lastPrinted",
  "modified",
  "revision",
  "subject",
  "title",
  "version",
]);

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** A row's number or a cell's address (their r) inside Excel's sheet. */
function placeOk(name: string, r: string): boolean {
  if (name === "row") {
    const n = Number(r);
    return Number.isInteger(n) && n >= 1 && n <= MAX_ROWS;
  }
  if (name !== "c") return true;
  const at = parseCell(r);
  return !!at && at.row >= 1 && at.row <= MAX_ROWS && at.column >= 1 && at.column <= MAX_COLUMNS;
}

/**
 * Whether an XML text, given in pieces, is well-formed (saxes, as exceljs and any XML reader would
 * read it), and, for a worksheet, whether its cells stand where they may (a cell in a row, a row in
 * sheetData) and name only shared strings there are. A part copied as it is stored must be, or the
 * output would not open in Excel.
 */
export async function isWellFormed(
  pieces: AsyncIterable<string>,
  kind?: WorksheetRules | "relationships" | "coreProperties"
): Promise<boolean> {
  const parser = new SaxesParser({ position: false });
  let ok = true;
  parser.on("error", () => {
    ok = false;
  });
  if (kind === "relationships" || kind === "coreProperties") {
    const allowed = kind === "relationships" ? RELATIONSHIPS : CORE_PROPERTIES;
    parser.on("opentag", (tag) => {
      if (!allowed.has(localName(tag.name))) ok = false;
    });
  } else if (kind) {
    const rules = kind;
    const open: string[] = [];
    let sharedCell = false;
    let value: string | null = null;
    parser.on("opentag", (tag) => {
      const name = localName(tag.name);
      const parent = PARENT[name];
      if (parent !== undefined && open[open.length - 1] !== parent) ok = false;
      const style = STYLE_ATTRIBUTE[name] && tag.attributes[STYLE_ATTRIBUTE[name]];
      if (style !== undefined && style !== "") {
        const n = Number(style);
        if (!Number.isInteger(n) || n < 0 || (n > 0 && n >= rules.styles)) ok = false;
      }
      for (const [attr, v] of Object.entries(tag.attributes))
        if (attr.endsWith(":id") && !rules.relIds.has(v as string)) ok = false;
      const r = tag.attributes.r as string | undefined;
      if (r !== undefined && !placeOk(name, r)) ok = false;
      if (name === "c") sharedCell = tag.attributes.t === "s";
      if (name === "v" && sharedCell) value = "";
      // saxes closes a self-closing tag with a closetag event too.
      open.push(name);
    });
    parser.on("text", (text) => {
      if (value !== null) value += text;
    });
    parser.on("closetag", (tag) => {
      open.pop();
      if (value !== null && localName(tag.name) === "v") {
        const n = Number(value.trim());
        if (!Number.isInteger(n) || n < 0 || n >= rules.sharedStrings) ok = false;
        value = null;
      }
    });
  }
  for await (const piece of pieces) {
    if (!ok) break;
    parser.write(piece);
  }
  if (ok) parser.close();
  return ok;
}

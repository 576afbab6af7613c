/**
 * An .xlsx opened as the package it is: its parts by name, the workbook's sheet list (names, tab
 * order, visibility, parts), its date system, its styles and shared strings (read when needed).
 * Reading a sheet reads its part and nothing else; writing (packageWriter.ts) copies every part it
 * does not change as it is stored.
 */
import { FileError } from "../fileError";
import { type ZipEntry, type ZipReader, textChunks } from "../zip/zipReader";
import {
  ContentTypes,
  type Relationship,
  parseRels,
  relKind,
  relsPartOf,
  resolveTarget,
} from "./parts";
import { readSharedStrings } from "./sharedStrings";
import { SheetReader, type SheetFrame, type SheetRow } from "./sheetReader";
import type { StringTable } from "./stringTable";
import { StyleTable } from "./styleTable";
import { rootPrefix, xmlAttributes } from "./xml";

export type SheetState = "visible" | "hidden" | "veryHidden";

/** A sheet as xl/workbook.xml lists it, in tab order. */
export interface SheetInfo {
  name: string;
  sheetId: number;
  state: SheetState;
  relId: string;
  /** Its part (xl/worksheets/sheet1.xml), or null where the relationships name none that exists. */
  part: string | null;
  /** worksheet, chartsheet, dialogsheet, xlMacrosheet… (the relationship's kind). */
  kind: string;
}

/** The largest workbook.xml, relationships or styles part read whole (they are small). */
const MAX_SMALL_PART = 32 * 1024 * 1024;

export class WorkbookPackage {
  private stylesRead: Promise<StyleTable> | null = null;
  private stringsRead: Promise<StringTable | null> | null = null;

  private constructor(
    readonly zip: ZipReader,
    /** The file's name, for errors. */
    readonly file: string,
    readonly contentTypes: ContentTypes,
    /** The package's own relationships (_rels/.rels). */
    readonly rootRels: Relationship[],
    /** The workbook part (xl/workbook.xml) and its text. */
    readonly workbookPart: string,
    readonly workbookXml: string,
    readonly workbookRels: Relationship[],
    readonly sheets: SheetInfo[],
    readonly date1904: boolean
  ) {}

  /**
   * Reads the package's directory parts: content types, relationships, the workbook. Throws
   * `not-a-spreadsheet` for a zip that is no workbook (a .docx, any other zip).
   */
  static async open(zip: ZipReader, file: string): Promise<WorkbookPackage> {
    const small = async (name: string): Promise<string | null> => {
      const e = zip.get(name);
      if (!e) return null;
      if (e.uncompressedSize > MAX_SMALL_PART) throw new FileError("corrupt-workbook", { file });
      return zip.text(e);
    };
    const ct = ContentTypes.parse((await small("[Content_Types].xml")) ?? "");
    const rootRels = parseRels((await small("_rels/.rels")) ?? "");
    const main = rootRels.find((r) => relKind(r.type) === "officeDocument" && !r.external);
    const workbookPart = main ? resolveTarget("", main.target) : "xl/workbook.xml";
    const workbookXml = await small(workbookPart);
    if (workbookXml === null || !/<(?:[\w.-]+:)?workbook[\s>]/.test(workbookXml))
      throw new FileError("not-a-spreadsheet", { file });
    // A workbook part cut short would read as a workbook with fewer sheets: it is damaged.
    if (!/<\/(?:[\w.-]+:)?workbook\s*>\s*$/.test(workbookXml))
      throw new FileError("corrupt-workbook", { file });
    const workbookRels = parseRels((await small(relsPartOf(workbookPart))) ?? "");
    const byId = new Map(workbookRels.map((r) => [r.id, r]));
    const p = rootPrefix(workbookXml, "workbook");
    const sheets: SheetInfo[] = [];
    for (const m of workbookXml.matchAll(new RegExp(`<${p}sheet(?=[\\s/>])([^>]*)>`, "g"))) {
      const a = xmlAttributes(m[1]);
      if (a.name === undefined) continue;
      const relId =
        Object.entries(a).find(([k]) => k === "r:id" || /^[\w.-]+:id$/.test(k))?.[1] ?? "";
      const rel = byId.get(relId);
      const part = rel && !rel.external ? resolveTarget(workbookPart, rel.target) : null;
      sheets.push({
        name: a.name,
        sheetId: Number(a.sheetId) || 0,
        state: a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible",
        relId,
        part: part && zip.has(part) ? part : null,
        kind: rel ? relKind(rel.type) : "unknown",
      });
    }
    const pr = new RegExp(`<${p}workbookPr\\b([^>]*)>`).exec(workbookXml);
    const date1904 = !!pr && /\bdate1904\s*=\s*["'](?:1|true)["']/.test(pr[1]);
    return new WorkbookPackage(
      zip,
      file,
      ct,
      rootRels,
      workbookPart,
      workbookXml,
      workbookRels,
      sheets,
      date1904
    );
  }

  /** The sheet shown when the workbook opens (its workbookView's activeTab), if any. */
  get shownSheet(): string | null {
    const m = /<(?:[\w.-]+:)?workbookView\b[^>]*\bactiveTab\s*=\s*["'](\d+)["']/.exec(
      this.workbookXml
    );
    return this.sheets[m ? Number(m[1]) : 0]?.name ?? null;
  }

  get dateSystem(): 1900 | 1904 {
    return this.date1904 ? 1904 : 1900;
  }

  /** The worksheets (not chart sheets or others), in tab order, with their parts. */
  get worksheets(): (SheetInfo & { part: string })[] {
    return this.sheets.filter(
      (s): s is SheetInfo & { part: string } => s.kind === "worksheet" && s.part !== null
    );
  }

  /** The part a workbook relationship of this kind points at (styles, sharedStrings), if any. */
  partOf(kind: string): string | null {
    const rel = this.workbookRels.find((r) => relKind(r.type) === kind && !r.external);
    const part = rel ? resolveTarget(this.workbookPart, rel.target) : null;
    return part && this.zip.has(part) ? part : null;
  }

  /** A part's relationships to parts present in the package, with their ids and kinds. */
  async relatedPartsById(part: string): Promise<{ id: string; kind: string; part: string }[]> {
    const rels = relsPartOf(part);
    if (!this.zip.has(rels)) return [];
    return parseRels(await this.partText(rels))
      .filter((r) => !r.external)
      .map((r) => ({ id: r.id, kind: relKind(r.type), part: resolveTarget(part, r.target) }))
      .filter((r) => this.zip.has(r.part));
  }

  /** The parts a part's relationships of this kind point at (drawing, chart, comments). */
  async relatedParts(part: string, kind: string): Promise<string[]> {
    return (await this.relatedPartsById(part)).filter((r) => r.kind === kind).map((r) => r.part);
  }

  entry(part: string): ZipEntry {
    const e = this.zip.get(part);
    if (!e) throw new FileError("corrupt-workbook", { file: this.file });
    return e;
  }

  /** A part's text, read whole (for the small parts). */
  async partText(part: string): Promise<string> {
    const e = this.entry(part);
    if (e.uncompressedSize > MAX_SMALL_PART)
      throw new FileError("corrupt-workbook", { file: this.file });
    return this.zip.text(e);
  }

  /** A part's text as it is inflated, in pieces. */
  partChunks(part: string): AsyncGenerator<string> {
    return textChunks(this.zip.open(this.entry(part)));
  }

  styles(): Promise<StyleTable> {
    return (this.stylesRead ??= (async () => {
      const part = this.partOf("styles");
      return part ? StyleTable.parse(await this.partText(part)) : StyleTable.EMPTY;
    })());
  }

  sharedStrings(): Promise<StringTable | null> {
    return (this.stringsRead ??= (async () => {
      const part = this.partOf("sharedStrings");
      return part ? readSharedStrings(this.partChunks(part), this.file) : null;
    })());
  }

  /** A reader for one of the worksheets (its rows: reader.rows(pkg.partChunks(sheet.part))). */
  async sheetReader(sheet: SheetInfo, withStyles = false): Promise<SheetReader> {
    return new SheetReader({
      file: this.file,
      sheet: sheet.name,
      strings: await this.sharedStrings(),
      styles: await this.styles(),
      dateSystem: this.dateSystem,
      withStyles,
    });
  }

  /**
   * A worksheet's rows as it lists them (see SheetReader), and its frame once they are read. With
   * `tail`, what follows the rows is kept (merged ranges); `maxRows` stops after that many rows.
   */
  async readRows(
    sheet: SheetInfo & { part: string },
    options: { tail?: boolean; maxRows?: number; withStyles?: boolean } = {}
  ): Promise<{ rows: AsyncGenerator<SheetRow>; frame: SheetFrame }> {
    const reader = await this.sheetReader(sheet, options.withStyles);
    return { rows: reader.rows(this.partChunks(sheet.part), options), frame: reader.frame };
  }
}

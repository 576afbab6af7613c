/**
 * Writes a workbook as a change to another: sheets added (written as they stream), sheets left
 * out, and every other part of the base copied as it is stored (the sheets an action does not
 * touch keep all they hold: formulas, styles, notes, drop-downs, pictures, charts, print setup).
 * Only the parts that list the sheets are written anew: the workbook part and its relationships,
 * the styles (the base's, with the new sheets' styles appended), the content types, and the
 * document's properties without their stale list of sheet names.
 *
 * What the base holds that no kept part reaches any more (the parts of a left-out sheet, the
 * calculation chain that lists its cells) is not copied: Excel rebuilds the chain on opening.
 */
import { refSheet } from "../../../core/a1";
import type { ZipWriter } from "../zip/zipWriter";
import { FileError } from "../fileError";
import { badSheetName, sheetIds } from "./sheetNames";
import { isWellFormed } from "./wellFormed";
import { type Note, SHAPES_PER_BLOCK, commentsXml, vmlBlocks, vmlXml } from "./notes";
import {
  CONTENT_TYPE,
  type Relationship,
  REL,
  freeRelId,
  parseRels,
  relKind,
  relativeTarget,
  relsPartOf,
  renderRels,
  resolveTarget,
} from "./parts";
import { type SheetChart, chartXml, drawingXml } from "./chartParts";
import { StyleSheet } from "./styleSheet";
import type { SheetInfo, SheetState, WorkbookPackage } from "./workbookPackage";
import { escapeAttr, escapeText, rootPrefix, xmlAttribute, xmlDecode } from "./xml";

export interface NewSheet {
  name: string;
  state?: SheetState;
  /**
   * The sheet's XML, in pieces. `drawing` is the relationship id to give a <legacyDrawing> when
   * the sheet has notes (the writer asks notes() once the XML is written).
   */
  xml(drawing: string): AsyncIterable<string> | Iterable<string>;
  /** The notes the sheet's cells carry (known once its XML is written). */
  notes?(): readonly Note[];
  /** Defined names scoped to the sheet (its print titles and print area): name → formula. */
  definedNames?: Readonly<Record<string, string>>;
  /** Charts on the sheet (its XML then has <drawing r:id="CHART_DRAWING"/>). */
  charts?: readonly SheetChart[];
}

/** A sheet of the output: one of the base's, kept, or a new one. */
interface OutputSheet {
  name: string;
  base?: SheetInfo;
  part?: string;
  relId?: string;
  state?: SheetState;
  definedNames?: Readonly<Record<string, string>>;
}

const NOTES_DRAWING = "rId1";
const REL_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NOTES_COMMENTS = "rId2";
/** The relationship id of the drawing that holds a new sheet's charts. */
export const CHART_DRAWING = "rId3";

export class PackageWriter {
  readonly styles: StyleSheet;
  private readonly added: OutputSheet[] = [];
  private readonly removed = new Set<SheetInfo>();
  private readonly written = new Set<string>();
  private readonly newTypes = new Map<string, string>();
  private vmlBlocksUsed: Set<number> | null = null;
  private nextShapeBlock = 1;

  private constructor(
    private readonly base: WorkbookPackage,
    private readonly zip: ZipWriter,
    stylesXml: string | undefined
  ) {
    this.styles = new StyleSheet(stylesXml);
  }

  static async create(base: WorkbookPackage, zip: ZipWriter): Promise<PackageWriter> {
    const part = base.partOf("styles");
    return new PackageWriter(base, zip, part ? await base.partText(part) : undefined);
  }

  get dateSystem(): 1900 | 1904 {
    return this.base.dateSystem;
  }

  /** Leaves a sheet of the base out of the output. */
  remove(sheet: SheetInfo): void {
    this.removed.add(sheet);
  }

  /** A part name not taken in the base or the output: xl/worksheets/sheet7.xml. */
  private freePart(prefix: string, ext: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${ext}`;
      if (!this.base.zip.has(name) && !this.written.has(name.toLowerCase())) {
        this.written.add(name.toLowerCase());
        return name;
      }
    }
  }

  /** Writes a new sheet's part now (and its notes' parts after it). */
  async addSheet(sheet: NewSheet): Promise<void> {
    const part = this.freePart("xl/worksheets/sheet", ".xml");
    await this.zip.add(part, sheet.xml(NOTES_DRAWING));
    this.newTypes.set(part, CONTENT_TYPE.worksheet);
    const notes = sheet.notes?.() ?? [];
    const rels: Relationship[] = [];
    if (notes.length > 0) {
      const comments = this.freePart("xl/comments", ".xml");
      const vml = this.freePart("xl/drawings/vmlDrawing", ".vml");
      const first = await this.freeShapeBlock(Math.ceil((notes.length + 1) / SHAPES_PER_BLOCK));
      await this.zip.add(comments, commentsXml(notes));
      await this.zip.add(vml, vmlXml(notes, first));
      rels.push(
        {
          id: NOTES_DRAWING,
          type: REL.vmlDrawing,
          target: relativeTarget(part, vml),
          external: false,
        },
        {
          id: NOTES_COMMENTS,
          type: REL.comments,
          target: relativeTarget(part, comments),
          external: false,
        }
      );
      this.newTypes.set(comments, CONTENT_TYPE.comments);
    }
    if (sheet.charts && sheet.charts.length > 0) {
      const drawing = await this.writeCharts(sheet.name, sheet.charts);
      rels.push({
        id: CHART_DRAWING,
        type: REL.drawing,
        target: relativeTarget(part, drawing),
        external: false,
      });
    }
    if (rels.length > 0) await this.zip.add(relsPartOf(part), [renderRels(rels)]);
    this.added.push({
      name: sheet.name,
      part,
      state: sheet.state,
      definedNames: sheet.definedNames,
    });
  }

  /** Writes a sheet's charts: a chart part each and the drawing that places them. Returns the drawing. */
  private async writeCharts(sheetName: string, charts: readonly SheetChart[]): Promise<string> {
    const drawing = this.freePart("xl/drawings/drawing", ".xml");
    const frames = [];
    const rels: Relationship[] = [];
    for (const chart of charts) {
      const part = this.freePart("xl/charts/chart", ".xml");
      await this.zip.add(part, [chartXml(chart, sheetName)]);
      this.newTypes.set(part, CONTENT_TYPE.chart);
      const relId = `rId${rels.length + 1}`;
      rels.push({
        id: relId,
        type: REL.chart,
        target: relativeTarget(drawing, part),
        external: false,
      });
      frames.push({ anchor: chart.spec.anchor, relId, title: chart.spec.title });
    }
    await this.zip.add(drawing, [drawingXml(frames)]);
    await this.zip.add(relsPartOf(drawing), [renderRels(rels)]);
    this.newTypes.set(drawing, CONTENT_TYPE.drawing);
    return drawing;
  }

  /** Writes a part of the base anew (a log sheet a row is added to); finish() then leaves it. */
  async rewrite(part: string, content: AsyncIterable<string> | Iterable<string>): Promise<void> {
    this.written.add(part.toLowerCase());
    await this.zip.add(part, content);
  }

  /** The first of `count` shape blocks no drawing of the base or of this output uses. */
  private async freeShapeBlock(count: number): Promise<number> {
    if (!this.vmlBlocksUsed) {
      this.vmlBlocksUsed = new Set();
      for (const e of this.base.zip.entries)
        if (/\.vml$/i.test(e.name) && e.uncompressedSize < 64 * 1024 * 1024)
          for (const b of vmlBlocks(await this.base.zip.text(e))) this.vmlBlocksUsed.add(b);
    }
    for (let b = this.nextShapeBlock; ; b++) {
      let free = true;
      for (let k = 0; k < count; k++) if (this.vmlBlocksUsed.has(b + k)) free = false;
      if (free) {
        this.nextShapeBlock = b + count;
        return b;
      }
    }
  }

  /**
   * Completes the output: the sheets in `order` (names; kept sheets not named keep their place
   * after them), `active` the tab shown on opening. Copies what the kept parts still reach.
   */
  async finish(order: readonly string[], active: string): Promise<void> {
    const base = this.base;
    const kept = base.sheets.filter((s) => !this.removed.has(s));
    const all: OutputSheet[] = [...kept.map((s) => ({ name: s.name, base: s })), ...this.added];
    const rank = (s: OutputSheet) => {
      const i = order.indexOf(s.name);
      return i < 0 ? order.length + all.indexOf(s) : i;
    };
    const sheets = [...all].sort((a, b) => rank(a) - rank(b));
    const badName = badSheetName(sheets.map((s) => s.name));
    if (badName) throw new FileError("corrupt-workbook", { file: base.file, reason: badName });

    // A kept sheet whose part is missing: the file is damaged, and the output would be.
    const lost = kept.find((s) => s.part === null);
    if (lost)
      throw new FileError("corrupt-workbook", {
        file: base.file,
        reason: { kind: "sheet-damaged", sheet: lost.name },
      });
    // The workbook's relationships: the left-out sheets', the calculation chain's and macros' go,
    // and those to parts the file lacks (a damaged file).
    // The shared strings go too when no worksheet of the base is kept: the new sheets write their
    // text inline (a replaced registry of a million rows leaves 100 MB of strings no cell names).
    const removedIds = new Set([...this.removed].map((s) => s.relId));
    const gone = ["calcChain", "vbaProject"];
    if (!kept.some((s) => s.kind === "worksheet")) gone.push("sharedStrings");
    const rels = base.workbookRels.filter(
      (r) =>
        !removedIds.has(r.id) &&
        !gone.includes(relKind(r.type)) &&
        (r.external || base.zip.has(resolveTarget(base.workbookPart, r.target)))
    );
    for (const s of this.added) {
      s.relId = freeRelId(rels);
      rels.push({
        id: s.relId,
        type: REL.worksheet,
        target: relativeTarget(base.workbookPart, s.part!),
        external: false,
      });
    }
    let stylesPart = base.partOf("styles");
    if (!stylesPart) {
      // Where readers that skip the relationships look for it (exceljs does), if free.
      stylesPart = base.zip.has("xl/styles.xml")
        ? this.freePart("xl/styles", ".xml")
        : "xl/styles.xml";
      rels.push({
        id: freeRelId(rels),
        type: REL.styles,
        target: relativeTarget(base.workbookPart, stylesPart),
        external: false,
      });
    }

    // Every part the kept ones reach, through the relationships, is copied as it is stored.
    const rewritten = new Set(
      [base.workbookPart, relsPartOf(base.workbookPart), stylesPart, "[Content_Types].xml"].map(
        (p) => p.toLowerCase()
      )
    );
    const appPart = base.rootRels.find((r) => relKind(r.type) === "extended-properties");
    const app = appPart ? resolveTarget("", appPart.target) : null;
    if (app) rewritten.add(app.toLowerCase());
    const reach = new Map<string, string>();
    const visit = async (source: string, targets: readonly Relationship[]) => {
      for (const r of targets) {
        if (r.external) continue;
        const part = resolveTarget(source, r.target);
        const key = part.toLowerCase();
        if (reach.has(key) || !base.zip.has(part)) continue;
        reach.set(key, part);
        if (key === base.workbookPart.toLowerCase()) {
          // The workbook reaches what its new relationships list, not what the base's did.
          await visit(part, rels);
          continue;
        }
        const relsPart = relsPartOf(part);
        if (base.zip.has(relsPart)) {
          reach.set(relsPart.toLowerCase(), relsPart);
          await visit(part, parseRels(await base.partText(relsPart)));
        }
      }
    };
    if (base.zip.has("_rels/.rels")) reach.set("_rels/.rels", "_rels/.rels");
    await visit("", base.rootRels);
    const copied = [...reach].filter(([key]) => !rewritten.has(key) && !this.written.has(key));
    // Nothing is written of a part that is not well-formed: the output would not open. The base's
    // parts patched below are checked with them.
    const patched = [base.workbookPart, base.partOf("styles"), app].filter(
      (p): p is string => !!p && base.zip.has(p)
    );
    for (const part of [...copied.map(([, part]) => part), ...patched]) await this.checkXml(part);
    for (const [, part] of copied) await this.zip.copy(part, base.zip, base.entry(part));

    await this.zip.add(base.workbookPart, [this.workbookXml(sheets, active)]);
    await this.zip.add(relsPartOf(base.workbookPart), [renderRels(rels)]);
    await this.zip.add(stylesPart, [this.styles.render()]);
    if (app && base.zip.has(app))
      await this.zip.add(app, [withoutSheetList(await base.partText(app))]);

    const ct = base.contentTypes;
    for (const key of [...ct.overrides.keys()])
      if (!reach.has(key) && !rewritten.has(key)) ct.overrides.delete(key);
    ct.set(base.workbookPart, CONTENT_TYPE.workbook);
    ct.set(stylesPart, CONTENT_TYPE.styles);
    ct.setDefault("rels", CONTENT_TYPE.relationships);
    ct.setDefault("xml", CONTENT_TYPE.xml);
    for (const [part, type] of this.newTypes) ct.set(part, type);
    if (this.newTypes.size > 0 && [...this.newTypes.values()].includes(CONTENT_TYPE.comments))
      ct.setDefault("vml", CONTENT_TYPE.vmlDrawing);
    await this.zip.add("[Content_Types].xml", [ct.render()]);
    await this.zip.finish();
  }

  /**
   * Fails with corrupt-workbook, naming the sheet or the part, when an XML part of the base is not
   * well-formed (a damaged file; the reader reads only what it needs of it). VML drawings are
   * left alone: Excel writes them as loose HTML-like markup.
   */
  private async checkXml(part: string): Promise<void> {
    if (!/\.(xml|rels)$/i.test(part)) return;
    const sheet = this.base.sheets.find((s) => s.part?.toLowerCase() === part.toLowerCase());
    const rules =
      sheet?.kind === "worksheet"
        ? {
            sharedStrings: (await this.base.sharedStrings())?.length ?? 0,
            styles: (await this.base.styles()).count,
            relIds: await this.relIdsOf(part),
          }
        : /\.rels$/i.test(part)
          ? "relationships"
          : this.base.rootRels.some(
                (r) =>
                  relKind(r.type) === "core-properties" &&
                  resolveTarget("", r.target).toLowerCase() === part.toLowerCase()
              )
            ? "coreProperties"
            : undefined;
    if (await isWellFormed(this.base.partChunks(part), rules)) return;
    throw new FileError("corrupt-workbook", {
      file: this.base.file,
      reason: sheet ? { kind: "sheet-damaged", sheet: sheet.name } : { kind: "part-damaged", part },
    });
  }

  /** The ids of a part's relationships that lead somewhere: outside, or to a part the file has. */
  private async relIdsOf(part: string): Promise<Set<string>> {
    const relsPart = relsPartOf(part);
    if (!this.base.zip.has(relsPart)) return new Set();
    const rels = parseRels(await this.base.partText(relsPart));
    return new Set(
      rels
        .filter((r) => r.external || this.base.zip.has(resolveTarget(part, r.target)))
        .map((r) => r.id)
    );
  }

  /** xl/workbook.xml with the output's sheets, their defined names and the tab shown on opening. */
  private workbookXml(sheets: readonly OutputSheet[], active: string): string {
    const base = this.base;
    let xml = base.workbookXml;
    const p = rootPrefix(xml, "workbook");
    // The prefix bound to the relationships namespace (r: almost always), added if there is none.
    let r = /\sxmlns:([\w.-]+)\s*=\s*["'][^"']*\/officeDocument\/(?:2006\/)?relationships["']/.exec(
      xml
    )?.[1];
    if (!r) {
      // None: r bound to it, in place of whatever a damaged file bound r to (the sheets' r:id
      // were read as relationship ids all the same), else added.
      r = "r";
      const binding = `xmlns:r="${REL_NAMESPACE}"`;
      const bound = /\sxmlns:r\s*=\s*("[^"]*"|'[^']*')/;
      xml = bound.test(xml)
        ? xml.replace(bound, ` ${binding}`)
        : xml.replace(new RegExp(`<${p}workbook(?=[\\s>])`), `<${p}workbook ${binding}`);
    }
    const original = new Map<SheetInfo, string>();
    const re = new RegExp(`<${p}sheet(?=[\\s/>])[^>]*>`, "g");
    const elements = [...xml.matchAll(re)];
    let k = 0;
    for (const m of elements) {
      const name = xmlAttribute(m[0].slice(p.length + 6), "name");
      if (name === undefined) continue;
      const info = base.sheets[k++];
      if (info) original.set(info, m[0].endsWith("/>") ? m[0] : m[0].replace(/>$/, "/>"));
    }
    const keptSheets = sheets.filter((s) => s.base);
    const ids = sheetIds(
      keptSheets.map((s) => s.base!.sheetId),
      sheets.length - keptSheets.length
    );
    const renumber = keptSheets.some((s, i) => s.base!.sheetId !== ids[i]);
    let k2 = 0;
    let nextNew = keptSheets.length;
    const list = sheets
      .map((s) => {
        if (s.base) {
          const element = original.get(s.base) ?? "";
          const id = ids[k2++];
          return renumber ? withSheetId(element, p, id) : element;
        }
        const state = s.state && s.state !== "visible" ? ` state="${s.state}"` : "";
        return `<${p}sheet name="${escapeAttr(s.name)}" sheetId="${ids[nextNew++]}"${state} ${r}:id="${s.relId}"/>`;
      })
      .join("");
    xml = replaceElement(xml, `${p}sheets`, `<${p}sheets>${list}</${p}sheets>`);

    // Defined names: scoped to a sheet by its place in the list, which changes; names on sheets
    // left out go.
    const oldIndex = new Map(base.sheets.map((s, i) => [s, i]));
    const newIndex = new Map<number, number>();
    sheets.forEach((s, i) => {
      if (s.base) newIndex.set(oldIndex.get(s.base)!, i);
    });
    const gone = new Set([...this.removed].map((s) => s.name));
    const namesRe = new RegExp(
      `<${p}definedName(?=[\\s>])([^>]*)>([\\s\\S]*?)</${p}definedName>`,
      "g"
    );
    const names: string[] = [];
    for (const m of xml.matchAll(namesRe)) {
      let attrText = m[1];
      const local = xmlAttribute(attrText, "localSheetId");
      if (local !== undefined) {
        const to = newIndex.get(Number(local));
        if (to === undefined) continue;
        attrText = attrText.replace(
          /\blocalSheetId\s*=\s*("[^"]*"|'[^']*')/,
          `localSheetId="${to}"`
        );
      }
      const value = withoutSheets(xmlDecode(m[2]), gone);
      if (value === null) continue;
      names.push(`<${p}definedName${attrText}>${escapeText(value)}</${p}definedName>`);
    }
    sheets.forEach((s, i) => {
      for (const [name, value] of Object.entries(s.definedNames ?? {}))
        names.push(
          `<${p}definedName name="${escapeAttr(name)}" localSheetId="${i}">${escapeText(value)}</${p}definedName>`
        );
    });
    const list2 = names.length > 0 ? `<${p}definedNames>${names.join("")}</${p}definedNames>` : "";
    if (new RegExp(`<${p}definedNames[\\s>/]`).test(xml))
      xml = replaceElement(xml, `${p}definedNames`, list2);
    else if (list2) {
      // After <sheets>, and the few elements the schema puts between them and the names.
      const close = [`</${p}externalReferences>`, `</${p}functionGroups>`, `</${p}sheets>`]
        .map((tag) => ({ tag, at: xml.indexOf(tag) }))
        .find((x) => x.at >= 0);
      if (close) {
        const at = close.at + close.tag.length;
        xml = xml.slice(0, at) + list2 + xml.slice(at);
      }
    }

    // The tab shown on opening, and the first tab shown, within the list.
    const activeTab = Math.max(
      0,
      sheets.findIndex((s) => s.name === active)
    );
    xml = xml.replace(new RegExp(`<${p}workbookView(?=[\\s/>])[^>]*>`, "g"), (tag) => {
      let t = tag.replace(/\sactiveTab\s*=\s*("[^"]*"|'[^']*')/, "");
      t = t.replace(/\sfirstSheet\s*=\s*("[^"]*"|'[^']*')/, "");
      return t.replace(
        new RegExp(`^<${p}workbookView`),
        `<${p}workbookView activeTab="${activeTab}"`
      );
    });
    return xml;
  }
}

/** Replaces an element (with its content, or self-closed) by other text. */
function replaceElement(xml: string, name: string, by: string): string {
  const open = new RegExp(`<${name}(?=[\\s>/])[^>]*?(/?)>`).exec(xml);
  if (!open) return xml;
  if (open[1] === "/")
    return xml.slice(0, open.index) + by + xml.slice(open.index + open[0].length);
  const close = xml.indexOf(`</${name}>`, open.index);
  if (close < 0) return xml;
  return xml.slice(0, open.index) + by + xml.slice(close + name.length + 3);
}

/**
 * A defined name's formula without the sheets left out: a list of references loses those on them
 * (null if none is left); any other formula that refers to one of them goes whole (null).
 */
export function withoutSheets(formula: string, gone: ReadonlySet<string>): string | null {
  if (gone.size === 0) return formula;
  const refersTo = (text: string) => {
    for (const m of text.matchAll(/('(?:[^']|'')+'|[^\s'!,()=+\-*/&^<>;{}]+)!/g))
      if (gone.has(refSheet(`${m[1]}!A1`))) return true;
    return false;
  };
  if (!refersTo(formula)) return formula;
  const parts = splitTopLevel(formula);
  const isRef = (s: string) =>
    /^('(?:[^']|'')+'|[^\s'!,()]+)!\$?[A-Za-z]{0,3}\$?\d*(:\$?[A-Za-z]{0,3}\$?\d*)?$/.test(
      s.trim()
    );
  if (!parts.every(isRef)) return null;
  const left = parts.filter((s) => !refersTo(s));
  return left.length > 0 ? left.join(",") : null;
}

function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  for (const ch of s) {
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") depth--;
    if (ch === "," && !quoted && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** docProps/app.xml without its list of sheet names (it would name sheets that are gone). */
function withoutSheetList(xml: string): string {
  return xml
    .replace(/<(?:[\w.-]+:)?HeadingPairs\b[\s\S]*?<\/(?:[\w.-]+:)?HeadingPairs>/, "")
    .replace(/<(?:[\w.-]+:)?TitlesOfParts\b[\s\S]*?<\/(?:[\w.-]+:)?TitlesOfParts>/, "");
}

/** A workbook.xml sheet element with its sheetId set to `id`. */
function withSheetId(element: string, prefix: string, id: number): string {
  const re = /(\s)sheetId\s*=\s*("[^"]*"|'[^']*')/;
  if (re.test(element)) return element.replace(re, `$1sheetId="${id}"`);
  return element.replace(`<${prefix}sheet`, `<${prefix}sheet sheetId="${id}"`);
}

/**
 * The Open Packaging Conventions as an .xlsx uses them: part names, relationships between parts,
 * content types (ECMA-376 Part 2).
 */
import { escapeAttr, xmlAttributes } from "./xml";

export interface Relationship {
  id: string;
  /** The full type URI (…/relationships/worksheet). */
  type: string;
  /** The target as written. */
  target: string;
  external: boolean;
}

/** The last segment of a relationship type: "worksheet", "styles", "officeDocument"… */
export const relKind = (type: string): string => type.slice(type.lastIndexOf("/") + 1);

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name, relative to the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of target.replace(/\\/g, "/").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** A part name as a target relative to the part that holds the relationship: "../comments1.xml". */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export function parseRels(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const a = xmlAttributes(m[1]);
    if (!a.Id || a.Target === undefined) continue;
    out.push({
      id: a.Id,
      type: a.Type ?? "",
      target: a.Target,
      external: a.TargetMode === "External",
    });
  }
  return out;
}

export function renderRels(rels: readonly Relationship[]): string {
  const items = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/** An id not yet used among rels: rId1, rId2… */
export function freeRelId(rels: readonly Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  for (let n = rels.length + 1; ; n++) if (!used.has(`rId${n}`)) return `rId${n}`;
}

/** The content types of a package: by extension (Default) and by part (Override). */
export class ContentTypes {
  readonly defaults = new Map<string, string>();
  /** By part name folded to lower case: the name as written and its type. */
  readonly overrides = new Map<string, { part: string; type: string }>();

  static parse(xml: string): ContentTypes {
    const ct = new ContentTypes();
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?(Default|Override)\b([^>]*)>/g)) {
      const a = xmlAttributes(m[2]);
      if (m[1] === "Default" && a.Extension && a.ContentType)
        ct.defaults.set(a.Extension.toLowerCase(), a.ContentType);
      else if (m[1] === "Override" && a.PartName && a.ContentType) {
        const part = a.PartName.replace(/^\//, "");
        ct.overrides.set(part.toLowerCase(), { part, type: a.ContentType });
      }
    }
    return ct;
  }

  typeOf(part: string): string | undefined {
    const key = part.toLowerCase();
    const o = this.overrides.get(key);
    if (o) return o.type;
    return this.defaults.get(key.slice(key.lastIndexOf(".") + 1));
  }

  /** Sets a part's type (an Override), unless its extension's Default already says so. */
  set(part: string, type: string): void {
    const key = part.toLowerCase();
    if (this.defaults.get(key.slice(key.lastIndexOf(".") + 1)) === type) this.overrides.delete(key);
    else this.overrides.set(key, { part, type });
  }

  setDefault(extension: string, type: string): void {
    if (!this.defaults.has(extension.toLowerCase()))
      this.defaults.set(extension.toLowerCase(), type);
  }

  remove(part: string): void {
    this.overrides.delete(part.toLowerCase());
  }

  render(): string {
    const d = [...this.defaults]
      .map(([e, t]) => `<Default Extension="${escapeAttr(e)}" ContentType="${escapeAttr(t)}"/>`)
      .join("");
    const o = [...this.overrides.values()]
      .map(
        (x) => `<Override PartName="/${escapeAttr(x.part)}" ContentType="${escapeAttr(x.type)}"/>`
      )
      .join("");
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${d}${o}</Types>`;
  }
}

/** Relationship types and content types of the parts this project writes. */
export const REL = {
  officeDocument:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  coreProperties:
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProperties:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
};

export const CONTENT_TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vmlDrawing: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
  xml: "application/xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
};

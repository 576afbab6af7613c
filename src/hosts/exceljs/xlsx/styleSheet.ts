/**
 * The styles of a workbook being written: its own styles.xml kept as it is (every cell of every
 * sheet copied unchanged still points at the same style), with the styles of the sheets this
 * project writes appended to it. A style is asked for by what it looks like; the first time, its
 * font, fill, border and number format are added and its index in <cellXfs> is handed out.
 */
import { BUILTIN_FORMATS, FIRST_CUSTOM_FORMAT } from "./numFmts";
import { elements, escapeAttr, rootPrefix, xmlAttribute } from "./xml";

/** A cell style in plain terms. Colours are ARGB ("FFD9E1F2"). */
export interface CellStyle {
  numFmt?: string;
  font?: {
    name?: string;
    size?: number;
    bold?: boolean;
    italic?: boolean;
    color?: string;
    /** 134: GB2312 (a Chinese font); 1: Roman family. Set with name, for fallbacks. */
    charset?: number;
    family?: number;
  };
  /** A solid fill. */
  fill?: string;
  /** Thin borders on all four sides, in this colour. */
  border?: string;
  align?: {
    h?: "left" | "center" | "right";
    v?: "top" | "middle" | "bottom";
    wrap?: boolean;
    indent?: number;
  };
}

/** A style given as raw pieces of another styles.xml (grafted sheets: graft.ts). */
export interface RawStyle {
  font?: string;
  fill?: string;
  border?: string;
  numFmt?: string;
  /** The <xf> element's attributes other than the ids, and its children (alignment, protection). */
  xfAttrs: string;
  xfInner: string;
}

/** The default styles.xml of a workbook made from nothing (a CSV): 宋体 11, the fills Excel requires. */
export const DEFAULT_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";

/** The sections of <styleSheet> in schema order, and the element each holds. */
const SECTIONS = [
  ["numFmts", "numFmt"],
  ["fonts", "font"],
  ["fills", "fill"],
  ["borders", "border"],
  ["cellStyleXfs", "xf"],
  ["cellXfs", "xf"],
] as const;
type Section = (typeof SECTIONS)[number][0];
const FOLLOWING = ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

const BUILTIN_BY_CODE = new Map(Object.entries(BUILTIN_FORMATS).map(([id, f]) => [f, Number(id)]));

/** A start tag with an attribute set (replaced where it is, else added last). */
function withAttr(tag: string, name: string, value: string): string {
  const at = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  return at.test(tag)
    ? tag.replace(at, `$1"${value}"`)
    : tag.replace(/\s*(\/?>)$/, ` ${name}="${value}"$1`);
}

export class StyleSheet {
  private readonly p: string;
  /** Items in each section as the base has them. */
  private readonly baseCount: Record<Section, number>;
  private readonly added: Record<Section, string[]> = {
    numFmts: [],
    fonts: [],
    fills: [],
    borders: [],
    cellStyleXfs: [],
    cellXfs: [],
  };
  private readonly index = new Map<string, number>();
  private nextFormat: number;
  private readonly formatIds = new Map<string, number>();
  /** The base's first font, whose name and size a style without its own takes. */
  private readonly baseFont: string;

  constructor(private readonly base: string = DEFAULT_STYLES_XML) {
    this.p = rootPrefix(base, "styleSheet");
    const count = {} as Record<Section, number>;
    let maxFormat = FIRST_CUSTOM_FORMAT - 1;
    for (const [section, item] of SECTIONS) {
      const inner = this.sectionInner(section);
      count[section] = inner ? [...elements(inner, `${this.p}${item}`)].length : 0;
      if (section === "numFmts" && inner)
        for (const e of elements(inner, `${this.p}numFmt`)) {
          const id = Number(xmlAttribute(e.attrs, "numFmtId"));
          const code = xmlAttribute(e.attrs, "formatCode");
          if (Number.isInteger(id)) maxFormat = Math.max(maxFormat, id);
          if (code !== undefined && Number.isInteger(id) && !this.formatIds.has(code))
            this.formatIds.set(code, id);
        }
    }
    this.baseCount = count;
    this.nextFormat = maxFormat + 1;
    const fonts = this.sectionInner("fonts");
    const first = fonts ? [...elements(fonts, `${this.p}font`)][0] : undefined;
    this.baseFont = first?.inner ?? "";
  }

  private sectionInner(section: string): string | null {
    const e = [...elements(this.base, `${this.p}${section}`)][0];
    return e ? (e.inner ?? "") : null;
  }

  /** The index in <cellXfs> of a style that looks like this (added the first time). */
  id(style: CellStyle): number {
    const key = JSON.stringify(style);
    let i = this.index.get(key);
    if (i === undefined) {
      const p = this.p;
      const align = style.align
        ? `<${p}alignment${attrs({
            horizontal: style.align.h,
            vertical: style.align.v === "middle" ? "center" : style.align.v,
            wrapText: style.align.wrap ? 1 : undefined,
            indent: style.align.indent || undefined,
          })}/>`
        : "";
      i = this.addXf({
        font: style.font ? this.fontXml(style.font) : undefined,
        fill: style.fill ? this.fillXml(style.fill) : undefined,
        border: style.border ? this.borderXml(style.border) : undefined,
        numFmt: style.numFmt,
        xfAttrs: align ? ' applyAlignment="1"' : "",
        xfInner: align,
      });
      this.index.set(key, i);
    }
    return i;
  }

  /** Adds a style given as pieces of another styles.xml (re-prefixed by the caller); its <cellXfs> index. */
  addXf(s: RawStyle): number {
    const p = this.p;
    const fontId = s.font === undefined ? 0 : this.item("fonts", s.font);
    const fillId = s.fill === undefined ? 0 : this.item("fills", s.fill);
    const borderId = s.border === undefined ? 0 : this.item("borders", s.border);
    const numFmtId = s.numFmt === undefined ? 0 : this.formatId(s.numFmt);
    const applied =
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "");
    const xf =
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}${s.xfAttrs}` +
      (s.xfInner ? `>${s.xfInner}</${p}xf>` : "/>");
    return this.item("cellXfs", xf);
  }

  /** The index of an item in a section, added if no item of the same XML was added before. */
  private item(section: Section, xml: string): number {
    const key = `${section}\u0000${xml}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.baseCount[section] + this.added[section].length;
      this.added[section].push(xml);
      this.index.set(key, i);
    }
    return i;
  }

  /** The <xf> elements of the base's <cellXfs>, read the first time one is asked for. */
  private baseXfs: string[] | null = null;

  /** The <xf> element of a cell style (an index in <cellXfs>), the base's or one added. */
  private xfAt(i: number): string | undefined {
    if (i >= this.baseCount.cellXfs) return this.added.cellXfs[i - this.baseCount.cellXfs];
    if (!this.baseXfs) {
      const inner = this.sectionInner("cellXfs") ?? "";
      this.baseXfs = [...elements(inner, `${this.p}xf`)].map((e) => inner.slice(e.start, e.end));
    }
    return this.baseXfs[i];
  }

  /**
   * A cell style as it is (font, fill, border, alignment, protection) with another number format:
   * its index in <cellXfs> (the style itself when it has that format). For a value written into a
   * cell someone formatted, where the value needs its own format (a date, an ID number as text).
   */
  withNumFmt(xf: number, code: string): number {
    const xml = this.xfAt(xf);
    if (xml === undefined) return this.id({ numFmt: code });
    const id = this.formatId(code);
    const tag = /^<[^>]*>/.exec(xml)![0];
    if (Number(xmlAttribute(tag, "numFmtId") ?? "0") === id) return xf;
    const tagged = withAttr(withAttr(tag, "numFmtId", String(id)), "applyNumberFormat", "1");
    return this.item("cellXfs", tagged + xml.slice(tag.length));
  }

  /** A number format's id: built in, the workbook's own, or added. */
  formatId(code: string): number {
    const builtin = BUILTIN_BY_CODE.get(code);
    if (builtin !== undefined && builtin < 27) return builtin;
    if (code === "@") return 49;
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = this.nextFormat++;
      this.formatIds.set(code, id);
      this.added.numFmts.push(
        `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`
      );
    }
    return id;
  }

  private fontXml(f: NonNullable<CellStyle["font"]>): string {
    const p = this.p;
    const base = this.baseFont;
    const sz = f.size ?? Number(/<[\w.:]*sz\s+val="([^"]*)"/.exec(base)?.[1] ?? 11);
    const name = f.name ?? /<[\w.:]*name\s+val="([^"]*)"/.exec(base)?.[1] ?? "宋体";
    const family =
      f.family ??
      (f.name
        ? undefined
        : Number(/<[\w.:]*family\s+val="(\d+)"/.exec(base)?.[1] ?? 0) || undefined);
    const charset =
      f.charset ??
      (f.name
        ? undefined
        : Number(/<[\w.:]*charset\s+val="(\d+)"/.exec(base)?.[1] ?? 0) || undefined);
    return (
      `<${p}font>` +
      (f.bold ? `<${p}b/>` : "") +
      (f.italic ? `<${p}i/>` : "") +
      `<${p}sz val="${sz}"/>` +
      (f.color ? `<${p}color rgb="${escapeAttr(f.color)}"/>` : "") +
      `<${p}name val="${escapeAttr(name)}"/>` +
      (family ? `<${p}family val="${family}"/>` : "") +
      (charset ? `<${p}charset val="${charset}"/>` : "") +
      `</${p}font>`
    );
  }

  private fillXml(argb: string): string {
    const p = this.p;
    return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${escapeAttr(argb)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
  }

  private borderXml(argb: string): string {
    const p = this.p;
    const side = (n: string) =>
      `<${p}${n} style="thin"><${p}color rgb="${escapeAttr(argb)}"/></${p}${n}>`;
    return `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`;
  }

  /** The styles.xml to write: the base with every added item in its section, counts updated. */
  render(): string {
    let xml = this.base;
    const p = this.p;
    for (const [section] of SECTIONS) {
      const added = this.added[section];
      if (added.length === 0) continue;
      const total = this.baseCount[section] + added.length;
      const open = new RegExp(`<${p}${section}(?=[\\s>/])([^>]*?)(/?)>`);
      const m = open.exec(xml);
      if (m && m[2] !== "/") {
        const close = `</${p}${section}>`;
        const at = xml.indexOf(close, m.index);
        xml =
          xml.slice(0, m.index) +
          `<${p}${section}${withCount(m[1], total)}>` +
          xml.slice(m.index + m[0].length, at) +
          added.join("") +
          xml.slice(at);
      } else if (m) {
        xml =
          xml.slice(0, m.index) +
          `<${p}${section}${withCount(m[1], total)}>${added.join("")}</${p}${section}>` +
          xml.slice(m.index + m[0].length);
      } else {
        // No such section: it goes before the first section that follows it in the schema.
        const later = [...SECTIONS.map((s) => s[0]), ...FOLLOWING].slice(
          SECTIONS.findIndex((s) => s[0] === section) + 1
        );
        let at = xml.indexOf(`</${p}styleSheet>`);
        for (const name of later) {
          const i = xml.search(new RegExp(`<${p}${name}(?=[\\s>/])`));
          if (i >= 0) {
            at = i;
            break;
          }
        }
        xml =
          xml.slice(0, at) +
          `<${p}${section} count="${total}">${added.join("")}</${p}${section}>` +
          xml.slice(at);
      }
    }
    return xml;
  }
}

function withCount(attrText: string, count: number): string {
  return /\bcount\s*=/.test(attrText)
    ? attrText.replace(/\bcount\s*=\s*("[^"]*"|'[^']*')/, `count="${count}"`)
    : `${attrText} count="${count}"`;
}

function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join("");
}

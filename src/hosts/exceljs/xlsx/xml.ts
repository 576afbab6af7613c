/**
 * SpreadsheetML text as it stands in the XML parts: entities, Excel's own escapes for characters
 * XML cannot hold (ST_Xstring: "_x0007_"), attributes.
 */

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML entities decoded; a character reference beyond Unicode (from a damaged file) is dropped. */
export function xmlDecode(s: string): string {
  // An XML reader reads a line break written as CR LF or CR as LF (only &#13; is a CR).
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : "";
    }
    return NAMED[e] ?? "";
  });
}

const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;

/**
 * A cell's text as Excel stores it, decoded: entities, CDATA sections, and "_xHHHH_" for a
 * character XML cannot hold (a control character typed into a cell).
 */
export function cellText(raw: string): string {
  let s = raw;
  if (s.indexOf("<![CDATA[") >= 0) {
    // CDATA sections are text as it is; the rest has its entities.
    s = s
      .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
      .map((part, i) => (i % 2 ? part.slice(9, -3).replace(/\r\n?/g, "\n") : xmlDecode(part)))
      .join("");
  } else s = xmlDecode(s);
  if (s.indexOf("_x") < 0) return s;
  return s.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Characters XML 1.0 cannot hold: most C0 controls, lone surrogates, U+FFFE and U+FFFF. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Anything escapeCellText changes: & < > CR, "_x", characters XML cannot hold, surrogates (checked one by one then). */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]|_x/;
/** Text that reads as an escape already ("_x0041_"): its underscore is escaped, as Excel does. */
const LOOKS_ESCAPED = /_(x[0-9A-Fa-f]{4}_)/g;
const TO_ESCAPE = /[&<>]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const hex4 = (c: number) => c.toString(16).toUpperCase().padStart(4, "0");

/** A cell's text as element content: entities, and Excel's escapes for what XML cannot hold. */
export function escapeCellText(s: string): string {
  // Most text has nothing to escape: one scan tells.
  if (!NEEDS_ESCAPE.test(s)) return s;
  let out = s;
  if (out.indexOf("_x") >= 0) out = out.replace(LOOKS_ESCAPED, "_x005F_$1");
  out = out.replace(TO_ESCAPE, (c) => ESCAPES[c]);
  // A carriage return as itself would be read back as a line feed (XML normalises line ends).
  if (out.indexOf("\r") >= 0) out = out.replace(/\r/g, "&#13;");
  // Lone surrogates cannot be written as UTF-8 at all: they become U+FFFD (as any encoder makes them).
  return out.replace(NOT_XML, (c) => {
    const code = c.charCodeAt(0);
    return code >= 0xd800 && code <= 0xdfff ? "\ufffd" : `_x${hex4(code)}_`;
  });
}

/** Text as element content (a formula, a defined name): & < > escaped, characters XML cannot hold left out. */
export function escapeText(s: string): string {
  return s.replace(TO_ESCAPE, (c) => ESCAPES[c]).replace(NOT_XML, "");
}

/** Whether text starts or ends with white space XML would let a reader drop (space, tab, line end). */
export function hasEdgeSpace(s: string): boolean {
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return a === 32 || a === 9 || a === 10 || a === 13 || b === 32 || b === 9 || b === 10 || b === 13;
}

/** Text as an attribute value (double-quoted); characters XML cannot hold are left out. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c]).replace(NOT_XML, "");
}

/** The attributes of one start tag's text (after its name), their entities decoded. */
export function xmlAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1]] = xmlDecode(m[2] ?? m[3] ?? "");
  return out;
}

/** One attribute of a start tag's text, decoded; undefined if absent. */
export function xmlAttribute(tag: string, name: string): string | undefined {
  const re = new RegExp(
    `(?:^|\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`
  );
  const m = re.exec(tag);
  return m ? xmlDecode(m[1] ?? m[2]) : undefined;
}

/**
 * The namespace prefix SpreadsheetML elements carry in a part ("" for none, "x:" where a writer
 * names it), from its root element.
 */
export function rootPrefix(xml: string, root: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${root}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

/** The elements of a name in a piece of XML: each one's attribute text and inner text (null when empty). */
export function* elements(
  xml: string,
  name: string
): Generator<{ attrs: string; inner: string | null; start: number; end: number }> {
  const re = new RegExp(`<${name}(?=[\\s>/])([^>]*?)(/?)>`, "g");
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[2] === "/") {
      yield { attrs: m[1], inner: null, start: m.index, end: m.index + m[0].length };
      continue;
    }
    const close = xml.indexOf(`</${name}>`, re.lastIndex);
    const end = close < 0 ? xml.length : close + name.length + 3;
    yield {
      attrs: m[1],
      inner: xml.slice(re.lastIndex, close < 0 ? xml.length : close),
      start: m.index,
      end,
    };
    re.lastIndex = end;
  }
}

/** The text of a rich-text value (<si>, <is>): its <t> runs joined, phonetic runs (<rPh>) left out. */
export function richText(inner: string, p: string): string {
  let s = inner;
  if (s.indexOf("rPh") >= 0) s = s.replace(new RegExp(`<${p}rPh\\b[\\s\\S]*?</${p}rPh>`, "g"), "");
  const open = `<${p}t`;
  const close = `</${p}t>`;
  let out = "";
  for (let i = s.indexOf(open); i >= 0; i = s.indexOf(open, i)) {
    const after = s.charCodeAt(i + open.length);
    // <t>, <t xml:space="preserve">, <t/>; not <tabColor> or another name that starts with t.
    if (
      after !== 62 &&
      after !== 32 &&
      after !== 47 &&
      after !== 9 &&
      after !== 10 &&
      after !== 13
    ) {
      i += open.length;
      continue;
    }
    const gt = s.indexOf(">", i);
    if (gt < 0) break;
    if (s.charCodeAt(gt - 1) === 47) {
      i = gt + 1;
      continue;
    }
    const end = s.indexOf(close, gt);
    if (end < 0) break;
    out += s.slice(gt + 1, end);
    i = end + close.length;
  }
  return cellText(out);
}

import { BUILTIN_FORMATS } from "./numFmts";
import { elements, rootPrefix, xmlAttribute } from "./xml";

/**
 * What the reader needs of a workbook's styles (xl/styles.xml): the number format of each cell
 * style (<cellXfs>), by the index a cell's s attribute gives. A date is a number whose format shows
 * a date; "@" says the cell was formatted as text.
 */
export class StyleTable {
  private constructor(private readonly formats: readonly (string | null)[]) {}

  static readonly EMPTY = new StyleTable([]);

  static parse(xml: string): StyleTable {
    const p = rootPrefix(xml, "styleSheet");
    const custom = new Map<number, string>();
    for (const e of elements(xml, `${p}numFmt`)) {
      const id = Number(xmlAttribute(e.attrs, "numFmtId"));
      const code = xmlAttribute(e.attrs, "formatCode");
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    }
    const formats: (string | null)[] = [];
    const xfs = [...elements(xml, `${p}cellXfs`)][0];
    if (xfs?.inner)
      for (const e of elements(xfs.inner, `${p}xf`)) {
        const id = Number(xmlAttribute(e.attrs, "numFmtId") ?? 0);
        formats.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? null);
      }
    return new StyleTable(formats);
  }

  /** The number format of cell style s (its index in <cellXfs>); null for General or none. */
  numFmt(s: number): string | null {
    const f = this.formats[s] ?? null;
    return f === "General" ? null : f;
  }

  get count(): number {
    return this.formats.length;
  }
}

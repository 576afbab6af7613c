/**
 * A cell style of a workbook kept as it is with another number format: what a value written into
 * a formatted cell gets when it needs its own format (a date, an ID number as text).
 */
import { StyleSheet } from "../../../src/hosts/exceljs/xlsx/styleSheet";
import { elements, xmlAttributes } from "../../../src/hosts/exceljs/xlsx/xml";

const BASE =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills>' +
  '<borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"><alignment wrapText="1"/></xf></cellXfs>' +
  "</styleSheet>";

/** The <cellXfs> of the styles.xml written: each xf's attributes and children. */
const xfs = (xml: string) => {
  const inner = [...elements(xml, "cellXfs")][0].inner!;
  return [...elements(inner, "xf")].map((e): Record<string, string | null> => ({
    ...xmlAttributes(e.attrs),
    inner: e.inner,
  }));
};

describe("StyleSheet.withNumFmt", () => {
  it("copies the style with the format (fill and alignment kept), once per style and format", () => {
    const s = new StyleSheet(BASE);
    const text = s.withNumFmt(1, "@");
    const date = s.withNumFmt(1, "yyyy-mm-dd");
    expect([text, date]).toEqual([2, 3]);
    expect(s.withNumFmt(1, "@")).toBe(2);
    // A style that has the format already is itself.
    expect(s.withNumFmt(text, "@")).toBe(text);
    const written = xfs(s.render());
    expect(written).toHaveLength(4);
    expect(written[2]).toMatchObject({
      numFmtId: "49",
      fillId: "2",
      applyFill: "1",
      applyNumberFormat: "1",
      inner: '<alignment wrapText="1"/>',
    });
    expect(written[3]).toMatchObject({ fillId: "2", applyNumberFormat: "1" });
    expect(Number(written[3].numFmtId)).toBeGreaterThanOrEqual(164);
    expect(s.render()).toContain('formatCode="yyyy-mm-dd"');
    // The base's own styles are unchanged.
    expect(written[1]).toEqual({ ...xfs(BASE)[1] });
  });

  it("makes a plain style with the format for a style the workbook does not have", () => {
    const s = new StyleSheet(BASE);
    const i = s.withNumFmt(40, "@");
    expect(xfs(s.render())[i]).toMatchObject({ numFmtId: "49", fillId: "0" });
  });
});

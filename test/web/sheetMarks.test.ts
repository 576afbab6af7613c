import { fillColors } from "../../src/hosts/exceljs/browser/sheetMarks";

/** The page's grid colours a cell as Excel does: its style's solid fill. */
describe("fillColors (the grid's cell fills)", () => {
  it("gives each cell style's solid fill as CSS, null for none, patterns, theme and indexed colours", () => {
    const xml = (p: string) =>
      `<?xml version="1.0"?><${p}styleSheet xmlns${p ? ":" + p.slice(0, -1) : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<${p}fills count="5"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill>` +
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FFFFC7CE"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>` +
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor theme="4"/></${p}patternFill></${p}fill>` +
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FFEB9C"/></${p}patternFill></${p}fill></${p}fills>` +
      `<${p}cellXfs count="5"><${p}xf fillId="0"/><${p}xf fillId="2" applyFill="1"/><${p}xf fillId="3"/><${p}xf fillId="4"/><${p}xf/></${p}cellXfs></${p}styleSheet>`;
    for (const p of ["", "x:"])
      expect(fillColors(xml(p))).toEqual([null, "#ffc7ce", null, "#ffeb9c", null]);
  });

  it("a workbook without styles has no fills", () => {
    expect(fillColors("<styleSheet/>")).toEqual([]);
  });
});

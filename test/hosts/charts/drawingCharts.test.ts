/**
 * The charts a drawing part places and the rows each covers, as Excel, WPS and LibreOffice write
 * the anchors: what the web page uses to fold the empty rows under the charts it draws above.
 */
import { drawingCharts } from "../../../src/hosts/exceljs/xlsx/chartReader";

const marker = (tag: string, row: number, off = 0) =>
  `<xdr:${tag}><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>${off}</xdr:rowOff></xdr:${tag}>`;
const chart = (id: string) =>
  `<xdr:graphicFrame macro=""><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
  `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${id}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
const drawing = (...anchors: string[]) =>
  `<?xml version="1.0"?><xdr:wsDr xmlns:xdr="x" xmlns:a="a" xmlns:r="r">${anchors.join("")}</xdr:wsDr>`;

describe("drawingCharts", () => {
  it("gives each chart's relationship id and rows, in the drawing's order", () => {
    const xml = drawing(
      `<xdr:twoCellAnchor>${marker("from", 4)}${marker("to", 20)}${chart("rId2")}<xdr:clientData/></xdr:twoCellAnchor>`,
      `<xdr:twoCellAnchor editAs="oneCell">${marker("from", 22)}${marker("to", 38)}${chart("rId1")}<xdr:clientData/></xdr:twoCellAnchor>`
    );
    expect(drawingCharts(xml)).toEqual([
      { id: "rId2", rows: { top: 5, bottom: 20 } },
      { id: "rId1", rows: { top: 23, bottom: 38 } },
    ]);
  });

  it("counts the last row only when the chart reaches into it (an offset past 0)", () => {
    const xml = drawing(
      `<xdr:twoCellAnchor>${marker("from", 4, 9525)}${marker("to", 20, 19050)}${chart("rId1")}</xdr:twoCellAnchor>`
    );
    expect(drawingCharts(xml)).toEqual([{ id: "rId1", rows: { top: 5, bottom: 21 } }]);
  });

  it("reads a one-cell anchor as its own row, and other prefixes than xdr", () => {
    const one = `<xdr:oneCellAnchor>${marker("from", 9)}<xdr:ext cx="1" cy="1"/>${chart("rId3")}</xdr:oneCellAnchor>`;
    const other = `<p:twoCellAnchor><p:from><p:col>0</p:col><p:row>1</p:row></p:from><p:to><p:col>3</p:col><p:row>6</p:row></p:to><p:graphicFrame><c:chart r:id="rId4"/></p:graphicFrame></p:twoCellAnchor>`;
    expect(drawingCharts(drawing(one, other))).toEqual([
      { id: "rId3", rows: { top: 10, bottom: 10 } },
      { id: "rId4", rows: { top: 2, bottom: 6 } },
    ]);
  });

  it("passes over pictures and shapes, and a drawing with no anchors", () => {
    const picture = `<xdr:twoCellAnchor>${marker("from", 1)}${marker("to", 5)}<xdr:pic><a:blip r:embed="rId9"/></xdr:pic></xdr:twoCellAnchor>`;
    expect(drawingCharts(drawing(picture))).toEqual([]);
    expect(drawingCharts(drawing())).toEqual([]);
  });
});

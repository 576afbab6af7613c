import { cellText, xmlAttributes, xmlDecode } from "../../../src/hosts/exceljs/xlsx/xml";

describe("XML text of a workbook's parts", () => {
  it("decodes entities in attributes, either quote", () => {
    expect(xmlAttributes(` name="A&amp;B &#x540D;&#20876;" r:id='rId2'`)).toEqual({
      name: "A&B 名册",
      "r:id": "rId2",
    });
  });

  it("drops a character reference beyond Unicode instead of throwing (a damaged file)", () => {
    expect(xmlDecode("a&#x110000;b&#9999999;c")).toBe("abc");
    expect(xmlDecode("&lt;&gt;&quot;&apos;")).toBe(`<>"'`);
    expect(cellText("a&#x110000;b")).toBe("ab");
  });

  it("reads a cell's text as Excel stores it: entities, CDATA as it is, _xHHHH_ escapes", () => {
    expect(cellText("张&amp;三<![CDATA[&amp;<b>]]>_x000D__x0007_")).toBe("张&三&amp;<b>\r\u0007");
    expect(cellText("&#x1F600;")).toBe("😀");
  });

  it("reads a line break written as CR LF or a lone CR as LF, as Excel does; &#13; stays a CR", () => {
    expect(cellText("a\r\nb\rc\nd")).toBe("a\nb\nc\nd");
    expect(cellText("X\r")).toBe("X\n");
    expect(cellText("a&#13;b&#13;&#10;c")).toBe("a\rb\r\nc");
    expect(cellText("<![CDATA[a\r\nb]]>")).toBe("a\nb");
  });
});

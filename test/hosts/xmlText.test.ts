import { xmlAttributes, xmlDecode } from "../../src/hosts/exceljs/xmlText";

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
  });
});

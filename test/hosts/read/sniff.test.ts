import { randomBytes } from "crypto";
import * as iconv from "iconv-lite";
import {
  countInvalidGb18030,
  decodeText,
  isValidUtf8,
} from "../../../src/hosts/exceljs/read/encoding";
import {
  hasOle2WorkbookStream,
  isEncryptedOoxml,
  isEncryptedXls,
  isMarkupText,
  sniffKind,
} from "../../../src/hosts/exceljs/read/sniff";
import { fakeOle2 } from "./helpers";

const OLE2 = Buffer.from("d0cf11e0a1b11ae1", "hex");

describe("sniffKind", () => {
  it("tells the kinds apart by their first bytes", () => {
    expect(sniffKind(Buffer.alloc(0))).toBe("empty");
    expect(sniffKind(Buffer.from("PK\x03\x04rest", "latin1"))).toBe("zip");
    expect(sniffKind(fakeOle2("Workbook"))).toBe("ole2");
    expect(sniffKind(Buffer.from("姓名,身份证号码\r\n张三,110105194912310021\r\n"))).toBe("text");
    expect(sniffKind(Buffer.from("\uFEFF姓名\t性别\n"))).toBe("text");
    expect(sniffKind(iconv.encode("姓名,民族,党派\r\n张三,汉族,民革\r\n", "gb18030"))).toBe("text");
    expect(sniffKind(Buffer.from("a"))).toBe("text");
  });
  it("calls random bytes, NUL bytes and control characters binary", () => {
    for (let i = 0; i < 20; i++) expect(sniffKind(randomBytes(4096))).toBe("binary");
    expect(sniffKind(Buffer.from("姓名\0性别"))).toBe("binary");
    expect(sniffKind(Buffer.from("abc\x01\x02\x03\x04def"))).toBe("binary");
    // "PK" without the local header signature is not a zip.
    expect(sniffKind(Buffer.from([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]))).toBe("binary");
  });
  it("only looks at the start of a long file, so a character cut at 64 KB does not matter", () => {
    const text = Buffer.from("张".repeat(30000));
    expect(sniffKind(text)).toBe("text");
    const gb = iconv.encode("张".repeat(40000), "gb18030");
    expect(sniffKind(Buffer.concat([Buffer.from("x"), gb]))).toBe("text");
  });
});

describe("encodings", () => {
  it("checks UTF-8 strictly", () => {
    expect(isValidUtf8(Buffer.from("统战台账"))).toBe(true);
    expect(isValidUtf8(iconv.encode("统战台账", "gb18030"))).toBe(false);
    expect(isValidUtf8(Buffer.from("统战").subarray(0, 4))).toBe(false);
    expect(isValidUtf8(Buffer.from("统战").subarray(0, 4), true)).toBe(true);
  });
  it("counts malformed GB18030 sequences", () => {
    expect(countInvalidGb18030(iconv.encode("统战台账 ABC 𠀀 €", "gb18030"))).toBe(0);
    expect(countInvalidGb18030(Buffer.from([0x80, 0xff, 0x81, 0x20]))).toBe(3);
  });
  it("decodes UTF-8 (dropping a BOM), else GB18030", () => {
    expect(decodeText(Buffer.from("\uFEFF姓名"))).toEqual({ text: "姓名", encoding: "utf-8" });
    expect(decodeText(Buffer.from("姓名"))).toEqual({ text: "姓名", encoding: "utf-8" });
    expect(decodeText(iconv.encode("姓名，𠀀", "gb18030"))).toEqual({
      text: "姓名，𠀀",
      encoding: "gb18030",
    });
    expect(decodeText(iconv.encode("\uFEFF姓名", "gb18030"))).toEqual({
      text: "姓名",
      encoding: "gb18030",
    });
  });
});

describe("OLE2 contents", () => {
  it("finds the EncryptedPackage stream of a password-protected .xlsx", () => {
    expect(isEncryptedOoxml(fakeOle2("EncryptionInfo", "EncryptedPackage"))).toBe(true);
    expect(isEncryptedOoxml(fakeOle2("Workbook"))).toBe(false);
    // The name in ASCII, or outside an OLE2 file, does not count.
    expect(isEncryptedOoxml(Buffer.concat([OLE2, Buffer.from("EncryptedPackage")]))).toBe(false);
    expect(isEncryptedOoxml(Buffer.from("EncryptedPackage", "utf16le"))).toBe(false);
  });
  it("finds a FILEPASS record right after the workbook globals' BOF", () => {
    const bof = Buffer.from("0908100000060500" + "00".repeat(12), "hex");
    const filepass = Buffer.from("2f0036000100", "hex");
    const interfaceHdr = Buffer.from("e1000200b004", "hex");
    expect(isEncryptedXls(Buffer.concat([fakeOle2("Workbook"), bof, filepass]))).toBe(true);
    expect(isEncryptedXls(Buffer.concat([fakeOle2("Workbook"), bof, interfaceHdr]))).toBe(false);
    expect(isEncryptedXls(Buffer.concat([bof, filepass]))).toBe(false);
  });
  it("knows a workbook from other OLE2 documents", () => {
    expect(hasOle2WorkbookStream(fakeOle2("Workbook"))).toBe(true);
    expect(hasOle2WorkbookStream(fakeOle2("Book"))).toBe(true);
    expect(hasOle2WorkbookStream(fakeOle2("WordDocument", "1Table"))).toBe(false);
  });
});

describe("isMarkupText", () => {
  it("recognises HTML and XML Spreadsheet exports, not CSV", () => {
    expect(isMarkupText("<html><body><table>")).toBe(true);
    expect(isMarkupText('\uFEFF  <?xml version="1.0"?>\n<Workbook>')).toBe(true);
    expect(isMarkupText("<!DOCTYPE html>")).toBe(true);
    expect(isMarkupText("<table border=1><tr>")).toBe(true);
    expect(isMarkupText("姓名,性别\n<b>,x")).toBe(false);
    expect(isMarkupText("<姓名>,性别")).toBe(false);
  });
});

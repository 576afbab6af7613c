import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as iconv from "iconv-lite";
import { SOFFICE_ENV } from "../../../src/hosts/exceljs/read/libreoffice";
import {
  openWorkbook,
  SUPPORTED_EXTENSIONS,
  type OpenedWorkbook,
} from "../../../src/hosts/exceljs/input/openWorkbook";
import type { FileErrorCode } from "../../../src/core/fileErrors";
import {
  expectFileError,
  fakeOle2,
  makeTmpDir,
  removeDir,
  requireSoffice,
  rowValues,
  sha256,
  sofficeConvert,
  writeXlsx,
} from "./helpers";
import { deflatedZeros, readZipEntries, writeZip } from "./zipWriter";

const ID = "110105194912310021";
const HEADER = ["姓名", "身份证号码", "民族", "党派", "备注"];
const MEMBER = ["张三", ID, "汉族", "中国民主同盟", "北京市,朝阳区"];

let dir: string;
let xlsx: string;
let xls: string;

beforeAll(async () => {
  dir = makeTmpDir();
  xlsx = path.join(dir, "成员名册.xlsx");
  await writeXlsx(xlsx, [HEADER, MEMBER]);
  xls = sofficeConvert(xlsx, "xls", makeTmpDir());
});
afterAll(() => {
  removeDir(dir);
  removeDir(path.dirname(xls));
});

/** Writes a fixture into the test folder and returns its path. */
function fixture(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Opens a file and checks that opening left its bytes as they were. */
async function open(
  file: string,
  options?: Parameters<typeof openWorkbook>[1]
): Promise<OpenedWorkbook> {
  const before = sha256(file);
  try {
    return await openWorkbook(file, options);
  } finally {
    expect(sha256(file)).toBe(before);
  }
}

/** Opening must fail with `code`, leave the file alone and name it by its base name. */
async function openFails(
  file: string,
  code: FileErrorCode,
  options?: Parameters<typeof openWorkbook>[1]
) {
  const before = fs.existsSync(file) && fs.statSync(file).isFile() ? sha256(file) : null;
  const e = await expectFileError(openWorkbook(file, options), code);
  expect(e.params.file).toBe(path.basename(file));
  if (before) expect(sha256(file)).toBe(before);
  return e;
}

function firstRows(opened: OpenedWorkbook, n = 2): unknown[][] {
  const sheet = opened.workbook.worksheets[0];
  return Array.from({ length: n }, (_, i) => rowValues(sheet, i + 1));
}

describe("openWorkbook: Excel workbooks", () => {
  it("offers the extensions of the batch tool", () => {
    expect([...SUPPORTED_EXTENSIONS]).toEqual([".xlsx", ".xlsm", ".xls", ".et", ".csv"]);
  });

  it("loads an .xlsx, and the same bytes named .xls or .xlsm", async () => {
    for (const name of ["名册.xlsx", "名册.xls", "名册.xlsm", "名册.et"]) {
      const opened = await open(fixture(name, fs.readFileSync(xlsx)));
      expect(opened).toMatchObject({ kind: "xlsx" });
      expect(opened.convertedFrom).toBeUndefined();
      expect(firstRows(opened)).toEqual([HEADER, MEMBER]);
    }
  });

  it("converts an Excel 97-2003 .xls with LibreOffice, Chinese text and the ID intact", async () => {
    requireSoffice();
    const t = Date.now();
    const opened = await open(xls);
    const ms = Date.now() - t;
    expect(opened).toMatchObject({ kind: "xls", convertedFrom: "xls" });
    expect(opened.workbook.worksheets[0].name).toBe("成员");
    expect(firstRows(opened)).toEqual([HEADER, MEMBER]);
    expect(ms).toBeLessThan(30_000);
  });

  it("reads an .xls named .xlsx, or .et with an odd name, as what it is", async () => {
    requireSoffice();
    for (const name of ["real-xls.xlsx", "2008年 成员（副本）'.et"]) {
      const opened = await open(fixture(name, fs.readFileSync(xls)));
      expect(opened).toMatchObject({ kind: "xls", convertedFrom: "xls" });
      expect(firstRows(opened)).toEqual([HEADER, MEMBER]);
    }
  });

  it("converts an HTML table and an XML Spreadsheet 2003 saved as .xls", async () => {
    requireSoffice();
    const html =
      '<html><head><meta charset="utf-8"><style>.t{mso-number-format:"\\@";}</style></head><body><table>' +
      `<tr>${HEADER.map((h) => `<td>${h}</td>`).join("")}</tr>` +
      `<tr>${MEMBER.map((v) => `<td class="t">${v}</td>`).join("")}</tr></table></body></html>`;
    const fromHtml = await open(fixture("导出.xls", html));
    expect(fromHtml).toMatchObject({ kind: "xls", convertedFrom: "html" });
    expect(firstRows(fromHtml)).toEqual([HEADER, MEMBER]);

    const cells = (row: string[]) =>
      `<Row>${row.map((v) => `<Cell><Data ss:Type="String">${v}</Data></Cell>`).join("")}</Row>`;
    const xml =
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n' +
      '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
      `<Worksheet ss:Name="成员"><Table>${cells(HEADER)}${cells(MEMBER)}</Table></Worksheet></Workbook>`;
    const fromXml = await open(fixture("导出2003.xls", xml));
    expect(fromXml).toMatchObject({ kind: "xls", convertedFrom: "xml" });
    expect(fromXml.workbook.worksheets[0].name).toBe("成员");
    expect(firstRows(fromXml)).toEqual([HEADER, MEMBER]);
  });
});

describe("openWorkbook: CSV", () => {
  const csv = (rows: string[][], eol = "\r\n") =>
    rows
      .map((r) => r.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(","))
      .join(eol) + eol;

  it.each([
    [
      "UTF-8 with BOM",
      "bom.csv",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv([HEADER, MEMBER]))]),
      "utf-8",
    ],
    ["UTF-8 without BOM", "plain.csv", Buffer.from(csv([HEADER, MEMBER], "\n")), "utf-8"],
    [
      "GB18030 as Chinese Excel writes it",
      "gbk.csv",
      iconv.encode(csv([HEADER, MEMBER]), "gb18030"),
      "gb18030",
    ],
  ])("reads %s, the ID as the exact string", async (_label, name, bytes, encoding) => {
    const opened = await open(fixture(name, bytes));
    expect(opened).toMatchObject({ kind: "csv", encoding });
    expect(opened.workbook.worksheets.map((s) => s.name)).toEqual([path.basename(name, ".csv")]);
    expect(firstRows(opened)).toEqual([HEADER, MEMBER]);
    expect(opened.workbook.worksheets[0].getCell("B2").value).toBe(ID);
  });

  it("keeps quoted commas, quotes and line breaks, and leaves empty fields empty", async () => {
    const text =
      '姓名,地址,备注,电话\r\n"李四","北京市,海淀区","他说""你好""\r\n第二行",\r\n王五,,,010-1234\r\n';
    const opened = await open(fixture("quoted.csv", iconv.encode(text, "gb18030")));
    const sheet = opened.workbook.worksheets[0];
    expect(rowValues(sheet, 2)).toEqual(["李四", "北京市,海淀区", '他说"你好"\r\n第二行']);
    expect(sheet.getCell("D2").value).toBeNull();
    expect(rowValues(sheet, 3)).toEqual(["王五", undefined, undefined, "010-1234"]);
    expect(sheet.getCell("B3").value).toBeNull();
  });

  it("reads tab-separated text saved as .xls (a common 'export to Excel') as CSV", async () => {
    const text = `${HEADER.join("\t")}\r\n${MEMBER.join("\t")}\r\n`;
    const opened = await open(fixture("系统导出.xls", iconv.encode(text, "gb18030")));
    expect(opened).toMatchObject({ kind: "csv", encoding: "gb18030" });
    expect(firstRows(opened)).toEqual([HEADER, MEMBER]);
  });

  it("names the sheet after a long or odd file name", async () => {
    const opened = await open(fixture(`${"统战成员".repeat(10)}[2008]?.csv`, "a,b\n"));
    expect(opened.workbook.worksheets[0].name).toBe("统战成员".repeat(7) + "统战成");
  });
});

describe("openWorkbook: files it must refuse", () => {
  it("zip bomb: a directory declaring gigabytes → too-large, with the limit", async () => {
    const bomb = writeZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>"), declaredSize: 4_000_000_000 },
    ]);
    const e = await openFails(fixture("bomb.xlsx", bomb), "too-large");
    expect(e.params.limit).toBe("500 MB");
  });

  it("zip bomb: an .xlsx with a 600 MB entry of zeros (under 1 MB on disk) → too-large", async () => {
    const entries = await readZipEntries(fs.readFileSync(xlsx));
    entries.push({ name: "xl/media/image1.bin", deflated: await deflatedZeros(600) });
    const file = fixture("bomb2.xlsx", writeZip(entries));
    expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
    const e = await openFails(file, "too-large");
    expect(e.params.limit).toBe("500 MB");
  });

  it("a smaller bomb passes a limit above its size and fails one below", async () => {
    const entries = await readZipEntries(fs.readFileSync(xlsx));
    entries.push({ name: "xl/media/image1.bin", deflated: await deflatedZeros(20) });
    const file = fixture("bomb3.xlsx", writeZip(entries));
    const e = await openFails(file, "too-large", { maxUncompressedBytes: 10 * 1024 * 1024 });
    expect(e.params.limit).toBe("10 MB");
    const opened = await open(file, { maxUncompressedBytes: 30 * 1024 * 1024 });
    expect(firstRows(opened)).toEqual([HEADER, MEMBER]);
  });

  it("a file larger than the limit → too-large before it is read", async () => {
    const e = await openFails(fixture("big.csv", "a,b\n".repeat(1000)), "too-large", {
      maxUncompressedBytes: 1000,
    });
    expect(e.params.limit).toBe("1000 B");
  });

  it("a truncated .xlsx → corrupt-workbook", async () => {
    const bytes = fs.readFileSync(xlsx);
    await openFails(
      fixture("truncated.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2))),
      "corrupt-workbook"
    );
  });

  it("an .xlsx whose sheet XML is broken → corrupt-workbook", async () => {
    const entries = await readZipEntries(fs.readFileSync(xlsx));
    for (const e of entries)
      if (e.name === "xl/worksheets/sheet1.xml")
        e.data = Buffer.from('<worksheet><sheetData><row r="1"><c');
    for (const e of entries)
      if (e.name === "xl/workbook.xml") e.data = Buffer.from("<workbook><sheets>");
    await openFails(fixture("broken-xml.xlsx", writeZip(entries)), "corrupt-workbook");
  });

  it("random bytes named .xlsx, .xls or .csv → not-a-spreadsheet", async () => {
    for (const name of ["random.xlsx", "random.xls", "random.csv"])
      await openFails(fixture(name, randomBytes(8192)), "not-a-spreadsheet");
  });

  it("a zip that is not a workbook, or a Word document named .xls → not-a-spreadsheet", async () => {
    await openFails(
      fixture(
        "document.xlsx",
        writeZip([{ name: "word/document.xml", data: Buffer.from("<w/>") }])
      ),
      "not-a-spreadsheet"
    );
    await openFails(fixture("letter.xls", fakeOle2("WordDocument", "1Table")), "not-a-spreadsheet");
  });

  it("an empty file → file-empty", async () => {
    for (const name of ["empty.xlsx", "empty.csv", "empty.xls"])
      await openFails(fixture(name, ""), "file-empty");
  });

  it("an .xlsx with an opening password (OLE2 with EncryptedPackage) → password-protected", async () => {
    const encrypted = fakeOle2("EncryptionInfo", "EncryptedPackage");
    await openFails(fixture("加密.xlsx", encrypted), "password-protected");
    await openFails(fixture("加密.xls", encrypted), "password-protected");
  });

  it("an encrypted .xls LibreOffice cannot open → password-protected", async () => {
    requireSoffice();
    // Make the record after the globals' BOF a FILEPASS: LibreOffice then fails to decrypt the workbook.
    const bytes = Buffer.from(fs.readFileSync(xls));
    const bof = bytes.indexOf(Buffer.from("0908100000060500", "hex"));
    expect(bof).toBeGreaterThan(0);
    bytes.writeUInt16LE(0x002f, bof + 4 + 16);
    await openFails(fixture("加密97.xls", bytes), "password-protected");
  });

  it("an .xls without LibreOffice → libreoffice-missing", async () => {
    const saved = process.env[SOFFICE_ENV];
    process.env[SOFFICE_ENV] = path.join(dir, "no-soffice-here");
    try {
      const e = await openFails(xls, "libreoffice-missing");
      expect(e.params).toEqual({ file: path.basename(xls) });
      // An .xlsx does not need it.
      await expect(open(xlsx)).resolves.toMatchObject({ kind: "xlsx" });
    } finally {
      if (saved === undefined) delete process.env[SOFFICE_ENV];
      else process.env[SOFFICE_ENV] = saved;
    }
  });

  it("a missing file → file-not-found; a folder → file-unreadable", async () => {
    await openFails(path.join(dir, "no-such.xlsx"), "file-not-found");
    await openFails(path.join(dir, "no-such-dir", "x.csv"), "file-not-found");
    const e = await openFails(dir, "file-unreadable");
    expect(e.params.detail).toBe("这是一个文件夹");
  });
});

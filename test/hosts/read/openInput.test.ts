/*
 * openInput: any input file opened as a workbook package, by what its bytes are (never by its
 * name), with the input left untouched and every failure a FileError naming the file.
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as iconv from "iconv-lite";
import type { FileErrorCode } from "../../../src/core/fileErrors";
import type { CellValue } from "../../../src/core/types";
import { READ_WHOLE_UP_TO } from "../../../src/hosts/exceljs/node/fileSource";
import { SOFFICE_ENV } from "../../../src/hosts/exceljs/read/libreoffice";
import {
  openInput,
  SUPPORTED_EXTENSIONS,
  type OpenInputOptions,
} from "../../../src/hosts/exceljs/read/openInput";
import {
  expectFileError,
  fakeOle2,
  makeTmpDir,
  packageRows,
  removeDir,
  requireSoffice,
  sha256,
  sofficeConvert,
  writeXlsx,
} from "./helpers";
import { deflatedZeros, readZipEntries, writeZip } from "../input/zipWriter";

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

interface Read {
  kind: string;
  convertedFrom?: string;
  encoding?: string;
  sheets: string[];
  /** The first worksheet's rows, from row 1. */
  rows: CellValue[][];
}

/** Opens a file, reads its first sheet, closes it, and checks that its bytes are as they were. */
async function read(file: string, options?: OpenInputOptions): Promise<Read> {
  const before = fs.existsSync(file) && fs.statSync(file).isFile() ? sha256(file) : null;
  try {
    const opened = await openInput(file, options);
    try {
      return {
        kind: opened.kind,
        convertedFrom: opened.convertedFrom,
        encoding: opened.encoding,
        sheets: opened.pkg.worksheets.map((s) => s.name),
        rows: await packageRows(opened.pkg),
      };
    } finally {
      await opened.close();
    }
  } finally {
    if (before) expect(sha256(file)).toBe(before);
  }
}

/** Opening (and reading) must fail with `code`, leave the file alone and name it by its base name. */
async function readFails<C extends FileErrorCode>(
  file: string,
  code: C,
  options?: OpenInputOptions
) {
  const before = fs.existsSync(file) && fs.statSync(file).isFile() ? sha256(file) : null;
  const e = await expectFileError(read(file, options), code);
  expect(e.params.file).toBe(path.basename(file));
  if (before) expect(sha256(file)).toBe(before);
  return e;
}

/** The entries of the test's .xlsx with one more, written as a new zip. */
async function xlsxWith(name: string, deflated: Awaited<ReturnType<typeof deflatedZeros>>) {
  const entries = await readZipEntries(fs.readFileSync(xlsx));
  entries.push({ name, deflated });
  return writeZip(entries);
}

describe("openInput: Excel workbooks", () => {
  it("offers the extensions of the batch tool", () => {
    expect([...SUPPORTED_EXTENSIONS]).toEqual([".xlsx", ".xlsm", ".xls", ".et", ".csv"]);
  });

  it("reads an .xlsx, and the same bytes named .xls, .xlsm or .et", async () => {
    for (const name of ["名册.xlsx", "名册.xls", "名册.xlsm", "名册.et"]) {
      const r = await read(fixture(name, fs.readFileSync(xlsx)));
      expect(r).toMatchObject({ kind: "xlsx", sheets: ["成员"] });
      expect(r.convertedFrom).toBeUndefined();
      expect(r.rows).toEqual([HEADER, MEMBER]);
    }
  });

  it("reads a large .xlsx (from the file, as needed) as it reads a small one (all in memory)", async () => {
    // The streaming threshold is gone: one reader for every size. Past READ_WHOLE_UP_TO the zip is
    // read from disk in parts instead of at once; what comes out must not differ.
    const big = fixture(
      "大文件.xlsx",
      writeZip([
        ...(await readZipEntries(fs.readFileSync(xlsx))),
        { name: "xl/media/image1.bin", data: randomBytes(READ_WHOLE_UP_TO + 1024 * 1024) },
      ])
    );
    expect(fs.statSync(big).size).toBeGreaterThan(READ_WHOLE_UP_TO);
    const small = await read(xlsx);
    expect(await read(big)).toEqual(small);
    expect(small.rows).toEqual([HEADER, MEMBER]);
  });

  it("converts an Excel 97-2003 .xls with LibreOffice, Chinese text and the ID intact", async () => {
    requireSoffice();
    const t = Date.now();
    const r = await read(xls);
    const ms = Date.now() - t;
    expect(r).toMatchObject({ kind: "xls", convertedFrom: "xls", sheets: ["成员"] });
    expect(r.rows).toEqual([HEADER, MEMBER]);
    expect(ms).toBeLessThan(30_000);
  });

  it("reads an .xls named .xlsx, or .et with an odd name, as what it is", async () => {
    requireSoffice();
    for (const name of ["real-xls.xlsx", "2008年 成员（副本）'.et"]) {
      const r = await read(fixture(name, fs.readFileSync(xls)));
      expect(r).toMatchObject({ kind: "xls", convertedFrom: "xls" });
      expect(r.rows).toEqual([HEADER, MEMBER]);
    }
  });

  it("converts an HTML table and an XML Spreadsheet 2003 saved as .xls", async () => {
    requireSoffice();
    const html =
      '<html><head><meta charset="utf-8"><style>.t{mso-number-format:"\\@";}</style></head><body><table>' +
      `<tr>${HEADER.map((h) => `<td>${h}</td>`).join("")}</tr>` +
      `<tr>${MEMBER.map((v) => `<td class="t">${v}</td>`).join("")}</tr></table></body></html>`;
    const fromHtml = await read(fixture("导出.xls", html));
    expect(fromHtml).toMatchObject({ kind: "xls", convertedFrom: "html" });
    expect(fromHtml.rows).toEqual([HEADER, MEMBER]);

    const cells = (row: string[]) =>
      `<Row>${row.map((v) => `<Cell><Data ss:Type="String">${v}</Data></Cell>`).join("")}</Row>`;
    const xml =
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n' +
      '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
      `<Worksheet ss:Name="成员"><Table>${cells(HEADER)}${cells(MEMBER)}</Table></Worksheet></Workbook>`;
    const fromXml = await read(fixture("导出2003.xls", xml));
    expect(fromXml).toMatchObject({ kind: "xls", convertedFrom: "xml", sheets: ["成员"] });
    expect(fromXml.rows).toEqual([HEADER, MEMBER]);
  });
});

describe("openInput: CSV", () => {
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
    const r = await read(fixture(name, bytes));
    expect(r).toMatchObject({ kind: "csv", encoding, sheets: [path.basename(name, ".csv")] });
    expect(r.rows).toEqual([HEADER, MEMBER]);
    expect(r.rows[1][1]).toBe(ID);
  });

  it("keeps quoted commas, quotes and line breaks, and leaves empty fields empty", async () => {
    const text =
      '姓名,地址,备注,电话\r\n"李四","北京市,海淀区","他说""你好""\r\n第二行",\r\n王五,,,010-1234\r\n';
    const r = await read(fixture("quoted.csv", iconv.encode(text, "gb18030")));
    expect(r.rows.slice(1)).toEqual([
      ["李四", "北京市,海淀区", '他说"你好"\r\n第二行'],
      ["王五", null, null, "010-1234"],
    ]);
  });

  it("reads tab-separated text saved as .xls (a common 'export to Excel') as CSV", async () => {
    const text = `${HEADER.join("\t")}\r\n${MEMBER.join("\t")}\r\n`;
    const r = await read(fixture("系统导出.xls", iconv.encode(text, "gb18030")));
    expect(r).toMatchObject({ kind: "csv", encoding: "gb18030" });
    expect(r.rows).toEqual([HEADER, MEMBER]);
  });

  it("reads CSV text named .xlsx as CSV", async () => {
    const r = await read(fixture("名单.xlsx", csv([HEADER, MEMBER])));
    expect(r).toMatchObject({ kind: "csv", encoding: "utf-8", sheets: ["名单"] });
    expect(r.rows).toEqual([HEADER, MEMBER]);
  });

  it("names the sheet after a long or odd file name", async () => {
    const r = await read(fixture(`${"统战成员".repeat(10)}[2008]?.csv`, "a,b\n"));
    expect(r.sheets).toEqual(["统战成员".repeat(7) + "统战成"]);
  });
});

describe("openInput: files it must refuse", () => {
  it("zip bomb: a directory declaring more than 4 GB (the default limit) → too-large", async () => {
    const bomb = writeZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>"), declaredSize: 3_000_000_000 },
      { name: "xl/styles.xml", data: Buffer.from("<styleSheet/>"), declaredSize: 3_000_000_000 },
    ]);
    const e = await readFails(fixture("bomb.xlsx", bomb), "too-large");
    expect(e.params.limit).toEqual({ bytes: 4096 * 1024 * 1024 });
  });

  it("zip bomb: an .xlsx with a 600 MB entry of zeros (under 1 MB on disk), over a 500 MB limit → too-large at once", async () => {
    const file = fixture(
      "bomb2.xlsx",
      await xlsxWith("xl/media/image1.bin", await deflatedZeros(600))
    );
    expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
    const t = Date.now();
    const e = await readFails(file, "too-large", { maxUncompressedBytes: 500 * 1024 * 1024 });
    expect(e.params.limit).toEqual({ bytes: 500 * 1024 * 1024 });
    expect(Date.now() - t).toBeLessThan(5000);
  }, 60_000);

  it("a smaller bomb passes a limit above its size and fails one below", async () => {
    const file = fixture(
      "bomb3.xlsx",
      await xlsxWith("xl/media/image1.bin", await deflatedZeros(20))
    );
    const e = await readFails(file, "too-large", { maxUncompressedBytes: 10 * 1024 * 1024 });
    expect(e.params.limit).toEqual({ bytes: 10 * 1024 * 1024 });
    const r = await read(file, { maxUncompressedBytes: 30 * 1024 * 1024 });
    expect(r.rows).toEqual([HEADER, MEMBER]);
  });

  it("a text file larger than the limit → too-large before it is read", async () => {
    const e = await readFails(fixture("big.csv", "a,b\n".repeat(1000)), "too-large", {
      maxUncompressedBytes: 1000,
    });
    expect(e.params.limit).toEqual({ bytes: 1000 });
  });

  it("a truncated .xlsx → corrupt-workbook", async () => {
    const bytes = fs.readFileSync(xlsx);
    await readFails(
      fixture("truncated.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2))),
      "corrupt-workbook"
    );
  });

  it("an .xlsx whose sheet XML is cut off in a row → corrupt-workbook (no row silently lost)", async () => {
    const entries = await readZipEntries(fs.readFileSync(xlsx));
    for (const e of entries)
      if (e.name === "xl/worksheets/sheet1.xml")
        e.data = Buffer.from(
          e.data!.toString("utf8").replace(/<row r="2"[\s\S]*$/, '<row r="2"><c r="A2" t="s"><v')
        );
    await readFails(fixture("broken-sheet.xlsx", writeZip(entries)), "corrupt-workbook");
  });

  it("an .xlsx whose workbook part is cut off → corrupt-workbook", async () => {
    const entries = await readZipEntries(fs.readFileSync(xlsx));
    for (const e of entries)
      if (e.name === "xl/workbook.xml")
        e.data = Buffer.from(e.data!.toString("utf8").replace(/<sheets>[\s\S]*$/, "<sheets>"));
    await readFails(fixture("broken-workbook.xlsx", writeZip(entries)), "corrupt-workbook");
  });

  it("random bytes named .xlsx, .xls or .csv → not-a-spreadsheet", async () => {
    for (const name of ["random.xlsx", "random.xls", "random.csv"])
      await readFails(fixture(name, randomBytes(8192)), "not-a-spreadsheet");
  });

  it("a zip that is not a workbook, or a Word document named .xls → not-a-spreadsheet", async () => {
    await readFails(
      fixture(
        "document.xlsx",
        writeZip([{ name: "word/document.xml", data: Buffer.from("<w/>") }])
      ),
      "not-a-spreadsheet"
    );
    await readFails(fixture("letter.xls", fakeOle2("WordDocument", "1Table")), "not-a-spreadsheet");
  });

  it("an empty file → file-empty", async () => {
    for (const name of ["empty.xlsx", "empty.csv", "empty.xls"])
      await readFails(fixture(name, ""), "file-empty");
  });

  it("an .xlsx with an opening password (OLE2 with EncryptedPackage) → password-protected", async () => {
    const encrypted = fakeOle2("EncryptionInfo", "EncryptedPackage");
    await readFails(fixture("加密.xlsx", encrypted), "password-protected");
    await readFails(fixture("加密.xls", encrypted), "password-protected");
  });

  it("a zip whose entries are encrypted (zip's own password) → password-protected", async () => {
    const bytes = Buffer.from(fs.readFileSync(xlsx));
    // Set the "encrypted" flag of every entry, in its local header and its directory record.
    for (const signature of ["504b0304", "504b0102"]) {
      const flagsAt = signature === "504b0304" ? 6 : 8;
      for (let at = bytes.indexOf(signature, 0, "hex"); at >= 0;) {
        bytes.writeUInt16LE(bytes.readUInt16LE(at + flagsAt) | 1, at + flagsAt);
        at = bytes.indexOf(signature, at + 4, "hex");
      }
    }
    await readFails(fixture("zip加密.xlsx", bytes), "password-protected");
  });

  it("an encrypted .xls LibreOffice cannot open → password-protected", async () => {
    requireSoffice();
    // Make the record after the globals' BOF a FILEPASS: LibreOffice then fails to decrypt the workbook.
    const bytes = Buffer.from(fs.readFileSync(xls));
    const bof = bytes.indexOf(Buffer.from("0908100000060500", "hex"));
    expect(bof).toBeGreaterThan(0);
    bytes.writeUInt16LE(0x002f, bof + 4 + 16);
    await readFails(fixture("加密97.xls", bytes), "password-protected");
  });

  it("an .xls without LibreOffice → libreoffice-missing", async () => {
    const saved = process.env[SOFFICE_ENV];
    process.env[SOFFICE_ENV] = path.join(dir, "no-soffice-here");
    try {
      const e = await readFails(xls, "libreoffice-missing");
      expect(e.params).toEqual({ file: path.basename(xls) });
      // An .xlsx does not need it.
      await expect(read(xlsx)).resolves.toMatchObject({ kind: "xlsx" });
    } finally {
      if (saved === undefined) delete process.env[SOFFICE_ENV];
      else process.env[SOFFICE_ENV] = saved;
    }
  });

  it("a missing file → file-not-found; a folder → file-unreadable", async () => {
    await readFails(path.join(dir, "no-such.xlsx"), "file-not-found");
    await readFails(path.join(dir, "no-such-dir", "x.csv"), "file-not-found");
    const e = await readFails(dir, "file-unreadable");
    expect(e.params.reason).toEqual({ kind: "is-folder" });
  });
});

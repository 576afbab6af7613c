import ExcelJS from "exceljs";
import * as fs from "fs";
import * as iconv from "iconv-lite";
import * as path from "path";
import {
  csvRows,
  detectDelimiter,
  parseCsv,
  sheetNameFromFile,
} from "../../../src/hosts/exceljs/read/csvText";
import { openInput } from "../../../src/hosts/exceljs/read/openInput";
import { expectFileError, makeTmpDir, packageRows, removeDir } from "./helpers";

describe("parseCsv", () => {
  it.each([
    [
      "a,b\r\nc,d\r\n",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "a,b\nc,d",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "a,b\rc,d\r",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    ['"x,y","say ""hi""",z', [["x,y", 'say "hi"', "z"]]],
    [
      '"line 1\r\nline 2",b\r\nc,d',
      [
        ["line 1\r\nline 2", "b"],
        ["c", "d"],
      ],
    ],
    ['"a\nb"', [["a\nb"]]],
    ["a,,c,\n", [["a", "", "c", ""]]],
    [",", [["", ""]]],
    ['""', [[""]]],
    ["a\n\nb\n", [["a"], [""], ["b"]]],
    ['a"b,c', [['a"b', "c"]]],
    ['"ab"c,d', [["abc", "d"]]],
    ['"unclosed,\nrest', [["unclosed,\nrest"]]],
    ["\uFEFF姓名,性别", [["姓名", "性别"]]],
    ["", []],
  ])("%j", (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it("finds a tab or semicolon separator when the header has no comma", () => {
    expect(detectDelimiter("姓名\t身份证号码\t备注\n")).toBe("\t");
    expect(detectDelimiter("姓名;身份证号码\n")).toBe(";");
    expect(detectDelimiter("姓名,身份证号码\t\n")).toBe(",");
    expect(detectDelimiter('"a,b"\tc\n')).toBe("\t");
    // A title line with no separator is passed over.
    expect(detectDelimiter("2008年统战成员登记表\n姓名\t性别\n")).toBe("\t");
    expect(detectDelimiter("单列\n")).toBe(",");
    expect(parseCsv("姓名\t备注\n张三\t有,逗号\n")).toEqual([
      ["姓名", "备注"],
      ["张三", "有,逗号"],
    ]);
    expect(parseCsv("sep=;\r\na;b,c\r\n")).toEqual([["a", "b,c"]]);
  });

  // How fast is the benchmark's to say (a timed unit test fails on a busy machine).
  it("reads a large file whole", () => {
    const line = '张三,110105194912310021,"北京市,朝阳区",13800138000\r\n';
    const rows = parseCsv(line.repeat(100_000));
    expect(rows).toHaveLength(100_000);
    expect(rows[99_999][2]).toBe("北京市,朝阳区");
  });
});

describe("sheetNameFromFile", () => {
  it("makes a valid Excel sheet name", () => {
    expect(sheetNameFromFile("成员名册.csv")).toBe("成员名册");
    expect(sheetNameFromFile("a[1]*?:b.csv")).toBe("a_1____b");
    expect(sheetNameFromFile("'quoted'.csv")).toBe("_quoted_");
    expect(sheetNameFromFile("History.csv")).toBe("History_");
    expect(sheetNameFromFile(".csv")).toBe(".csv");
    const long = sheetNameFromFile(`${"统战".repeat(20)}.csv`);
    expect(long).toBe("统战".repeat(15) + "统");
    expect(sheetNameFromFile(`${"a".repeat(30)}𠀀.csv`)).toBe("a".repeat(30));
  });
});

describe("a CSV file opened as a workbook (openInput)", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTmpDir("uf-ledger-csv-");
  });
  afterAll(() => removeDir(dir));

  const save = (name: string, bytes: Buffer | string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it("keeps every value the text it was (an ID, a date, 007), and leaves empty fields empty", async () => {
    const text =
      "姓名,身份证号码,出生日期,人数,备注\r\n张三,110105194912310021,1949-12-31,007,\r\n";
    for (const [name, bytes] of [
      ["名册.csv", Buffer.from(text)],
      ["名册-gbk.csv", iconv.encode(text, "gb18030")],
    ] as const) {
      const opened = await openInput(save(name, bytes));
      try {
        expect(opened.pkg.worksheets.map((s) => s.name)).toEqual([path.basename(name, ".csv")]);
        expect(await packageRows(opened.pkg)).toEqual([
          ["姓名", "身份证号码", "出生日期", "人数", "备注"],
          ["张三", "110105194912310021", "1949-12-31", "007"],
        ]);
        // What Excel would show: read by exceljs, every field a string cell, the empty one no cell.
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(opened.pkg.zip.source.bytes as unknown as ExcelJS.Buffer);
        const sheet = workbook.worksheets[0];
        expect(["B2", "C2", "D2"].map((a) => sheet.getCell(a).value)).toEqual([
          "110105194912310021",
          "1949-12-31",
          "007",
        ]);
        expect(sheet.getCell("E2").value).toBeNull();
      } finally {
        await opened.close();
      }
    }
  });

  it("writes U+FFFE and U+FFFF, which an .xlsx cannot hold, as U+FFFD", () => {
    expect(csvRows("a\uFFFEb,c\uFFFF\n", "x.csv").rows).toEqual([["a\uFFFDb", "c\uFFFD"]]);
  });

  it("refuses binary bytes and empty files", async () => {
    await expectFileError(openInput(save("空.csv", "")), "file-empty");
    await expectFileError(
      openInput(save("二进制.csv", Buffer.from([0, 1, 2, 3, 255, 254]))),
      "not-a-spreadsheet"
    );
  });
});

import {
  FILE_ERROR_CODES,
  FILE_ERROR_PARAMS,
  FILE_ERROR_REASON_KINDS,
  FILE_ERROR_TEXTS,
  type FileErrorCode,
  type FileErrorInfo,
  type FileErrorParams,
  type FileErrorReason,
  type FileErrorReasonKind,
  fileErrorJsonSchema,
  fileErrorMessage,
} from "../../src/core/fileErrors";
import type { Locale } from "../../src/core/types";

const HAN = /\p{Script=Han}/u;
const LOCALES: Locale[] = ["zh-CN", "en"];
/** What a message must never show: a parameter it was not given, or code. */
const BROKEN = /undefined|null|NaN|\[object |\$\{|=>/;

/** A reason of every kind, with Chinese names where a kind names something of the user's. */
const REASONS: { [K in FileErrorReasonKind]: FileErrorReason<K> } = {
  errno: { kind: "errno", code: "EIO" },
  "no-permission": { kind: "no-permission" },
  "disk-full": { kind: "disk-full" },
  "read-error": { kind: "read-error" },
  "is-folder": { kind: "is-folder" },
  "name-too-long": { kind: "name-too-long" },
  "libreoffice-not-started": { kind: "libreoffice-not-started", why: "EACCES" },
  "timed-out": { kind: "timed-out" },
  "load-failed": { kind: "load-failed" },
  "exit-code": { kind: "exit-code", code: 81 },
  "no-output": { kind: "no-output" },
  "no-temp-folder": { kind: "no-temp-folder" },
  "sheet-damaged": { kind: "sheet-damaged", sheet: "说明" },
  "part-damaged": { kind: "part-damaged", part: "xl/media/图片1.png" },
  "sheet-name-too-long": {
    kind: "sheet-name-too-long",
    name: "二〇〇八年度机关支部统战成员基本情况登记表",
  },
  "sheet-name-invalid": { kind: "sheet-name-invalid", name: "名册:2008" },
  "sheet-name-duplicate": { kind: "sheet-name-duplicate", name: "名册" },
  "entry-size-mismatch": { kind: "entry-size-mismatch" },
  "unsupported-compression": { kind: "unsupported-compression" },
  "compressed-data-damaged": { kind: "compressed-data-damaged" },
  "output-too-large": { kind: "output-too-large" },
  "unwritable-content": { kind: "unwritable-content" },
  "unexpected-error": { kind: "unexpected-error" },
};

/** The least each code is given: the file (a Chinese name), and what the code requires. */
const LEAST: { [C in FileErrorCode]: FileErrorInfo<C>["params"] } = {
  "file-not-found": { file: "名册.xlsx" },
  "file-unreadable": { file: "名册.xlsx" },
  "file-empty": { file: "名册.xlsx" },
  "not-a-spreadsheet": { file: "名册.xlsx" },
  "corrupt-workbook": { file: "名册.xlsx" },
  "password-protected": { file: "名册.xlsx" },
  "too-large": { file: "名册.xlsx", limit: { bytes: 500 * 1024 * 1024 } },
  "too-many-cells": { file: "名册.xlsx", limit: 30_000_000 },
  "too-many-cells-to-load": { file: "名册.xlsx", limit: 5_000_000 },
  "cell-too-long": { file: "名册.xlsx" },
  "beyond-sheet-limits": { file: "名册.xlsx" },
  "libreoffice-missing": { file: "名册.xls" },
  "conversion-failed": { file: "名册.xls" },
  "no-registry-sheet": { file: "名册.xlsx" },
  "sheet-not-found": { file: "名册.xlsx", sheet: "花名册" },
  "write-failed": { file: "名册.xlsx" },
  "temp-failed": { file: "名册.xlsx" },
  "output-is-input": { file: "名册.xlsx" },
};

/** Every code as it is given: the least, with each reason it takes and with a place where it has one. */
function samples(): FileErrorInfo[] {
  const out: FileErrorInfo[] = [];
  for (const code of FILE_ERROR_CODES) {
    const least = LEAST[code];
    const variants: object[] = [least];
    for (const kind of FILE_ERROR_REASON_KINDS) {
      const withReason = { ...least, reason: REASONS[kind] };
      if (FILE_ERROR_PARAMS[code].safeParse(withReason).success) variants.push(withReason);
    }
    const placed = { ...least, sheet: "名册", row: 4321, column: "AB" };
    if (FILE_ERROR_PARAMS[code].safeParse(placed).success && code !== "sheet-not-found")
      variants.push(placed);
    for (const params of variants) {
      expect([code, FILE_ERROR_PARAMS[code].safeParse(params).success]).toEqual([code, true]);
      out.push({ code, params } as FileErrorInfo);
    }
  }
  return out;
}

/** The user's names in a message: the file's, and any quoted (“名册” in Chinese, "名册" in English). */
function withoutNames(text: string, e: FileErrorInfo): string {
  return text
    .split(e.params.file)
    .join("")
    .replace(/“[^”]*”|"[^"]*"/g, "");
}

describe("file errors: data, rendered from one table per locale", () => {
  it("every reason kind is taken by some code, and every code and reason renders in both locales", () => {
    const all = samples();
    const taken = new Set(
      all.flatMap((e) => ("reason" in e.params && e.params.reason ? [e.params.reason.kind] : []))
    );
    expect([...taken].sort()).toEqual([...FILE_ERROR_REASON_KINDS].sort());
    expect(new Set(all.map((e) => e.code)).size).toBe(FILE_ERROR_CODES.length);
    for (const e of all) {
      const zh = fileErrorMessage(e, "zh-CN");
      const en = fileErrorMessage(e, "en");
      const what = JSON.stringify(e);
      for (const text of [zh, en]) {
        expect([what, text, BROKEN.test(text)]).toEqual([what, text, false]);
        expect([what, text.startsWith(e.params.file)]).toEqual([what, true]);
      }
      expect([what, zh !== en]).toEqual([what, true]);
      // Chinese in Chinese; English has no Chinese but the user's names (the file, quoted sheets).
      expect([what, zh, HAN.test(withoutNames(zh, e))]).toEqual([what, zh, true]);
      expect([what, en, HAN.test(withoutNames(en, e))]).toEqual([what, en, false]);
    }
  });

  it("every table names every code and every reason kind", () => {
    for (const locale of LOCALES) {
      const t = FILE_ERROR_TEXTS[locale];
      expect(Object.keys(t.messages).sort()).toEqual([...FILE_ERROR_CODES].sort());
      expect(Object.keys(t.reasons).sort()).toEqual([...FILE_ERROR_REASON_KINDS].sort());
    }
  });

  it("a reason names what it is about, in both locales", () => {
    for (const kind of FILE_ERROR_REASON_KINDS) {
      const r = REASONS[kind];
      for (const locale of LOCALES) {
        const text = (FILE_ERROR_TEXTS[locale].reasons[kind] as (r: FileErrorReason) => string)(r);
        for (const [key, value] of Object.entries(r))
          if (key !== "kind")
            expect([kind, locale, text.includes(String(value))]).toEqual([kind, locale, true]);
      }
    }
  });

  it("the compiler holds each code to its own parameters", () => {
    const info = <C extends FileErrorCode>(code: C, params: FileErrorParams[C]) => ({
      code,
      params,
    });
    const ok = info("conversion-failed", { file: "a.xls", reason: { kind: "timed-out" } });
    // @ts-expect-error: timed-out is no reason of write-failed
    const wrongReason = info("write-failed", { file: "a", reason: { kind: "timed-out" } });
    // @ts-expect-error: too-large's limit is a number with its unit, not a sentence
    const wrongLimit = info("too-large", { file: "a.xlsx", limit: "500 MB" });
    // @ts-expect-error: sheet-not-found names the sheet
    const noSheet = info("sheet-not-found", { file: "a.xlsx" });
    expect([ok, wrongReason, wrongLimit, noSheet].map((e) => e.code)).toEqual([
      "conversion-failed",
      "write-failed",
      "too-large",
      "sheet-not-found",
    ]);
  });

  it("report.json's schema takes each code with its own parameters and the message", () => {
    const e: FileErrorInfo = {
      code: "too-large",
      params: { file: "a.xlsx", limit: { files: 20000 } },
    };
    expect(
      fileErrorJsonSchema.safeParse({ ...e, message: fileErrorMessage(e, "zh-CN") }).success
    ).toBe(true);
    expect(fileErrorJsonSchema.safeParse({ ...e, message: 1 }).success).toBe(false);
    const wrong = {
      code: "too-large",
      params: { file: "a.xlsx", limit: "20000 个文件" },
      message: "",
    };
    expect(fileErrorJsonSchema.safeParse(wrong).success).toBe(false);
    const other = {
      code: "write-failed",
      params: { file: "a.xlsx", reason: { kind: "timed-out" } },
      message: "",
    };
    expect(fileErrorJsonSchema.safeParse(other).success).toBe(false);
  });
});

/**
 * The messages as they were when the readers wrote their details as Chinese sentences (and the
 * English was translated back from them): the Chinese, which the command line and its tests show,
 * is the same to the character. The English quotes two names it did not quote before.
 */
const AS_BEFORE: [FileErrorInfo, string, string][] = [
  [
    { code: "file-not-found", params: { file: "名册.xlsx" } },
    "名册.xlsx：找不到文件",
    "名册.xlsx: file not found",
  ],
  [
    { code: "file-unreadable", params: { file: "名册.xlsx" } },
    "名册.xlsx：无法读取文件（权限不足或被占用）",
    "名册.xlsx: cannot read the file (no permission, or in use)",
  ],
  [
    { code: "file-unreadable", params: { file: "名册.xlsx", reason: { kind: "is-folder" } } },
    "名册.xlsx：无法读取文件（这是一个文件夹）",
    "名册.xlsx: cannot read the file (it is a folder)",
  ],
  [
    { code: "file-unreadable", params: { file: "名册.xlsx", reason: { kind: "name-too-long" } } },
    "名册.xlsx：无法读取文件（文件名太长）",
    "名册.xlsx: cannot read the file (the file name is too long)",
  ],
  [
    { code: "file-unreadable", params: { file: "名册.xlsx", reason: { kind: "read-error" } } },
    "名册.xlsx：无法读取文件（读取出错）",
    "名册.xlsx: cannot read the file (a read error)",
  ],
  [
    {
      code: "file-unreadable",
      params: { file: "名册.xlsx", reason: { kind: "errno", code: "EIO" } },
    },
    "名册.xlsx：无法读取文件（EIO）",
    "名册.xlsx: cannot read the file (EIO)",
  ],
  [
    { code: "file-unreadable", params: { file: "名册.xls", reason: { kind: "disk-full" } } },
    "名册.xls：无法读取文件（磁盘已满）",
    "名册.xls: cannot read the file (the disk is full)",
  ],
  [
    { code: "file-unreadable", params: { file: "名册.xls", reason: { kind: "no-permission" } } },
    "名册.xls：无法读取文件（权限不足）",
    "名册.xls: cannot read the file (permission denied)",
  ],
  [
    { code: "file-empty", params: { file: "空.csv" } },
    "空.csv：文件是空的",
    "空.csv: the file is empty",
  ],
  [
    { code: "not-a-spreadsheet", params: { file: "a.txt" } },
    "a.txt：不是 Excel 工作簿或 CSV 文件",
    "a.txt: not an Excel workbook or a CSV file",
  ],
  [
    { code: "corrupt-workbook", params: { file: "坏.xlsx" } },
    "坏.xlsx：工作簿已损坏或不完整，无法打开",
    "坏.xlsx: the workbook is damaged or truncated",
  ],
  [
    {
      code: "corrupt-workbook",
      params: { file: "坏.xlsx", reason: { kind: "sheet-damaged", sheet: "说明" } },
    },
    "坏.xlsx：工作簿已损坏或不完整，无法打开（工作表“说明”的内容已损坏）",
    '坏.xlsx: the workbook is damaged or truncated (the content of sheet "说明" is damaged)',
  ],
  [
    {
      code: "corrupt-workbook",
      params: { file: "坏.xlsx", reason: { kind: "part-damaged", part: "docProps/core.xml" } },
    },
    "坏.xlsx：工作簿已损坏或不完整，无法打开（内部文件“docProps/core.xml”已损坏）",
    '坏.xlsx: the workbook is damaged or truncated (its part "docProps/core.xml" is damaged)',
  ],
  [
    {
      code: "corrupt-workbook",
      params: { file: "坏.xlsx", reason: { kind: "sheet-name-invalid", name: "名册:2008" } },
    },
    "坏.xlsx：工作簿已损坏或不完整，无法打开（工作表名称“名册:2008”不符合 Excel 的规则）",
    '坏.xlsx: the workbook is damaged or truncated (sheet name "名册:2008" breaks Excel\'s rules)',
  ],
  [
    {
      code: "corrupt-workbook",
      params: { file: "坏.xlsx", reason: { kind: "sheet-name-too-long", name: "一一一" } },
    },
    "坏.xlsx：工作簿已损坏或不完整，无法打开（工作表名称“一一一”超过 Excel 的 31 个字符上限）",
    '坏.xlsx: the workbook is damaged or truncated (sheet name "一一一" is longer than Excel\'s 31 characters)',
  ],
  [
    {
      code: "corrupt-workbook",
      params: { file: "坏.xlsx", reason: { kind: "sheet-name-duplicate", name: "DATA" } },
    },
    "坏.xlsx：工作簿已损坏或不完整，无法打开（工作表名称“DATA”重复）",
    '坏.xlsx: the workbook is damaged or truncated (sheet name "DATA" is used twice)',
  ],
  [
    {
      code: "corrupt-workbook",
      params: { file: "坏.xlsx", reason: { kind: "entry-size-mismatch" } },
    },
    "坏.xlsx：工作簿已损坏或不完整，无法打开（压缩条目的实际大小与目录不符）",
    "坏.xlsx: the workbook is damaged or truncated (an entry's size differs from the zip's directory)",
  ],
  [
    {
      code: "corrupt-workbook",
      params: { file: "坏.xlsx", reason: { kind: "unsupported-compression" } },
    },
    "坏.xlsx：工作簿已损坏或不完整，无法打开（使用了不支持的压缩方式）",
    "坏.xlsx: the workbook is damaged or truncated (an unsupported compression method)",
  ],
  [
    {
      code: "corrupt-workbook",
      params: { file: "坏.xlsx", reason: { kind: "compressed-data-damaged" } },
    },
    "坏.xlsx：工作簿已损坏或不完整，无法打开（压缩数据已损坏）",
    "坏.xlsx: the workbook is damaged or truncated (the compressed data is damaged)",
  ],
  [
    { code: "corrupt-workbook", params: { file: "坏.xlsx", reason: { kind: "unexpected-error" } } },
    "坏.xlsx：工作簿已损坏或不完整，无法打开（读取时出现意外错误）",
    "坏.xlsx: the workbook is damaged or truncated (an unexpected error while reading)",
  ],
  [
    { code: "password-protected", params: { file: "密.xlsx" } },
    "密.xlsx：工作簿设有打开密码，请在 Excel 中取消密码后另存再试",
    "密.xlsx: the workbook is password-protected; remove the password in Excel, save, and try again",
  ],
  [
    { code: "too-large", params: { file: "炸弹.xlsx", limit: { bytes: 524288000 } } },
    "炸弹.xlsx：解压后超过 500 MB 的上限（可能是“压缩炸弹”），未处理",
    "炸弹.xlsx: it would unpack to more than 500 MB (a zip bomb?); not processed",
  ],
  [
    { code: "too-large", params: { file: "炸弹.xlsx", limit: { bytes: 1572864 } } },
    "炸弹.xlsx：解压后超过 1.5 MB 的上限（可能是“压缩炸弹”），未处理",
    "炸弹.xlsx: it would unpack to more than 1.5 MB (a zip bomb?); not processed",
  ],
  [
    { code: "too-large", params: { file: "炸弹.xlsx", limit: { bytes: 1000 } } },
    "炸弹.xlsx：解压后超过 1000 B 的上限（可能是“压缩炸弹”），未处理",
    "炸弹.xlsx: it would unpack to more than 1000 B (a zip bomb?); not processed",
  ],
  [
    { code: "too-large", params: { file: "炸弹.xlsx", limit: { bytes: 65536 } } },
    "炸弹.xlsx：解压后超过 64 KB 的上限（可能是“压缩炸弹”），未处理",
    "炸弹.xlsx: it would unpack to more than 64 KB (a zip bomb?); not processed",
  ],
  [
    { code: "too-large", params: { file: "多.xlsx", limit: { files: 20000 } } },
    "多.xlsx：解压后超过 20000 个文件 的上限（可能是“压缩炸弹”），未处理",
    "多.xlsx: it would unpack to more than 20000 files (a zip bomb?); not processed",
  ],
  [
    { code: "too-many-cells", params: { file: "名单.csv", sheet: "名单", limit: 100 } },
    "名单.csv（工作表“名单”）：单元格数超过上限 100（可用 --max-cells 调整）",
    '名单.csv (sheet "名单"): more cells than the limit of 100 (see --max-cells)',
  ],
  [
    {
      code: "too-many-cells",
      params: { file: "名单.csv", sheet: "名单", row: 9, column: "C", limit: 100 },
    },
    "名单.csv（工作表“名单”第 9 行 C 列）：单元格数超过上限 100（可用 --max-cells 调整）",
    '名单.csv (sheet "名单", row 9, column C): more cells than the limit of 100 (see --max-cells)',
  ],
  [
    { code: "too-many-cells-to-load", params: { file: "并.xlsx", sheet: "其他", limit: 5000000 } },
    "并.xlsx（工作表“其他”）：合并单元格过多，合并范围内的单元格超过上限 5000000，未处理；请取消或缩小大范围的合并单元格",
    '并.xlsx (sheet "其他"): merged ranges cover more than 5000000 cells; not processed. Unmerge or shrink the large merged ranges',
  ],
  [
    { code: "cell-too-long", params: { file: "长.xlsx", sheet: "名册", row: 9, column: "C" } },
    "长.xlsx（工作表“名册”第 9 行 C 列）：单元格超过 Excel 上限 32767 个字符",
    '长.xlsx (sheet "名册", row 9, column C): a cell holds more than Excel\'s 32,767 characters',
  ],
  [
    { code: "cell-too-long", params: { file: "长.csv", sheet: "长", row: 3 } },
    "长.csv（工作表“长”第 3 行）：单元格超过 Excel 上限 32767 个字符",
    '长.csv (sheet "长", row 3): a cell holds more than Excel\'s 32,767 characters',
  ],
  [
    { code: "beyond-sheet-limits", params: { file: "大.xlsx", sheet: "名册", column: "XFE" } },
    "大.xlsx（工作表“名册”XFE 列）：超出 Excel 工作表的范围（最多 1048576 行、16384 列）",
    '大.xlsx (sheet "名册", column XFE): beyond the size of an Excel sheet (at most 1,048,576 rows and 16,384 columns)',
  ],
  [
    { code: "beyond-sheet-limits", params: { file: "大.xlsx", sheet: "名册" } },
    "大.xlsx（工作表“名册”）：超出 Excel 工作表的范围（最多 1048576 行、16384 列）",
    '大.xlsx (sheet "名册"): beyond the size of an Excel sheet (at most 1,048,576 rows and 16,384 columns)',
  ],
  [
    { code: "libreoffice-missing", params: { file: "旧.xls" } },
    "旧.xls：读取 .xls/.et 需要 LibreOffice，本机未安装（Debian/Ubuntu：sudo apt-get install libreoffice-calc-nogui）",
    "旧.xls: reading .xls/.et needs LibreOffice, which is not installed (Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui)",
  ],
  [
    { code: "conversion-failed", params: { file: "旧.xls" } },
    "旧.xls：LibreOffice 无法转换该文件",
    "旧.xls: LibreOffice could not convert the file",
  ],
  [
    {
      code: "conversion-failed",
      params: { file: "旧.xls", reason: { kind: "libreoffice-not-started", why: "EACCES" } },
    },
    "旧.xls：LibreOffice 无法转换该文件（无法启动 LibreOffice：EACCES）",
    "旧.xls: LibreOffice could not convert the file (LibreOffice could not be started: EACCES)",
  ],
  [
    { code: "conversion-failed", params: { file: "旧.xls", reason: { kind: "timed-out" } } },
    "旧.xls：LibreOffice 无法转换该文件（超时）",
    "旧.xls: LibreOffice could not convert the file (timed out)",
  ],
  [
    { code: "conversion-failed", params: { file: "旧.xls", reason: { kind: "load-failed" } } },
    "旧.xls：LibreOffice 无法转换该文件（无法载入源文件）",
    "旧.xls: LibreOffice could not convert the file (the source file could not be loaded)",
  ],
  [
    {
      code: "conversion-failed",
      params: { file: "旧.xls", reason: { kind: "exit-code", code: 81 } },
    },
    "旧.xls：LibreOffice 无法转换该文件（退出码 81）",
    "旧.xls: LibreOffice could not convert the file (exit code 81)",
  ],
  [
    { code: "conversion-failed", params: { file: "旧.xls", reason: { kind: "no-output" } } },
    "旧.xls：LibreOffice 无法转换该文件（没有生成输出文件）",
    "旧.xls: LibreOffice could not convert the file (no output file was made)",
  ],
  [
    { code: "conversion-failed", params: { file: "旧.xls", reason: { kind: "no-temp-folder" } } },
    "旧.xls：LibreOffice 无法转换该文件（无法创建临时文件夹）",
    "旧.xls: LibreOffice could not convert the file (no temporary folder could be made)",
  ],
  [
    { code: "no-registry-sheet", params: { file: "数.xlsx" } },
    "数.xlsx：没有找到成员名册（任何工作表的前 10 行都没有“姓名”等表头）",
    '数.xlsx: no member registry found (no sheet has headers such as "姓名" in its first 10 rows)',
  ],
  [
    { code: "sheet-not-found", params: { file: "数.xlsx", sheet: "花名册" } },
    "数.xlsx：没有名为“花名册”的工作表",
    '数.xlsx: there is no sheet named "花名册"',
  ],
  [
    { code: "write-failed", params: { file: "out.xlsx" } },
    "out.xlsx：无法写入输出文件（权限不足或磁盘已满）",
    "out.xlsx: cannot write the output (no permission, or disk full)",
  ],
  [
    {
      code: "write-failed",
      params: { file: "out.xlsx", reason: { kind: "errno", code: "ENOSPC" } },
    },
    "out.xlsx：无法写入输出文件（ENOSPC）",
    "out.xlsx: cannot write the output (ENOSPC)",
  ],
  [
    { code: "write-failed", params: { file: "out.xlsx", reason: { kind: "output-too-large" } } },
    "out.xlsx：无法写入输出文件（输出超过 4 GB）",
    "out.xlsx: cannot write the output (the output would be over 4 GB)",
  ],
  [
    { code: "write-failed", params: { file: "out.xlsx", reason: { kind: "unwritable-content" } } },
    "out.xlsx：无法写入输出文件（工作簿中有无法写出的内容）",
    "out.xlsx: cannot write the output (the workbook holds content that cannot be written)",
  ],
  [
    { code: "temp-failed", params: { file: "名册.xlsx" } },
    "名册.xlsx：无法使用临时文件夹（权限不足或磁盘已满），未处理",
    "名册.xlsx: the temporary folder cannot be used (no permission, or disk full); not processed",
  ],
  [
    {
      code: "temp-failed",
      params: { file: "名册.xlsx", reason: { kind: "errno", code: "ENOSPC" } },
    },
    "名册.xlsx：无法使用临时文件夹（ENOSPC），未处理",
    "名册.xlsx: the temporary folder cannot be used (ENOSPC); not processed",
  ],
  [
    { code: "output-is-input", params: { file: "名册.xlsx" } },
    "名册.xlsx：输出文件与输入文件相同，拒绝覆盖输入",
    "名册.xlsx: the output would overwrite an input; refused",
  ],
];

describe("file errors read as they did", () => {
  it.each(AS_BEFORE)("%j", (e, zh, en) => {
    expect(fileErrorMessage(e, "zh-CN")).toBe(zh);
    expect(fileErrorMessage(e, "en")).toBe(en);
  });
});

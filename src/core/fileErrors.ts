import type { Locale } from "./types";

type Params = {
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
  detail?: string;
  limit?: string | number;
};

interface FileErrorDef {
  zh: (p: Params) => string;
  en: (p: Params) => string;
}

const where = (p: Params, en: boolean) =>
  [
    p.sheet ? (en ? `sheet "${p.sheet}"` : `工作表“${p.sheet}”`) : "",
    p.row ? (en ? `row ${p.row}` : `第 ${p.row} 行`) : "",
    // "第 9 行 C 列": a space between the row's 行 and the column's letter.
    p.column ? (en ? `column ${p.column}` : `${p.row ? " " : ""}${p.column} 列`) : "",
  ]
    .filter(Boolean)
    .join(en ? ", " : "");

const at = (p: Params, en: boolean) => {
  const w = where(p, en);
  return w ? (en ? ` (${w})` : `（${w}）`) : "";
};

/** Every error that stops a file from being read or written, in Chinese and English. */
export const FILE_ERRORS = {
  "file-not-found": {
    zh: (p) => `${p.file}：找不到文件`,
    en: (p) => `${p.file}: file not found`,
  },
  "file-unreadable": {
    zh: (p) => `${p.file}：无法读取文件（${p.detail ?? "权限不足或被占用"}）`,
    en: (p) => `${p.file}: cannot read the file (${p.detail ?? "no permission, or in use"})`,
  },
  "file-empty": {
    zh: (p) => `${p.file}：文件是空的`,
    en: (p) => `${p.file}: the file is empty`,
  },
  "not-a-spreadsheet": {
    zh: (p) => `${p.file}：不是 Excel 工作簿或 CSV 文件`,
    en: (p) => `${p.file}: not an Excel workbook or a CSV file`,
  },
  "corrupt-workbook": {
    zh: (p) => `${p.file}：工作簿已损坏或不完整，无法打开${p.detail ? `（${p.detail}）` : ""}`,
    en: (p) => `${p.file}: the workbook is damaged or truncated${p.detail ? ` (${p.detail})` : ""}`,
  },
  "password-protected": {
    zh: (p) => `${p.file}：工作簿设有打开密码，请在 Excel 中取消密码后另存再试`,
    en: (p) =>
      `${p.file}: the workbook is password-protected; remove the password in Excel, save, and try again`,
  },
  "too-large": {
    zh: (p) => `${p.file}：解压后超过 ${p.limit} 的上限（可能是“压缩炸弹”），未处理`,
    en: (p) => `${p.file}: it would unpack to more than ${p.limit} (a zip bomb?); not processed`,
  },
  "too-many-cells": {
    zh: (p) => `${p.file}${at(p, false)}：单元格数超过上限 ${p.limit}（可用 --max-cells 调整）`,
    en: (p) => `${p.file}${at(p, true)}: more cells than the limit of ${p.limit} (see --max-cells)`,
  },
  "too-many-cells-to-load": {
    zh: (p) =>
      `${p.file}${at(p, false)}：合并单元格过多，合并范围内的单元格超过上限 ${p.limit}，未处理；请取消或缩小大范围的合并单元格`,
    en: (p) =>
      `${p.file}${at(p, true)}: merged ranges cover more than ${p.limit} cells; not processed. Unmerge or shrink the large merged ranges`,
  },
  "cell-too-long": {
    zh: (p) => `${p.file}${at(p, false)}：单元格超过 Excel 上限 32767 个字符`,
    en: (p) => `${p.file}${at(p, true)}: a cell holds more than Excel's 32,767 characters`,
  },
  "beyond-sheet-limits": {
    zh: (p) => `${p.file}${at(p, false)}：超出 Excel 工作表的范围（最多 1048576 行、16384 列）`,
    en: (p) =>
      `${p.file}${at(p, true)}: beyond the size of an Excel sheet (at most 1,048,576 rows and 16,384 columns)`,
  },
  "libreoffice-missing": {
    zh: (p) =>
      `${p.file}：读取 .xls/.et 需要 LibreOffice，本机未安装（Debian/Ubuntu：sudo apt-get install libreoffice-calc-nogui）`,
    en: (p) =>
      `${p.file}: reading .xls/.et needs LibreOffice, which is not installed (Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui)`,
  },
  "conversion-failed": {
    zh: (p) => `${p.file}：LibreOffice 无法转换该文件${p.detail ? `（${p.detail}）` : ""}`,
    en: (p) =>
      `${p.file}: LibreOffice could not convert the file${p.detail ? ` (${p.detail})` : ""}`,
  },
  "no-registry-sheet": {
    zh: (p) => `${p.file}：没有找到成员名册（任何工作表的前 10 行都没有“姓名”等表头）`,
    en: (p) =>
      `${p.file}: no member registry found (no sheet has headers such as 姓名 in its first 10 rows)`,
  },
  "sheet-not-found": {
    zh: (p) => `${p.file}：没有名为“${p.sheet}”的工作表`,
    en: (p) => `${p.file}: there is no sheet named "${p.sheet}"`,
  },
  "write-failed": {
    zh: (p) => `${p.file}：无法写入输出文件（${p.detail ?? "权限不足或磁盘已满"}）`,
    en: (p) => `${p.file}: cannot write the output (${p.detail ?? "no permission, or disk full"})`,
  },
  "temp-failed": {
    zh: (p) => `${p.file}：无法使用临时文件夹（${p.detail ?? "权限不足或磁盘已满"}），未处理`,
    en: (p) =>
      `${p.file}: the temporary folder cannot be used (${p.detail ?? "no permission, or disk full"}); not processed`,
  },
  "output-is-input": {
    zh: (p) => `${p.file}：输出文件与输入文件相同，拒绝覆盖输入`,
    en: (p) => `${p.file}: the output would overwrite an input; refused`,
  },
} satisfies Record<string, FileErrorDef>;

export type FileErrorCode = keyof typeof FILE_ERRORS;

export const FILE_ERROR_CODES = Object.keys(FILE_ERRORS) as FileErrorCode[];

/** A file-level failure as data: a code and where; the message is made for the user's locale. */
export interface FileErrorInfo {
  code: FileErrorCode;
  params: Params;
}

export function fileErrorMessage(e: FileErrorInfo, locale: Locale): string {
  const def: FileErrorDef = FILE_ERRORS[e.code];
  if (locale !== "en") return def.zh(e.params);
  const p = e.params;
  return def.en({
    ...p,
    detail: p.detail === undefined ? undefined : inEnglish(p.detail),
    limit: typeof p.limit === "string" ? inEnglish(p.limit) : p.limit,
  });
}

/**
 * The details the readers give in Chinese (they say what went wrong in words a user reads), in
 * English: exact phrases, then phrases with a name or a number in them. Anything else (an errno
 * code, a number) is the same in both.
 */
const DETAILS_EN: Record<string, string> = {
  这是一个文件夹: "it is a folder",
  文件名太长: "the file name is too long",
  读取出错: "a read error",
  超时: "timed out",
  无法创建临时文件夹: "no temporary folder could be made",
  读取时出现意外错误: "an unexpected error while reading",
  工作簿中有无法写出的内容: "the workbook holds content that cannot be written",
  压缩条目的实际大小与目录不符: "an entry's size differs from the zip's directory",
  使用了不支持的压缩方式: "an unsupported compression method",
  压缩数据已损坏: "the compressed data is damaged",
  "输出超过 4 GB": "the output would be over 4 GB",
  无法载入源文件: "the source file could not be loaded",
  没有生成输出文件: "no output file was made",
  磁盘已满: "the disk is full",
  权限不足: "permission denied",
};
const DETAIL_PATTERNS_EN: [RegExp, (...m: string[]) => string][] = [
  [/^(\d+) 个文件$/, (n) => `${n} files`],
  [/^无法启动 LibreOffice：(.*)$/, (why) => `LibreOffice could not be started: ${why}`],
  [/^退出码 (.*)$/, (code) => `exit code ${code}`],
  [
    /^工作表名称“(.*)”超过 Excel 的 31 个字符上限$/,
    (n) => `sheet name "${n}" is longer than Excel's 31 characters`,
  ],
  [/^工作表名称“(.*)”不符合 Excel 的规则$/, (n) => `sheet name "${n}" breaks Excel's rules`],
  [/^工作表名称“(.*)”重复$/, (n) => `sheet name "${n}" is used twice`],
  [/^工作表“(.*)”的内容已损坏$/, (n) => `the content of sheet "${n}" is damaged`],
  [/^内部文件“(.*)”已损坏$/, (part) => `its part ${part} is damaged`],
];

export function inEnglish(detail: string): string {
  const exact = DETAILS_EN[detail];
  if (exact) return exact;
  for (const [re, f] of DETAIL_PATTERNS_EN) {
    const m = re.exec(detail);
    if (m) return f(...m.slice(1));
  }
  return detail;
}

import type { FileErrorPlace, FileErrorReason, FileErrorTexts, SizeLimit } from "../fileErrorCodes";
import { formatBytes, reasonText } from "./shared";

/** Every reason in Chinese. */
const REASONS: FileErrorTexts["reasons"] = {
  errno: (r) => r.code,
  "no-permission": () => "权限不足",
  "disk-full": () => "磁盘已满",
  "read-error": () => "读取出错",
  "is-folder": () => "这是一个文件夹",
  "name-too-long": () => "文件名太长",
  "libreoffice-not-started": (r) => `无法启动 LibreOffice：${r.why}`,
  "timed-out": () => "超时",
  "load-failed": () => "无法载入源文件",
  "exit-code": (r) => `退出码 ${r.code}`,
  "no-output": () => "没有生成输出文件",
  "no-temp-folder": () => "无法创建临时文件夹",
  "sheet-damaged": (r) => `工作表“${r.sheet}”的内容已损坏`,
  "part-damaged": (r) => `内部文件“${r.part}”已损坏`,
  "sheet-name-too-long": (r) => `工作表名称“${r.name}”超过 Excel 的 31 个字符上限`,
  "sheet-name-invalid": (r) => `工作表名称“${r.name}”不符合 Excel 的规则`,
  "sheet-name-duplicate": (r) => `工作表名称“${r.name}”重复`,
  "entry-size-mismatch": () => "压缩条目的实际大小与目录不符",
  "unsupported-compression": () => "使用了不支持的压缩方式",
  "compressed-data-damaged": () => "压缩数据已损坏",
  "output-too-large": () => "输出超过 4 GB",
  "unwritable-content": () => "工作簿中有无法写出的内容",
  "unexpected-error": () => "读取时出现意外错误",
};

/** A reason in brackets (（超时）), or the default when none was given. */
function why(r: FileErrorReason | undefined, otherwise = ""): string {
  const t = r ? reasonText(REASONS, r) : otherwise;
  return t ? `（${t}）` : "";
}

/** （工作表“名册”第 9 行 C 列）: a space between the row's 行 and the column's letter. */
function at(p: FileErrorPlace): string {
  const w = [
    p.sheet ? `工作表“${p.sheet}”` : "",
    p.row ? `第 ${p.row} 行` : "",
    p.column ? `${p.row ? " " : ""}${p.column} 列` : "",
  ].join("");
  return w ? `（${w}）` : "";
}

const size = (l: SizeLimit) => ("bytes" in l ? formatBytes(l.bytes) : `${l.files} 个文件`);

/** Every file error in Chinese. */
export const ZH_CN: FileErrorTexts = {
  reasons: REASONS,
  messages: {
    "file-not-found": (p) => `${p.file}：找不到文件`,
    "file-unreadable": (p) => `${p.file}：无法读取文件${why(p.reason, "权限不足或被占用")}`,
    "file-empty": (p) => `${p.file}：文件是空的`,
    "not-a-spreadsheet": (p) => `${p.file}：不是 Excel 工作簿或 CSV 文件`,
    "corrupt-workbook": (p) => `${p.file}：工作簿已损坏或不完整，无法打开${why(p.reason)}`,
    "password-protected": (p) => `${p.file}：工作簿设有打开密码，请在 Excel 中取消密码后另存再试`,
    "too-large": (p) => `${p.file}：解压后超过 ${size(p.limit)} 的上限（可能是“压缩炸弹”），未处理`,
    "too-many-cells": (p) =>
      `${p.file}${at(p)}：单元格数超过上限 ${p.limit}（可用 --max-cells 调整）`,
    "too-many-cells-to-load": (p) =>
      `${p.file}${at(p)}：合并单元格过多，合并范围内的单元格超过上限 ${p.limit}，未处理；请取消或缩小大范围的合并单元格`,
    "cell-too-long": (p) => `${p.file}${at(p)}：单元格超过 Excel 上限 32767 个字符`,
    "beyond-sheet-limits": (p) =>
      `${p.file}${at(p)}：超出 Excel 工作表的范围（最多 1048576 行、16384 列）`,
    "libreoffice-missing": (p) =>
      `${p.file}：读取 .xls/.et 需要 LibreOffice，本机未安装（Debian/Ubuntu：sudo apt-get install libreoffice-calc-nogui）`,
    "conversion-failed": (p) => `${p.file}：LibreOffice 无法转换该文件${why(p.reason)}`,
    "no-registry-sheet": (p) =>
      `${p.file}：没有找到成员名册（任何工作表的前 10 行都没有“姓名”等表头）`,
    "sheet-not-found": (p) => `${p.file}：没有名为“${p.sheet}”的工作表`,
    "write-failed": (p) => `${p.file}：无法写入输出文件${why(p.reason, "权限不足或磁盘已满")}`,
    "temp-failed": (p) =>
      `${p.file}：无法使用临时文件夹${why(p.reason, "权限不足或磁盘已满")}，未处理`,
    "output-is-input": (p) => `${p.file}：输出文件与输入文件相同，拒绝覆盖输入`,
  },
};

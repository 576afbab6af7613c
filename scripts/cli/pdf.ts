import path from "node:path";
import { fileErrorMessage } from "../../src/core/fileErrors";
import { writeFailure } from "./writeFailure";
import { shownText } from "../../src/core/privacy";
import type { Locale } from "../../src/core/types";
import { FileError, isOneOf, pdfPathFor, writeSheetPdf } from "../../src/hosts/exceljs";
import { cleanUpOnSignal } from "./cleanup";

/** Where 例会记录, 情况通报, 汇总 and 关怀提醒 go with --pdf: one help line, the outcome's lines. */
export const PDF_TEXT = {
  "zh-CN": {
    option:
      "另将新建的工作表打印为 PDF（按表的打印设置，A4），写在输出工作簿旁：工作簿名-工作表名.pdf（需要 LibreOffice）",
    done: (p: string) => `已生成 PDF：${p}`,
    missing: (file: string) =>
      `${file}：生成 PDF 需要 LibreOffice，本机未安装（Debian/Ubuntu：sudo apt-get install libreoffice-calc-nogui fonts-noto-cjk）`,
    notMade: "未生成 PDF；工作簿已照常写出",
    interrupted: "已中断：未写完的 PDF（临时文件）已删除",
  },
  en: {
    option:
      "print the new sheet to a PDF too (with its print setup, A4), beside the output workbook: <workbook>-<sheet>.pdf (needs LibreOffice)",
    done: (p: string) => `PDF written: ${p}`,
    missing: (file: string) =>
      `${file}: making a PDF needs LibreOffice, which is not installed (Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui fonts-noto-cjk)`,
    notMade: "no PDF made; the workbook was written all the same",
    interrupted: "interrupted: the unfinished PDF (temp files) removed",
  },
};

/**
 * --pdf: prints `sheet` of the workbook just written to a PDF beside it (pdfPathFor), never over
 * one of `inputs`, and says so. Returns the exit code the PDF adds: 0 when written; 2 (a file
 * could not be written) when not, after saying why, the workbook staying as written. Without
 * LibreOffice the error is the one .xls input gets (libreoffice-missing), in words that say what
 * it was needed for.
 */
export async function printSheetPdf(
  workbook: string,
  sheet: string,
  inputs: readonly string[],
  locale: Locale,
  showPii: boolean | undefined
): Promise<number> {
  const t = PDF_TEXT[locale];
  const say = (text: string) => shownText(text, showPii) + "\n";
  const target = pdfPathFor(path.resolve(workbook), sheet);
  // Ctrl+C while LibreOffice prints: the temp copy of the sheet (names) and the half PDF go.
  cleanUpOnSignal([path.dirname(target)], t.interrupted);
  try {
    // Inputs are never written over, whatever their names (a summary's inputs may be any file).
    if (await isOneOf(target, inputs))
      throw new FileError("output-is-input", { file: path.basename(target) });
    await writeSheetPdf(workbook, sheet, target);
  } catch (e) {
    const info = writeFailure(e, target);
    if (!info) throw e;
    const why =
      info.code === "libreoffice-missing"
        ? t.missing(path.basename(target))
        : fileErrorMessage(info, locale);
    process.stderr.write(say(why));
    process.stderr.write(say(t.notMade));
    return 2;
  }
  process.stdout.write(say(t.done(target)));
  return 0;
}

import { promises as fs } from "node:fs";
import path from "node:path";
import { FileError } from "../fileError";
import { writeAtomic } from "../node/atomicWrite";
import { makeTempDir } from "../node/tempFiles";
import { writeWorkbookFile } from "../node/writeWorkbookFile";
import { findSoffice, runSoffice } from "../read/libreoffice";
import { DEFAULT_CONVERSION_TIMEOUT_MS } from "../read/limits";
import { openInput } from "../read/openInput";

/** On Ctrl+C: LibreOffice runs in a process group of its own, which the signal does not reach. */
export { stopConversions } from "../read/libreoffice";

/**
 * Fonts the sheets name (the official-document fonts of Windows) and the Noto CJK face to print in
 * where they are missing (Linux): serif for 宋体 and 仿宋, sans for 黑体 and the UI fonts. Without
 * it fontconfig answers 宋体 with DejaVu Sans, and LibreOffice takes the Chinese glyphs from
 * whatever CJK face comes first, a sans one.
 */
const CJK_FALLBACK: ReadonlyArray<[string, string]> = [
  ...[
    "宋体",
    "新宋体",
    "SimSun",
    "NSimSun",
    "仿宋",
    "仿宋_GB2312",
    "FangSong",
    "楷体",
    "KaiTi",
  ].map((f): [string, string] => [f, "Noto Serif CJK SC"]),
  ...["黑体", "SimHei", "微软雅黑", "Microsoft YaHei", "等线", "DengXian"].map(
    (f): [string, string] => [f, "Noto Sans CJK SC"]
  ),
];

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * A fontconfig file for LibreOffice's run (read as the user's own, fontconfig/fonts.conf under
 * XDG_CONFIG_HOME, after the system's): each font of CJK_FALLBACK accepts its Noto face as the
 * next best, so an installed 宋体 is still used first. Where LibreOffice does not use fontconfig
 * (Windows, macOS) it changes nothing; there the fonts are installed anyway.
 */
function fontconfigFile(): string {
  const aliases = CJK_FALLBACK.map(
    ([font, by]) =>
      `  <alias binding="same"><family>${xmlText(font)}</family><accept><family>${by}</family></accept></alias>`
  );
  return [
    `<?xml version="1.0"?>`,
    `<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">`,
    `<fontconfig>`,
    ...aliases,
    `</fontconfig>`,
    "",
  ].join("\n");
}

/** Characters Windows does not allow in a file name (a sheet name may hold " < > |). */
const UNSAFE_IN_NAME = /[<>:"/\\|?*\p{Cc}]/gu;

/**
 * Where the PDF of a sheet goes: beside the workbook, named for both, 台账-例会记录-2026-11-20.pdf
 * for 例会记录-2026-11-20 of 台账.xlsx; just 关怀提醒-2026-12-01.pdf when the workbook is named
 * for the sheet already (关怀提醒-2026-12-01.xlsx).
 */
export function pdfPathFor(workbook: string, sheet: string): string {
  const base = path.basename(workbook, path.extname(workbook));
  const name = base === sheet ? base : `${base}-${sheet.replace(UNSAFE_IN_NAME, "_")}`;
  return path.join(path.dirname(workbook), `${name}.pdf`);
}

export interface SheetPdfOptions {
  /** The soffice program (default: {@link findSoffice}). */
  soffice?: string;
  /** How long LibreOffice may take (default 120 s). */
  timeoutMs?: number;
}

/**
 * Prints one sheet of an .xlsx workbook to a PDF at `target` through LibreOffice (headless), with
 * the sheet's own print setup (paper, orientation, fit to width, margins, print titles, footer).
 * Only that sheet is printed: a copy of the workbook holding nothing else (its other sheets left
 * out by the package writer, the kept sheet copied as stored) is written to a private temp folder
 * and converted there; the workbook itself is only read. Chinese fonts missing from the machine
 * are printed in Noto CJK (see CJK_FALLBACK); LibreOffice embeds the fonts it prints in. The PDF
 * is written through a temp file beside the target, then renamed over it.
 *
 * Throws FileError: `libreoffice-missing` (naming the PDF) without LibreOffice, before anything is
 * read; `conversion-failed` if LibreOffice fails; `sheet-not-found`; `write-failed` for the PDF.
 */
export async function writeSheetPdf(
  workbook: string,
  sheet: string,
  target: string,
  options: SheetPdfOptions = {}
): Promise<void> {
  const file = path.basename(target);
  const soffice = options.soffice ?? findSoffice();
  if (!soffice) throw new FileError("libreoffice-missing", { file });
  let tmp: string;
  try {
    tmp = await makeTempDir("pdf");
  } catch {
    throw new FileError("conversion-failed", { file, reason: { kind: "no-temp-folder" } });
  }
  try {
    const source = path.join(tmp, "sheet.xlsx");
    const opened = await openInput(workbook);
    try {
      const kept = opened.pkg.sheets.find((s) => s.name === sheet);
      if (!kept) throw new FileError("sheet-not-found", { file: path.basename(workbook), sheet });
      await writeWorkbookFile(opened.pkg, source, async (w) => {
        for (const s of opened.pkg.sheets) if (s !== kept) w.remove(s);
        await w.finish([sheet], sheet);
      });
    } finally {
      await opened.close();
    }
    const outDir = path.join(tmp, "pdf");
    await fs.mkdir(outDir);
    const config = path.join(tmp, "config");
    await fs.mkdir(path.join(config, "fontconfig"), { recursive: true });
    await fs.writeFile(path.join(config, "fontconfig", "fonts.conf"), fontconfigFile());
    const pdf = await runSoffice({
      soffice,
      source,
      to: "pdf",
      outDir,
      file,
      timeoutMs: options.timeoutMs ?? DEFAULT_CONVERSION_TIMEOUT_MS,
      env: { XDG_CONFIG_HOME: config },
    });
    try {
      await writeAtomic(target, (t) => fs.copyFile(pdf, t));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new FileError("write-failed", {
        file,
        reason: typeof code === "string" ? { kind: "errno", code } : undefined,
      });
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
}

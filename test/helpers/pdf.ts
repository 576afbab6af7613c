import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findSoffice } from "../../src/hosts/exceljs/read/libreoffice";

/** Prints one sheet of a workbook to PDF with LibreOffice (headless) and counts its pages. */
export async function printedPages(workbook: string, sheet: string): Promise<number> {
  const soffice = findSoffice();
  if (!soffice)
    throw new Error(
      "LibreOffice is needed to print: apt-get install libreoffice-calc-nogui fonts-noto-cjk"
    );
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-pdf-"));
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(workbook);
    for (const ws of [...wb.worksheets]) if (ws.name !== sheet) wb.removeWorksheet(ws.id);
    if (wb.worksheets.length !== 1) throw new Error(`no sheet ${sheet}`);
    const one = path.join(dir, "sheet.xlsx");
    await wb.xlsx.writeFile(one);
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        one,
      ],
      {
        stdio: "ignore",
        timeout: 120_000,
      }
    );
    const pdf = readFileSync(path.join(dir, "sheet.pdf"));
    return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

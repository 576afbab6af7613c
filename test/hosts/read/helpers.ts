import { execFileSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import type { FileErrorCode } from "../../../src/core/fileErrors";
import type { CellValue } from "../../../src/core/types";
import { FileError } from "../../../src/hosts/exceljs/fileError";
import { findSoffice, SOFFICE_ENV } from "../../../src/hosts/exceljs/read/libreoffice";
import { sheetGrid } from "../../../src/hosts/exceljs/read/sheetValues";
import type { WorkbookPackage } from "../../../src/hosts/exceljs/xlsx/workbookPackage";

/** A fresh folder under the system's temporary folder, for one test file's fixtures. */
export function makeTmpDir(prefix = "uf-ledger-input-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Awaits a promise that must fail with a FileError of the given code; returns the error. */
export async function expectFileError<C extends FileErrorCode>(
  promise: Promise<unknown>,
  code: C
): Promise<FileError<C>> {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  if (!(error instanceof FileError))
    throw new Error(
      `expected a FileError "${code}", got ${error === undefined ? "success" : String(error)}`
    );
  expect(error.code).toBe(code);
  return error;
}

/** Writes an .xlsx with exceljs: one sheet, the rows as given (strings stay strings). */
export async function writeXlsx(
  file: string,
  rows: unknown[][],
  sheetName = "成员"
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

/**
 * A row's values as an array from column 1 (exceljs keeps index 0 empty), rich text flattened:
 * LibreOffice writes a cell mixing Chinese and Latin characters as runs in different fonts.
 */
export function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  const values = sheet.getRow(row).values as unknown[];
  return values
    .slice(1)
    .map((v) =>
      v && typeof v === "object" && "richText" in v
        ? (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("")
        : v
    );
}

/**
 * A sheet of a package (default: its first worksheet) as our reader gives it to the core: every
 * row from row 1, merged cells filled in, each row without its trailing empty cells.
 */
export async function packageRows(
  pkg: WorkbookPackage,
  sheet = pkg.worksheets[0]
): Promise<CellValue[][]> {
  const grid = await sheetGrid(pkg, sheet);
  return grid.map((row) => {
    const values = [...row];
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    return values;
  });
}

const OLE2_SIGNATURE = Buffer.from("d0cf11e0a1b11ae1", "hex");

/** A minimal fake compound file: the OLE2 signature, padding, and directory names in UTF-16LE. */
export function fakeOle2(...streamNames: string[]): Buffer {
  return Buffer.concat([
    OLE2_SIGNATURE,
    Buffer.alloc(504),
    ...streamNames.map((n) => Buffer.concat([Buffer.from(`${n}\0`, "utf16le"), Buffer.alloc(64)])),
  ]);
}

/**
 * The soffice program, found the way the readers find it (ignoring UF_LEDGER_SOFFICE); fails with
 * what to install when there is none. The LibreOffice tests need it and are never skipped.
 */
export function requireSoffice(): string {
  const saved = process.env[SOFFICE_ENV];
  delete process.env[SOFFICE_ENV];
  try {
    const soffice = findSoffice();
    if (!soffice)
      throw new Error(
        "LibreOffice (soffice) is not installed, and these tests need it: " +
          "apt-get install -y --no-install-recommends libreoffice-calc-nogui fonts-noto-cjk"
      );
    return soffice;
  } finally {
    if (saved !== undefined) process.env[SOFFICE_ENV] = saved;
  }
}

/** Converts a file with LibreOffice directly (not through the code under test), e.g. .xlsx → .xls. */
export function sofficeConvert(input: string, format: string, outDir: string): string {
  const soffice = requireSoffice();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "uf-ledger-test-profile-"));
  try {
    execFileSync(
      soffice,
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${profile}`,
        "--convert-to",
        format,
        "--outdir",
        outDir,
        input,
      ],
      { stdio: "pipe", timeout: 120_000 }
    );
  } finally {
    removeDir(profile);
  }
  const out = path.join(outDir, `${path.basename(input, path.extname(input))}.${format}`);
  if (!fs.existsSync(out)) throw new Error(`soffice did not convert ${input} to ${format}`);
  return out;
}

/** The ids of running processes whose command line mentions `text`. */
export function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (fs.readFileSync(`/proc/${name}/cmdline`, "utf8").includes(text)) pids.push(Number(name));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

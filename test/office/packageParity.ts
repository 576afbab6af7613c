/**
 * The package host's handling of the same workbook (the command line's and the web page's), for
 * comparison with the Office host: the sheets are written to .xlsx by exceljs (which turns
 * date-formatted numbers into Dates when it reads them back), then read as a package and run
 * through the core, or edited, as that host does.
 */
import ExcelJS from "exceljs";
import type { MeetingInput } from "../../src/core/docs/meeting";
import type { BulletinInput } from "../../src/core/docs/bulletin";
import { normalizeRegistry } from "../../src/core/registry";
import type { SummarySource } from "../../src/core/summary/sources";
import type { Locale, RawRow } from "../../src/core/types";
import { type AddedSheet, addBulletin, addMeeting } from "../../src/hosts/exceljs/docs/addDocs";
import { nodeCodec } from "../../src/hosts/exceljs/node/nodeCodec";
import { registryMembers } from "../../src/hosts/exceljs/read/registryMembers";
import { sheetRows } from "../../src/hosts/exceljs/read/sheetValues";
import { packageSource } from "../../src/hosts/exceljs/summary/packageSource";
import { PackageWriter } from "../../src/hosts/exceljs/xlsx/packageWriter";
import { WorkbookPackage } from "../../src/hosts/exceljs/xlsx/workbookPackage";
import { MemorySink, bytesSource } from "../../src/hosts/exceljs/zip/byteSource";
import { ZipReader } from "../../src/hosts/exceljs/zip/zipReader";
import { ZipWriter } from "../../src/hosts/exceljs/zip/zipWriter";
import type { SheetInit } from "./fakeExcel";

const FILE = "台账.xlsx";
const LIMITS = { file: FILE, maxEntries: 1000, maxUncompressedBytes: 1e9 };

/** The sheets as an .xlsx written by exceljs. */
async function xlsxOf(sheets: SheetInit[], date1904 = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  for (const init of sheets) {
    const ws = wb.addWorksheet(init.name);
    init.values?.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined || v === "") return;
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = v as ExcelJS.CellValue;
        const f = init.formats?.[i]?.[j];
        if (f && f !== "General") cell.numFmt = f;
      })
    );
    for (const m of init.merges ?? []) ws.mergeCells(m);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function packageOf(bytes: Uint8Array): Promise<WorkbookPackage> {
  return WorkbookPackage.open(await ZipReader.open(bytesSource(bytes), nodeCodec, LIMITS), FILE);
}

/** The workbook of these sheets as the package host opens it. */
export async function sheetsPackage(
  sheets: SheetInit[],
  date1904 = false
): Promise<WorkbookPackage> {
  return packageOf(await xlsxOf(sheets, date1904));
}

/** The core's result for a registry sheet as the package host reads it. */
export async function packageResult(
  init: SheetInit,
  options: { asOf: Date; locale?: Locale; date1904?: boolean }
) {
  const pkg = await sheetsPackage([init], options.date1904);
  const rows: RawRow[] = [];
  for await (const r of await sheetRows(pkg, pkg.worksheets[0] as never)) rows.push(r);
  return normalizeRegistry(rows, {
    dateSystem: pkg.dateSystem,
    asOf: options.asOf,
    locale: options.locale ?? "zh-CN",
  });
}

/** The members the package host finds in the registry of these sheets. */
export async function packageMembers(sheets: SheetInit[]) {
  return registryMembers(await sheetsPackage(sheets));
}

/** What the package host reads of these sheets for the quarterly summary. */
export async function packageSummarySource(sheets: SheetInit[]): Promise<SummarySource> {
  return packageSource(await sheetsPackage(sheets));
}

/**
 * A meeting or bulletin added by the package host to the workbook of these sheets: what it says it
 * added, and the output read back with exceljs.
 */
export async function packageAddDoc(
  sheets: SheetInit[],
  doc: { meeting: MeetingInput } | { bulletin: BulletinInput }
): Promise<{ added: AddedSheet; wb: ExcelJS.Workbook }> {
  const pkg = await sheetsPackage(sheets);
  const sink = new MemorySink();
  const out = await PackageWriter.create(pkg, new ZipWriter(sink, nodeCodec, FILE));
  const added =
    "meeting" in doc
      ? await addMeeting(pkg, out, doc.meeting)
      : await addBulletin(pkg, out, doc.bulletin);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(sink.bytes()) as never);
  return { added, wb };
}

import type { OutputColumn } from "../../../core/normalizer";
import { REGISTRY_SHEET } from "../../../core/plan";
import type { RegistryCounts } from "../../../core/registry";
import { CHANGE_LOG_SHEET, REPORT_SHEET } from "../../../core/report";
import {
  CHANGE_LOG_WIDTHS,
  PROBLEM_REPORT_WIDTHS,
  changeLogHeader,
  changeRow,
  droppedRowCells,
  problemReportHead,
  problemRow,
} from "../../../core/reportRows";
import type { Locale } from "../../../core/types";
import type { Problem } from "../../../core/problem";
import type { Platform } from "../platform";
import { DEFAULT_MAX_CELLS } from "../read/limits";
import { registrySheet } from "../write/registrySheet";
import { reportSheet } from "../write/reportSheet";
import { filledRows } from "../xlsx/filledRows";
import type { PackageWriter } from "../xlsx/packageWriter";
import type { WorkbookPackage } from "../xlsx/workbookPackage";
import { concat, inBatches, mapBatches, mergeSorted } from "../asyncItems";
import { RegistryRun } from "./registryRun";
import { checkMerges, pickRegistrySheet, scanSheets } from "./registrySheetPick";

export interface ConvertWorkbookOptions {
  /** The file's name, for messages. */
  file: string;
  /** The registry sheet's name; else the best-scoring sheet. */
  sheet?: string;
  locale: Locale;
  asOf?: Date;
  maxCells?: number;
}

/** What a conversion found: the same whatever the file's size. */
export interface ConvertedRegistry {
  /** The sheet the registry was read from. */
  sheet: string;
  counts: RegistryCounts;
  /** The first 10,000 problems in the order of 校验报告 (the counts are exact). */
  problems: Problem[];
  columns: OutputColumn[];
  /** The source row of each row of 成员名册. */
  sourceRows: number[];
}

/** Sheets of the input that the output replaces rather than carries over. */
const REPLACED = [REGISTRY_SHEET, REPORT_SHEET, CHANGE_LOG_SHEET];

/**
 * Converts a workbook's registry to the standard layout: the one pipeline for every file size and
 * every host (the command line, the web page). The registry sheet is picked, read once as it is
 * inflated (the engine's rows held aside in spools), and, when there is an output, written as
 * 成员名册 in its place, with 校验报告 and 变更记录, every other part of the workbook copied as it is.
 */
export async function convertWorkbook(
  pkg: WorkbookPackage,
  options: ConvertWorkbookOptions,
  platform: Platform,
  out: PackageWriter | null
): Promise<ConvertedRegistry> {
  const { file, locale } = options;
  const scans = await scanSheets(pkg);
  // Before any sheet is judged by its first rows: their merged cells are filled in to read them.
  for (const s of scans) checkMerges(s, file);
  const scan = pickRegistrySheet(scans, file, options.sheet);
  const run = new RegistryRun(
    {
      file,
      sheet: scan.sheet.name,
      locale,
      dateSystem: pkg.dateSystem,
      asOf: options.asOf,
      maxCells: options.maxCells ?? DEFAULT_MAX_CELLS,
    },
    platform
  );
  const { rows } = await pkg.readRows(scan.sheet);
  await run.read(filledRows(rows, scan.merges));

  if (out) {
    // The registry sheet by itself (another may have its name: a workbook LibreOffice wrote).
    for (const s of pkg.sheets) if (s === scan.sheet || REPLACED.includes(s.name)) out.remove(s);
    const replaced = new Set([scan.sheet.name, ...REPLACED]);
    // The tab shown on opening stays the one that was, unless it is replaced: then 成员名册.
    const shown = pkg.shownSheet;
    const active = shown && !replaced.has(shown) ? shown : REGISTRY_SHEET;
    await out.addSheet(registrySheet(run, out.styles, pkg.dateSystem, active === REGISTRY_SHEET));
    const head = problemReportHead(run.counts, run.tally, locale);
    await out.addSheet(
      reportSheet(
        {
          name: REPORT_SHEET,
          head: head.rows,
          headerRows: head.headerRows,
          widths: PROBLEM_REPORT_WIDTHS,
          body: mapBatches(
            mergeSorted(run.problems.read(), run.endProblems.read(), byRowThenColumn),
            (p) => [problemRow(p, locale)]
          ),
        },
        out.styles,
        pkg.dateSystem
      )
    );
    await out.addSheet(
      reportSheet(
        {
          name: CHANGE_LOG_SHEET,
          head: [changeLogHeader(locale)],
          headerRows: [0],
          widths: CHANGE_LOG_WIDTHS,
          body: concat(
            mapBatches(
              mergeSorted(run.changes.read(), inBatches(run.headerChanges), byRowThenColumn, true),
              (c) => [changeRow(c)]
            ),
            mapBatches(inBatches(run.dropped), (d) => droppedRowCells(d, locale))
          ),
        },
        out.styles,
        pkg.dateSystem
      )
    );
    await out.finish(
      outputTabOrder(
        pkg.sheets.map((s) => s.name),
        pkg.sheets.indexOf(scan.sheet)
      ),
      active
    );
  }
  return {
    sheet: scan.sheet.name,
    counts: run.counts,
    problems: run.firstOfReport(),
    columns: [...run.columns],
    sourceRows: run.sourceRows,
  };
}

const byRowThenColumn = <T extends { row: number; sourceColumn: number }>(a: T, b: T) =>
  a.row - b.row || a.sourceColumn - b.sourceColumn;

/**
 * The tab order of the output: the input's, 成员名册 in the place of the registry (the sheet at
 * `registry`), the reports in place of old ones or at the end.
 */
export function outputTabOrder(inputSheets: readonly string[], registry: number): string[] {
  const names: string[] = [];
  inputSheets.forEach((name, i) => {
    if (i === registry) names.push(REGISTRY_SHEET);
    else if (name !== REGISTRY_SHEET) names.push(name);
  });
  for (const n of [REPORT_SHEET, CHANGE_LOG_SHEET]) if (!names.includes(n)) names.push(n);
  return names;
}

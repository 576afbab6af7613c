/**
 * The forms' and care lists' work on a workbook package: read it as the summary reads it (its
 * registry, its logs), and write what the core planned: rows appended to a log, cells changed in
 * place, the 关怀提醒 sheet added. Every other sheet is copied as it is stored.
 */
import { type RecordsSource, recordsSource } from "../../../core/care/source";
import type { SheetDoc } from "../../../core/docs/sheetDoc";
import type { AppendPlan, LogSheet } from "../../../core/records/append";
import type { UpdatePlan } from "../../../core/records/openSuggestions";
import { packageSource } from "../summary/packageSource";
import { docSheet } from "../write/docSheet";
import type { PackageWriter } from "../xlsx/packageWriter";
import type { WorkbookPackage } from "../xlsx/workbookPackage";
import { applyAppendPlan, applyUpdatePlan } from "./logPlans";

/** The workbook's members and logs, its registry judged as of the day given. */
export async function readRecords(pkg: WorkbookPackage, asOf: Date): Promise<RecordsSource> {
  return recordsSource(await packageSource(pkg, { asOf }));
}

/** The sheets in their order, a new one at the end. */
const order = (pkg: WorkbookPackage, added: string | null) => [
  ...pkg.sheets.map((s) => s.name),
  ...(added ? [added] : []),
];

/** Writes an append plan and completes the output (a log made goes after the other sheets). */
export async function writeAppend(
  pkg: WorkbookPackage,
  out: PackageWriter,
  plan: AppendPlan,
  log: LogSheet | null
): Promise<void> {
  const made = await applyAppendPlan(pkg, out, plan, log);
  if (made) await out.addSheet(made);
  await out.finish(order(pkg, made?.name ?? null), pkg.shownSheet ?? plan.sheet);
}

/** Writes an update plan (cells changed in place) and completes the output. */
export async function writeUpdates(
  pkg: WorkbookPackage,
  out: PackageWriter,
  plan: UpdatePlan,
  log: LogSheet
): Promise<void> {
  await applyUpdatePlan(pkg, out, plan, log);
  await out.finish(order(pkg, null), pkg.shownSheet ?? plan.sheet);
}

/**
 * Adds a sheet (the 关怀提醒 sheet) after the others, or in place of one of its name, shown on
 * opening, and completes the output.
 */
export async function writeDocSheet(
  pkg: WorkbookPackage,
  out: PackageWriter,
  doc: SheetDoc
): Promise<void> {
  const old = pkg.sheets.find((s) => s.name === doc.name);
  if (old) out.remove(old);
  await out.addSheet(docSheet(doc, out.styles, pkg.dateSystem));
  await out.finish(order(pkg, old ? null : doc.name), doc.name);
}

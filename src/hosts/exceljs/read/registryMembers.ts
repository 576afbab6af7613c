import { localToday } from "../../localClock";
import { RegistryNormalizer } from "../../../core/normalizer";
import { REGISTRY_SHEET } from "../../../core/plan";
import { isFileError } from "../fileError";
import { pickRegistrySheet, scanSheets } from "../convert/registrySheetPick";
import type { WorkbookPackage } from "../xlsx/workbookPackage";
import { sheetRows, worksheetNamed } from "./sheetValues";

export interface MemberName {
  name: string;
  branch: string | null;
}

/**
 * The registry's members by name and branch (no ID, no phone), in registry order: from 成员名册,
 * else from the sheet that looks most like a registry; none where there is no registry. The rows
 * go through the engine as they are read (names cleaned, merged branches filled), and only names
 * and branches are kept.
 */
export async function registryMembers(pkg: WorkbookPackage): Promise<MemberName[]> {
  let sheet = worksheetNamed(pkg, REGISTRY_SHEET);
  if (!sheet) {
    try {
      sheet = pickRegistrySheet(await scanSheets(pkg), pkg.file).sheet;
    } catch (e) {
      if (isFileError(e) && e.code === "no-registry-sheet") return [];
      throw e;
    }
  }
  const engine = new RegistryNormalizer({ dateSystem: pkg.dateSystem, asOf: localToday() });
  const members: MemberName[] = [];
  let nameAt = -1;
  let branchAt = -1;
  const take = (values: readonly unknown[]) => {
    if (nameAt < 0) {
      const columns = engine.outputColumns ?? [];
      nameAt = columns.findIndex((c) => c.field === "name");
      branchAt = columns.findIndex((c) => c.field === "branch");
    }
    const name = values[nameAt];
    if (typeof name !== "string" || name === "") return;
    const branch = branchAt < 0 ? null : values[branchAt];
    members.push({ name, branch: branch === null || branch === undefined ? null : String(branch) });
  };
  for await (const raw of await sheetRows(pkg, sheet))
    for (const row of engine.push(raw)) take(row.values);
  for (const row of engine.end().rows) take(row.values);
  return members;
}

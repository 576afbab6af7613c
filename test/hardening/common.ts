import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { CliRun } from "../cli/run";

export const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "uf-ledger.js");

/** Runs the built command line (bin/uf-ledger.js) as a user would, with extra environment variables. */
export function cli(args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 180_000,
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The formula of a cell as exceljs read it (own or shared), or null. */
export function formulaOf(cell: ExcelJS.Cell): string | null {
  const v = cell.value;
  if (v && typeof v === "object" && !(v instanceof Date)) {
    if ("formula" in v && typeof v.formula === "string") return v.formula;
    if ("sharedFormula" in v && typeof v.sharedFormula === "string") return v.sharedFormula;
  }
  return cell.type === ExcelJS.ValueType.Formula ? (cell.formula ?? "") : null;
}

/** Every cell that holds something, sheet by sheet, with its address. */
export function* everyCell(
  wb: ExcelJS.Workbook
): Generator<{ sheet: string; address: string; cell: ExcelJS.Cell }> {
  for (const ws of wb.worksheets) {
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => cells.push(cell))
    );
    for (const cell of cells) yield { sheet: ws.name, address: cell.address, cell };
  }
}

/** A cell's text as a reader sees it: formulas by their result, dates as ISO text. */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return String(v.result ?? "");
    if ("text" in v) return String(v.text);
    return JSON.stringify(v);
  }
  return String(v);
}

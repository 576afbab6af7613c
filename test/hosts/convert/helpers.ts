/** Shared by the tests of the one conversion pipeline (convertFile, convertWorkbook, readSource). */
import ExcelJS from "exceljs";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CellValue } from "../../../src/core/types";
import { ROOT } from "../../cli/run";

export const AS_OF = new Date(Date.UTC(2026, 10, 23));

/** A fresh folder for one test file (not named like the tool's own temp folders). */
export const makeDir = (name: string) => mkdtempSync(path.join(os.tmpdir(), `uf-convert-${name}-`));

export async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** exceljs's sheet with its data validations, which its types leave out. */
export type ValidatedSheet = ExcelJS.Worksheet & {
  dataValidations: { model: Record<string, ExcelJS.DataValidation> };
};

export const validationsOf = (ws: ExcelJS.Worksheet) =>
  (ws as ValidatedSheet).dataValidations.model;

/** A cell as it reads back: "" and an empty cell are the same. */
export function plain(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === undefined || v === null || v === "") return null;
  return v as CellValue;
}

export interface CellLook {
  value: unknown;
  numFmt: string | undefined;
  fill: unknown;
  note: unknown;
}

/** One cell: value (empty as null), number format (of a cell with a value), solid fill and note. */
export function cellLook(ws: ExcelJS.Worksheet, r: number, c: number): CellLook {
  const cell = ws.getCell(r, c);
  const v = plain(cell.value);
  return {
    value: v,
    numFmt: v === null ? undefined : cell.numFmt,
    fill: cell.fill?.type === "pattern" && cell.fill.pattern === "solid" ? cell.fill : null,
    note: cell.note ?? null,
  };
}

/** Every cell of rows 1..rows (default: all) of a sheet, as cellLook gives it. */
export function cells(ws: ExcelJS.Worksheet, rows = ws.rowCount): CellLook[][] {
  const out: CellLook[][] = [];
  const columns = ws.columnCount;
  for (let r = 1; r <= rows; r++) {
    const row: CellLook[] = [];
    for (let c = 1; c <= columns; c++) row.push(cellLook(ws, r, c));
    out.push(row);
  }
  return out;
}

/** The values of a sheet, row by row, trailing empty cells left out. */
export function sheetValues(ws: ExcelJS.Worksheet): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: CellValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(plain(row.getCell(c).value));
    out.push(trimEnd(values));
  }
  return out;
}

export function trimEnd(values: readonly unknown[]): CellValue[] {
  const v = values.map((x) => (x === "" || x === undefined ? null : x)) as CellValue[];
  while (v.length > 0 && v[v.length - 1] === null) v.pop();
  return v;
}

/** Temp files (.x.pid.hex.tmp) left beside outputs in a folder. */
export const tempFilesIn = (dir: string) => readdirSync(dir).filter((n) => n.endsWith(".tmp"));

/** This process's spool folders in the system temp folder (a run removes its own when done). */
export const ownSpoolFolders = () =>
  readdirSync(os.tmpdir()).filter((n) => n.startsWith(`uf-ledger-spool-${process.pid}-`));

export { writeRows } from "../../../scripts/samples/writeSamples";

/** The Node API as the command line runs it (compiled by jest's global setup). */
export const BUILT_API = path.join(ROOT, "build", "src", "hosts", "exceljs", "index.js");

export interface ChildOptions {
  /** The child's system temp folder (to see what it leaves there). */
  tmp: string;
  /**
   * As root: run without the powers that pass over file permissions (CAP_DAC_OVERRIDE and
   * CAP_DAC_READ_SEARCH, dropped with util-linux's setpriv), so that a folder or file the owner
   * may not write or read refuses it. (Running as another user instead would need the clone's own
   * folder to be open to that user, which a folder made by mktemp is not.)
   */
  withoutRootPowers?: boolean;
  /** Largest file the child may write, in the shell's ulimit -f blocks. */
  fileSizeLimit?: number;
}

/** The command and options that run `script` in a child (see runApi). */
function apiCommand(script: string, args: string[], options: ChildOptions) {
  const code = `const api = require(${JSON.stringify(BUILT_API)}); const args = process.argv.slice(1);
(async () => { ${script} })().then((r) => process.stdout.write(JSON.stringify(r ?? null)));`;
  const limit = options.fileSizeLimit === undefined ? "" : `ulimit -f ${options.fileSizeLimit} && `;
  const shell = ["/bin/sh", "-c", `${limit}exec "$0" "$@"`, process.execPath, "-e", code, ...args];
  const command = options.withoutRootPowers
    ? ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", ...shell]
    : shell;
  return {
    command: command[0],
    args: command.slice(1),
    options: { env: { ...process.env, TMPDIR: options.tmp } },
  };
}

/**
 * Runs `script` (the body of an async function of `api`, the built Node API, and `args`, its
 * arguments) in a Node child process, and returns what it returned, through JSON.
 */
export function runApi(script: string, args: string[], options: ChildOptions): unknown {
  const c = apiCommand(script, args, options);
  const run = spawnSync(c.command, c.args, { ...c.options, encoding: "utf8", timeout: 120_000 });
  if (run.status !== 0) throw new Error(`child failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Starts `script` as runApi does, without waiting for it. */
export function startApi(script: string, args: string[], options: ChildOptions): ChildProcess {
  const c = apiCommand(script, args, options);
  return spawn(c.command, c.args, { ...c.options, stdio: ["ignore", "pipe", "pipe"] });
}

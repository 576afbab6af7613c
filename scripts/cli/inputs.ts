import { promises as fs } from "node:fs";
import path from "node:path";

export const SPREADSHEET_EXTENSIONS = [".xlsx", ".xlsm", ".xls", ".et", ".csv"];

const isSpreadsheet = (name: string) =>
  SPREADSHEET_EXTENSIONS.includes(path.extname(name).toLowerCase()) &&
  !name.startsWith("~$") &&
  !name.startsWith(".");

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith(".")) await walk(p, out);
    else if (e.isFile() && isSpreadsheet(e.name)) out.push(p);
  }
}

/**
 * The files to work on: files as given (whatever their extension; their bytes decide), and the
 * spreadsheets inside folders, in name order. A path that does not exist is kept, to be reported.
 */
export async function collectInputs(
  args: readonly string[],
  skip: readonly string[] = []
): Promise<string[]> {
  const out: string[] = [];
  const skipped = new Set(skip.map((s) => path.resolve(s)));
  for (const a of args) {
    try {
      const st = await fs.stat(a);
      if (st.isDirectory()) {
        const found: string[] = [];
        await walk(a, found);
        out.push(...found.filter((f) => !skipped.has(path.resolve(path.dirname(f)))));
      } else out.push(a);
    } catch {
      out.push(a);
    }
  }
  return [...new Set(out)];
}

/**
 * DIR/<input name>.xlsx for each input (legacy_2003.xls → DIR/legacy_2003.xlsx); where two inputs
 * would share a name, the second keeps its extension (a.csv → a.csv.xlsx), then a number.
 */
export function outputPaths(inputs: readonly string[], outDir: string): string[] {
  const used = new Set<string>();
  return inputs.map((input) => {
    const ext = path.extname(input);
    const base = path.basename(input, ext);
    const candidates = [`${base}.xlsx`, `${base}${ext}.xlsx`];
    let name = candidates.find((c) => !used.has(c.toLowerCase()));
    for (let n = 2; !name; n++)
      if (!used.has(`${base}-${n}.xlsx`.toLowerCase())) name = `${base}-${n}.xlsx`;
    used.add(name.toLowerCase());
    return path.join(outDir, name);
  });
}

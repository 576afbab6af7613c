import { createHash } from "node:crypto";
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import { maskDeep } from "../../src/core/privacy";
import { type FileOutcome, writeAtomic } from "../../src/hosts/exceljs";

/**
 * What `convert` has finished, one small file per output in a hidden folder of the output folder
 * (.uf-ledger/<output name>.json): the input's SHA-256, the options that shape the output, the
 * output's size and time as written, and the file's outcome (ID numbers and phones masked). With
 * --resume, an output is skipped when all of these still hold: the input has not changed, the
 * output is the very file that run wrote (outputs are renamed into place whole, so it is complete).
 */
export const JOURNAL_DIR = ".uf-ledger";
const VERSION = 1;

/** What, besides the input, decides an output's content. */
export interface OutputShape {
  sheet: string | null;
  locale: string;
  tool: string;
}

interface JournalEntry {
  version: number;
  inputSha256: string;
  shape: OutputShape;
  output: { size: number; mtimeMs: number };
  outcome: FileOutcome;
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (d) => hash.update(d))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

const entryPath = (output: string) =>
  path.join(path.dirname(output), JOURNAL_DIR, `${path.basename(output)}.json`);

const sameShape = (a: OutputShape, b: OutputShape) =>
  a.sheet === b.sheet && a.locale === b.locale && a.tool === b.tool;

/** The outcome of an earlier run that made this output from this very input, if it still stands. */
export async function finishedOutcome(
  output: string,
  inputSha256: string,
  shape: OutputShape
): Promise<FileOutcome | null> {
  try {
    const entry = JSON.parse(await fs.readFile(entryPath(output), "utf8")) as JournalEntry;
    if (entry.version !== VERSION || entry.inputSha256 !== inputSha256) return null;
    if (!sameShape(entry.shape, shape)) return null;
    const st = await fs.stat(output);
    if (st.size !== entry.output.size || st.mtimeMs !== entry.output.mtimeMs) return null;
    return entry.outcome;
  } catch {
    return null;
  }
}

/**
 * Records a finished output (written atomically: a killed run leaves the old entry or the new one),
 * from its temp file `written` before that is renamed to `output` (a rename keeps the size and
 * time the entry holds; a run killed before the rename leaves an entry no output matches).
 */
export async function recordFinished(
  output: string,
  inputSha256: string,
  shape: OutputShape,
  outcome: FileOutcome,
  written = output
): Promise<void> {
  const st = await fs.stat(written);
  const entry: JournalEntry = {
    version: VERSION,
    inputSha256,
    shape,
    output: { size: st.size, mtimeMs: st.mtimeMs },
    outcome: maskDeep(outcome),
  };
  const target = entryPath(output);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await writeAtomic(target, (tmp) => fs.writeFile(tmp, JSON.stringify(entry) + "\n", "utf8"));
}

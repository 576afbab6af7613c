/**
 * The baselines, each run in a process of its own by the benchmark (node build/bench/baseline.js MODE ...):
 *
 *   stream-copy IN OUT   exceljs's streaming reader and streaming writer, bare: every row of every
 *                        sheet read and written back, nothing else (case 1's baseline).
 *   full-read FILE...    exceljs's full load of each file in turn (case 4's baseline).
 *   engine FILE          the streaming read of the registry, timed, then the engine alone over the
 *                        same rows, timed (case 5): prints {readSeconds, engineSeconds, members}.
 *   copy-threads N OUT FILE...
 *                        exceljs's full read and write of each file, the files shared among N
 *                        worker threads (case 3's reference: how the bare library scales here).
 *   alloc-threads N M    M objects' worth of plain JavaScript that makes short-lived objects (as
 *                        any reader of cells does), shared among N worker threads: how far
 *                        such work can scale on this machine at all, with no library and no I/O.
 */
import ExcelJS from "exceljs";
import path from "node:path";
import { Worker, isMainThread, workerData } from "node:worker_threads";
import { RegistryNormalizer } from "../src/core/normalizer";
import type { CellValue, RawRow } from "../src/core/types";

const READ_OPTIONS: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions> = {
  worksheets: "emit",
  sharedStrings: "cache",
  styles: "cache",
  hyperlinks: "ignore",
  entries: "ignore",
};

async function streamCopy(input: string, output: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, READ_OPTIONS);
  let n = 0;
  for await (const sheet of reader) {
    const ws = writer.addWorksheet(`Sheet${++n}`);
    for await (const row of sheet) ws.addRow(row.values as ExcelJS.CellValue[]).commit();
    ws.commit();
  }
  await writer.commit();
}

async function fullRead(files: readonly string[]): Promise<void> {
  for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
}

/** Reads every row of the first sheet with a row; returns how long it took and, if asked, the rows. */
async function streamRead(
  file: string,
  keep: boolean
): Promise<{ seconds: number; rows: RawRow[] }> {
  const rows: RawRow[] = [];
  const t = process.hrtime.bigint();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, READ_OPTIONS);
  let cells = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (keep) rows.push({ rowNumber: row.number, ...rawRowOf(row) });
      else cells += row.cellCount;
    }
  }
  if (cells < 0) throw new Error("unreachable");
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, rows };
}

/** One row from exceljs's streaming reader as the engine takes it: values and number formats. */
function rawRowOf(row: ExcelJS.Row): { values: CellValue[]; numFmts: (string | null)[] } {
  const values: CellValue[] = [];
  const numFmts: (string | null)[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    while (values.length < col - 1) {
      values.push(null);
      numFmts.push(null);
    }
    const v = cell.value;
    values[col - 1] =
      v === null || v === undefined
        ? null
        : typeof v === "object" && !(v instanceof Date)
          ? "richText" in v
            ? v.richText.map((r) => r.text).join("")
            : "result" in v
              ? ((v.result ?? null) as CellValue)
              : String(cell.text)
          : (v as CellValue);
    numFmts[col - 1] = cell.numFmt ?? null;
  });
  return { values, numFmts };
}

async function engine(file: string): Promise<void> {
  // The read is timed on its own (the baseline); the rows are then collected untimed for the engine.
  const read = await streamRead(file, false);
  const { rows } = await streamRead(file, true);
  // Only the registry sheet: the rows of the sheet named 名册.
  const t = process.hrtime.bigint();
  const engine = new RegistryNormalizer({ locale: "zh-CN", asOf: new Date(Date.UTC(2026, 0, 1)) });
  let members = 0;
  for (const r of rows) members += engine.push(r).length;
  const end = engine.end();
  members += end.rows.length;
  const engineSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  process.stdout.write(
    JSON.stringify({
      readSeconds: read.seconds,
      engineSeconds,
      members,
      problems: end.problems.length,
    }) + "\n"
  );
}

/** Reads and writes back each file (exceljs, full load), into out. */
async function copyAll(files: readonly string[], out: string): Promise<void> {
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    await wb.xlsx.writeFile(path.join(out, path.basename(f)));
  }
}

async function copyThreads(threads: number, out: string, files: readonly string[]): Promise<void> {
  const share = (k: number) => files.filter((_, i) => i % threads === k);
  return inThreads(threads, (k) => ({ out, files: share(k) }));
}

/** Makes n small objects, keeping up to 100,000 alive at a time (so the collector has work). */
function allocate(n: number): number {
  let keep: { a: number; b: string; c: number[] }[] = [];
  for (let i = 0; i < n; i++) {
    keep.push({ a: i, b: `x${i}`, c: [i, i + 1] });
    if (keep.length > 100_000) keep = [];
  }
  return keep.length;
}

/** Runs `data` in each of `threads` workers of this file and waits for them all. */
function inThreads(threads: number, data: (k: number) => unknown): Promise<void> {
  return Promise.all(
    Array.from(
      { length: threads },
      (_, k) =>
        new Promise<void>((resolve, reject) =>
          new Worker(__filename, { workerData: data(k) })
            .on("error", reject)
            .on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))))
        )
    )
  ).then(() => undefined);
}

async function main(): Promise<void> {
  if (!isMainThread) {
    const task = workerData as { out: string; files: string[] } | { allocate: number };
    if ("allocate" in task) return void allocate(task.allocate);
    return copyAll(task.files, task.out);
  }
  const [mode, ...args] = process.argv.slice(2);
  if (mode === "copy-threads") return copyThreads(Number(args[0]), args[1], args.slice(2));
  if (mode === "alloc-threads") {
    const [threads, total] = args.map(Number);
    return inThreads(threads, () => ({ allocate: Math.floor(total / threads) }));
  }
  if (mode === "stream-copy") return streamCopy(args[0], args[1]);
  if (mode === "full-read") return fullRead(args);
  if (mode === "engine") return engine(args[0]);
  throw new Error(`baseline: unknown mode ${mode}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

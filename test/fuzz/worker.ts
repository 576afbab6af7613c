/*
 * The fuzzer's worker thread: runs the real readers on one file at a time, so that the main thread
 * can stop a case that hangs (even in a synchronous loop) or runs out of memory, and start afresh.
 * Loaded through ts-node by FuzzRunner (driver.ts).
 */
import ExcelJS from "exceljs";
import { parentPort } from "node:worker_threads";
import { convertFile, type FileOutcome, readSource } from "../../src/hosts/exceljs";
import { failedOutcome } from "../../src/hosts/exceljs/convert/outcome";
import type { Locale } from "../../src/core/types";

export interface WorkerTask {
  id: number;
  input: string;
  output: string | null;
  locale: Locale;
  /** Read as a summary source (digested) instead of converted. */
  summary: boolean;
}

export type WorkerReply =
  | {
      id: number;
      kind: "done";
      outcome: FileOutcome;
      /** The sheets of the output workbook, read back; null when there is none. */
      outputSheets: string[] | null;
      /** Why the output could not be read back. */
      outputError: string | null;
      /** Anything the readers printed (console, stdout, stderr) while the case ran. */
      printed: string;
      ms: number;
    }
  | { id: number; kind: "threw"; error: string; printed: string };

const AS_OF = new Date(Date.UTC(2026, 10, 23));

let printed = "";
const capture =
  (label: string) =>
  (...args: unknown[]): void => {
    printed += `[${label}] ${args.map((a) => (a instanceof Error ? a.stack : String(a))).join(" ")}\n`;
  };
console.log = capture("console.log");
console.info = capture("console.info");
console.warn = capture("console.warn");
console.error = capture("console.error");
console.debug = capture("console.debug");
for (const stream of [process.stdout, process.stderr]) {
  stream.write = ((chunk: unknown) => {
    printed += String(chunk);
    return true;
  }) as typeof stream.write;
}
// A rejection nobody handles is a bug of the readers too (the CLI would die of it).
process.on("unhandledRejection", (reason) => {
  printed += `[unhandledRejection] ${reason instanceof Error ? reason.stack : String(reason)}\n`;
});

async function readBack(output: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  return wb.worksheets.map((ws) => ws.name);
}

/** A summary read as an outcome: its failure, or "ok" (it reports no problems, only what it read). */
async function summaryOutcome(task: WorkerTask): Promise<FileOutcome> {
  const read = await readSource(task.input, { digest: true });
  if ("failure" in read) return failedOutcome(task.input, read.failure);
  const members = "members" in read.source ? read.source.members.length : 0;
  return {
    input: task.input,
    output: null,
    sheet: null,
    status: "ok",
    counts: { members, errors: 0, warnings: 0, changes: 0, dropped: 0 },
    problems: [],
    error: null,
  };
}

async function run(task: WorkerTask): Promise<WorkerReply> {
  printed = "";
  const started = Date.now();
  try {
    const outcome = task.summary
      ? await summaryOutcome(task)
      : await convertFile(task.input, {
          output: task.output,
          locale: task.locale,
          asOf: AS_OF,
        });
    const ms = Date.now() - started;
    let outputSheets: string[] | null = null;
    let outputError: string | null = null;
    if (outcome.status !== "failed" && task.output) {
      try {
        outputSheets = await readBack(task.output);
      } catch (e) {
        outputError = e instanceof Error ? (e.stack ?? e.message) : String(e);
      }
    }
    return { id: task.id, kind: "done", outcome, outputSheets, outputError, printed, ms };
  } catch (e) {
    return {
      id: task.id,
      kind: "threw",
      error: e instanceof Error ? (e.stack ?? e.message) : String(e),
      printed,
    };
  }
}

parentPort!.on("message", (task: WorkerTask) => {
  void run(task).then((reply) => parentPort!.postMessage(reply));
});

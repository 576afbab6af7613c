import fc from "fast-check";
import { createHash } from "node:crypto";
import { promises as fs, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { FILE_ERROR_CODES, type FileErrorCode, fileErrorMessage } from "../../src/core/fileErrors";
import { renderProblem } from "../../src/core/messages";
import type { Locale } from "../../src/core/types";
import { type FileOutcome, UNEXPECTED_ERROR } from "../../src/hosts/exceljs";
import { applyMutations, csvMutation, type Mutation, xlsxMutation } from "./mutations";
import type { SeedFile } from "./seeds";
import type { WorkerReply, WorkerTask } from "./worker";

/** One fuzz case: a seed file, what is done to it, and how the readers are run on it. */
export interface FuzzCase {
  /** Index into the seed files. */
  seed: number;
  /** The extension the file is saved under (the readers go by the bytes, not the name). */
  extension: string;
  /**
   * convert: write the standard workbook; check: only validate; summary: read it as a summary
   * source.
   */
  mode: "convert" | "check" | "summary";
  locale: Locale;
  mutations: Mutation[];
}

export type FuzzKind = "xlsx" | "csv";

const EXTENSIONS: Record<FuzzKind, string[]> = {
  xlsx: [".xlsx", ".xlsx", ".xlsx", ".xlsm", ".xls", ".csv"],
  csv: [".csv", ".csv", ".csv", ".xls", ".xlsx", ".et"],
};

/** Cases for the seeds of one kind (every size takes the one pipeline). */
export function caseArbitrary(seeds: readonly SeedFile[], kind: FuzzKind): fc.Arbitrary<FuzzCase> {
  const indices = seeds.flatMap((s, i) => (s.kind === kind ? [i] : []));
  return fc.record({
    seed: fc.constantFrom(...indices),
    extension: fc.constantFrom(...EXTENSIONS[kind]),
    mode: fc.constantFrom("convert" as const, "check" as const, "summary" as const),
    locale: fc.constantFrom<Locale>("zh-CN", "zh-CN", "zh-CN", "en"),
    mutations: fc.array(kind === "xlsx" ? xlsxMutation : csvMutation, {
      minLength: 1,
      maxLength: 3,
    }),
  });
}

/** The bytes of the file a case runs on. */
export function caseBytes(seeds: readonly SeedFile[], c: FuzzCase): Buffer {
  return applyMutations(seeds[c.seed].bytes, c.mutations);
}

export interface CaseResult {
  /** What the readers said, or null if they did not answer. */
  outcome: FileOutcome | null;
  /** Everything that is wrong; empty when the case passed. */
  violations: string[];
  /** The file the case ran on (its name as the readers saw it, its bytes). */
  name: string;
  bytes: Buffer;
  ms: number;
}

export interface RunnerOptions {
  /** A case that takes longer than this has hung (default 30 s). */
  timeoutMs?: number;
  /** Heap of the worker thread; a case that needs more has spent memory it should not (default 1,536 MB). */
  maxHeapMb?: number;
}

/** English words a Chinese message may hold (program names, formats, the command line). */
const ALLOWED_WORDS = new Set([
  "excel",
  "csv",
  "libreoffice",
  "debian",
  "ubuntu",
  "sudo",
  "apt",
  "get",
  "install",
  "calc",
  "nogui",
  "xls",
  "max",
  "cells",
]);

/** What a JavaScript error or stack looks like; a user's message holds none of it. */
const RAW_ERROR =
  /\bat [\w$.<>[\]]+ \(|\bat (?:Object|async|new|process)\b|\n\s+at |\b(?:Type|Range|Syntax|Reference|Eval|URI|Internal|Aggregate)Error\b|\bError:|Cannot read|Cannot set|is not a function|is not iterable|is not defined|\bundefined\b|\bNaN\b|\[object |node:internal|\.js:\d+|\.ts:\d+/;

/** A stack trace, or a file of Node's own. */
const STACK = /\n\s+at [\w$.<>[\]]+ \(|\bat (?:Object|async)\.?[\w$]* \(|node:internal/;

/** What is wrong with a failed outcome's error: code, language, file name, no raw error text. */
export function messageViolations(
  error: { code: string; message: string },
  file: string,
  locale: Locale,
  output?: string
): string[] {
  const v: string[] = [];
  if (!FILE_ERROR_CODES.includes(error.code as FileErrorCode))
    v.push(`unknown error code "${error.code}"`);
  const m = error.message;
  if (!m || !m.trim()) v.push("empty error message");
  // An error writing the output names the output; any other names the input.
  const named =
    output && (error.code === "write-failed" || error.code === "output-is-input") ? output : file;
  if (!m.includes(named)) v.push(`error message does not name the file ${named}: ${m}`);
  if (RAW_ERROR.test(m)) v.push(`error message holds raw JavaScript error text: ${m}`);
  if (locale !== "en") {
    // Leave out the file's name, names quoted “so” (sheets) and column letters ("AB 列").
    const rest = m
      .split(named)
      .join("")
      .replace(/“[^”]*”/g, "")
      .replace(/\b[A-Z]{1,3} 列/g, "");
    if (!/[\u4e00-\u9fff]/.test(rest)) v.push(`error message is not in Chinese: ${m}`);
    const english = (rest.match(/[A-Za-z]{3,}/g) ?? []).filter(
      (w) => !ALLOWED_WORDS.has(w.toLowerCase()) && !/^E[A-Z]+$/.test(w)
    );
    if (english.length > 0)
      v.push(`Chinese error message holds English words (${english.join(", ")}): ${m}`);
  }
  return v;
}

/** Why a case has no reply: it took too long, or the worker died. */
type NoReply = { kind: "timeout"; error: string } | { kind: "crash"; error: string };

/** What looks like a stack trace or a JavaScript error in text the user would see. */
export function looksLikeRawError(text: string): boolean {
  return RAW_ERROR.test(text);
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).sort();
  } catch {
    return [];
  }
}

/**
 * Runs cases in a worker thread of its own (ts-node), each in fresh folders: the input, the output,
 * and the worker's temporary folder (TMPDIR), so that anything left behind is seen. A case that
 * does not answer in time, or kills the worker, is a failure; the worker is then started afresh.
 */
export class FuzzRunner {
  private worker: Worker | null = null;
  private next = 1;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  readonly root: string;
  private readonly tmp: string;

  constructor(
    private readonly seeds: readonly SeedFile[],
    options: RunnerOptions = {}
  ) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxHeapMb = options.maxHeapMb ?? 1536;
    this.root = mkdtempSync(path.join(os.tmpdir(), "uf-ledger-fuzz-"));
    this.tmp = path.join(this.root, "tmp");
  }

  private startWorker(): Worker {
    const bootstrap = [
      `require(${JSON.stringify(require.resolve("ts-node"))}).register({`,
      `  transpileOnly: true,`,
      `  project: ${JSON.stringify(path.join(__dirname, "..", "..", "tsconfig.json"))},`,
      `});`,
      `require(${JSON.stringify(path.join(__dirname, "worker.ts"))});`,
    ].join("\n");
    const worker = new Worker(bootstrap, {
      eval: true,
      env: {
        ...process.env,
        TMPDIR: this.tmp,
        TMP: this.tmp,
        TEMP: this.tmp,
        // ts-node's compile cache would live in the temporary folder watched for leftovers.
        DISABLE_V8_COMPILE_CACHE: "1",
      },
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
      stdout: true,
      stderr: true,
    });
    // Output is captured inside the worker; whatever escapes is drained here.
    worker.stdout.resume();
    worker.stderr.resume();
    worker.unref();
    return worker;
  }

  /** Runs one task in the worker: its reply, or why there is none (hang, crash). */
  private ask(task: WorkerTask): Promise<WorkerReply | NoReply> {
    const worker = (this.worker ??= this.startWorker());
    return new Promise((resolve) => {
      const finish = (r: WorkerReply | NoReply) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        resolve(r);
      };
      const drop = () => {
        if (this.worker === worker) this.worker = null;
        // A dying worker may report more errors (an out-of-memory one, after its exit): they are
        // this case's, already counted, and must not end the whole run as unhandled.
        worker.on("error", () => undefined);
        void worker.terminate();
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id === task.id) finish(reply);
      };
      const onError = (e: Error) => {
        drop();
        finish({ kind: "crash", error: e.stack ?? String(e) });
      };
      const onExit = (code: number) => {
        drop();
        finish({ kind: "crash", error: `the worker exited (code ${code})` });
      };
      const timer = setTimeout(() => {
        drop();
        finish({ kind: "timeout", error: `no answer within ${this.timeoutMs} ms` });
      }, this.timeoutMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(task);
    });
  }

  /** Runs the readers on the case's file and checks every promise they make. */
  async run(c: FuzzCase): Promise<CaseResult> {
    const id = this.next++;
    const bytes = caseBytes(this.seeds, c);
    const name = `旧名册${id}${c.extension}`;
    const inDir = path.join(this.root, "in");
    const outDir = path.join(this.root, "out");
    await Promise.all([inDir, outDir, this.tmp].map((d) => fs.mkdir(d, { recursive: true })));
    const input = path.join(inDir, name);
    await fs.writeFile(input, bytes);
    const before = sha256(bytes);
    const output = c.mode === "convert" ? path.join(outDir, `旧名册${id}.xlsx`) : null;
    // What the worker keeps in its temporary folder across cases (ts-node's cache) is not the case's.
    const tmpBefore = new Set(await listFiles(this.tmp));

    const started = Date.now();
    const reply = await this.ask({
      id,
      input,
      output,
      locale: c.locale,
      summary: c.mode === "summary",
    });
    const ms = Date.now() - started;
    const v: string[] = [];
    let outcome: FileOutcome | null = null;
    if (reply.kind === "timeout") v.push(`hang: ${reply.error}`);
    else if (reply.kind === "crash") v.push(`the worker died: ${reply.error}`);
    else if (reply.kind === "threw") v.push(`convertFile threw: ${reply.error}`);
    else {
      outcome = reply.outcome;
      v.push(...this.outcomeViolations(reply, name, output, c.locale));
    }
    if (reply.kind === "done" || reply.kind === "threw") {
      if (reply.printed.trim()) v.push(`the readers printed: ${reply.printed.slice(0, 2000)}`);
    }

    const after = await fs.readFile(input).catch(() => null);
    if (!after || sha256(after) !== before) v.push("the input file was changed");
    if (reply.kind === "done") {
      const expected = outcome?.status !== "failed" && output ? [path.basename(output)] : [];
      const left = await listFiles(outDir);
      if (left.join("|") !== expected.join("|"))
        v.push(`output folder holds [${left.join(", ")}], expected [${expected.join(", ")}]`);
    }
    const temp = (await listFiles(this.tmp)).filter((f) => !tmpBefore.has(f));
    if (reply.kind === "done" && temp.length > 0)
      v.push(`temporary files left behind: ${temp.join(", ")}`);
    await Promise.all([
      ...[inDir, outDir].map((d) => fs.rm(d, { recursive: true, force: true })),
      ...temp.map((f) => fs.rm(path.join(this.tmp, f), { recursive: true, force: true })),
    ]);
    return { outcome, violations: v, name, bytes, ms };
  }

  private outcomeViolations(
    reply: Extract<WorkerReply, { kind: "done" }>,
    name: string,
    output: string | null,
    locale: Locale
  ): string[] {
    const o = reply.outcome;
    const v: string[] = [];
    if (o.status === "failed") {
      if (!o.error) return ["failed outcome without an error"];
      v.push(
        ...messageViolations(
          { code: o.error.code, message: fileErrorMessage(o.error, locale) },
          name,
          locale,
          output ? path.basename(output) : undefined
        )
      );
      if (o.output !== null) v.push("failed outcome names an output");
      // The output folder is writable: a write that fails is the readers' fault, and the
      // message ("no permission, or disk full") would send the user looking in the wrong place.
      const said = fileErrorMessage(o.error, locale);
      if (o.error.code === "write-failed") v.push(`writing the output failed: ${said}`);
      // The readers' catch-all: an error they did not foresee, i.e. a bug.
      if (
        o.error.code === "corrupt-workbook" &&
        o.error.params.reason?.kind === UNEXPECTED_ERROR.kind
      )
        v.push(`an unforeseen error (convertFile's catch-all): ${said}`);
      return v;
    }
    if (o.status !== "ok" && o.status !== "problems") return [`unknown status "${o.status}"`];
    if (o.error) v.push("successful outcome carries an error");
    if (!o.counts) return [...v, "successful outcome without counts"];
    if (o.counts.errors > 0 !== (o.status === "problems"))
      v.push(`status ${o.status} with ${o.counts.errors} errors`);
    // A problem's message quotes the cell (which may say "NaN"); only a stack trace is wrong there.
    for (const p of o.problems) {
      const { message } = renderProblem(p, "zh-CN");
      if (STACK.test(message)) v.push(`a problem's message holds a stack trace: ${message}`);
    }
    if (output) {
      if (o.output !== output) v.push(`outcome names output ${o.output}, expected ${output}`);
      if (reply.outputError)
        v.push(`the output workbook cannot be read back: ${reply.outputError}`);
      else if (!reply.outputSheets?.includes("成员名册"))
        v.push(`the output has no 成员名册 sheet: [${reply.outputSheets?.join(", ")}]`);
    }
    return v;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * Saves a failing case under out/seed-N/: the file as the readers saw it, the case, and what went
 * wrong; returns the folder.
 */
export function saveFailure(
  out: string,
  seed: number,
  seeds: readonly SeedFile[],
  c: FuzzCase,
  r: CaseResult
): string {
  const dir = path.join(out, `seed-${seed}`, r.name.replace(/\.[^.]*$/, ""));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, r.name), r.bytes);
  writeFileSync(path.join(dir, "case.json"), describeCase(seeds, c) + "\n");
  writeFileSync(path.join(dir, "violations.txt"), r.violations.join("\n\n") + "\n");
  return dir;
}

/** A short printable form of a case, for failure reports. */
export function describeCase(seeds: readonly SeedFile[], c: FuzzCase): string {
  return JSON.stringify({ ...c, seed: `${c.seed} (${seeds[c.seed].label})` });
}

import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { BroadcastChannel, isMainThread } from "worker_threads";
import type { FileErrorReason } from "../../../core/fileErrors";
import { FileError } from "../fileError";
import { makeTempDir } from "../node/tempFiles";
import { DEFAULT_CONVERSION_TIMEOUT_MS } from "./limits";

/** Environment variable naming the soffice program to use; when set, nothing else is looked for. */
export const SOFFICE_ENV = "UF_LEDGER_SOFFICE";

function isExecutableFile(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) return false;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function candidateDirs(): string[] {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  dirs.push("/usr/bin", "/usr/local/bin", "/usr/lib/libreoffice/program");
  for (const base of ["/opt", "/usr/lib", "/usr/local/lib"]) {
    try {
      for (const name of fs.readdirSync(base).sort().reverse())
        if (/^libreoffice/i.test(name)) dirs.push(path.join(base, name, "program"));
    } catch {
      // No such folder.
    }
  }
  dirs.push("/Applications/LibreOffice.app/Contents/MacOS");
  if (process.platform === "win32") {
    for (const pf of [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]])
      if (pf) dirs.push(path.join(pf, "LibreOffice", "program"));
  }
  return dirs;
}

/**
 * The LibreOffice program to convert with: the path in UF_LEDGER_SOFFICE if that is set (null if it
 * names nothing runnable), else `soffice` or `libreoffice` found on PATH, in /usr/bin,
 * /usr/lib/libreoffice/program or /opt/libreoffice…/program (and the usual macOS and Windows places).
 * Null if there is none.
 */
export function findSoffice(): string | null {
  const override = process.env[SOFFICE_ENV];
  if (override) return isExecutableFile(override) ? override : null;
  const names =
    process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  for (const dir of candidateDirs()) {
    for (const name of names) {
      const p = path.join(dir, name);
      if (isExecutableFile(p)) return p;
    }
  }
  return null;
}

export interface ConvertOptions {
  /** How long LibreOffice may take (default 120 s); it is killed after that. */
  timeoutMs?: number;
  /** The file's name as the user gave it, for the error messages (default: the input's base name). */
  file?: string;
  /** The soffice program (default: {@link findSoffice}). */
  soffice?: string;
  /** The extension the copy handed to LibreOffice gets (default ".xls"; LibreOffice reads the content anyway). */
  inputExtension?: string;
}

/**
 * Converts a workbook LibreOffice can read (.xls, .et, an HTML or XML "Excel" export) into an .xlsx
 * in `tmpDir` and returns the new file's path. The input is first copied into `tmpDir` under a plain
 * ASCII name, so that LibreOffice never touches the original and odd names work. LibreOffice runs
 * headless with a fresh profile of its own (removed afterwards), so conversions may run side by side.
 * Throws `libreoffice-missing` without LibreOffice, `conversion-failed` if it fails, produces no
 * output or takes longer than the timeout (reason `timed-out`).
 */
export async function convertToXlsx(
  inputPath: string,
  tmpDir: string,
  options: ConvertOptions = {}
): Promise<string> {
  const file = options.file ?? path.basename(inputPath);
  const soffice = options.soffice ?? findSoffice();
  if (!soffice) throw new FileError("libreoffice-missing", { file });
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONVERSION_TIMEOUT_MS;

  const ext = options.inputExtension ?? ".xls";
  const source = path.join(tmpDir, `source${ext}`);
  const outDir = path.join(tmpDir, "converted");
  try {
    await fs.promises.copyFile(inputPath, source);
    await fs.promises.mkdir(outDir, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" && !fs.existsSync(inputPath))
      throw new FileError("file-not-found", { file });
    throw new FileError("file-unreadable", { file, reason: errnoReason(e) });
  }

  return runSoffice({ soffice, source, to: "xlsx", outDir, file, timeoutMs });
}

/** One run of LibreOffice converting a file (see {@link runSoffice}). */
export interface SofficeJob {
  /** The soffice program. */
  soffice: string;
  /** The file to convert: a private copy in a temp folder, under a plain ASCII name. */
  source: string;
  /** What to convert to, as soffice's --convert-to takes it: "xlsx", "pdf". */
  to: string;
  /** The folder the output goes to (it exists): the source's base name with the new extension. */
  outDir: string;
  /** The file's name as the user knows it, for the error messages. */
  file: string;
  timeoutMs: number;
  /** Variables set for LibreOffice's run, over this process's environment. */
  env?: Readonly<Record<string, string>>;
}

/**
 * Runs LibreOffice headless to convert `source` into `outDir` and returns the output's path. It
 * runs with a fresh profile of its own (removed afterwards), so conversions may run side by side
 * and none sees the user's settings; in its own process group, killed whole after the timeout.
 * Throws `libreoffice-missing` if the program is not there, `conversion-failed` if it cannot be
 * started, fails, produces no output or takes longer than the timeout (reason `timed-out`).
 */
export async function runSoffice(job: SofficeJob): Promise<string> {
  const { file } = job;
  const ext = job.to.split(":")[0];
  const output = path.join(
    job.outDir,
    `${path.basename(job.source, path.extname(job.source))}.${ext}`
  );
  let profile: string;
  try {
    profile = await makeTempDir("lo-profile");
  } catch {
    throw new FileError("conversion-failed", { file, reason: { kind: "no-temp-folder" } });
  }
  try {
    const args = [
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--nologo",
      "--nodefault",
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--convert-to",
      job.to,
      "--outdir",
      job.outDir,
      job.source,
    ];
    const run = await runProgram(
      job.soffice,
      args,
      job.timeoutMs,
      path.dirname(job.source),
      job.env
    );
    if (run.error === "ENOENT") throw new FileError("libreoffice-missing", { file });
    if (run.error)
      throw new FileError("conversion-failed", {
        file,
        reason: { kind: "libreoffice-not-started", why: run.error },
      });
    if (run.timedOut)
      throw new FileError("conversion-failed", { file, reason: { kind: "timed-out" } });
    // soffice reports success even when it could not load the file: only the output tells.
    let size = 0;
    try {
      size = (await fs.promises.stat(output)).size;
    } catch {
      size = 0;
    }
    if (size === 0) {
      const loadFailed = /could not be loaded|general error|no export filter/i.test(run.output);
      const reason: FileErrorReason<"load-failed" | "exit-code" | "no-output"> = loadFailed
        ? { kind: "load-failed" }
        : run.code
          ? { kind: "exit-code", code: run.code }
          : { kind: "no-output" };
      throw new FileError("conversion-failed", { file, reason });
    }
    return output;
  } finally {
    await fs.promises.rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * The process groups of the LibreOffice runs that have not ended: this thread's, and in the main
 * thread also those the worker threads report (see {@link followWorkerConversions}).
 */
const running = new Set<number>();

/** The channel on which worker threads tell the main thread of the LibreOffice runs they start. */
const RUNS_CHANNEL = "uf-ledger:libreoffice-runs";
let telling: BroadcastChannel | null = null;
let hearing: BroadcastChannel | null = null;

interface RunNews {
  pid: number;
  running: boolean;
}

/** A run started or ended, in this thread or (heard in the main thread) in a worker. */
function keep(news: RunNews): void {
  if (news.running) running.add(news.pid);
  else running.delete(news.pid);
}

/** A run started or ended: kept here, and told to the main thread from a worker thread. */
function note(pid: number, on: boolean): void {
  keep({ pid, running: on });
  if (isMainThread) return;
  if (!telling) {
    telling = new BroadcastChannel(RUNS_CHANNEL);
    telling.unref();
  }
  telling.postMessage({ pid, running: on } satisfies RunNews);
}

/**
 * In the main thread: hears of the LibreOffice runs the worker threads start and end, so that
 * {@link stopConversions} (on Ctrl+C, which only the main thread handles) stops theirs too. It
 * keeps no thread alive. Called before the workers start.
 */
export function followWorkerConversions(): void {
  if (!isMainThread || hearing) return;
  hearing = new BroadcastChannel(RUNS_CHANNEL);
  hearing.unref();
  hearing.onmessage = (event) => keep((event as { data: RunNews }).data);
}

/**
 * Kills every LibreOffice still running that this thread started, or (in the main thread) that
 * a worker thread reported, with its process tree (on Ctrl+C: it runs in a process group of its
 * own, so the terminal's signal does not reach it, and it would go on writing into temp folders
 * being removed). Synchronous, for a signal handler.
 */
export function stopConversions(): void {
  for (const pid of running) killTree(pid);
  running.clear();
}

interface RunResult {
  code: number | null;
  timedOut: boolean;
  /** The error code (ENOENT, EACCES…) if the program could not be started. */
  error?: string;
  /** What the program wrote to stdout and stderr (its first 64 KB). */
  output: string;
}

/**
 * Runs a program without a shell. It gets a process group of its own so that a timeout kills
 * LibreOffice's whole process tree (soffice is a script that starts oosplash, which starts
 * soffice.bin); execFile's own timeout would only kill the script.
 */
function runProgram(
  program: string,
  args: string[],
  timeoutMs: number,
  cwd: string,
  env?: Readonly<Record<string, string>>
): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = "";
    let timedOut = false;
    const child = spawn(program, args, {
      cwd,
      env: env ? { ...process.env, ...env } : process.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: process.platform !== "win32",
      windowsHide: true,
    });
    const pid = child.pid;
    if (pid) note(pid, true);
    const collect = (chunk: Buffer) => {
      if (output.length < 65536) output += chunk.toString("utf8");
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid);
    }, timeoutMs);
    child.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (pid) note(pid, false);
      resolve({ code: null, timedOut, error: e.code ?? "unknown", output });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (pid) note(pid, false);
      resolve({ code, timedOut, output });
    });
  });
}

function killTree(pid: number | undefined): void {
  if (!pid) return;
  try {
    if (process.platform === "win32")
      spawn("taskkill", ["/pid", String(pid), "/T", "/F"], { windowsHide: true });
    else process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

function errnoReason(
  e: unknown
): FileErrorReason<"disk-full" | "no-permission" | "errno"> | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOSPC") return { kind: "disk-full" };
  if (code === "EACCES" || code === "EPERM") return { kind: "no-permission" };
  return code ? { kind: "errno", code } : undefined;
}

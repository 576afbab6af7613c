import { spawn } from "node:child_process";
import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** What one measured process did: wall time, peak RSS, exit, and what it printed. */
export interface Measured {
  seconds: number;
  peakRssMB: number;
  /** CPU time of the whole process, all threads (user + system); null if it died before its exit. */
  cpuSeconds: number | null;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Options for node itself (for example a heap limit). */
  nodeArgs?: string[];
  timeoutMs?: number;
}

const PRELOAD = path.join(__dirname, "..", "..", "bench", "rssAtExit.js");

/** The peak RSS so far of a live process (VmHWM), in kB; 0 once it is gone. */
function highWaterKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs a Node script in a process of its own and measures it: wall time from spawn to exit, and the
 * peak RSS the process reports at exit (or, if it dies before, the last /proc sample).
 */
export async function runNode(
  script: string,
  args: readonly string[],
  options: RunOptions = {}
): Promise<Measured> {
  const rssFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "uf-bench-rss-")), "maxrss");
  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), "--require", PRELOAD, script, ...args],
    {
      env: { ...process.env, ...options.env, UF_BENCH_RSS_FILE: rssFile },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    }
  );
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  let sampled = 0;
  const sampler = setInterval(() => (sampled = Math.max(sampled, highWaterKb(child.pid!))), 100);
  let timedOut = false;
  const timer =
    options.timeoutMs === undefined
      ? null
      : setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {
            // Already gone.
          }
        }, options.timeoutMs);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on("close", (c, s) => resolve([c, s]))
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  if (timer) clearTimeout(timer);
  let reported = 0;
  let cpuSeconds: number | null = null;
  try {
    const [kb, cpu] = (await fs.readFile(rssFile, "utf8")).split(" ");
    reported = Number(kb) || 0;
    if (cpu !== undefined && Number.isFinite(Number(cpu))) cpuSeconds = Number(cpu) / 1e6;
  } catch {
    // Died before its exit handler ran: the sample stands.
  }
  await fs.rm(path.dirname(rssFile), { recursive: true, force: true });
  return {
    seconds,
    peakRssMB: Math.round(Math.max(reported, sampled) / 1024),
    cpuSeconds,
    code,
    signal,
    timedOut,
    stdout,
    stderr,
  };
}

/** Runs f n times and keeps the fastest run (the least disturbed by whatever else the machine did). */
export async function fastestOf(n: number, f: () => Promise<Measured>): Promise<Measured> {
  let best: Measured | null = null;
  for (let i = 0; i < n; i++) {
    const m = await f();
    if (!best || m.seconds < best.seconds) best = m;
  }
  return best!;
}

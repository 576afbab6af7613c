import { randomBytes } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isMainThread, workerData } from "node:worker_threads";

/**
 * Temp files and folders carry the id of the process that made them, so that what a killed run
 * left behind (a half-written output, spooled problems with names and ID numbers in them) can be
 * told from what a live run is still writing, and removed by the next run or on Ctrl+C.
 *
 *   .<target name>.<pid>.<8 hex>.tmp   beside an output, until it is renamed over the target
 *   uf-ledger-<kind>-<pid>-XXXXXX      folders in the system temp folder
 */
const TEMP_FILE_RE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;
const TEMP_DIR_RE = /^uf-ledger-[a-z-]+?-(\d+)-[A-Za-z0-9]{6}$/;

/** Where the stop flag goes in the workers' data (see {@link stopFlagData}). */
const STOP_KEY = "ufLedgerStop";

/**
 * Set on Ctrl+C ({@link stopNewTemps}) and shared by the main thread with its worker threads (the
 * pool passes it as their data): from then on no temp file or folder is begun in any thread, so
 * that what the signal handler removes stays removed.
 */
const stopFlag = new Int32Array(
  ((workerData as Record<string, unknown> | null)?.[STOP_KEY] as SharedArrayBuffer | undefined) ??
    new SharedArrayBuffer(4)
);

/** The data a worker thread is started with so that it shares this thread's stop flag. */
export const stopFlagData = (): Record<string, SharedArrayBuffer> => ({
  [STOP_KEY]: stopFlag.buffer as SharedArrayBuffer,
});

/** No temp file or folder is begun from now on, in this thread or its workers (on a signal). */
export function stopNewTemps(): void {
  Atomics.store(stopFlag, 0, 1);
}

/**
 * Before a temp file or folder is begun: once stopped, a worker thread waits here until the
 * process exits (it is being interrupted); the main thread, whose signal handler runs to the exit
 * without yielding, never gets here then, and would fail.
 */
function unlessStopped(): void {
  if (Atomics.load(stopFlag, 0) === 0) return;
  if (!isMainThread) Atomics.wait(stopFlag, 0, 1);
  throw new Error("interrupted");
}

/** A temp file beside the target, hidden, unique to this process and call. */
export function tempPathFor(target: string): string {
  unlessStopped();
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
  );
}

/** A private folder in the system temp folder, named for its kind and this process. */
export function makeTempDir(kind: string): Promise<string> {
  unlessStopped();
  return mkdtemp(path.join(os.tmpdir(), `uf-ledger-${kind}-${process.pid}-`));
}

/** Is a process with this id running? (One we may not signal is running too.) */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes our temp files in `dirs` (and our folders in the system temp folder) that `whose` picks
 * by the id of the process that made them. Synchronous, so that it can run on a signal. Returns
 * how many it removed; what cannot be read or removed is left alone.
 */
export function removeTemps(dirs: readonly string[], whose: (pid: number) => boolean): number {
  let removed = 0;
  for (const dir of new Set([...dirs.map((d) => path.resolve(d)), os.tmpdir()])) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMP_FILE_RE.exec(name) ?? (dir === os.tmpdir() ? TEMP_DIR_RE.exec(name) : null);
      if (!m || !whose(Number(m[1]))) continue;
      try {
        rmSync(path.join(dir, name), { recursive: true, force: true });
        removed++;
      } catch {
        // Someone else's, or gone already.
      }
    }
  }
  return removed;
}

/** Removes what runs that are no longer running left behind. */
export const removeStaleTemps = (dirs: readonly string[]) =>
  removeTemps(dirs, (pid) => pid !== process.pid && !isRunning(pid));

/** Removes this process's own temp files and folders (on Ctrl+C or a kill signal). */
export const removeOwnTemps = (dirs: readonly string[]) =>
  removeTemps(dirs, (pid) => pid === process.pid);

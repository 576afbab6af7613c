import {
  followWorkerConversions,
  removeOwnTemps,
  stopConversions,
  stopNewTemps,
} from "../../src/hosts/exceljs";

/** How long the handler waits for the temp files being opened as the signal came (ms). */
const IN_FLIGHT_MS = 200;

let installed = false;
const dirs = new Set<string>();
let said = "";

/**
 * On Ctrl+C (SIGINT), SIGTERM or a closed terminal (SIGHUP): removes this run's temp files and
 * folders (unfinished outputs beside their targets in `folders`, spooled rows in the system temp
 * folder), says so, and exits with 128 + the signal's number. Finished outputs were renamed into
 * place whole and stay. A run killed outright (SIGKILL) cannot do this: the next run does it.
 * Called again, it adds the folders, and the message said is the latest one's.
 */
export function cleanUpOnSignal(folders: readonly string[], message: string): void {
  for (const f of folders) dirs.add(f);
  said = message;
  if (installed) return;
  installed = true;
  // LibreOffice runs in worker threads (reading .xls) are stopped from here too.
  followWorkerConversions();
  const codes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const signal of Object.keys(codes)) {
    process.once(signal, () => {
      // No thread begins a temp file from now on (a worker that would, waits for the exit).
      stopNewTemps();
      // LibreOffice first (a PDF being printed): it would write on into the folders removed.
      stopConversions();
      removeOwnTemps([...dirs]);
      // A temp file a worker began opening just before is there a moment later: this thread
      // waits without yielding (nothing else of the run goes on here), then removes again.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, IN_FLIGHT_MS);
      removeOwnTemps([...dirs]);
      process.stderr.write(`\n${said}\n`);
      process.exit(codes[signal]);
    });
  }
}

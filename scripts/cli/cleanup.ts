import { followWorkerConversions, removeOwnTemps, stopConversions } from "../../src/hosts/exceljs";

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
      // LibreOffice first (a PDF being printed): it would write on into the folders removed.
      stopConversions();
      removeOwnTemps([...dirs]);
      process.stderr.write(`\n${said}\n`);
      process.exit(codes[signal]);
    });
  }
}

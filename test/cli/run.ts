import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "uf-ledger.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real command line, as a user would, with no terminal (plain progress lines). */
export function runCli(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 180_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

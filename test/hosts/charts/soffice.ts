import { execFileSync } from "node:child_process";
import path from "node:path";
import { findSoffice } from "../../../src/hosts/exceljs/read/libreoffice";
import { readZipEntries } from "../input/zipWriter";

/** Runs LibreOffice headless with its own profile in `dir` (a conversion: --convert-to …). */
export function soffice(dir: string, args: string[]): void {
  const program = findSoffice();
  if (!program) throw new Error("LibreOffice is needed: apt-get install libreoffice-calc-nogui");
  execFileSync(
    program,
    [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--norestore",
      ...args,
    ],
    { stdio: "ignore", timeout: 180_000 }
  );
}

/** A package's parts as text, by name. */
export async function partsOf(bytes: Buffer): Promise<Map<string, string>> {
  const entries = await readZipEntries(bytes);
  return new Map(entries.map((e) => [e.name, e.data?.toString("utf8") ?? ""]));
}

import { localIsoString } from "../../src/hosts/localClock";
import { promises as fs } from "node:fs";
import path from "node:path";
import { maskDeep } from "../../src/core/privacy";
import { type FileOutcome, writeAtomic } from "../../src/hosts/exceljs";

export interface BatchReport {
  tool: "uf-ledger";
  version: string;
  createdAt: string;
  command: string;
  files: FileOutcome[];
  totals: {
    files: number;
    failed: number;
    members: number;
    changes: number;
    errors: number;
    warnings: number;
  };
}

export function makeReport(
  command: string,
  version: string,
  files: FileOutcome[],
  showPii: boolean
): BatchReport {
  const sum = (k: "members" | "changes" | "errors" | "warnings") =>
    files.reduce((s, f) => s + (f.counts?.[k] ?? 0), 0);
  const report: BatchReport = {
    tool: "uf-ledger",
    version,
    createdAt: localIsoString(),
    command,
    files,
    totals: {
      files: files.length,
      failed: files.filter((f) => f.status === "failed").length,
      members: sum("members"),
      changes: sum("changes"),
      errors: sum("errors"),
      warnings: sum("warnings"),
    },
  };
  // ID numbers and phones are masked in everything made for wider eyes, unless asked for.
  return showPii ? report : maskDeep(report);
}

export async function writeReport(outDir: string, report: BatchReport): Promise<string> {
  await fs.mkdir(outDir, { recursive: true });
  const target = path.join(outDir, "report.json");
  await writeAtomic(target, (tmp) =>
    fs.writeFile(tmp, JSON.stringify(report, null, 2) + "\n", "utf8")
  );
  return target;
}

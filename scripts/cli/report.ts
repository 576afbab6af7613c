import { localIsoString } from "../../src/hosts/localClock";
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileErrorMessage } from "../../src/core/fileErrors";
import { renderProblem } from "../../src/core/messages";
import { maskDeep } from "../../src/core/privacy";
import type { Locale } from "../../src/core/types";
import type { ReportJson } from "../../src/core/reportJson";
import { type FileOutcome, writeAtomic } from "../../src/hosts/exceljs";

/** report.json: its shape is src/core/reportJson.ts's schema (schemas/report.schema.json). */
export type BatchReport = ReportJson;

export function makeReport(
  command: string,
  version: string,
  outcomes: FileOutcome[],
  showPii: boolean,
  locale: Locale
): BatchReport {
  const files = outcomes.map((f) => ({
    ...f,
    // Each problem as data (code and parameters) and as people read it, in the run's language.
    problems: f.problems.map((p) => ({ ...p, ...renderProblem(p, locale) })),
    // The file's error likewise: its code and parameters, and its message.
    error: f.error && { ...f.error, message: fileErrorMessage(f.error, locale) },
    valid: f.status !== "failed" && (f.counts?.errors ?? 0) === 0,
  }));
  const sum = (k: "members" | "changes" | "errors" | "warnings") =>
    files.reduce((s, f) => s + (f.counts?.[k] ?? 0), 0);
  const report = {
    tool: "uf-ledger" as const,
    version,
    createdAt: localIsoString(),
    command,
    valid: files.every((f) => f.valid),
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
  // ID numbers and phones are masked in everything made for wider eyes, unless asked for. Dates
  // become ISO text in JSON, as the schema has them.
  return (showPii ? report : maskDeep(report)) as unknown as BatchReport;
}

export async function writeReport(outDir: string, report: BatchReport): Promise<string> {
  await fs.mkdir(outDir, { recursive: true });
  const target = path.join(outDir, "report.json");
  await writeAtomic(target, (tmp) =>
    fs.writeFile(tmp, JSON.stringify(report, null, 2) + "\n", "utf8")
  );
  return target;
}

import { readFileSync } from "node:fs";
import { type ReportJson, reportSchema } from "../../src/core/reportJson";

/** A report.json the command line wrote, read and checked against its schema (throws if it is not). */
export function readReport(file: string): ReportJson {
  return reportSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

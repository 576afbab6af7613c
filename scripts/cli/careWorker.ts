import { type CareSource, careSource } from "../../src/core/care";
import { type UnreadableRow, isDigest, sourceEvents, sourceParts } from "../../src/core/summary";
import { type SourceFailure, readSource } from "../../src/hosts/exceljs";

export interface CareTask {
  input: string;
}

/**
 * One workbook read for 关怀提醒: its members and contacts (core's careSource, read as the quarterly
 * summary reads it), and the rows of its contact log whose date cannot be read; or why it could
 * not be read. Plain data (Dates survive the copy from a worker thread).
 */
export type CareRead =
  { care: CareSource; unreadable: UnreadableRow[] } | { failure: SourceFailure };

/** Reads one workbook in this thread or a worker thread (piscina); the rows are let go here. */
export default async function readCareTask(task: CareTask): Promise<CareRead> {
  const read = await readSource(task.input);
  if ("failure" in read) return read;
  const src = read.source;
  // Read without a digest, readSource hands over the workbook's rows.
  if (isDigest(src)) throw new Error(`${task.input}: read as a digest`);
  const care = careSource(src);
  const parts = sourceParts(src);
  const log = parts.logs.find((l) => l.kind.kind === "contact")?.sheet.name;
  const unreadable = log ? sourceEvents(src, parts).unreadable.filter((u) => u.sheet === log) : [];
  return { care, unreadable };
}

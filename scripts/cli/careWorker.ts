import { type CareSource, careSource } from "../../src/core/care";
import { isDigest } from "../../src/core/summary";
import { type SourceFailure, readSource } from "../../src/hosts/exceljs";

export interface CareTask {
  input: string;
}

/**
 * One workbook read for 关怀提醒: its members and contacts (core's careSource, read as the quarterly
 * summary reads it, with the rows of its contact log whose date cannot be read); or why it could
 * not be read. Plain data (Dates survive the copy from a worker thread).
 */
export type CareRead = { care: CareSource } | { failure: SourceFailure };

/** Reads one workbook in this thread or a worker thread (piscina); the rows are let go here. */
export default async function readCareTask(task: CareTask): Promise<CareRead> {
  const read = await readSource(task.input);
  if ("failure" in read) return read;
  // Read without a digest, readSource hands over the workbook's rows.
  if (isDigest(read.source)) throw new Error(`${task.input}: read as a digest`);
  return { care: careSource(read.source) };
}

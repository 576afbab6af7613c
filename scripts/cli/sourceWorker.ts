import { type SourceRead, readSource } from "../../src/hosts/exceljs";

export interface SourceTask {
  input: string;
}

/**
 * One workbook read as a summary source and digested at once (its rows are let go), in this
 * thread or a worker thread (piscina).
 */
export default function readSourceTask(task: SourceTask): Promise<SourceRead> {
  return readSource(task.input, { digest: true });
}

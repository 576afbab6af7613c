import { type ConvertOptions, type FileOutcome, convertFile } from "../../src/hosts/exceljs";
import { type OutputShape, finishedOutcome, recordFinished, sha256File } from "./journal";

export interface ConvertTask {
  input: string;
  options: ConvertOptions;
  /** Skip the file if its output is already complete for this very input (--resume). */
  resume?: boolean;
  shape: OutputShape;
}

/** A file's outcome; `resumed` when an earlier run had already made its output. */
export type TaskOutcome = FileOutcome & { resumed?: boolean };

/**
 * One file: converted, and its output recorded in the output folder's journal; or, with resume,
 * skipped when the journal says an earlier run made its output from the same input. Runs in this
 * thread or in a worker thread (piscina); dates cross the thread boundary as Date (structured clone).
 */
export default async function convertTask(task: ConvertTask): Promise<TaskOutcome> {
  const { input, options } = task;
  const output = options.dryRun ? null : options.output;
  // A file that cannot be read has no hash: convertFile says what is wrong with it.
  const hash = output ? await sha256File(input).catch(() => null) : null;
  if (output && hash && task.resume) {
    const done = await finishedOutcome(output, hash, task.shape);
    if (done) return { ...done, resumed: true };
  }
  // Recorded before the output takes its name: a run killed in between leaves nothing unrecorded.
  return convertFile(input, {
    ...options,
    beforeRename:
      output && hash
        ? (tmp, outcome) =>
            recordFinished(output, hash, task.shape, outcome, tmp).catch(() => undefined)
        : undefined,
  });
}

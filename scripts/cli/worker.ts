import {
  type ConvertOptions,
  type FileOutcome,
  convertFile,
} from "../../src/hosts/exceljs/convertFile";

export interface ConvertTask {
  input: string;
  options: ConvertOptions;
}

/** One file, in a worker thread (piscina). Dates cross the thread boundary as Date (structured clone). */
export default function convertTask(task: ConvertTask): Promise<FileOutcome> {
  return convertFile(task.input, task.options);
}

import { STREAM_ABOVE_ENV } from "../../src/hosts/exceljs/stream/threshold";

/**
 * Runs `run` with the streaming threshold set through the environment, as a user would set it
 * (undefined: not set, the 6 MB default; "0": every .xlsx is streamed, read from disk in parts),
 * and puts back what was there before.
 */
export async function withStreamThreshold<T>(
  bytes: string | undefined,
  run: () => Promise<T>
): Promise<T> {
  const before = process.env[STREAM_ABOVE_ENV];
  if (bytes === undefined) delete process.env[STREAM_ABOVE_ENV];
  else process.env[STREAM_ABOVE_ENV] = bytes;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env[STREAM_ABOVE_ENV];
    else process.env[STREAM_ABOVE_ENV] = before;
  }
}

import { promises as fs } from "node:fs";
import { MB } from "../input/limits";

/** Files above this size (bytes) go the streaming way, unless the options or the environment say otherwise. */
// About 50,000 rows of the 23 registry columns (a 100,000-row registry is about 12 MB).
export const DEFAULT_STREAM_ABOVE_BYTES = 6 * MB;
/** Sets the threshold (bytes) where the options do not: for tests and for trying the streaming path. */
export const STREAM_ABOVE_ENV = "UF_LEDGER_STREAM_ABOVE";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The size above which a file is streamed: the option (Infinity: never), else UF_LEDGER_STREAM_ABOVE, else 6 MB. */
export function streamThreshold(option?: number): number {
  if (option !== undefined && option >= 0) return option;
  const env = process.env[STREAM_ABOVE_ENV];
  if (env !== undefined && env.trim() !== "" && Number.isFinite(Number(env)) && Number(env) >= 0)
    return Number(env);
  return DEFAULT_STREAM_ABOVE_BYTES;
}

/** Whether bytes are a zip's (an .xlsx or .xlsm, whatever its name): its first four. */
export const isZipBytes = (bytes: Buffer): boolean =>
  bytes.length >= 4 && bytes.subarray(0, 4).equals(ZIP_MAGIC);

/** Whether a file is a zip (an .xlsx or .xlsm, whatever its name), by its first bytes; false if unreadable. */
export async function isZipFile(input: string): Promise<boolean> {
  try {
    const handle = await fs.open(input, "r");
    try {
      const head = Buffer.alloc(4);
      const { bytesRead } = await handle.read(head, 0, 4, 0);
      return bytesRead === 4 && isZipBytes(head);
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/**
 * Whether a file takes the streaming path: a zip (an .xlsx or .xlsm, whatever its name) larger
 * than the threshold. Anything else, and any file that cannot be read here, takes the full load,
 * which says what is wrong with it.
 */
export async function takesStreamingPath(
  input: string,
  streamAboveBytes?: number
): Promise<boolean> {
  try {
    const stat = await fs.stat(input);
    if (!stat.isFile() || stat.size <= streamThreshold(streamAboveBytes)) return false;
  } catch {
    return false;
  }
  return isZipFile(input);
}

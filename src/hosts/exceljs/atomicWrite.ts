import { promises as fs } from "node:fs";
import path from "node:path";
import { tempPathFor } from "./tempFiles";

export { tempPathFor };

/**
 * Writes through a temp file in the same folder, then renames it over the target: a reader sees the
 * old file or the new one, never half of one; a killed run leaves only a hidden .tmp file behind,
 * which the next run removes (tempFiles.ts).
 */
export async function writeAtomic(
  target: string,
  write: (tmp: string) => Promise<void>
): Promise<void> {
  const tmp = tempPathFor(target);
  try {
    await write(tmp);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** Are two paths the same file (same resolved path, or same inode when both exist)? */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

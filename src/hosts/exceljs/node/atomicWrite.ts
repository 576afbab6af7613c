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
export function sameFile(a: string, b: string): Promise<boolean> {
  return isOneOf(b, [a]);
}

/** File identities (device and inode) of paths already looked at: a batch's inputs do not change. */
const identities = new Map<string, string | null>();

async function identityOf(p: string): Promise<string | null> {
  const key = path.resolve(p);
  let id = identities.get(key);
  if (id === undefined) {
    try {
      const st = await fs.stat(key);
      id = `${st.dev}:${st.ino}`;
    } catch {
      id = null;
    }
    identities.set(key, id);
  }
  return id;
}

/**
 * Is the target one of the files (same path, or same file by another path)? Each file is looked
 * at once per process, so that a batch of n files costs n looks, not n × n.
 */
export async function isOneOf(target: string, files: readonly string[]): Promise<boolean> {
  const t = path.resolve(target);
  if (files.some((f) => path.resolve(f) === t)) return true;
  let st;
  try {
    st = await fs.stat(t);
  } catch {
    return false;
  }
  const id = `${st.dev}:${st.ino}`;
  for (const f of files) if ((await identityOf(f)) === id) return true;
  return false;
}

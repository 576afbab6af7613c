import { rm } from "node:fs/promises";
import type { Platform, SpoolCodec } from "../platform";
import { makeTempDir } from "./tempFiles";
import { DiskSpool } from "./diskSpool";
import { nodeCodec } from "./nodeCodec";

/**
 * Node's platform for one run: zlib, and spools in a private temp folder (named for this process,
 * so that what a killed run leaves is found and removed by the next: tempFiles.ts).
 */
export async function nodePlatform(): Promise<Platform> {
  const dir = await makeTempDir("spool");
  let n = 0;
  return {
    codec: nodeCodec,
    spool: <T>(name: string, codec?: SpoolCodec<T>) =>
      DiskSpool.in<T>(dir, `${++n}-${name}`, codec),
    dispose: () => rm(dir, { recursive: true, force: true }).catch(() => undefined),
  };
}

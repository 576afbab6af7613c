import { rm } from "node:fs/promises";
import { FileError } from "../fileError";
import type { Platform, Spool, SpoolCodec } from "../platform";
import { makeTempDir } from "./tempFiles";
import { DiskSpool } from "./diskSpool";
import { nodeCodec } from "./nodeCodec";

/**
 * Node's platform for one run over `file`: zlib, and spools in a private temp folder (named for
 * this process, so that what a killed run leaves is found and removed by the next: tempFiles.ts).
 * A temp folder that cannot be made, written or read (none, no room, no permission) fails the
 * run with `temp-failed` naming the file: not the input's fault, nor the output's.
 */
export async function nodePlatform(file: string): Promise<Platform> {
  const failed = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    return new FileError("temp-failed", {
      file,
      reason: code ? { kind: "errno", code } : undefined,
    });
  };
  let dir: string;
  try {
    dir = await makeTempDir("spool");
  } catch (e) {
    throw failed(e);
  }
  let n = 0;
  const spool = <T>(name: string, codec?: SpoolCodec<T>): Spool<T> => {
    const s = DiskSpool.in<T>(dir, `${++n}-${name}`, codec);
    const guard = async <R>(f: () => Promise<R> | R): Promise<R> => {
      try {
        return await f();
      } catch (e) {
        throw failed(e);
      }
    };
    return {
      write: (item) => guard(() => s.write(item)),
      close: () => guard(() => s.close()),
      read: async function* (): AsyncGenerator<readonly T[]> {
        const it = s.read()[Symbol.asyncIterator]();
        for (;;) {
          const r = await guard(() => it.next());
          if (r.done) return;
          yield r.value;
        }
      },
    };
  };
  return {
    codec: nodeCodec,
    spool,
    dispose: () => rm(dir, { recursive: true, force: true }).catch(() => undefined),
  };
}

import { Writable } from "stream";
import { pipeline } from "stream/promises";
import * as yauzl from "yauzl";
import { FileError } from "../fileError";
import { DEFAULT_MAX_UNCOMPRESSED_BYTES, DEFAULT_MAX_ZIP_ENTRIES, formatBytes } from "./limits";

export interface ZipGuardOptions {
  /** The file's name as the user gave it, for the error messages. */
  file: string;
  /** Largest total the entries may unpack to (default 500 MB). */
  maxUncompressedBytes?: number;
  /** Most entries the zip may hold (default 20,000). */
  maxEntries?: number;
  /**
   * Also unpack every entry (into nothing) to check that none holds more than its directory entry
   * says: a zip can lie about its sizes, and exceljs would believe it. Default true.
   */
  verifyInflate?: boolean;
}

export interface ZipSummary {
  entryCount: number;
  /** The names of the entries as stored (UTF-8 or CP437 bytes read as UTF-8). */
  entryNames: string[];
  /** The total the entries unpack to, as the central directory declares it. */
  totalUncompressedBytes: number;
}

/**
 * Checks a zip before it is unpacked: the entry count and the total uncompressed size that the
 * central directory declares (yauzl reads it without inflating anything) against the limits, then
 * (unless `verifyInflate` is false) that each entry really unpacks to no more than declared.
 * Throws `too-large` over a limit, `corrupt-workbook` if the zip's structure or data is damaged.
 */
export async function checkZip(bytes: Buffer, options: ZipGuardOptions): Promise<ZipSummary> {
  const { file } = options;
  const maxBytes = options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ZIP_ENTRIES;
  const verify = options.verifyInflate ?? true;
  const tooLarge = () => new FileError("too-large", { file, limit: formatBytes(maxBytes) });

  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    throw new FileError("corrupt-workbook", { file });
  }
  try {
    if (zip.entryCount > maxEntries)
      throw new FileError("too-large", { file, limit: `${maxEntries} 个文件` });
    const entryNames: string[] = [];
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize;
      if (total > maxBytes) throw tooLarge();
      entryNames.push(Buffer.from(entry.fileNameRaw).toString("utf8"));
      if (verify && entry.uncompressedSize > 0) await drain(zip, entry);
    }
    return { entryCount: zip.entryCount, entryNames, totalUncompressedBytes: total };
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError("corrupt-workbook", { file, detail: zipProblem(e) });
  } finally {
    zip.close();
  }
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      // Names are not decoded: yauzl would refuse odd ones (absolute paths, ".."), which do no harm here.
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true },
      (err, zip) => (err || !zip ? reject(err ?? new Error("no zip")) : resolve(zip))
    );
  });
}

/** Inflates an entry into nothing; yauzl fails the stream if it holds more or fewer bytes than declared. */
async function drain(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<void> {
  const stream = await zip.openReadStreamPromise(entry);
  await pipeline(
    stream,
    new Writable({
      write(_chunk, _encoding, done) {
        done();
      },
    })
  );
}

/** A short Chinese word on what was wrong inside the zip, for the message's detail. */
function zipProblem(e: unknown): string | undefined {
  const m = e instanceof Error ? e.message : "";
  if (/too many bytes|too few bytes|size mismatch/i.test(m)) return "压缩条目的实际大小与目录不符";
  if (/compression method|encrypted/i.test(m)) return "使用了不支持的压缩方式";
  if (
    /invalid|incorrect|unexpected end|header|signature|zlib|inflate|distance|code lengths|block type/i.test(
      m
    )
  )
    return "压缩数据已损坏";
  return undefined;
}

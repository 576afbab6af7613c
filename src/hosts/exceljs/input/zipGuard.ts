import * as yauzl from "yauzl";
import { FileError } from "../fileError";
import { type SheetCells, XmlCellScanner } from "./cellScan";
import { DEFAULT_MAX_UNCOMPRESSED_BYTES, DEFAULT_MAX_ZIP_ENTRIES, formatBytes } from "./limits";
import { entryChunks } from "./zipEntry";

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
  /**
   * What each worksheet part (xl/worksheets/sheet1.xml) holds: cells, last row and column, cells
   * too long or out of range; scanned as it was unpacked (only when `verifyInflate`).
   */
  sheets: Map<string, SheetCells>;
  /** Indices of shared strings longer than a cell may hold. */
  longSharedStrings: number[];
  /** xl/workbook.xml and its relationships, when present and of a sane size. */
  workbookXml: string | null;
  workbookRelsXml: string | null;
}

/** The parts exceljs reads as worksheets (its own pattern), and any other XML under xl/worksheets/. */
export function isWorksheetPart(name: string): boolean {
  return /xl\/worksheets\/sheet(\d+)[.]xml/.test(name) || /^xl\/worksheets\/[^/]+\.xml$/.test(name);
}

export const SHARED_STRINGS_PART = "xl/sharedStrings.xml";
const WORKBOOK_PART = "xl/workbook.xml";
const WORKBOOK_RELS_PART = "xl/_rels/workbook.xml.rels";
/** Parts read whole into memory (workbook.xml and its relationships) are no larger than this. */
const MAX_SMALL_PART = 16 * 1024 * 1024;

/** An entry's name as exceljs takes it: without a leading "/". */
export const partName = (raw: Buffer | string): string =>
  Buffer.from(raw).toString("utf8").replace(/^\//, "");

/**
 * Checks a zip before it is unpacked: the entry count and the total uncompressed size that the
 * central directory declares (yauzl reads it without inflating anything) against the limits, then
 * (unless `verifyInflate` is false) that each entry really unpacks to no more than declared,
 * scanning the worksheets and shared strings as they go by (cells, cell lengths, last row and
 * column: see {@link ZipSummary}; checkWorkbookLimits judges them) and keeping workbook.xml.
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
    const summary: ZipSummary = {
      entryCount: zip.entryCount,
      entryNames,
      totalUncompressedBytes: 0,
      sheets: new Map(),
      longSharedStrings: [],
      workbookXml: null,
      workbookRelsXml: null,
    };
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize;
      if (total > maxBytes) throw tooLarge();
      entryNames.push(Buffer.from(entry.fileNameRaw).toString("utf8"));
      // An entry that declares nothing unpacked but holds compressed data is unpacked too:
      // yauzl fails it if it holds more than declared, where exceljs would inflate it all.
      if (verify && (entry.uncompressedSize > 0 || entry.compressedSize > 0))
        await drain(zip, bytes, entry, reader(partName(entry.fileNameRaw), entry, summary));
    }
    summary.totalUncompressedBytes = total;
    return summary;
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

/** What is done with an entry's bytes as they are unpacked, and once they all were; null: nothing. */
type PartReader = { feed: (chunk: Buffer) => void; end: () => void } | null;

/** Scans worksheets and shared strings as they go by, keeps workbook.xml and its relationships. */
function reader(name: string, entry: yauzl.Entry, summary: ZipSummary): PartReader {
  if (isWorksheetPart(name) || name === SHARED_STRINGS_PART) {
    const sheet = name !== SHARED_STRINGS_PART;
    const scanner = new XmlCellScanner(sheet ? "sheet" : "sharedStrings");
    return {
      feed: (chunk) => scanner.feed(chunk),
      end: () => {
        if (sheet) summary.sheets.set(name, scanner.result);
        else summary.longSharedStrings.push(...scanner.longStrings);
      },
    };
  }
  if (
    (name === WORKBOOK_PART || name === WORKBOOK_RELS_PART) &&
    entry.uncompressedSize <= MAX_SMALL_PART
  ) {
    const chunks: Buffer[] = [];
    return {
      feed: (chunk) => chunks.push(chunk),
      end: () => {
        const text = Buffer.concat(chunks).toString("utf8");
        if (name === WORKBOOK_PART) summary.workbookXml = text;
        else summary.workbookRelsXml = text;
      },
    };
  }
  return null;
}

/**
 * Inflates an entry (into the reader, if any), in memory at once unless it is large
 * (input/zipEntry); it fails if the entry holds more or fewer bytes than declared.
 */
async function drain(
  zip: yauzl.ZipFile,
  bytes: Buffer,
  entry: yauzl.Entry,
  read: PartReader
): Promise<void> {
  for await (const chunk of await entryChunks(zip, entry, { bytes })) read?.feed(chunk);
  read?.end();
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

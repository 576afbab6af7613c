import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FileError, isFileError } from "../fileError";
import { csvRows } from "./csvText";
import { decodeText, type TextEncoding } from "./encoding";
import { convertToXlsx } from "./libreoffice";
import {
  DEFAULT_MAX_CELLS,
  DEFAULT_MAX_UNPACKED_BYTES,
  DEFAULT_MAX_WHOLE_FILE_BYTES,
  DEFAULT_MAX_ZIP_ENTRIES,
} from "./limits";
import { readError } from "./readBytes";
import {
  hasOle2WorkbookStream,
  isEncryptedOoxml,
  isEncryptedXls,
  isMarkupText,
  sniffKind,
} from "./sniff";
import { fileSource, READ_WHOLE_UP_TO } from "../node/fileSource";
import { nodeCodec } from "../node/nodeCodec";
import { valuesWorkbook } from "../xlsx/valuesWorkbook";
import { WorkbookPackage } from "../xlsx/workbookPackage";
import { type ByteSource, bytesSource } from "../zip/byteSource";
import { ZipReader } from "../zip/zipReader";

/** The extensions the batch tool offers to read; all of them go through the same content sniffing. */
export const SUPPORTED_EXTENSIONS = [".xlsx", ".xlsm", ".xls", ".et", ".csv"] as const;

/** Bytes looked at to tell what a file is (text needs a sample; a zip or OLE2 file, its first bytes). */
const SNIFF_BYTES = 64 * 1024 + 1;

export interface OpenInputOptions {
  /**
   * Largest total an .xlsx may unpack to (default 4 GB), and the largest text or .xls file read at
   * all (default 500 MB: those are read whole).
   */
  maxUncompressedBytes?: number;
  maxEntries?: number;
  /** Where the temporary folder for a LibreOffice conversion is made (default: the system's). */
  tmpDir?: string;
  /** How long one LibreOffice conversion may take (default 120 s). */
  timeoutMs?: number;
  /** Most cells a CSV may span (records times the widest record). */
  maxCells?: number;
}

/** An input file opened as a workbook package, whatever it was. */
export interface OpenedInput {
  pkg: WorkbookPackage;
  /** What the file really is, whatever its extension. */
  kind: "xlsx" | "xls" | "csv";
  /** For CSV: the encoding the text was read in. */
  encoding?: TextEncoding;
  /** Set when LibreOffice converted the file first. */
  convertedFrom?: "xls" | "html" | "xml";
  /** Closes the file and removes what a conversion left (call it once done). */
  close(): Promise<void>;
}

/**
 * Opens a file the way its bytes (not its name) say, as a workbook package: a zip is read in place
 * (its bytes in memory when it is small, from the file as needed when it is large); an OLE2 file
 * (.xls, .et) or an HTML/XML "Excel" export is converted by LibreOffice and the result read; text
 * is read as CSV (UTF-8 or GB18030), every field kept as the text it is. The input is only read.
 * Every failure is a {@link FileError} naming the file by its base name.
 */
export async function openInput(
  filePath: string,
  options: OpenInputOptions = {}
): Promise<OpenedInput> {
  const file = path.basename(filePath);
  const maxUnpacked = options.maxUncompressedBytes ?? DEFAULT_MAX_UNPACKED_BYTES;
  const maxWhole = Math.min(maxUnpacked, DEFAULT_MAX_WHOLE_FILE_BYTES);
  let stat;
  try {
    stat = await fs.stat(filePath);
  } catch (e) {
    throw readError(e, file);
  }
  if (stat.isDirectory())
    throw new FileError("file-unreadable", { file, reason: { kind: "is-folder" } });
  if (!stat.isFile()) throw new FileError("not-a-spreadsheet", { file });
  if (stat.size === 0) throw new FileError("file-empty", { file });
  const readWhole = async (): Promise<Buffer> => {
    if (stat.size > maxWhole)
      throw new FileError("too-large", { file, limit: { bytes: maxWhole } });
    try {
      return await fs.readFile(filePath, { flag: "r" });
    } catch (e) {
      throw readError(e, file);
    }
  };
  const small = stat.size <= READ_WHOLE_UP_TO;
  let head: Buffer;
  if (small) head = await readWhole();
  else {
    try {
      const h = await fs.open(filePath, "r");
      try {
        head = Buffer.alloc(SNIFF_BYTES);
        const { bytesRead } = await h.read(head, 0, SNIFF_BYTES, 0);
        head = head.subarray(0, bytesRead);
      } finally {
        await h.close();
      }
    } catch (e) {
      throw readError(e, file);
    }
  }
  try {
    switch (sniffKind(head)) {
      case "empty":
        throw new FileError("file-empty", { file });
      case "binary":
        throw new FileError("not-a-spreadsheet", { file });
      case "zip": {
        let source: ByteSource;
        try {
          source = small ? bytesSource(head) : await fileSource(filePath);
        } catch (e) {
          throw readError(e, file);
        }
        return { ...(await openPackage(source, file, maxUnpacked, options)), kind: "xlsx" };
      }
      case "ole2": {
        const bytes = small ? head : await readWhole();
        if (isEncryptedOoxml(bytes)) throw new FileError("password-protected", { file });
        if (!hasOle2WorkbookStream(bytes)) throw new FileError("not-a-spreadsheet", { file });
        try {
          return {
            ...(await convertAndOpen(filePath, file, maxUnpacked, options)),
            kind: "xls",
            convertedFrom: "xls",
          };
        } catch (e) {
          if (isFileError(e) && e.code === "conversion-failed" && isEncryptedXls(bytes))
            throw new FileError("password-protected", { file });
          throw e;
        }
      }
      case "text": {
        const { text, encoding } = decodeText(small ? head : await readWhole());
        if (isMarkupText(text)) {
          const from =
            /^\uFEFF?\s*<\?xml/i.test(text) && !/<html/i.test(text.slice(0, 4096)) ? "xml" : "html";
          return {
            ...(await convertAndOpen(filePath, file, maxUnpacked, options)),
            kind: "xls",
            convertedFrom: from,
          };
        }
        const { sheetName, rows } = csvRows(text, file, {
          maxCells: options.maxCells ?? DEFAULT_MAX_CELLS,
          excelLimits: true,
        });
        const { pkg } = await valuesWorkbook(sheetName, rows, nodeCodec, file);
        return { pkg, kind: "csv", encoding, close: async () => undefined };
      }
    }
  } catch (e) {
    if (isFileError(e)) throw e;
    // Anything else (a reader meeting what it did not foresee) means the file cannot be read.
    throw new FileError("corrupt-workbook", { file });
  }
}

async function openPackage(
  source: ByteSource,
  file: string,
  maxUnpacked: number,
  options: OpenInputOptions
): Promise<{ pkg: WorkbookPackage; close(): Promise<void> }> {
  try {
    const zip = await ZipReader.open(source, nodeCodec, {
      file,
      maxEntries: options.maxEntries ?? DEFAULT_MAX_ZIP_ENTRIES,
      maxUncompressedBytes: maxUnpacked,
    });
    return { pkg: await WorkbookPackage.open(zip, file), close: () => source.close() };
  } catch (e) {
    await source.close();
    throw e;
  }
}

/** Converts the file with LibreOffice in a temporary folder of its own and opens the result; closing removes the folder. */
async function convertAndOpen(
  filePath: string,
  file: string,
  maxUnpacked: number,
  options: OpenInputOptions
): Promise<{ pkg: WorkbookPackage; close(): Promise<void> }> {
  let tmp: string;
  try {
    // Named for this process, so that a killed run's folder can be told and removed (tempFiles.ts).
    tmp = await fs.mkdtemp(
      path.join(options.tmpDir ?? os.tmpdir(), `uf-ledger-xls-${process.pid}-`)
    );
  } catch {
    throw new FileError("conversion-failed", { file, reason: { kind: "no-temp-folder" } });
  }
  const removeTmp = () => fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  try {
    const converted = await convertToXlsx(filePath, tmp, {
      file,
      timeoutMs: options.timeoutMs,
      inputExtension: ".xls",
    });
    let source: ByteSource;
    try {
      source = bytesSource(await fs.readFile(converted));
    } catch (e) {
      throw readError(e, file);
    }
    const opened = await openPackage(source, file, maxUnpacked, options);
    await removeTmp();
    return opened;
  } catch (e) {
    await removeTmp();
    throw e;
  }
}

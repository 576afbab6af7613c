import { countInvalidGb18030, countInvalidUtf8, isValidUtf8 } from "./encoding";

/** What a file's bytes are, whatever its name says. */
export type FileKind = "zip" | "ole2" | "text" | "binary" | "empty";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** How much of a file the text check looks at. */
const TEXT_SAMPLE_BYTES = 64 * 1024;

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}

/**
 * Tells a zip (.xlsx, .xlsm), an OLE2 compound file (.xls, .et, an encrypted .xlsx), text (CSV)
 * and anything else apart by the first bytes. Text is a sample that holds no NUL byte, few control
 * characters, and is well-formed UTF-8 or (almost entirely) well-formed GB18030.
 */
export function sniffKind(bytes: Buffer): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP_MAGIC)) return "zip";
  if (startsWith(bytes, OLE2_MAGIC)) return "ole2";
  return looksLikeText(bytes.subarray(0, TEXT_SAMPLE_BYTES), bytes.length > TEXT_SAMPLE_BYTES)
    ? "text"
    : "binary";
}

function looksLikeText(sample: Buffer, truncated: boolean): boolean {
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) return false;
    // Tab, LF, FF, CR are text; Ctrl-Z may end old DOS files.
    if (
      (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a) ||
      b === 0x7f
    )
      controls += 1;
  }
  if (controls > 2 && controls * 100 > sample.length) return false;
  if (isValidUtf8(sample, truncated)) return true;
  // A stray damaged character in a UTF-8 or GBK file (one a thousand bytes, one at least) is still text.
  const tolerance = Math.max(1, Math.floor(sample.length / 1000));
  return (
    countInvalidUtf8(sample, truncated) <= tolerance ||
    countInvalidGb18030(sample, truncated) <= tolerance
  );
}

const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

/**
 * An .xlsx saved with an opening password is an OLE2 file holding an "EncryptedPackage" stream
 * (its directory entry names the stream in UTF-16LE).
 */
export function isEncryptedOoxml(bytes: Buffer): boolean {
  return startsWith(bytes, OLE2_MAGIC) && bytes.includes(ENCRYPTED_PACKAGE);
}

/**
 * True if an OLE2 file holds a BIFF8 workbook whose globals start with a FILEPASS record, i.e. an
 * encrypted .xls. Excel also encrypts with its built-in password ("VelvetSweatshop") when only the
 * workbook structure is protected, and LibreOffice opens those; so this only explains a failed
 * conversion, it does not decide one.
 */
export function isEncryptedXls(bytes: Buffer): boolean {
  if (!startsWith(bytes, OLE2_MAGIC)) return false;
  // BOF record: type 0x0809, length, version 0x0600 (BIFF8), substream 0x0005 (workbook globals).
  for (
    let i = bytes.indexOf(BOF_TYPE);
    i >= 0 && i + 8 <= bytes.length;
    i = bytes.indexOf(BOF_TYPE, i + 1)
  ) {
    if (bytes.readUInt16LE(i + 4) !== 0x0600 || bytes.readUInt16LE(i + 6) !== 0x0005) continue;
    const next = i + 4 + bytes.readUInt16LE(i + 2);
    if (next + 2 <= bytes.length && bytes.readUInt16LE(next) === 0x002f) return true;
  }
  return false;
}
const BOF_TYPE = Buffer.from([0x09, 0x08]);

const WORKBOOK_STREAM = Buffer.from("Workbook", "utf16le");
const BOOK_STREAM = Buffer.from("Book\0", "utf16le");

/**
 * True if an OLE2 file names a "Workbook" (Excel 97 and later, WPS) or "Book" (Excel 5/95) stream
 * in its directory. Without one it is not a workbook (a Word document, say), and LibreOffice would
 * read its bytes as text rather than fail.
 */
export function hasOle2WorkbookStream(bytes: Buffer): boolean {
  return (
    startsWith(bytes, OLE2_MAGIC) &&
    (bytes.includes(WORKBOOK_STREAM) || bytes.includes(BOOK_STREAM))
  );
}

/**
 * Text that is an HTML page or an XML Spreadsheet 2003 file: what many systems write when they
 * "export to Excel" under an .xls name. LibreOffice reads both; the CSV reader would not.
 */
export function isMarkupText(text: string): boolean {
  const head = text
    .slice(0, 1024)
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  return /^<(\?xml|!doctype html|html|table|head|body|meta)\b/.test(head);
}

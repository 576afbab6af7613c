import type { FileErrorPlace, FileErrorReason, FileErrorTexts, SizeLimit } from "../fileErrorCodes";
import { formatBytes, reasonText } from "./shared";

/** Every reason in English. */
const REASONS: FileErrorTexts["reasons"] = {
  errno: (r) => r.code,
  "no-permission": () => "permission denied",
  "disk-full": () => "the disk is full",
  "read-error": () => "a read error",
  "is-folder": () => "it is a folder",
  "name-too-long": () => "the file name is too long",
  "libreoffice-not-started": (r) => `LibreOffice could not be started: ${r.why}`,
  "timed-out": () => "timed out",
  "load-failed": () => "the source file could not be loaded",
  "exit-code": (r) => `exit code ${r.code}`,
  "no-output": () => "no output file was made",
  "no-temp-folder": () => "no temporary folder could be made",
  "sheet-damaged": (r) => `the content of sheet "${r.sheet}" is damaged`,
  "part-damaged": (r) => `its part "${r.part}" is damaged`,
  "sheet-name-too-long": (r) => `sheet name "${r.name}" is longer than Excel's 31 characters`,
  "sheet-name-invalid": (r) => `sheet name "${r.name}" breaks Excel's rules`,
  "sheet-name-duplicate": (r) => `sheet name "${r.name}" is used twice`,
  "entry-size-mismatch": () => "an entry's size differs from the zip's directory",
  "unsupported-compression": () => "an unsupported compression method",
  "compressed-data-damaged": () => "the compressed data is damaged",
  "output-too-large": () => "the output would be over 4 GB",
  "unwritable-content": () => "the workbook holds content that cannot be written",
  "unexpected-error": () => "an unexpected error while reading",
};

/** A reason in brackets ( (timed out)), or the default when none was given. */
function why(r: FileErrorReason | undefined, otherwise = ""): string {
  const t = r ? reasonText(REASONS, r) : otherwise;
  return t ? ` (${t})` : "";
}

/** (sheet "名册", row 9, column C) */
function at(p: FileErrorPlace): string {
  const w = [
    p.sheet ? `sheet "${p.sheet}"` : "",
    p.row ? `row ${p.row}` : "",
    p.column ? `column ${p.column}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return w ? ` (${w})` : "";
}

const size = (l: SizeLimit) => ("bytes" in l ? formatBytes(l.bytes) : `${l.files} files`);

/** Every file error in English. */
export const EN: FileErrorTexts = {
  reasons: REASONS,
  messages: {
    "file-not-found": (p) => `${p.file}: file not found`,
    "file-unreadable": (p) =>
      `${p.file}: cannot read the file${why(p.reason, "no permission, or in use")}`,
    "file-empty": (p) => `${p.file}: the file is empty`,
    "not-a-spreadsheet": (p) => `${p.file}: not an Excel workbook or a CSV file`,
    "corrupt-workbook": (p) => `${p.file}: the workbook is damaged or truncated${why(p.reason)}`,
    "password-protected": (p) =>
      `${p.file}: the workbook is password-protected; remove the password in Excel, save, and try again`,
    "too-large": (p) =>
      `${p.file}: it would unpack to more than ${size(p.limit)} (a zip bomb?); not processed`,
    "too-many-cells": (p) =>
      `${p.file}${at(p)}: more cells than the limit of ${p.limit} (see --max-cells)`,
    "too-many-cells-to-load": (p) =>
      `${p.file}${at(p)}: merged ranges cover more than ${p.limit} cells; not processed. Unmerge or shrink the large merged ranges`,
    "cell-too-long": (p) => `${p.file}${at(p)}: a cell holds more than Excel's 32,767 characters`,
    "beyond-sheet-limits": (p) =>
      `${p.file}${at(p)}: beyond the size of an Excel sheet (at most 1,048,576 rows and 16,384 columns)`,
    "libreoffice-missing": (p) =>
      `${p.file}: reading .xls/.et needs LibreOffice, which is not installed (Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui)`,
    "conversion-failed": (p) => `${p.file}: LibreOffice could not convert the file${why(p.reason)}`,
    "no-registry-sheet": (p) =>
      `${p.file}: no member registry found (no sheet has headers such as "姓名" in its first 10 rows)`,
    "sheet-not-found": (p) => `${p.file}: there is no sheet named "${p.sheet}"`,
    "write-failed": (p) =>
      `${p.file}: cannot write the output${why(p.reason, "no permission, or disk full")}`,
    "temp-failed": (p) =>
      `${p.file}: the temporary folder cannot be used${why(p.reason, "no permission, or disk full")}; not processed`,
    "output-is-input": (p) => `${p.file}: the output would overwrite an input; refused`,
  },
};

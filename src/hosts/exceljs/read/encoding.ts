import * as iconv from "iconv-lite";

/** The text encodings the readers recognise: UTF-8 (with or without BOM) and GB18030/GBK as Chinese Excel writes it. */
export type TextEncoding = "utf-8" | "gb18030";

/**
 * True if the bytes are well-formed UTF-8. With `allowTruncatedEnd`, a multi-byte sequence cut
 * off by the end of the buffer is accepted (for checking the first part of a file).
 */
export function isValidUtf8(bytes: Uint8Array, allowTruncatedEnd = false): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: allowTruncatedEnd });
    return true;
  } catch {
    return false;
  }
}

/**
 * Counts the byte sequences that are not well-formed GB18030 (which includes GBK and GB2312):
 * ASCII; a lead byte 81–FE with a trail 40–7E or 80–FE; or 81–FE 30–39 81–FE 30–39.
 * A sequence cut off by the end of the buffer counts as bad unless `allowTruncatedEnd`.
 */
export function countInvalidGb18030(bytes: Uint8Array, allowTruncatedEnd = false): number {
  let bad = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    if (b === 0x80 || b === 0xff) {
      bad += 1;
      i += 1;
      continue;
    }
    if (i + 1 >= n) {
      if (!allowTruncatedEnd) bad += 1;
      break;
    }
    const b2 = bytes[i + 1];
    if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) {
      i += 2;
    } else if (b2 >= 0x30 && b2 <= 0x39) {
      if (i + 3 >= n) {
        if (!allowTruncatedEnd) bad += 1;
        break;
      }
      const b3 = bytes[i + 2];
      const b4 = bytes[i + 3];
      if (b3 >= 0x81 && b3 <= 0xfe && b4 >= 0x30 && b4 <= 0x39) i += 4;
      else {
        bad += 1;
        i += 1;
      }
    } else {
      bad += 1;
      i += 1;
    }
  }
  return bad;
}

/**
 * Counts the byte sequences that are not well-formed UTF-8 (each maximal bad part once, as a
 * decoder replaces them). A sequence cut off by the end of the buffer counts as bad unless
 * `allowTruncatedEnd`.
 */
export function countInvalidUtf8(bytes: Uint8Array, allowTruncatedEnd = false): number {
  let bad = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    // The length of the sequence, and the range of its second byte (the others are 80–BF).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else {
      bad += 1;
      i += 1;
      continue;
    }
    let k = 1;
    while (k < length && i + k < n) {
      const c = bytes[i + k];
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) break;
      k += 1;
    }
    if (k === length) i += length;
    else if (i + k >= n) {
      if (!allowTruncatedEnd) bad += 1;
      break;
    } else {
      bad += 1;
      i += k;
    }
  }
  return bad;
}

/**
 * Decodes text as a spreadsheet program would: strict UTF-8 (a BOM is dropped) if the bytes are
 * valid UTF-8, else GB18030 (a superset of GBK, what Chinese Excel writes as "CSV"); but UTF-8
 * with a damaged byte or two (fewer bad sequences than as GB18030) stays UTF-8, the damage
 * replaced by U+FFFD, rather than every character of it being misread.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    if (countInvalidUtf8(bytes) < countInvalidGb18030(bytes))
      return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
    const text = iconv.decode(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      "gb18030"
    );
    // GB18030 has a BOM too (84 31 95 33), which iconv-lite keeps.
    return { text: text.replace(/^\uFEFF/, ""), encoding: "gb18030" };
  }
}

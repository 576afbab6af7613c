/**
 * Sizes of Office.js requests. Excel on the web refuses a request or a response over 5 MB
 * (RichApi.Error RequestPayloadSizeLimitExceeded); one context.sync() sends everything queued
 * since the last one as ONE request. So what is queued between two syncs is measured here,
 * and large writes and reads are cut where the measure says, not at a fixed row count.
 */

/** Excel on the web's limit for one request or response. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** What one request may carry by our estimate: a fifth under the limit, for what we do not count. */
export const DEFAULT_REQUEST_BUDGET = 4_000_000;

/** Bytes of one queued operation besides its arguments: action, object path, ids (generous). */
export const OP_BYTES = 300;

/** The length in UTF-8 of a string (a Han character is 3 bytes), without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The size of a value as JSON in UTF-8: what it adds to a request. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "null");
}

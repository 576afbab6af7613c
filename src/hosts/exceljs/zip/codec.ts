/**
 * Raw DEFLATE (what zip entries hold) and CRC-32, as each platform has them natively: Node's zlib
 * (node/nodeCodec.ts) and the browser's CompressionStream (browser/webCodec.ts). Native codecs are
 * 3 to 9 times faster here than deflate written in JavaScript.
 */
export interface Codec {
  /** Inflates raw DEFLATE data as it comes, chunk by chunk. */
  inflate(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array>;
  /**
   * Inflates a whole (small) entry in one call, stopping past `maxOutput` bytes (so the result is
   * longer than maxOutput when the data holds more). Absent where the platform has no such call.
   */
  inflateWhole?(data: Uint8Array, maxOutput: number): Uint8Array;
  /** Deflates as the input comes. */
  deflate(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array>;
  /** CRC-32 of data, continuing from crc (0 to start). */
  crc32(data: Uint8Array, crc: number): number;
}

let table: Int32Array | null = null;

function crcTable(): Int32Array {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
}

/** CRC-32 (the zip one, polynomial 0xEDB88320) in JavaScript, for platforms without a native one. */
export function crc32(data: Uint8Array, crc = 0): number {
  const t = (table ??= crcTable());
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

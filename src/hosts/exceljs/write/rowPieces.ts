import type { Batches } from "../asyncItems";
import { PACE_ROWS, PIECE, pace } from "../pacing";

/**
 * The sheet XML of rows that come in batches: each item's row (`rowXml`, which may have to wait)
 * joined and handed on in pieces under V8's large-object size (see zipWriter.ts), with a pause
 * every PACE_ROWS rows so that the thread can answer (Ctrl+C, the page).
 */
export async function* rowPieces<T>(
  batches: Batches<T>,
  rowXml: (item: T) => string | Promise<string>
): AsyncGenerator<string> {
  let since = 0;
  for await (const batch of batches) {
    let xml = "";
    for (const item of batch) {
      const row = rowXml(item);
      xml += typeof row === "string" ? row : await row;
      if (xml.length >= PIECE) {
        yield xml;
        xml = "";
      }
    }
    if (xml) yield xml;
    since += batch.length;
    if (since >= PACE_ROWS) {
      since = 0;
      await pace();
    }
  }
}

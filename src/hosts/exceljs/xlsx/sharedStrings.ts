import { FileError } from "../fileError";
import { StringTable } from "./stringTable";
import { richText, rootPrefix } from "./xml";

/** Most characters of one <si> element held while it is read (a damaged part has no end to it). */
const MAX_ITEM = 16 * 1024 * 1024;

/**
 * The shared strings (xl/sharedStrings.xml) as they are inflated: each <si>'s text (rich-text runs
 * joined, phonetic runs left out), packed. Nothing but the table and one item are held.
 */
export async function readSharedStrings(
  text: AsyncIterable<string>,
  file: string
): Promise<StringTable> {
  const table = new StringTable();
  let buf = "";
  let p: string | null = null;
  let open = "";
  let close = "";
  /** Where to go on looking for the end of an item cut by the end of the text (each byte looked at once). */
  let from = 0;
  for await (const piece of text) {
    buf += piece;
    if (p === null) {
      if (buf.indexOf("<") < 0 || !/<(?:[\w.-]+:)?sst[\s>/]/.test(buf)) {
        if (buf.length > MAX_ITEM) throw new FileError("corrupt-workbook", { file });
        continue;
      }
      p = rootPrefix(buf, "sst");
      open = `<${p}si`;
      close = `</${p}si>`;
    }
    let at = 0;
    for (;;) {
      const start = buf.indexOf(open, at);
      if (start < 0) {
        at = Math.max(at, buf.length - open.length);
        break;
      }
      const gt = buf.indexOf(">", start);
      if (gt < 0) {
        at = start;
        break;
      }
      const after = buf.charCodeAt(start + open.length);
      if (
        after !== 62 &&
        after !== 47 &&
        after !== 32 &&
        after !== 9 &&
        after !== 10 &&
        after !== 13
      ) {
        at = start + open.length;
        continue;
      }
      if (buf.charCodeAt(gt - 1) === 47) {
        table.add("");
        at = gt + 1;
        continue;
      }
      const end = buf.indexOf(close, Math.max(gt, from));
      if (end < 0) {
        at = start;
        from = Math.max(gt, buf.length - close.length);
        break;
      }
      from = 0;
      table.add(richText(buf.slice(gt + 1, end), p));
      at = end + close.length;
    }
    buf = buf.slice(at);
    from = Math.max(0, from - at);
    // No string of Excel's is this long: the part is damaged (or made to exhaust memory).
    if (buf.length > MAX_ITEM) throw new FileError("corrupt-workbook", { file });
  }
  return table;
}

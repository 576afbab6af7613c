import { FileError } from "../fileError";
import { StringTable } from "./stringTable";
import { richText, rootPrefix } from "./xml";

/** Most characters of one <si> element held while it is read (a damaged part has no end to it). */
const MAX_ITEM = 16 * 1024 * 1024;

/**
 * The shared strings (xl/sharedStrings.xml) as they are inflated: each <si>'s text (rich-text runs
 * joined, phonetic runs left out), packed. Nothing but the table and one item are held.
 *
 * A part that is not whole is damaged (`corrupt-workbook`): cut short (no </sst>), with something
 * else than items between its items (a stray end tag). (A cell naming an item the part does not
 * hold is damage too: the sheet reader says so.)
 */
export async function readSharedStrings(
  text: AsyncIterable<string>,
  file: string
): Promise<StringTable> {
  const damaged = () => new FileError("corrupt-workbook", { file });
  const table = new StringTable();
  let buf = "";
  let p: string | null = null;
  let open = "";
  let close = "";
  let end = "";
  let ended = false;
  /** Where to go on looking for the end of an item cut by the end of the text (each byte looked at once). */
  let from = 0;
  for await (const piece of text) {
    if (ended) {
      if (piece.trim() !== "") throw damaged();
      continue;
    }
    buf += piece;
    if (p === null) {
      const root = /<((?:[\w.-]+:)?)sst(?=[\s>/])([^>]*?)(\/?)>/.exec(buf);
      if (!root) {
        if (buf.length > MAX_ITEM) throw damaged();
        continue;
      }
      p = rootPrefix(buf, "sst");
      open = `<${p}si`;
      close = `</${p}si>`;
      end = `</${p}sst>`;
      buf = buf.slice(root.index + root[0].length);
      if (root[3] === "/") {
        ended = true;
        buf = "";
        continue;
      }
    }
    let at = 0;
    for (;;) {
      const lt = buf.indexOf("<", at);
      // Between items only white space may stand.
      if ((lt < 0 ? buf.slice(at) : buf.slice(at, lt)).trim() !== "") throw damaged();
      if (lt < 0) {
        at = buf.length;
        break;
      }
      at = lt;
      if (buf.startsWith(end, lt)) {
        ended = true;
        at = lt + end.length;
        break;
      }
      if (buf.length - lt < Math.max(open.length, end.length) + 1) break;
      if (buf.startsWith("<!--", lt)) {
        const c = buf.indexOf("-->", lt + 4);
        if (c < 0) break;
        at = c + 3;
        continue;
      }
      // What may follow the items (<extLst>) is passed over whole; anything else is damage.
      if (!buf.startsWith(open, lt) || !/[\s>/]/.test(buf.charAt(lt + open.length))) {
        if (/^<(?:[\w.-]+:)?extLst[\s>/]/.test(buf.slice(lt, lt + 64))) {
          const c = buf.indexOf("extLst>", lt + 7);
          if (c < 0) break;
          at = c + 7;
          continue;
        }
        throw damaged();
      }
      const gt = buf.indexOf(">", lt);
      if (gt < 0) break;
      if (buf.charCodeAt(gt - 1) === 47) {
        table.add("");
        at = gt + 1;
        continue;
      }
      const e = buf.indexOf(close, Math.max(gt, from));
      if (e < 0) {
        from = Math.max(gt, buf.length - close.length);
        break;
      }
      from = 0;
      table.add(richText(buf.slice(gt + 1, e), p));
      at = e + close.length;
    }
    buf = ended ? buf.slice(at).trim() : buf.slice(at);
    from = Math.max(0, from - at);
    if (ended && buf !== "") throw damaged();
    // No string of Excel's is this long: the part is damaged (or made to exhaust memory).
    if (buf.length > MAX_ITEM) throw damaged();
  }
  if (!ended) throw damaged();
  return table;
}

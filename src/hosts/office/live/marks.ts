/**
 * A live check's marks carried out in 成员名册: a cell marked gets the fill of its severity and
 * the check's explanation, as 规范化 marks it (a note, ExcelApi 1.18; else a comment, ExcelApi
 * 1.10; else the colour only); a mark taken off loses the fill and the check's explanation. An
 * explanation someone else wrote is never changed or deleted: the cell is only coloured, and the
 * task pane lists the problem. Two phases: the explanations on those cells are looked up (notes
 * by cell; comments by reading the sheet's, two syncs), then the marks are written.
 */
import { cellAddress } from "../../../core/a1";
import type { CellRef, LiveCheck } from "../../../core/live";
import { type ApiSupport, FEATURE } from "../api";
import type { RequestBatch } from "../batch";
import { jsonBytes } from "../payload";
import { MARK_FILL } from "../styles";

/** A cell's address as the marks key it ("F12"). */
export const keyOf = (c: CellRef): string => cellAddress(c.row, c.column);

/**
 * The comments of a sheet by cell ("F12" → id and text): Excel has no lookup of a comment by cell
 * that does not fail where there is none (and looks one up by id only from ExcelApi 1.14), so the
 * sheet's comments are read, with where each is: two syncs.
 */
export async function readComments(
  context: Excel.RequestContext,
  ws: Excel.Worksheet
): Promise<Map<string, { id: string; content: string }>> {
  const comments = ws.comments;
  comments.load("items/id,items/content");
  await context.sync();
  const located = comments.items.map((c) => {
    const at = c.getLocation();
    at.load("address");
    return { c, at };
  });
  if (located.length > 0) await context.sync();
  return new Map(
    located.map(({ c, at }) => [
      at.address.replace(/^.*!/, "").replace(/\$/g, ""),
      { id: c.id, content: c.content },
    ])
  );
}

export async function applyLiveMarks(
  reads: RequestBatch,
  writes: RequestBatch,
  ws: Excel.Worksheet,
  check: Pick<LiveCheck, "mark" | "unmark">,
  api: ApiSupport
): Promise<void> {
  const cells = [...check.mark, ...check.unmark];
  if (cells.length === 0) return;
  // The explanation on each cell: a note (looked up by cell), or a comment (by reading the sheet's).
  const notes: Excel.Note[] = [];
  let comments = new Map<string, { id: string; content: string }>();
  if (api.excel(FEATURE.notes)) {
    for (const c of cells)
      await reads.add(64, () => {
        const n = ws.notes.getItemOrNullObject(keyOf(c));
        n.load("content");
        notes.push(n);
      });
    await reads.flush();
  } else if (api.excel(FEATURE.comments)) comments = await readComments(reads.context, ws);
  /** The text explaining cell i, or null where it has none. */
  const text = (i: number): string | null => {
    const n = notes[i];
    if (n) return n.isNullObject ? null : n.content;
    return comments.get(keyOf(cells[i]))?.content ?? null;
  };
  for (const [i, m] of check.mark.entries()) {
    const address = keyOf(m);
    const old = text(i);
    await writes.add(address.length + jsonBytes(m.note), () => {
      ws.getRange(address).format.fill.color = MARK_FILL[m.severity];
      // None yet: the check's is written. The check's own, another problem now: replaced.
      // Someone else's: kept (the cell is coloured, the pane lists the problem).
      if (api.excel(FEATURE.notes)) {
        if (old === null) ws.notes.add(address, m.note);
        else if (old === m.was) notes[i].content = m.note;
      } else if (api.excel(FEATURE.comments)) {
        const at = comments.get(address);
        if (!at) ws.comments.add(address, m.note);
        else if (old === m.was) ws.comments.getItem(at.id).content = m.note;
      }
    });
  }
  for (const [j, u] of check.unmark.entries()) {
    const address = keyOf(u);
    const i = check.mark.length + j;
    const old = text(i);
    await writes.add(address.length + 16, () => {
      ws.getRange(address).format.fill.clear();
      if (old === null || old !== u.was) return;
      if (api.excel(FEATURE.notes)) notes[i].delete();
      else if (api.excel(FEATURE.comments)) ws.comments.getItem(comments.get(address)!.id).delete();
    });
  }
  await writes.flush();
}

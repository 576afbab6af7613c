/**
 * A live check's marks carried out in 成员名册: a cell marked gets the fill of its severity and
 * the check's explanation, as 规范化 marks it (a note, ExcelApi 1.18; else a comment, ExcelApi
 * 1.10; else the colour only); a mark taken off loses the fill and the check's explanation. An
 * explanation someone else wrote is never changed or deleted: the cell is only coloured, and the
 * task pane lists the problem. Two phases: the explanations on those cells are looked up, then
 * the marks are written.
 */
import { cellAddress } from "../../../core/a1";
import type { CellRef, LiveCheck } from "../../../core/live";
import type { RequestBatch } from "../batch";
import { jsonBytes } from "../payload";
import { MARK_FILL } from "../styles";

/** How the marks are explained: Excel's notes, its comments, or not at all (colours only). */
export type ExplainWith = "notes" | "comments" | "none";

/** A cell's address as the marks key it ("F12"). */
export const keyOf = (c: CellRef): string => cellAddress(c.row, c.column);

/**
 * The comments of 成员名册 by cell (Excel has no lookup of a comment by cell that does not fail
 * where there is none): read once when the check starts, kept as the check adds and deletes.
 */
export class CommentIndex {
  private readonly ids = new Map<string, string>();

  /** Reads every comment of the sheet and where it is: two syncs, once. */
  static async read(
    context: Excel.RequestContext,
    ws: Excel.Worksheet
  ): Promise<{
    index: CommentIndex;
    content: Map<string, string>;
  }> {
    const comments = ws.comments;
    comments.load("items/id,items/content");
    await context.sync();
    const located = comments.items.map((c) => {
      const at = c.getLocation();
      at.load("address");
      return { c, at };
    });
    if (located.length > 0) await context.sync();
    const index = new CommentIndex();
    const content = new Map<string, string>();
    for (const { c, at } of located) {
      const address = at.address.replace(/^.*!/, "").replace(/\$/g, "");
      index.ids.set(address, c.id);
      content.set(address, c.content);
    }
    return { index, content };
  }

  id(address: string): string | undefined {
    return this.ids.get(address);
  }
  set(address: string, id: string): void {
    this.ids.set(address, id);
  }
  delete(address: string): void {
    this.ids.delete(address);
  }
}

/** An explanation on a cell, as looked up: null where there is none. */
interface Found {
  isNullObject: boolean;
  content: string;
  delete(): void;
}

export async function applyLiveMarks(
  reads: RequestBatch,
  writes: RequestBatch,
  ws: Excel.Worksheet,
  check: Pick<LiveCheck, "mark" | "unmark">,
  explain: ExplainWith,
  comments?: CommentIndex
): Promise<void> {
  const cells = [...check.mark, ...check.unmark];
  if (cells.length === 0) return;
  const found: (Found | null)[] = [];
  if (explain === "notes") {
    for (const c of cells)
      await reads.add(64, () => {
        const n = ws.notes.getItemOrNullObject(keyOf(c));
        n.load("content");
        found.push(n);
      });
  } else if (explain === "comments") {
    for (const c of cells) {
      const id = comments?.id(keyOf(c));
      if (id === undefined) found.push(null);
      else
        await reads.add(64, () => {
          const n = ws.comments.getItemOrNullObject(id);
          n.load("content");
          found.push(n);
        });
    }
  }
  await reads.flush();
  const exists = (f: Found | null | undefined): f is Found => !!f && !f.isNullObject;
  const added: { address: string; comment: Excel.Comment }[] = [];
  for (const [i, m] of check.mark.entries()) {
    const address = keyOf(m);
    await writes.add(address.length + jsonBytes(m.note), () => {
      ws.getRange(address).format.fill.color = MARK_FILL[m.severity];
      const f = found[i];
      if (explain === "none") return;
      if (!exists(f)) {
        if (explain === "notes") ws.notes.add(address, m.note);
        else {
          const comment = ws.comments.add(address, m.note);
          comment.load("id");
          added.push({ address, comment });
        }
      }
      // The check's own explanation, another problem now: replaced. Someone else's: kept.
      else if (f.content === m.was) f.content = m.note;
    });
  }
  for (const [j, u] of check.unmark.entries()) {
    const address = keyOf(u);
    await writes.add(address.length + 16, () => {
      ws.getRange(address).format.fill.clear();
      const f = found[check.mark.length + j];
      if (exists(f) && f.content === u.was) {
        f.delete();
        comments?.delete(address);
      }
    });
  }
  await writes.flush();
  for (const a of added) comments?.set(a.address, a.comment.id);
}

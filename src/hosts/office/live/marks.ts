/**
 * A live check's marks carried out in 成员名册: a cell marked gets the fill of its severity and
 * the check's note (as 规范化 marks it); a mark taken off loses the fill and the check's note. A
 * note someone else wrote is never changed or deleted: the cell is only coloured, and the task
 * pane lists the problem. Two phases: the notes on those cells are looked up, then the marks are
 * written (without notes, on Excel before ExcelApi 1.18, one phase: colours only).
 */
import { cellAddress } from "../../../core/a1";
import type { LiveCheck } from "../../../core/live";
import type { RequestBatch } from "../batch";
import { jsonBytes } from "../payload";
import { MARK_FILL } from "../styles";

export async function applyLiveMarks(
  reads: RequestBatch,
  writes: RequestBatch,
  ws: Excel.Worksheet,
  check: Pick<LiveCheck, "mark" | "unmark">,
  withNotes: boolean
): Promise<void> {
  const cells = [...check.mark, ...check.unmark];
  if (cells.length === 0) return;
  const notes: Excel.Note[] = [];
  if (withNotes) {
    for (const c of cells)
      await reads.add(64, () => {
        const n = ws.notes.getItemOrNullObject(cellAddress(c.row, c.column));
        n.load("content");
        notes.push(n);
      });
    await reads.flush();
  }
  for (const [i, m] of check.mark.entries()) {
    const address = cellAddress(m.row, m.column);
    await writes.add(address.length + jsonBytes(m.note), () => {
      ws.getRange(address).format.fill.color = MARK_FILL[m.severity];
      if (!withNotes) return;
      const n = notes[i];
      if (n.isNullObject) ws.notes.add(address, m.note);
      // The check's own note, another problem now: replaced. Someone else's: kept.
      else if (n.content === m.was) n.content = m.note;
    });
  }
  for (const [j, u] of check.unmark.entries()) {
    const address = cellAddress(u.row, u.column);
    await writes.add(address.length + 16, () => {
      ws.getRange(address).format.fill.clear();
      const n = withNotes ? notes[check.mark.length + j] : null;
      if (n && !n.isNullObject && n.content === u.was) n.delete();
    });
  }
  await writes.flush();
}

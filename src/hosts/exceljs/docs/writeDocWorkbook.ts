import path from "node:path";
import type { SheetDoc } from "../../../core/docs/sheetDoc";
import { nodeCodec } from "../node/nodeCodec";
import { writeWorkbookFile } from "../node/writeWorkbookFile";
import { docSheet } from "../write/docSheet";
import { emptyWorkbook } from "../xlsx/emptyWorkbook";

/**
 * Writes sheet documents as a workbook of their own (nothing else in it), atomically: a temp file
 * beside `out`, renamed over it once complete (the command line's 关怀提醒). The first is active.
 */
export async function writeDocWorkbook(docs: readonly SheetDoc[], out: string): Promise<void> {
  const base = await emptyWorkbook(nodeCodec, path.basename(out));
  await writeWorkbookFile(base, out, async (w) => {
    for (const [i, doc] of docs.entries()) await w.addSheet(docSheet(doc, w.styles, 1900, i === 0));
    await w.finish(
      docs.map((d) => d.name),
      docs[0].name
    );
  });
}

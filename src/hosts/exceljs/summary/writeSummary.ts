import type { LocalTime } from "../../../core/localTime";
import { localNow } from "../../localClock";
import path from "node:path";
import {
  type SummaryInput,
  type SummaryPeriod,
  type UnreadableRow,
  summaryDocs,
} from "../../../core/summary";
import { nodeCodec } from "../node/nodeCodec";
import { docSheet } from "../write/docSheet";
import { emptyWorkbook } from "../xlsx/emptyWorkbook";
import { writeWorkbookFile } from "../node/writeWorkbookFile";

export interface SummaryWritten {
  sheet: string;
  unreadable: UnreadableRow[];
}

/** Writes the summary workbook (季度汇总-2026Q3 or 年度汇总-2026, and 汇总说明), atomically. */
export async function writeSummary(
  sources: readonly SummaryInput[],
  period: SummaryPeriod,
  out: string,
  madeAt: LocalTime = localNow()
): Promise<SummaryWritten> {
  const s = summaryDocs(sources, period, madeAt);
  const base = await emptyWorkbook(nodeCodec, path.basename(out));
  await writeWorkbookFile(base, out, async (w) => {
    for (const doc of s.docs) await w.addSheet(docSheet(doc, w.styles, 1900, doc.name === s.sheet));
    await w.finish(
      s.docs.map((d) => d.name),
      s.sheet
    );
  });
  return { sheet: s.sheet, unreadable: s.unreadable };
}

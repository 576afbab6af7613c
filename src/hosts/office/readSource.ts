import type { SummarySource } from "../../core/summary/sources";
import type { HostEnv } from "./env";
import { rawRows, readHeads, readWhole } from "./readSheets";
import { type WorkbookInfo, isReportSheet, readWorkbookInfo } from "./workbook";

/**
 * The open workbook as the core's summary reads a workbook: every sheet but what this add-in
 * writes besides the logs (the logs are data), merged cells filled, in tab order (the core picks the
 * registry, 成员名册 of equally good ones). A fixed number of syncs, plus what the 5 MB limit forces.
 */
export async function readSource(
  env: HostEnv,
  asOf: Date,
  progress: { from: number; to: number; label: string }
): Promise<{ info: WorkbookInfo; source: SummarySource }> {
  env.progress(progress.from, progress.label);
  const info = await readWorkbookInfo(env.context);
  const names = info.sheets.map((s) => s.name).filter((n) => !isReportSheet(n));
  const heads = await readHeads(env.context, names);
  const sheets = await readWhole(env.reads, heads, env.api, {
    withMerges: new Set(names),
    progress: (done, total) =>
      env.progress(
        progress.from + ((progress.to - progress.from) * done) / Math.max(1, total),
        progress.label
      ),
  });
  return {
    info,
    source: {
      file: info.name,
      dateSystem: info.dateSystem,
      asOf,
      sheets: sheets.map((d) => ({ name: d.name, rows: rawRows(d, info.dateSystem) })),
    },
  };
}

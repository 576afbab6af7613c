import { Command, Option } from "commander";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileErrorMessage } from "../../src/core/fileErrors";
import { shownText } from "../../src/core/privacy";
import { parseQuarter } from "../../src/core/summary/quarter";
import type { Locale } from "../../src/core/types";
import { isOneOf, splitReads, writeSummary } from "../../src/hosts/exceljs";
import { collectInputs } from "./inputs";
import { PDF_TEXT, printSheetPdf } from "./pdf";
import { mapInPool } from "./pool";
import { makeProgress } from "./progress";
import readSourceTask, { type SourceTask } from "./sourceWorker";

export class SummaryUsageError extends Error {}

export const SUMMARY_TEXT = {
  "zh-CN": {
    summary: "季度汇总：跨多个支部工作簿统计关键指标、成员构成和各支部活动",
    inputs: "工作簿或文件夹",
    quarter: "季度，如 2026Q3、2026-Q3、2026年第三季度",
    year: "年份：生成年度汇总（每季度一列）",
    out: "输出工作簿，如 summary.xlsx",
    needPeriod: "请用 --quarter 指定季度（如 2026Q3），或用 --year 指定年份",
    badQuarter: (v: string) => `季度“${v}”无法识别，请写成 2026Q3 或 2026年第三季度`,
    badYear: (v: string) => `年份“${v}”无法识别`,
    noInputs: "没有找到要汇总的表格文件",
    progress: "读取中",
    badJobs: "--jobs 应为正整数",
    isInput: "输出文件不能是输入文件之一",
    unreadable: (n: number) => `${n} 行日期无法识别，未计入（详见输出工作簿的“汇总说明”）：`,
    row: (f: string, s: string, r: number, c: string, v: string) =>
      `  ${f} 工作表“${s}”第 ${r} 行 ${c}：“${v}”`,
    done: (sheet: string, out: string, n: number) => `已汇总 ${n} 个工作簿，生成“${sheet}”：${out}`,
  },
  en: {
    summary: "quarterly summary: key figures, composition and activity across branch workbooks",
    inputs: "workbooks or folders",
    quarter: "quarter, e.g. 2026Q3, 2026-Q3, 2026年第三季度",
    year: "a year: an annual summary (a column per quarter)",
    out: "output workbook, e.g. summary.xlsx",
    needPeriod: "give --quarter (e.g. 2026Q3) or --year",
    badQuarter: (v: string) => `quarter "${v}" cannot be read; write it as 2026Q3`,
    badYear: (v: string) => `year "${v}" cannot be read`,
    noInputs: "no spreadsheet files found",
    progress: "Reading",
    badJobs: "--jobs must be a positive whole number",
    isInput: "the output cannot be one of the inputs",
    unreadable: (n: number) =>
      `${n} rows with unreadable dates were not counted (see the 汇总说明 sheet):`,
    row: (f: string, s: string, r: number, c: string, v: string) =>
      `  ${f} sheet "${s}" row ${r} ${c}: "${v}"`,
    done: (sheet: string, out: string, n: number) =>
      `Summarised ${n} workbooks into "${sheet}": ${out}`,
  },
};

/** --jobs as given (a positive whole number), or undefined when not given. */
function jobsOption(value: string | undefined, bad: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new SummaryUsageError(bad);
  return n;
}

export function addSummaryCommand(
  program: Command,
  locale: Locale,
  setExit: (c: number) => void,
  common: (c: Command) => Command
): void {
  const t = SUMMARY_TEXT[locale];
  common(program.command("summary").description(t.summary).argument("<inputs...>", t.inputs))
    .addOption(new Option("--quarter <quarter>", t.quarter))
    .addOption(new Option("--year <year>", t.year))
    .requiredOption("--out <file>", t.out)
    .addOption(new Option("--pdf", PDF_TEXT[locale].option))
    .action(async (args: string[], o) => {
      // The console shows no ID number or phone unless --show-pii; the summary sheets never do.
      const say = (text: string) => shownText(text, o.showPii) + "\n";
      let period: Parameters<typeof writeSummary>[1];
      if (o.quarter) {
        const q = parseQuarter(o.quarter);
        if (!q) throw new SummaryUsageError(shownText(t.badQuarter(o.quarter), o.showPii));
        period = { kind: "quarter", quarter: q };
      } else if (o.year) {
        if (!/^\d{4}$/.test(o.year))
          throw new SummaryUsageError(shownText(t.badYear(o.year), o.showPii));
        period = { kind: "year", year: Number(o.year) };
      } else throw new SummaryUsageError(t.needPeriod);
      const readJobs = (v: string | undefined) => jobsOption(v, t.badJobs);
      const out = path.resolve(o.out);
      const inputs = await collectInputs(args);
      if (inputs.length === 0) throw new SummaryUsageError(t.noInputs);
      if (await isOneOf(out, inputs)) throw new SummaryUsageError(t.isInput);
      // Readers: this thread and jobs − 1 workers. By default one core fewer than there are: a
      // reader keeps about 1.3 cores busy (V8 collects its garbage on helper threads), so on two
      // cores a second reader makes it no faster (bench case 4).
      const jobs = Math.min(
        inputs.length,
        readJobs(o.jobs) ?? Math.max(1, os.availableParallelism() - 1)
      );
      const progress = makeProgress(inputs.length, t.progress, !!o.quiet);
      let read = 0;
      const reads = await mapInPool(
        inputs.map((input): SourceTask => ({ input })),
        jobs,
        path.join(__dirname, "sourceWorker.js"),
        readSourceTask,
        (_, i) =>
          progress.tick(
            shownText(`[${++read}/${inputs.length}] ${path.basename(inputs[i])}`, o.showPii)
          ),
        { hereToo: true }
      );
      progress.stop();
      const { sources, failures } = splitReads(reads);
      for (const f of failures) process.stderr.write(say(fileErrorMessage(f, locale)));
      await fs.mkdir(path.dirname(out), { recursive: true });
      const written = await writeSummary(sources, period, out);
      if (written.unreadable.length > 0) {
        process.stdout.write(say(t.unreadable(written.unreadable.length)));
        for (const u of written.unreadable)
          process.stdout.write(say(t.row(u.file, u.sheet, u.row, u.column, String(u.value ?? ""))));
      }
      process.stdout.write(say(t.done(written.sheet, out, sources.length)));
      // The summary sheet only; 汇总说明 (sources, transfers, unreadable rows) is not printed.
      const pdf = o.pdf ? await printSheetPdf(out, written.sheet, inputs, locale, o.showPii) : 0;
      setExit(Math.max(pdf, failures.length > 0 ? 2 : written.unreadable.length > 0 ? 1 : 0));
    });
}

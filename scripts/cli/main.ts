import { Command, CommanderError, Help, Option } from "commander";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileErrorMessage } from "../../src/core/fileErrors";
import { renderProblem } from "../../src/core/messages";
import { shownText } from "../../src/core/privacy";
import type { Locale } from "../../src/core/types";
import type { FileOutcome } from "../../src/hosts/exceljs";
import { DocsUsageError, addDocsCommands } from "./docsCommands";
import { RemindUsageError, addRemindCommand } from "./remindCommand";
import { SummaryUsageError, addSummaryCommand } from "./summaryCommand";
import { type CliText, cliText, localeFromArgv } from "./i18n";
import { collectInputs, outputPaths } from "./inputs";
import { makeProgress } from "./progress";
import { makeReport, writeReport } from "./report";
import { runBatch } from "./runBatch";
import { renderTable } from "./table";
import { cleanUpOnSignal } from "./cleanup";
import { removeStaleTemps } from "../../src/hosts/exceljs";

/** Exit codes: 0 no errors in the data; 1 data problems found; 2 a file could not be read or written. */
export const EXIT = { ok: 0, problems: 1, failed: 2 } as const;

interface CommonOptions {
  lang?: string;
  jobs?: string;
  quiet?: boolean;
  sheet?: string;
  maxCells?: string;
  maxSize?: string;
  showPii?: boolean;
}

const VERSION: string = (() => {
  try {
    return require(path.join(__dirname, "..", "..", "..", "package.json")).version as string;
  } catch {
    return "0.0.0";
  }
})();

class UsageError extends Error {}

function positive(
  value: string | undefined,
  name: string,
  t: CliText,
  integer: boolean
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
    throw new UsageError(integer ? t.badJobs : t.badNumber(name));
  return n;
}

function printProblems(
  outcome: FileOutcome,
  t: CliText,
  locale: Locale,
  showPii: boolean,
  limit = 20
): void {
  if (outcome.problems.length === 0) return;
  // Which file and sheet the rows below are in.
  const where = t.problemsOf(path.basename(outcome.input), outcome.sheet ?? "");
  process.stdout.write(shownText(where, showPii) + "\n");
  const shown = outcome.problems.slice(0, limit);
  for (const p of shown) {
    const line = t.problemLine(p.row, p.name, p.column, renderProblem(p, locale).message);
    process.stdout.write(shownText(line, showPii) + "\n");
  }
  if (outcome.problems.length > limit)
    process.stdout.write(t.more(outcome.problems.length - limit) + "\n");
}

async function runFiles(
  kind: "convert" | "check",
  args: string[],
  opts: CommonOptions & { out?: string; dryRun?: boolean; resume?: boolean },
  locale: Locale
): Promise<number> {
  const t = cliText(locale);
  const jobs = positive(opts.jobs, "--jobs", t, true) ?? Math.max(1, os.availableParallelism());
  const maxCells = positive(opts.maxCells, "--max-cells", t, true);
  const maxSizeMb = positive(opts.maxSize, "--max-size", t, false);
  if (kind === "convert" && !opts.out) throw new UsageError(t.outRequired);
  const outDir = kind === "convert" ? path.resolve(opts.out!) : null;
  const inputs = await collectInputs(args, outDir ? [outDir] : []);
  if (inputs.length === 0) throw new UsageError(t.noInputs);
  const write = outDir !== null && !opts.dryRun;
  if (write) {
    await fs.mkdir(outDir!, { recursive: true });
    // What killed runs left behind: half-written outputs, spooled rows with personal data.
    removeStaleTemps([outDir!]);
    cleanUpOnSignal([outDir!], t.interrupted);
  }
  const outputs = outDir ? outputPaths(inputs, outDir) : inputs.map(() => null);
  const progress = makeProgress(inputs.length, t.progress, !!opts.quiet);
  const outcomes = await runBatch(
    inputs.map((input, i) => ({ input, output: outputs[i] })),
    {
      inputs,
      sheet: opts.sheet,
      locale,
      dryRun: !write,
      maxCells,
      maxUncompressedBytes: maxSizeMb ? maxSizeMb * 1024 * 1024 : undefined,
    },
    { jobs, resume: !!opts.resume, shape: { sheet: opts.sheet ?? null, locale, tool: VERSION } },
    (o, i) => {
      const text = o.error
        ? fileErrorMessage(o.error, locale)
        : `${t.counts(o.counts!.members, o.counts!.changes, o.counts!.errors, o.counts!.warnings)}${o.resumed ? t.resumedLine : ""}`;
      progress.tick(
        shownText(t.fileLine(i + 1, inputs.length, path.basename(o.input), text), opts.showPii)
      );
    }
  );
  progress.stop();
  if (kind === "check" && !opts.quiet)
    for (const o of outcomes) printProblems(o, t, locale, !!opts.showPii);
  for (const o of outcomes)
    if (o.error)
      process.stderr.write(shownText(fileErrorMessage(o.error, locale), opts.showPii) + "\n");
  const tt = t.table;
  process.stdout.write(
    renderTable(
      [tt.file, tt.members, tt.changes, tt.errors, tt.warnings, tt.status],
      outcomes.map((o) => [
        shownText(path.basename(o.input), opts.showPii),
        o.counts?.members ?? 0,
        o.counts?.changes ?? 0,
        o.counts?.errors ?? 0,
        o.counts?.warnings ?? 0,
        t.status[o.status],
      ])
    ) + "\n"
  );
  const resumed = outcomes.filter((o) => o.resumed).length;
  if (resumed > 0) process.stdout.write(t.resumed(resumed) + "\n");
  if (write) {
    const report = makeReport(kind, VERSION, outcomes, !!opts.showPii, locale);
    const p = await writeReport(outDir!, report);
    const done = t.done(inputs.length, outDir) + "\n" + t.reportWritten(p);
    process.stdout.write(shownText(done, opts.showPii) + "\n");
  } else {
    if (outDir) process.stdout.write(t.dryRunNote + "\n");
    else process.stdout.write(t.done(inputs.length, null) + "\n");
  }
  if (outcomes.some((o) => o.status === "failed")) return EXIT.failed;
  return outcomes.some((o) => o.status === "problems") ? EXIT.problems : EXIT.ok;
}

function translateCommanderError(e: CommanderError, t: CliText): string {
  const m = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  switch (e.code) {
    case "commander.unknownOption":
      return t.unknownOption(m);
    case "commander.unknownCommand":
      return t.unknownCommand(m);
    case "commander.missingArgument":
      return t.missingArgument(m);
    case "commander.optionMissingArgument":
      return t.missingOptionValue(m);
    case "commander.missingMandatoryOptionValue":
      return t.requiredOption(m.split(" ")[0]);
    default:
      return t.usageError;
  }
}

export function buildProgram(locale: Locale, setExit: (code: number) => void): Command {
  const t = cliText(locale);
  const program = new Command("uf-ledger");
  program
    .description(t.description)
    .version(VERSION, "-V, --version", t.version)
    .helpOption("-h, --help", t.help)
    .helpCommand("help [command]", t.helpCommand)
    .configureHelp({ styleTitle: (s: string) => t.titles[s] ?? s } as Partial<Help>)
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
  const common = (c: Command) =>
    c
      .addOption(new Option("--sheet <name>", t.sheet))
      .addOption(new Option("--jobs <n>", t.jobs))
      .addOption(new Option("--lang <lang>", t.lang).choices(["zh", "zh-CN", "en", "en-US"]))
      .addOption(new Option("--quiet", t.quiet))
      .addOption(new Option("--max-cells <n>", t.maxCells))
      .addOption(new Option("--max-size <mb>", t.maxSize))
      .addOption(new Option("--show-pii", t.showPii))
      .helpOption("-h, --help", t.help)
      .configureHelp({ styleTitle: (s: string) => t.titles[s] ?? s } as Partial<Help>)
      .exitOverride()
      .configureOutput({ writeErr: () => undefined });
  common(program.command("convert").description(t.convert).argument("<inputs...>", t.inputs))
    .requiredOption("--out <dir>", t.out)
    .option("--dry-run", t.dryRun)
    .option("--resume", t.resume)
    .action(async (inputs: string[], opts) =>
      setExit(await runFiles("convert", inputs, opts, locale))
    );
  addDocsCommands(program, locale, setExit, common);
  addSummaryCommand(program, locale, setExit, common);
  addRemindCommand(program, locale, setExit, common);
  common(program.command("check").description(t.check).argument("<inputs...>", t.inputs)).action(
    async (inputs: string[], opts) => setExit(await runFiles("check", inputs, opts, locale))
  );
  return program;
}

/** Runs the command line and returns the exit code; never throws, never prints a stack trace. */
export async function main(argv: readonly string[]): Promise<number> {
  const locale = localeFromArgv(argv);
  const t = cliText(locale);
  // Errors repeat what was typed, which may hold an ID or a phone number.
  const showPii = argv.includes("--show-pii");
  const fail = (message: string) => process.stderr.write(shownText(message, showPii) + "\n");
  let code: number = EXIT.ok;
  const program = buildProgram(locale, (c) => (code = c));
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.ok;
    }
    // Ctrl+C in any command: LibreOffice stopped (in the worker threads too), temp files removed.
    // A command that writes outputs says more and adds its output folder (cleanUpOnSignal again).
    cleanUpOnSignal([], t.interruptedTemps);
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === "commander.helpDisplayed" ||
        e.code === "commander.version" ||
        e.code === "commander.help"
      )
        return EXIT.ok;
      fail(translateCommanderError(e, t));
      return EXIT.failed;
    }
    if (
      e instanceof UsageError ||
      e instanceof DocsUsageError ||
      e instanceof SummaryUsageError ||
      e instanceof RemindUsageError
    ) {
      fail(e.message);
      return EXIT.failed;
    }
    fail(e instanceof Error ? e.message.split("\n")[0] : String(e));
    return EXIT.failed;
  }
}

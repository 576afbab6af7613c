/**
 * npm run bench [-- --quick] [-- --only convert,engine] [-- --keep]
 *
 * Generates its data (seeded) in a temp folder, runs each case, prints a table and writes
 * bench/results.json. Every figure is a ratio to a baseline measured in this run, a size or a
 * count; nothing here is a pass/fail test of the tool's speed, but the exit code is 1 when a case
 * could not run at all. --quick runs every case at a tenth of the size (CI runs it).
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import "./outsideJest";
import { type BenchContext, CASES, type CaseResult } from "./cases";

interface Args {
  quick: boolean;
  only: string[] | null;
  keep: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const only = argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
  const i = argv.indexOf("--only");
  const list = only ?? (i >= 0 ? argv[i + 1] : undefined);
  return {
    quick: argv.includes("--quick"),
    only: list ? list.split(",").map((s) => s.trim()) : null,
    keep: argv.includes("--keep"),
  };
}

/** The machine the figures were measured on. */
function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - [...s].length));

function table(results: readonly CaseResult[]): string {
  const rows = results.map((r) => [
    r.title,
    `${r.figure} ${r.unit}`,
    r.target,
    r.met ? "met" : "MISSED",
  ]);
  const head = ["case", "figure", "target", ""];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => [...r[c]].length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i])).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "uf-bench-"));
  const ctx: BenchContext = {
    scale: args.quick ? 0.1 : 1,
    dir,
    log: (l) => process.stdout.write(`${l}\n`),
  };
  const started = Date.now();
  const results: CaseResult[] = [];
  let failed = 0;
  try {
    for (const run of CASES) {
      const id = run.name;
      if (args.only && !args.only.some((o) => id.toLowerCase().includes(o.toLowerCase()))) continue;
      process.stdout.write(`▶ ${id}\n`);
      const t = Date.now();
      try {
        const got = await run(ctx);
        for (const r of Array.isArray(got) ? got : [got]) {
          results.push(r);
          process.stdout.write(
            `  ${r.title}: ${r.figure} ${r.unit} (target ${r.target}: ${r.met ? "met" : "MISSED"})\n` +
              `  ${JSON.stringify(r.details)}\n`
          );
        }
        process.stdout.write(`  (${((Date.now() - t) / 1000).toFixed(1)} s)\n`);
      } catch (e) {
        failed++;
        process.stdout.write(`  FAILED: ${e instanceof Error ? e.message : String(e)}\n`);
      }
    }
  } finally {
    if (!args.keep) await fs.rm(dir, { recursive: true, force: true });
    else process.stdout.write(`data kept in ${dir}\n`);
  }
  const report = {
    date: new Date().toISOString(),
    quick: args.quick,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    machine: machine(),
    results,
  };
  const file = path.join(__dirname, "..", "..", "bench", "results.json");
  await fs.writeFile(file, JSON.stringify(report, null, 2) + "\n");
  process.stdout.write(
    `\n${table(results)}\n\n${report.seconds} s; ${path.relative(process.cwd(), file)}\n`
  );
  if (failed) process.exitCode = 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

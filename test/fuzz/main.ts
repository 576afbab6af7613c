/*
 * npm run fuzz -- [--runs N] [--seed N] [--kind all|xlsx|csv] [--workers N]
 *                 [--timeout MS] [--out DIR] [--path P] [--no-shrink] [--keep-going]
 *
 * Runs as many fuzz cases as asked through the real file readers (see driver.ts), printing progress.
 * On a failure it saves each failing file, its case and what went wrong under --out (default
 * test-artifacts/fuzz), shrinks the case, prints the seed and path that replay it, and exits 1.
 *
 *   --seed N       the cases to run (default: a new seed each time, printed first)
 *   --kind         .xlsx cases, CSV cases, or both (default)
 *   --workers N    run N worker threads, each its share of the cases under seed, seed+1, …
 *   --timeout MS   a case taking longer has hung (default 30,000)
 *   --path P       replay one case: the seed and path a failure printed (with --runs 1)
 *   --keep-going   run every case, save every failure, shrink nothing
 */
import fc from "fast-check";
import path from "node:path";
import { caseArbitrary, type CaseResult, type FuzzCase, FuzzRunner, saveFailure } from "./driver";
import { makeSeedFiles, type SeedFile } from "./seeds";

interface Args {
  runs: number;
  seed: number;
  kind: "all" | "xlsx" | "csv";
  workers: number;
  timeoutMs: number;
  out: string;
  path?: string;
  shrink: boolean;
  keepGoing: boolean;
}

const USAGE =
  "npm run fuzz -- [--runs N] [--seed N] [--kind all|xlsx|csv] [--workers N] " +
  "[--timeout MS] [--out DIR] [--path P] [--no-shrink] [--keep-going]";

function parseArgs(argv: string[]): Args {
  const args: Args = {
    runs: 2000,
    seed: Date.now() % 2 ** 31,
    kind: "all",
    workers: 1,
    timeoutMs: 30_000,
    out: path.join(process.cwd(), "test-artifacts", "fuzz"),
    shrink: true,
    keepGoing: false,
  };
  const number = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < 0)
      throw new Error(`${flag} takes a whole number\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--runs") args.runs = number(a, argv[++i]);
    else if (a === "--seed") args.seed = number(a, argv[++i]);
    else if (a === "--workers") args.workers = Math.max(1, number(a, argv[++i]));
    else if (a === "--timeout") args.timeoutMs = number(a, argv[++i]);
    else if (a === "--out") args.out = path.resolve(argv[++i] ?? ".");
    else if (a === "--path") args.path = argv[++i];
    else if (a === "--no-shrink") args.shrink = false;
    else if (a === "--keep-going") args.keepGoing = true;
    else if (a === "--kind") {
      const k = argv[++i];
      if (k !== "all" && k !== "xlsx" && k !== "csv")
        throw new Error(`--kind all|xlsx|csv\n${USAGE}`);
      args.kind = k;
    } else if (a === "--help" || a === "-h") {
      process.stdout.write(USAGE + "\n");
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  return args;
}

function arbitrary(seeds: SeedFile[], args: Args): fc.Arbitrary<FuzzCase> {
  if (args.kind === "all")
    return fc.oneof(caseArbitrary(seeds, "xlsx"), caseArbitrary(seeds, "csv"));
  return caseArbitrary(seeds, args.kind);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const seeds = await makeSeedFiles();
  const arb = arbitrary(seeds, args);
  const started = Date.now();
  let done = 0;
  let failures = 0;
  let lastReport = 0;
  const tally = new Map<string, number>();
  const count = (r: CaseResult) => {
    const key = r.outcome ? (r.outcome.error?.code ?? r.outcome.status) : "no answer";
    tally.set(key, (tally.get(key) ?? 0) + 1);
  };
  const printTally = () =>
    process.stdout.write(
      `outcomes: ${[...tally]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(", ")}\n`
    );
  const report = (force = false) => {
    const now = Date.now();
    if (!force && now - lastReport < 5000) return;
    lastReport = now;
    const rate = done / Math.max(0.001, (now - started) / 1000);
    process.stdout.write(
      `fuzz: ${done}/${args.runs} cases, ${rate.toFixed(1)}/s, ${failures} failing\n`
    );
  };
  process.stdout.write(
    `fuzz: ${args.runs} cases, seed ${args.seed}, kind ${args.kind}, ${args.workers} worker(s)\n`
  );

  // Each worker runs its own share of the cases under its own seed (seed, seed+1, …).
  const shares = Array.from(
    { length: args.workers },
    (_, i) => Math.floor(args.runs / args.workers) + (i < args.runs % args.workers ? 1 : 0)
  );
  if (args.keepGoing) {
    // Every case is run and every failure saved; nothing is shrunk.
    const saved: string[] = [];
    await Promise.all(
      shares.map(async (runs, i) => {
        const seed = args.seed + i;
        const runner = new FuzzRunner(seeds, { timeoutMs: args.timeoutMs });
        try {
          for (const c of fc.sample(arb, { numRuns: runs, seed })) {
            const r = await runner.run(c);
            count(r);
            done += 1;
            report();
            if (r.violations.length === 0) continue;
            failures += 1;
            const dir = saveFailure(args.out, seed, seeds, c, r);
            saved.push(dir);
            process.stdout.write(
              `FAIL ${dir}\n  ${r.violations[0].split("\n")[0].slice(0, 300)}\n`
            );
          }
        } finally {
          await runner.close();
        }
      })
    );
    report(true);
    printTally();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`fuzz: ${failures} of ${done} cases failed in ${seconds} s\n`);
    return failures > 0 ? 1 : 0;
  }
  const results = await Promise.all(
    shares.map(async (runs, i) => {
      const seed = args.seed + i;
      const runner = new FuzzRunner(seeds, { timeoutMs: args.timeoutMs });
      const saved: string[] = [];
      try {
        const details = await fc.check(
          fc.asyncProperty(arb, async (c) => {
            const r = await runner.run(c);
            count(r);
            done += 1;
            report();
            if (r.violations.length > 0) {
              failures += 1;
              saved.push(saveFailure(args.out, seed, seeds, c, r));
              throw new Error(r.violations.join("\n"));
            }
          }),
          {
            numRuns: runs,
            seed,
            path: args.path,
            endOnFailure: !args.shrink,
          }
        );
        return { seed, details, saved };
      } finally {
        await runner.close();
      }
    })
  );
  report(true);
  printTally();
  let failed = false;
  for (const { seed, details, saved } of results) {
    if (!details.failed) continue;
    failed = true;
    process.stdout.write(`\nFAILED (seed ${seed}, path "${details.counterexamplePath}")\n`);
    process.stdout.write(fc.defaultReportMessage(details) + "\n");
    process.stdout.write(
      `Replay: npm run fuzz -- --kind ${args.kind} --seed ${seed} --path "${details.counterexamplePath}" --runs 1\n`
    );
    process.stdout.write(`Failing files saved in:\n  ${[...new Set(saved)].join("\n  ")}\n`);
    process.stdout.write(`The last of them is the shrunk case.\n`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    failed
      ? `fuzz: failed after ${seconds} s\n`
      : `fuzz: all ${done} cases passed in ${seconds} s\n`
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
);

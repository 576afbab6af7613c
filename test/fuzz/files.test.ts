/*
 * Fuzzing of the file readers (see driver.ts): real seeded .xlsx and .csv files, mutated byte by
 * byte, in their zip structure and in the XML inside, run through convertFile (convert and check)
 * in a worker thread with a time limit. 2,000 cases by default (FUZZ_RUNS), from a fixed seed
 * (FUZZ_SEED), so that CI runs the same cases every time; `npm run fuzz` runs as many as asked.
 * A few cases also go through the real command line (bin/uf-ledger.js, built by globalSetup).
 */
import fc from "fast-check";
import { existsSync, mkdtempSync, promises as fs, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileErrorMessage } from "../../src/core/fileErrors";
import { maskSensitiveText } from "../../src/core/privacy";
import { ROOT, runCli, sha256 } from "../cli/run";
import {
  caseArbitrary,
  type CaseResult,
  type FuzzCase,
  type FuzzKind,
  FuzzRunner,
  looksLikeRawError,
  saveFailure,
} from "./driver";
import { makeSeedFiles, type SeedFile } from "./seeds";

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20081);
const XLSX_RUNS = Math.ceil(RUNS / 2);
const CSV_RUNS = RUNS - XLSX_RUNS;
/** Where failing files are saved, to reproduce them. */
const OUT = path.join(ROOT, "test-artifacts", "fuzz");

let seeds: SeedFile[];
let runner: FuzzRunner;

beforeAll(async () => {
  seeds = await makeSeedFiles();
  runner = new FuzzRunner(seeds, { timeoutMs: 30_000 });
});
afterAll(() => runner?.close());

/** Runs `runs` cases of a kind; fails with fast-check's report, the seed, path and saved files. */
async function fuzz(kind: FuzzKind, runs: number, seed: number): Promise<Map<string, number>> {
  const saved: string[] = [];
  const outcomes = new Map<string, number>();
  const details = await fc.check(
    fc.asyncProperty(caseArbitrary(seeds, kind), async (c) => {
      const r = await runner.run(c);
      const key = r.outcome ? (r.outcome.error?.code ?? r.outcome.status) : "no answer";
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      if (r.violations.length > 0) {
        saved.push(saveFailure(OUT, seed, seeds, c, r));
        throw new Error(r.violations.join("\n"));
      }
    }),
    {
      numRuns: runs,
      seed,
      // Shrinking a case that hangs takes the time limit per try: stop shrinking after a while.
      interruptAfterTimeLimit: 8 * 60_000,
      markInterruptAsFailure: true,
    }
  );
  if (details.failed)
    throw new Error(
      `${fc.defaultReportMessage(details)}\n` +
        `Failing files saved in: ${[...new Set(saved)].join(", ")}\n` +
        `Replay: npm run fuzz -- --kind ${kind} --seed ${seed} --path "${details.counterexamplePath}"`
    );
  return outcomes;
}

const count = (m: Map<string, number>, keys: string[]) =>
  keys.reduce((n, k) => n + (m.get(k) ?? 0), 0);

describe("fuzzing the file readers: no crash, no hang, no stack trace, only their own errors", () => {
  it(`${XLSX_RUNS} mutated .xlsx files`, async () => {
    const outcomes = await fuzz("xlsx", XLSX_RUNS, SEED);
    // The cases reach every layer: the zip guard, the limits, exceljs and the engine.
    expect(count(outcomes, ["ok", "problems"])).toBeGreaterThan(XLSX_RUNS * 0.1);
    expect(count(outcomes, ["corrupt-workbook"])).toBeGreaterThan(XLSX_RUNS * 0.1);
  }, 600_000);

  it(`${CSV_RUNS} mutated .csv files`, async () => {
    const outcomes = await fuzz("csv", CSV_RUNS, SEED + 1);
    expect(count(outcomes, ["ok", "problems"])).toBeGreaterThan(CSV_RUNS * 0.1);
    expect(count(outcomes, ["not-a-spreadsheet"])).toBeGreaterThan(0);
  }, 600_000);
});

describe("fuzz cases through the real command line", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-ledger-fuzz-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A few cases of each kind, some the readers refuse and some they read, from a fixed seed. */
  /** A case run, with the case itself (to run it again in another mode). */
  type Picked = CaseResult & { fuzzCase: FuzzCase };

  async function pick(kind: FuzzKind): Promise<Picked[]> {
    const failed: Picked[] = [];
    const read: Picked[] = [];
    for (const c of fc.sample(caseArbitrary(seeds, kind), { numRuns: 40, seed: SEED + 2 })) {
      const r = await runner.run(c);
      expect(r.violations).toEqual([]);
      if (r.outcome?.status === "failed") {
        if (
          failed.length < 3 &&
          !failed.some((f) => f.outcome!.error!.code === r.outcome!.error!.code)
        )
          failed.push({ ...r, fuzzCase: c });
      } else if (read.length < 2) read.push({ ...r, fuzzCase: c });
    }
    return [...failed, ...read];
  }

  it.each(["xlsx", "csv"] as const)(
    "%s: exit code 2 with one Chinese line naming the file, or 0/1; never a stack",
    async (kind) => {
      const cases = await pick(kind);
      expect(cases.length).toBeGreaterThanOrEqual(3);
      for (const c of cases) {
        const sub = path.join(dir, `${kind}-${c.name}`);
        const input = path.join(sub, c.name);
        const out = path.join(sub, "out");
        await fs.mkdir(sub, { recursive: true });
        await fs.writeFile(input, c.bytes);
        const before = sha256(input);
        const r = runCli(["convert", input, "--out", out]);
        // What the API says of the same file, in each mode (check reads only the registry; convert
        // also makes sure every part it carries over is sound).
        const stem = (name: string) => name.replace(/\.[^.]*$/, "");
        const verdict = async (mode: "convert" | "check") => {
          if (c.fuzzCase.mode === mode) return { outcome: c.outcome!, name: c.name };
          // Run again, under another name.
          const again = await runner.run({ ...c.fuzzCase, mode });
          return { outcome: again.outcome!, name: again.name };
        };
        const v = await verdict("convert");
        const o = v.outcome;
        // Its error as the command line says it (in Chinese, unless --lang), with this case's name.
        const said = () =>
          fileErrorMessage(o.error!, "zh-CN").split(stem(v.name)).join(stem(c.name));
        const what = `${c.name}: exit ${r.code}\n${r.stderr}`;
        expect([what, looksLikeRawError(r.stderr)]).toEqual([what, false]);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(sha256(input)).toBe(before);
        const written = existsSync(out) ? readdirSync(out) : [];
        expect(written.filter((f) => f.endsWith(".tmp"))).toEqual([]);
        if (o.status === "failed") {
          expect([what, r.code]).toEqual([what, 2]);
          expect(r.stderr).toContain(maskSensitiveText(said()));
          expect(r.stderr).toContain(c.name);
          expect(written).not.toContain(c.name.replace(/\.[^.]*$/, ".xlsx"));
        } else {
          expect([what, [0, 1].includes(r.code!)]).toEqual([what, true]);
          expect(written).toContain(c.name.replace(/\.[^.]*$/, ".xlsx"));
        }
        // check: the same verdict, nothing written.
        const check = runCli(["check", input, "--quiet"]);
        expect(check.code === 2).toBe((await verdict("check")).outcome.status === "failed");
        expect(looksLikeRawError(check.stderr)).toBe(false);
      }
    },
    300_000
  );
});

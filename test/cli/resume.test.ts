/**
 * A batch killed at any moment, resumed, interrupted, or run twice at once into the same folder:
 * no partial output, no temp file with personal data left behind, and the job gets done.
 */
import { readReport } from "../helpers/reportJson";
import ExcelJS from "exceljs";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, promises as fs, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { addMessySheet } from "../../scripts/samples/writeSamples";
import { buildMessyRegistry } from "../fixtures/messyRegistry";
import { ROOT, sha256 } from "./run";

const BIN = path.join(ROOT, "bin", "uf-ledger.js");
const dir = mkdtempSync(path.join(os.tmpdir(), "uf-resume-"));
/** The children's own system temp folder, to see what they leave in it. */
const tmp = path.join(dir, "tmp");
const env = { ...process.env, TMPDIR: tmp };
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** Big enough that a batch is still running when it is interrupted (each big file takes a while). */
const SIZES = [3000, 40, 3000, 40, 3000, 40];
let inputs: string;
const expectedRows = (i: number) => buildMessyRegistry(SIZES[i], 20 + i).expected.length + 1;

beforeAll(async () => {
  await fs.mkdir(tmp, { recursive: true });
  inputs = path.join(dir, "inputs");
  await fs.mkdir(inputs);
  for (let i = 0; i < SIZES.length; i++) {
    const wb = new ExcelJS.Workbook();
    const f = buildMessyRegistry(SIZES[i], 20 + i);
    addMessySheet(wb, "名册", f.rows, f.merges);
    await wb.xlsx.writeFile(path.join(inputs, `支部${i}.xlsx`));
  }
});

const start = (args: string[]): ChildProcess =>
  spawn(process.execPath, [BIN, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env,
    encoding: "utf8",
    timeout: 180_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const finished = (c: ChildProcess) =>
  new Promise<number | null>((resolve) => c.on("close", (code) => resolve(code)));

/** Every output there is whole: each registry holds all its member rows. */
async function checkWhole(out: string): Promise<string[]> {
  const names = readdirSync(out).filter((n) => n.endsWith(".xlsx") && !n.startsWith("."));
  for (const name of names) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, name));
    const i = Number(/(\d+)\.xlsx$/.exec(name)![1]);
    expect([name, wb.getWorksheet("成员名册")!.rowCount]).toEqual([name, expectedRows(i)]);
  }
  return names.sort();
}

/** Temp files beside the outputs, and our folders in the system temp folder. */
const leftovers = (out: string) => [
  ...readdirSync(out).filter((n) => n.endsWith(".tmp")),
  ...readdirSync(tmp).filter((n) => n.startsWith("uf-ledger-")),
];

const ALL = SIZES.map((_, i) => `支部${i}.xlsx`).sort();

describe("convert --resume, and runs cut short", () => {
  it("killed (SIGKILL) at any moment: what is there is whole; the next run cleans up and finishes, skipping what was done", async () => {
    const hashes = readdirSync(inputs).map((n) => sha256(path.join(inputs, n)));
    for (const delay of [150, 400, 900, 1600, 2500]) {
      const out = path.join(dir, `killed-${delay}`);
      const child = start(["convert", inputs, "--out", out, "--quiet", "--jobs", "2"]);
      // Listened for at once: the run may end before it is killed.
      const closed = finished(child);
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGKILL");
      await closed;
      if (!existsSync(out)) continue;
      const done = await checkWhole(out);
      const times = new Map(done.map((n) => [n, statSync(path.join(out, n)).mtimeMs]));

      const r = run(["convert", inputs, "--out", out, "--resume", "--jobs", "2"]);
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(await checkWhole(out)).toEqual(ALL);
      expect(leftovers(out)).toEqual([]);
      // What the killed run finished was kept as it was, and said to be skipped.
      for (const [n, t] of times) expect([n, statSync(path.join(out, n)).mtimeMs]).toEqual([n, t]);
      // Progress lines (one per file) go to stderr, the results to stdout.
      const skipped = (r.stderr.match(/上次已完成，跳过/g) ?? []).length;
      expect(skipped).toBe(times.size);
      if (times.size > 0) expect(r.stdout).toContain(`续做：${times.size} 个文件上次已完成`);
      // report.json lists every file, the skipped ones with their counts.
      const report = readReport(path.join(out, "report.json"));
      expect(report.files).toHaveLength(SIZES.length);
      expect(report.totals.members).toBe(SIZES.reduce((s, _, i) => s + expectedRows(i) - 1, 0));
    }
    expect(readdirSync(inputs).map((n) => sha256(path.join(inputs, n)))).toEqual(hashes);
  }, 240_000);

  it("redoes a file whose input changed, or whose output was changed or removed; skips the rest", async () => {
    const src = path.join(dir, "changing");
    await fs.cp(inputs, src, { recursive: true });
    const out = path.join(dir, "resume-out");
    expect(run(["convert", src, "--out", out, "--quiet"]).code).toBe(1);
    // 支部0: new content; 支部1: its output edited; 支部2: its output removed.
    const wb = new ExcelJS.Workbook();
    const f = buildMessyRegistry(30, 99);
    addMessySheet(wb, "名册", f.rows, f.merges);
    await wb.xlsx.writeFile(path.join(src, "支部0.xlsx"));
    await fs.appendFile(path.join(out, "支部1.xlsx"), "x");
    await fs.rm(path.join(out, "支部2.xlsx"));
    const r = run(["convert", src, "--out", out, "--resume"]);
    expect(r.code).toBe(1);
    const lines = r.stderr.split("\n");
    const skipped = lines
      .filter((l) => l.includes("上次已完成，跳过"))
      .map((l) => /支部\d/.exec(l)![0]);
    expect(skipped.sort()).toEqual(["支部3", "支部4", "支部5"]);
    const report = readReport(path.join(out, "report.json"));
    expect(report.files[0].counts!.members).toBe(f.expected.length);
    // A different --sheet makes a different output: nothing is skipped.
    const again = run(["convert", src, "--out", out, "--resume", "--sheet", "名册"]);
    expect(again.stdout + again.stderr).not.toContain("上次已完成");
  });

  it("Ctrl+C (SIGINT): exits 130 saying what it kept, leaves no temp file; --resume finishes", async () => {
    const out = path.join(dir, "interrupted");
    const child = start(["convert", inputs, "--out", out, "--jobs", "1"]);
    let stderr = "";
    const closed = finished(child);
    // Interrupted once the first file is done, with the others still to do.
    await new Promise<void>((resolve) =>
      child.stderr!.on("data", (d) => {
        stderr += d;
        if (/\[1\/6\]/.test(stderr)) resolve();
      })
    );
    child.kill("SIGINT");
    expect(await closed).toBe(130);
    expect(stderr).toContain("已中断：未完成的输出和临时文件已删除");
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(leftovers(out)).toEqual([]);
    await checkWhole(out);
    expect(run(["convert", inputs, "--out", out, "--resume", "--quiet"]).code).toBe(1);
    expect(await checkWhole(out)).toEqual(ALL);
  });

  it("removes what a dead run left in the system temp folder (spooled rows hold names and IDs)", async () => {
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid;
    const stale = path.join(tmp, `uf-ledger-stream-${dead}-AbC123`);
    await fs.mkdir(stale);
    await fs.writeFile(path.join(stale, "problems.jsonl"), "110105194912310029\n");
    const alive = path.join(tmp, `uf-ledger-stream-${process.pid}-AbC123`);
    await fs.mkdir(alive);
    const out = path.join(dir, "stale");
    await fs.mkdir(out);
    const staleOutput = path.join(out, `.支部1.xlsx.${dead}.0123abcd.tmp`);
    await fs.writeFile(staleOutput, "half");
    expect(run(["convert", path.join(inputs, "支部1.xlsx"), "--out", out, "--quiet"]).code).toBe(1);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(staleOutput)).toBe(false);
    // A live process's folder is not touched.
    expect(existsSync(alive)).toBe(true);
    await fs.rm(alive, { recursive: true });
  });

  it("two runs at once into the same folder: both finish, every output whole, report.json valid", async () => {
    const out = path.join(dir, "twice");
    const a = start(["convert", inputs, "--out", out, "--quiet", "--jobs", "1"]);
    const b = start(["convert", inputs, "--out", out, "--quiet", "--jobs", "1"]);
    expect(await Promise.all([finished(a), finished(b)])).toEqual([1, 1]);
    expect(await checkWhole(out)).toEqual(ALL);
    expect(readReport(path.join(out, "report.json")).files).toHaveLength(SIZES.length);
    expect(leftovers(out)).toEqual([]);
  });
});

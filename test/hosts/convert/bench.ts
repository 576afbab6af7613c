/**
 * Peak memory and time of one conversion of a given file (the one pipeline), on a generated
 * registry or any workbook at hand:
 *
 *   npx ts-node --transpile-only test/hosts/convert/bench.ts make 100000 /tmp/r100k.xlsx
 *   /usr/bin/time -v npx ts-node --transpile-only test/hosts/convert/bench.ts convert /tmp/r100k.xlsx
 *
 * Prints the outcome's counts, the wall time and the peak RSS sampled every 20 ms (the figure
 * /usr/bin/time -v gives as "Maximum resident set size" also counts ts-node's compiler). The
 * benchmark proper, against bare exceljs and at several sizes, is bench/ (npm run bench).
 */
import { promises as fs } from "node:fs";
import { convertFile } from "../../../src/hosts/exceljs";
import { writeRegistryWorkbook } from "../stream/registryFixture";

async function main(): Promise<void> {
  const [mode, a, b] = process.argv.slice(2);
  if (mode === "make") {
    const t = Date.now();
    await writeRegistryWorkbook(b, { members: Number(a), otherSheets: true });
    const size = (await fs.stat(b)).size;
    process.stdout.write(
      `wrote ${b}: ${a} members, ${(size / 2 ** 20).toFixed(1)} MB in ${Date.now() - t} ms\n`
    );
    return;
  }
  if (mode !== "convert" || !a) throw new Error("usage: bench.ts make N file | convert file");
  const output = `${a}.out.xlsx`;
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 20);
  const t = Date.now();
  const outcome = await convertFile(a, { output, locale: "zh-CN" });
  const ms = Date.now() - t;
  clearInterval(timer);
  sample();
  process.stdout.write(
    JSON.stringify({
      status: outcome.status,
      error: outcome.error,
      counts: outcome.counts,
      problemsKept: outcome.problems.length,
      seconds: ms / 1000,
      peakRssMB: Math.round(peak / 2 ** 20),
    }) + "\n"
  );
  await fs.rm(output, { force: true });
}

main().catch((e) => {
  process.stderr.write(String(e) + "\n");
  process.exit(1);
});

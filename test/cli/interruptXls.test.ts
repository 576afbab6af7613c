/**
 * Ctrl+C while .xls files are being read through LibreOffice in worker threads: the main thread
 * handles the signal, and LibreOffice runs in process groups of their own that the terminal's
 * signal does not reach, so the main thread must stop the workers' runs too. Before, they ran on
 * writing into temp folders being removed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, promises as fs, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, sha256 } from "./run";

const BIN = path.join(ROOT, "bin", "uf-ledger.js");
const dir = mkdtempSync(path.join(os.tmpdir(), "uf-interrupt-xls-"));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** An OLE2 compound file's signature and a "Workbook" stream's name: an .xls, for LibreOffice. */
const XLS = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(512),
  Buffer.from("Workbook", "utf16le"),
  Buffer.alloc(4096),
]);

/** A process's state letter from /proc, or "gone". */
function stateOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\)\s+/, "")[0];
  } catch {
    return "gone";
  }
}

const until = async (ok: () => boolean, ms = 30_000) => {
  for (let waited = 0; !ok() && waited < ms; waited += 50)
    await new Promise((r) => setTimeout(r, 50));
};

describe.each([
  ["convert", (inputs: string, out: string) => ["convert", inputs, "--out", out, "--jobs", "2"]],
  ["check", (inputs: string) => ["check", inputs, "--jobs", "2"]],
])("Ctrl+C during %s of .xls files in worker threads", (command, argsFor) => {
  it("stops every LibreOffice, removes the temp folders, exits 130, inputs untouched", async () => {
    const base = path.join(dir, command);
    const inputs = path.join(base, "inputs");
    const pids = path.join(base, "pids");
    const tmp = path.join(base, "tmp");
    for (const d of [inputs, pids, tmp]) await fs.mkdir(d, { recursive: true });
    for (const name of ["一支部.xls", "二支部.xls"]) writeFileSync(path.join(inputs, name), XLS);
    const hashes = readdirSync(inputs).map((n) => sha256(path.join(inputs, n)));
    // A LibreOffice that never finishes, started as the real one is (its own process group).
    const fake = path.join(base, "slow-soffice");
    writeFileSync(fake, `#!/bin/sh\necho $$ > '${pids}'/$$.pid\nexec sleep 60\n`, { mode: 0o755 });
    const out = path.join(base, "out");
    const child: ChildProcess = spawn(process.execPath, [BIN, ...argsFor(inputs, out)], {
      env: { ...process.env, UF_LEDGER_SOFFICE: fake, TMPDIR: tmp },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));

    // Both workers have their LibreOffice running.
    await until(() => readdirSync(pids).length === 2);
    const running = readdirSync(pids).map((n) => Number(n.replace(".pid", "")));
    expect(running).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(running.map(stateOf).filter((s) => s === "gone")).toEqual([]);

    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr).toContain(
      command === "convert" ? "已中断：未完成的输出" : "已中断：临时文件已删除"
    );
    expect(stderr).not.toMatch(/\n\s+at /);
    // Gone, or a zombie waiting for a parent (in a container the first process may not reap).
    await until(() => running.every((p) => ["gone", "Z"].includes(stateOf(p))), 5000);
    expect(running.map(stateOf).map((s) => (s === "Z" ? "gone" : s))).toEqual(["gone", "gone"]);
    // Nothing of the run is left in its temp folder (the private copies of the inputs).
    await new Promise((r) => setTimeout(r, 300));
    expect(readdirSync(tmp)).toEqual([]);
    expect(readdirSync(inputs).map((n) => sha256(path.join(inputs, n)))).toEqual(hashes);
  }, 90_000);
});

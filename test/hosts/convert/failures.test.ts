/**
 * convertFile's failures come back as data, in the user's language, and leave nothing
 * half-written behind: no output, no temp file beside it, no spool folder, the input and any
 * earlier output as they were. (Was: the same of the streaming path, convertStreaming.)
 */
import ExcelJS from "exceljs";
import { existsSync, linkSync, mkdtempSync, promises as fs, readdirSync } from "node:fs";
import path from "node:path";
import { fileErrorMessage } from "../../../src/core/fileErrors";
import { normalizeRegistry } from "../../../src/core/registry";
import type { Locale } from "../../../src/core/types";
import { type ConvertOptions, type FileOutcome, convertFile } from "../../../src/hosts/exceljs";
import { writeRegistryWorkbook } from "../stream/registryFixture";
import {
  AS_OF,
  makeDir,
  ownSpoolFolders,
  readBack,
  runApi,
  startApi,
  tempFilesIn,
} from "./helpers";

const base: ConvertOptions = { output: null, locale: "zh-CN", asOf: AS_OF };

/** A failed outcome's error as the user reads it (the outcome carries it as data). */
const said = (o: FileOutcome, locale: Locale = "zh-CN") =>
  o.error ? fileErrorMessage(o.error, locale) : "";

describe("convertFile: failures come back as data, nothing half-written is left", () => {
  const dir = makeDir("failures");
  const registry = path.join(dir, "registry.xlsx");
  const noHeader = path.join(dir, "numbers.xlsx");
  const outDir = path.join(dir, "out");

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名册");
    ws.addRow(["姓名", "性别", "公民身份号码"]);
    ws.addRow(["张三", "男", "11010519491231002X"]);
    ws.addRow(["李四", "女", "110105194912310021"]);
    wb.addWorksheet("空表").addRow([1, 2, 3]);
    await wb.xlsx.writeFile(registry);
    const other = new ExcelJS.Workbook();
    other.addWorksheet("数据").addRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    await other.xlsx.writeFile(noHeader);
    await fs.mkdir(outDir);
  });

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const expectNothingIn = (folder: string) => expect(readdirSync(folder)).toEqual([]);

  it("no sheet with a header: no-registry-sheet", async () => {
    const o = await convertFile(noHeader, { ...base, output: path.join(outDir, "a.xlsx") });
    expect(o.status).toBe("failed");
    expect(o.error?.code).toBe("no-registry-sheet");
    expect(said(o)).toContain("numbers.xlsx");
    expect(o.output).toBeNull();
    expectNothingIn(outDir);
  });

  it("--sheet naming a missing sheet: sheet-not-found; naming one without a header: no-registry-sheet", async () => {
    const o = await convertFile(registry, { ...base, sheet: "花名册" });
    expect(o.error?.code).toBe("sheet-not-found");
    expect(said(o)).toContain("花名册");
    const p = await convertFile(registry, { ...base, sheet: "空表" });
    expect(p.error?.code).toBe("no-registry-sheet");
  });

  it("--sheet picks the sheet", async () => {
    const o = await convertFile(registry, { ...base, sheet: "名册" });
    expect(o.error).toBeNull();
    expect(o.sheet).toBe("名册");
    expect(o.counts?.members).toBe(2);
  });

  it("an output that is an input (by its path, by another path, or another input of the batch): output-is-input, nothing touched", async () => {
    const before = await fs.readFile(registry);
    const o = await convertFile(registry, { ...base, output: registry });
    expect(o.error?.code).toBe("output-is-input");
    const linked = path.join(dir, "linked.xlsx");
    linkSync(registry, linked);
    const p = await convertFile(registry, { ...base, output: linked });
    expect(p.error?.code).toBe("output-is-input");
    const q = await convertFile(registry, {
      ...base,
      output: noHeader,
      inputs: [registry, noHeader],
    });
    expect(q.error?.code).toBe("output-is-input");
    expect(said(q)).toContain("numbers.xlsx");
    expect(await fs.readFile(registry)).toEqual(before);
    await fs.rm(linked);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it("a damaged zip: corrupt-workbook", async () => {
    const bytes = await fs.readFile(registry);
    const cut = path.join(dir, "cut.xlsx");
    await fs.writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const o = await convertFile(cut, { ...base, output: path.join(outDir, "cut.xlsx") });
    expect(o.error?.code).toBe("corrupt-workbook");
    expect(said(o)).toContain("cut.xlsx");
    expectNothingIn(outDir);
  });

  it("a missing file: file-not-found", async () => {
    const o = await convertFile(path.join(dir, "none.xlsx"), base);
    expect(o.error?.code).toBe("file-not-found");
  });

  it("over the unpacked-size and cell limits: too-large, too-many-cells", async () => {
    const o = await convertFile(registry, { ...base, maxUncompressedBytes: 2000 });
    expect(o.error?.code).toBe("too-large");
    const p = await convertFile(registry, { ...base, maxCells: 5 });
    expect(p.error?.code).toBe("too-many-cells");
    expect(said(p)).toContain("名册");
  });

  it("an output folder that does not exist: write-failed, in the user's language", async () => {
    const o = await convertFile(registry, {
      ...base,
      locale: "en",
      output: path.join(dir, "missing", "out.xlsx"),
    });
    expect(o.error?.code).toBe("write-failed");
    expect(said(o, "en")).toMatch(/^out\.xlsx: cannot write the output/);
    expect(existsSync(path.join(dir, "missing"))).toBe(false);
  });

  it("check and dry run: counts only, nothing written", async () => {
    const expected = normalizeRegistry(
      [
        ["姓名", "性别", "公民身份号码"],
        ["张三", "男", "11010519491231002X"],
        ["李四", "女", "110105194912310021"],
      ],
      { asOf: AS_OF }
    );
    const check = await convertFile(registry, base);
    expect(check.counts).toEqual(expected.counts);
    expect(check.problems).toEqual(expected.problems);
    expect(check.output).toBeNull();
    const dry = await convertFile(registry, {
      ...base,
      output: path.join(outDir, "dry.xlsx"),
      dryRun: true,
    });
    expect(dry.counts).toEqual(expected.counts);
    expect(dry.problems).toEqual(expected.problems);
    expect(dry.output).toBeNull();
    expectNothingIn(outDir);
  });

  it("leaves no spool folder and no temp file behind, converted or failed", async () => {
    expect(ownSpoolFolders()).toEqual([]);
    const ok = await convertFile(registry, { ...base, output: path.join(outDir, "ok.xlsx") });
    const bad = await convertFile(noHeader, { ...base, output: path.join(outDir, "bad.xlsx") });
    const cells = await convertFile(registry, {
      ...base,
      output: path.join(outDir, "cells.xlsx"),
      maxCells: 5,
    });
    expect([ok.status, bad.error?.code, cells.error?.code]).toEqual([
      "problems",
      "no-registry-sheet",
      "too-many-cells",
    ]);
    expect(ownSpoolFolders()).toEqual([]);
    expect(readdirSync(outDir)).toEqual(["ok.xlsx"]);
    expect((await readBack(path.join(outDir, "ok.xlsx"))).worksheets.map((w) => w.name)).toEqual([
      "成员名册",
      "空表",
      "校验报告",
      "变更记录",
    ]);
    await fs.rm(path.join(outDir, "ok.xlsx"));
  });
});

/**
 * What the disk and the system refuse, and a run killed part-way, in child processes (a limit on
 * the size of files written, another user, a kill): the child runs the built API as the command
 * line does, with a temp folder of its own.
 */
describe("convertFile: the disk full, no permission, a run killed while writing", () => {
  const dir = makeDir("refused");
  const tmp = path.join(dir, "tmp");
  const registry = path.join(dir, "registry.xlsx");
  const convert = (input: string, output: string, options: Parameters<typeof runApi>[2]) =>
    runApi(
      `return api.convertFile(args[0], { output: args[1], locale: "en" });`,
      [input, output],
      options
    ) as FileOutcome;

  beforeAll(async () => {
    await fs.mkdir(tmp);
    // A small registry beside a big sheet of figures: an output of about 2 MB, mostly the big
    // sheet copied as stored (the registry's spools stay small).
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: registry });
    const reg = wb.addWorksheet("名册");
    reg.addRow(["姓名", "性别", "公民身份号码"]).commit();
    reg.addRow(["张三", "男", "11010519491231002X"]).commit();
    reg.commit();
    const figures = wb.addWorksheet("统计数据");
    let x = 12345;
    for (let r = 0; r < 20_000; r++) {
      const row: number[] = [];
      for (let c = 0; c < 12; c++) row.push((x = (x * 1103515245 + 12345) % 2 ** 31));
      figures.addRow(row).commit();
    }
    figures.commit();
    await wb.commit();
  }, 60_000);

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("the disk refusing more of the output part-way: write-failed, no temp file, the earlier output as it was", async () => {
    const out = path.join(dir, "full");
    await fs.mkdir(out);
    const target = path.join(out, "out.xlsx");
    const earlier = Buffer.from("an earlier output, kept until a new one is whole");
    await fs.writeFile(target, earlier);
    // 512 KB at most per file (ulimit -f counts blocks of 512 bytes or 1 KB: either is well under
    // the output's 2 MB): the write fails as on a full disk, with EFBIG for ENOSPC.
    const o = convert(registry, target, { tmp, fileSizeLimit: 512 });
    expect(o.status).toBe("failed");
    expect(o.error?.code).toBe("write-failed");
    expect(said(o, "en")).toMatch(/^out\.xlsx: cannot write the output \(E[A-Z]+\)$/);
    expect(await fs.readFile(target)).toEqual(earlier);
    expect(readdirSync(out)).toEqual(["out.xlsx"]);
    expect(readdirSync(tmp)).toEqual([]);
    // Without the limit the same conversion succeeds, and its output is larger than the limit.
    const ok = convert(registry, target, { tmp });
    expect(ok.error).toBeNull();
    expect((await fs.stat(target)).size).toBeGreaterThan(1024 * 1024);
    expect(readdirSync(out)).toEqual(["out.xlsx"]);
  }, 60_000);

  it.each([
    // Only the spools are written (the registry's rows, held aside): the temp folder's disk is full.
    ["full, checking only", "full", null, "EFBIG"],
    ["missing, converting", "missing", "out.xlsx", "ENOENT"],
  ])(
    "the temp folder %s: the system's error, not the input called damaged",
    async (_, kind, outName, errno) => {
      const input = path.join(dir, "check.xlsx");
      if (!existsSync(input)) await writeRegistryWorkbook(input, { members: 3000 });
      const output = outName === null ? "" : path.join(dir, outName);
      const script = `return api.convertFile(args[0], { output: args[1] || null, locale: "en" });`;
      const o = runApi(script, [input, output], {
        tmp: kind === "full" ? tmp : path.join(dir, "no-such-folder"),
        fileSizeLimit: kind === "full" ? 256 : undefined,
      }) as FileOutcome;
      expect(o.status).toBe("failed");
      expect(o.error?.code).not.toBe("corrupt-workbook");
      expect(said(o, "en")).toContain(errno);
      expect(readdirSync(tmp)).toEqual([]);
      expect(tempFilesIn(dir)).toEqual([]);
      // With a temp folder that works, the same input converts.
      const ok = runApi(script, [input, output], { tmp }) as FileOutcome;
      expect(ok.error).toBeNull();
      expect(ok.counts?.members).toBe(3000);
    },
    60_000
  );

  it("no permission to write the output's folder: write-failed; to read the input: file-unreadable", async () => {
    // Root may write anywhere: the child runs without root's powers over permissions then.
    const asRoot = process.getuid?.() === 0;
    const child = { tmp, withoutRootPowers: asRoot };
    const locked = path.join(dir, "locked");
    await fs.mkdir(locked);
    await fs.chmod(dir, 0o755);
    await fs.chmod(tmp, 0o777);
    await fs.chmod(locked, 0o555);
    await fs.chmod(registry, 0o644);
    const o = convert(registry, path.join(locked, "out.xlsx"), child);
    expect(o.error?.code).toBe("write-failed");
    expect(said(o, "en")).toMatch(/^out\.xlsx: cannot write the output/);
    expect(readdirSync(locked)).toEqual([]);

    const secret = path.join(dir, "secret.xlsx");
    await fs.copyFile(registry, secret);
    await fs.chmod(secret, 0o000);
    const p = convert(secret, path.join(dir, "secret-out.xlsx"), child);
    expect(p.error?.code).toBe("file-unreadable");
    expect(said(p, "en")).toContain("secret.xlsx");
    expect(existsSync(path.join(dir, "secret-out.xlsx"))).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);
    await fs.chmod(locked, 0o755);
  }, 60_000);

  it("killed while writing: the earlier output stays whole; the next run removes what was left", async () => {
    const big = path.join(dir, "big.xlsx");
    await writeRegistryWorkbook(big, { members: 30_000 });
    const out = path.join(dir, "killed");
    await fs.mkdir(out);
    const target = path.join(out, "big.xlsx");
    const earlier = Buffer.from("an earlier output");
    await fs.writeFile(target, earlier);
    const childTmp = mkdtempSync(path.join(tmp, "k"));
    const child = startApi(
      `return api.convertFile(args[0], { output: args[1], locale: "en" });`,
      [big, target],
      { tmp: childTmp }
    );
    const closed = new Promise<void>((resolve) => child.on("close", () => resolve()));
    // Killed as soon as the temp file of the output is there (the registry is then being read).
    const started = Date.now();
    while (tempFilesIn(out).length === 0 && Date.now() - started < 30_000)
      await new Promise((r) => setTimeout(r, 5));
    child.kill("SIGKILL");
    await closed;
    expect(tempFilesIn(out)).toHaveLength(1);
    expect(await fs.readFile(target)).toEqual(earlier);
    // What the killed run left: its temp file, and its spool folder (names and ID numbers).
    const left = readdirSync(childTmp);
    expect(left).toEqual([expect.stringMatching(new RegExp(`^uf-ledger-spool-${child.pid}-`))]);
    // The next run (of another process) removes what a dead one left, beside the outputs and in
    // the temp folder.
    const removed = runApi(`return api.removeStaleTemps([args[0]]);`, [out], { tmp: childTmp });
    expect(removed).toBe(1 + left.length);
    expect(readdirSync(out)).toEqual(["big.xlsx"]);
    expect(readdirSync(childTmp)).toEqual([]);
  }, 60_000);
});

import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import {
  convertToXlsx,
  findSoffice,
  SOFFICE_ENV,
} from "../../../src/hosts/exceljs/read/libreoffice";
import {
  expectFileError,
  makeTmpDir,
  processesMentioning,
  removeDir,
  requireSoffice,
  rowValues,
  sha256,
  sofficeConvert,
  writeXlsx,
} from "./helpers";

function programOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0];
  } catch {
    return "";
  }
}

/** Runs `fn` with UF_LEDGER_SOFFICE set to `value`, then puts it back. */
async function withSofficeEnv<T>(value: string, fn: () => Promise<T> | T): Promise<T> {
  const saved = process.env[SOFFICE_ENV];
  process.env[SOFFICE_ENV] = value;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env[SOFFICE_ENV];
    else process.env[SOFFICE_ENV] = saved;
  }
}

describe("LibreOffice conversion", () => {
  let dir: string;
  let xls: string;
  beforeAll(async () => {
    requireSoffice();
    dir = makeTmpDir();
    const xlsx = path.join(dir, "名册.xlsx");
    await writeXlsx(xlsx, [
      ["姓名", "身份证号码", "党派"],
      ["张三", "110105194912310021", "中国国民党革命委员会"],
    ]);
    xls = sofficeConvert(xlsx, "xls", dir);
  });
  afterAll(() => dir && removeDir(dir));

  it("finds soffice, or the program UF_LEDGER_SOFFICE names", async () => {
    const soffice = requireSoffice();
    expect(path.basename(soffice)).toMatch(/^(soffice|libreoffice)/);
    await withSofficeEnv(soffice, () => expect(findSoffice()).toBe(soffice));
    await withSofficeEnv(path.join(dir, "no-such-soffice"), () => expect(findSoffice()).toBeNull());
  });

  it("converts an .xls with an odd name and extension, leaving the input alone and no profile behind", async () => {
    const odd = path.join(dir, "2008年 成员名单（副本）'$&.et");
    fs.copyFileSync(xls, odd);
    const before = sha256(odd);
    const work = makeTmpDir();
    const profiles = makeTmpDir();
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = profiles;
    try {
      const t = Date.now();
      const out = await convertToXlsx(odd, work, { timeoutMs: 60_000 });
      const ms = Date.now() - t;
      expect(ms).toBeLessThan(60_000);
      expect(path.dirname(out).startsWith(work)).toBe(true);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      const sheet = workbook.worksheets[0];
      expect(sheet.name).toBe("成员");
      expect(rowValues(sheet, 2)).toEqual(["张三", "110105194912310021", "中国国民党革命委员会"]);
      expect(sha256(odd)).toBe(before);
      expect(fs.readdirSync(profiles)).toEqual([]);
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
      removeDir(work);
      removeDir(profiles);
    }
  });

  it("kills LibreOffice and its children after the timeout", async () => {
    const work = makeTmpDir();
    const seen = new Set<string>();
    // soffice (a script), oosplash and soffice.bin all have the work folder on their command line.
    const watch = setInterval(() => {
      for (const pid of processesMentioning(work)) seen.add(programOf(pid));
    }, 20);
    try {
      const e = await expectFileError(
        convertToXlsx(xls, work, { timeoutMs: 300 }),
        "conversion-failed"
      );
      expect(e.params).toEqual({ file: path.basename(xls), reason: { kind: "timed-out" } });
      expect([...seen].some((p) => p.endsWith("soffice.bin"))).toBe(true);
      for (let i = 0; i < 20 && processesMentioning(work).length > 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(processesMentioning(work)).toEqual([]);
    } finally {
      clearInterval(watch);
      removeDir(work);
    }
  });

  it("reports what LibreOffice cannot read as conversion-failed", async () => {
    const junk = path.join(dir, "junk.bin");
    const work = makeTmpDir();
    try {
      // A PNG-like binary: LibreOffice opens it in Draw, which cannot write .xlsx.
      fs.writeFileSync(
        junk,
        Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(64)])
      );
      const e = await expectFileError(
        convertToXlsx(junk, work, { inputExtension: ".png" }),
        "conversion-failed"
      );
      expect(e.params.file).toBe("junk.bin");
    } finally {
      removeDir(work);
    }
  });

  it("says LibreOffice is missing when UF_LEDGER_SOFFICE names nothing", async () => {
    const work = makeTmpDir();
    try {
      await withSofficeEnv("/nonexistent/soffice", async () => {
        const e = await expectFileError(convertToXlsx(xls, work), "libreoffice-missing");
        expect(e.params).toEqual({ file: path.basename(xls) });
      });
    } finally {
      removeDir(work);
    }
  });

  it("says file-not-found for an input that is not there", async () => {
    const work = makeTmpDir();
    try {
      await expectFileError(convertToXlsx(path.join(dir, "gone.xls"), work), "file-not-found");
    } finally {
      removeDir(work);
    }
  });
});

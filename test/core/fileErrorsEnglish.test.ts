import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileErrorMessage, inEnglish } from "../../src/core/fileErrors";

const HAN = /[\u3400-\u9fff]/;
const ROOT = path.join(__dirname, "..", "..");

/** Files of the readers and writers whose Chinese texts are no messages: number formats, a font, a note's author. */
const NOT_MESSAGES = ["numFmts.ts", "styleSheet.ts", "notes.ts"];

/**
 * Every Chinese text the readers and writers of workbook packages may give as a detail or a limit,
 * as written in their source (a template's ${…} taken as 1), comments left out.
 */
function chineseDetails(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts") && !NOT_MESSAGES.includes(e.name)) {
        const src = readFileSync(p, "utf8")
          .replace(/\/\*[\s\S]*?\*\//g, "")
          .replace(/^\s*\/\/.*$/gm, "");
        for (const m of src.matchAll(/"([^"\n]*)"|`([^`]*)`/g)) {
          const text = (m[1] ?? m[2]).replace(/\$\{[^}]*\}/g, "1");
          if (HAN.test(text)) found.add(text);
        }
      }
    }
  };
  for (const d of ["read", "zip", "xlsx"]) walk(path.join(ROOT, "src", "hosts", "exceljs", d));
  found.add(
    readFileSync(path.join(ROOT, "src", "hosts", "exceljs", "convert", "outcome.ts"), "utf8").match(
      /UNWRITABLE_CONTENT = "([^"]*)"/
    )![1]
  );
  return [...found];
}

describe("file errors with --lang en: no Chinese detail inside the English message", () => {
  it("every Chinese detail the readers give has its English", () => {
    const details = chineseDetails();
    expect(details.length).toBeGreaterThanOrEqual(15);
    for (const d of details) expect([d, HAN.test(inEnglish(d))]).toEqual([d, false]);
  });

  it("details with a name or a number in them", () => {
    expect(inEnglish("20000 个文件")).toBe("20000 files");
    expect(inEnglish("无法启动 LibreOffice：ENOENT")).toBe(
      "LibreOffice could not be started: ENOENT"
    );
    expect(inEnglish("工作表名称“名册”重复")).toBe('sheet name "名册" is used twice');
    expect(inEnglish("EACCES")).toBe("EACCES");
  });

  it("the message names the file, in English, and the Chinese one keeps its Chinese detail", () => {
    const e = {
      code: "file-unreadable" as const,
      params: { file: "a.xlsx", detail: "这是一个文件夹" },
    };
    expect(fileErrorMessage(e, "en")).toBe("a.xlsx: cannot read the file (it is a folder)");
    expect(fileErrorMessage(e, "zh-CN")).toContain("这是一个文件夹");
    const big = { code: "too-large" as const, params: { file: "b.xlsx", limit: "20000 个文件" } };
    expect(fileErrorMessage(big, "en")).toContain("20000 files");
  });
});

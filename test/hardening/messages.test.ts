import ExcelJS from "exceljs";
import { mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DOC_TEXT } from "../../scripts/cli/docsCommands";
import { cliText } from "../../scripts/cli/i18n";
import { SUMMARY_TEXT } from "../../scripts/cli/summaryCommand";
import {
  FILE_ERROR_CODES,
  type FileErrorCode,
  type FileErrorInfo,
  type FileErrorParams,
  fileErrorMessage,
} from "../../src/core/fileErrors";
import {
  PROBLEM_CODES,
  PROBLEM_PARAMS,
  PROBLEM_TEXTS,
  type ProblemCode,
  type ProblemParams,
  problemTitle,
  renderProblem,
  severityOf,
} from "../../src/core/messages";
import { problemRow } from "../../src/core/reportRows";
import type { Locale } from "../../src/core/types";
import type { Problem } from "../../src/core/problem";
import { cli } from "./common";

/**
 * Issue #8, part A: every error has a Chinese and an English message, and the messages name the
 * file, sheet, row and column wherever these apply.
 */

/** Chinese text: Han characters, or at least Chinese punctuation (“[1/3] a.xlsx：…”). */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const LOCALES: Locale[] = ["zh-CN", "en"];
/** What a template must never print: a parameter it was not given, or code. */
const BROKEN = /undefined|null|NaN|\[object |\$\{|=>/;

/** A value that renders as its own tag, wherever a template puts it (text, property, list, number). */
function sample(tag: string): unknown {
  return new Proxy([tag], {
    get(target, prop, receiver) {
      if (prop === Symbol.toPrimitive) return () => tag;
      if (typeof prop === "string" && !(prop in target)) return `${tag}.${prop}`;
      return Reflect.get(target, prop, receiver);
    },
  });
}

function expectBilingual(zh: string, en: string, what: string): void {
  expect([what, zh.trim().length > 0, en.trim().length > 0]).toEqual([what, true, true]);
  expect([what, zh !== en]).toEqual([what, true]);
  expect([what, CHINESE.test(zh)]).toEqual([what, true]);
  expect([what, zh, BROKEN.test(zh)]).toEqual([what, zh, false]);
  expect([what, en, BROKEN.test(en)]).toEqual([what, en, false]);
}

/** Parameters for every code, each a token that shows where it lands in the text. */
const SAMPLES: ProblemParams = {
  "header-not-found": { rows: 10 },
  "column-unmapped": { header: "‹header›" },
  "column-duplicate": { header: "‹header›", field: "‹field›" },
  "column-missing": { header: "‹header›" },
  "name-missing": {},
  "gender-invalid": { value: "‹value›" },
  "gender-mismatch": { value: "‹value›", expected: "女" },
  "ethnicity-invalid": { value: "‹value›" },
  "ethnicity-unrecognised": { value: "‹value›" },
  "ethnicity-unknown": { value: "‹value›" },
  "ethnicity-foreign-origin": { value: "‹value›" },
  "birth-date-invalid": { value: "‹value›" },
  "birth-date-partial": { value: "‹value›", precision: "month" },
  "birth-date-ambiguous": { value: "‹value›", read: "‹read›" },
  "birth-date-mismatch": { value: "‹value›", expected: "‹expected›" },
  "birth-date-out-of-range": { value: "‹value›" },
  "date-invalid": { column: "‹column›", value: "‹value›" },
  "date-partial": { column: "‹column›", value: "‹value›", precision: "year" },
  "id-missing": {},
  "id-format": { value: "‹value›" },
  "id-checksum": { value: "‹value›", expected: "‹expected›" },
  "id-birth-date": { value: "‹value›", date: "‹date›" },
  "id-area": { value: "‹value›", area: "‹area›" },
  "id-foreign-permanent": { value: "‹value›" },
  "id-precision-lost": { value: "‹value›" },
  "id-duplicate": { rows: [31, 47], more: 0 },
  "possible-duplicate": { rows: [31, 47, 52, 60, 77], more: 3 },
  "political-invalid": { value: "‹value›" },
  "political-ambiguous": { value: "‹value›" },
  "category-invalid": { part: "‹part›" },
  "education-invalid": { value: "‹value›" },
  "economy-invalid": { value: "‹value›" },
  "phone-invalid": { value: "‹value›" },
  "phone-multiple": { count: 3 },
  "household-invalid": { value: "‹value›" },
  "unexpected-type": { column: "‹column›", value: "‹value›" },
};

/** What of its parameters a text must show, in each language. */
function shownParts(params: Record<string, unknown>, locale: Locale): string[] {
  return Object.entries(params).flatMap(([key, v]) => {
    if (Array.isArray(v)) return v.map(String);
    if (key === "precision") return [locale === "en" ? String(v) : v === "year" ? "年" : "月"];
    // 第 31、47、52、60、77 行等 8 行; 31, 47, 52, 60, 77 and 3 more.
    if (key === "more")
      return Number(v) > 0
        ? [locale === "en" ? `${Number(v)} more` : `等 ${Number(v) + 5} 行`]
        : [];
    return [String(v)];
  });
}

const sampleProblem = (code: ProblemCode): Problem =>
  ({
    code,
    params: SAMPLES[code],
    severity: severityOf(code),
    row: 4321,
    name: "张三",
    field: "idNumber",
    column: "公民身份号码",
    sourceColumn: 6,
    value: "值",
  }) as Problem;

describe("problem codes (src/core/messages/)", () => {
  it("has one table per locale, each with every code and no other", () => {
    for (const locale of LOCALES)
      expect(Object.keys(PROBLEM_TEXTS[locale]).sort()).toEqual([...PROBLEM_CODES].sort());
    expect(Object.keys(SAMPLES).sort()).toEqual([...PROBLEM_CODES].sort());
  });

  it.each(PROBLEM_CODES)(
    "%s: message, fix and title in both languages, every parameter shown",
    (code) => {
      const p = sampleProblem(code);
      // The sample parameters are those the code's schema describes.
      expect(PROBLEM_PARAMS[code].safeParse(p.params).success).toBe(true);
      const zh = renderProblem(p, "zh-CN");
      const en = renderProblem(p, "en");
      expectBilingual(zh.message, en.message, `${code} message`);
      // A fix in one language has one in the other.
      expect([code, zh.fix === undefined]).toEqual([code, en.fix === undefined]);
      if (zh.fix !== undefined) expectBilingual(zh.fix, en.fix!, `${code} fix`);
      for (const locale of LOCALES) {
        const r = locale === "en" ? en : zh;
        const text = `${r.message}\n${r.fix ?? ""}`;
        for (const part of shownParts(p.params, locale))
          expect([code, locale, part, text.includes(part)]).toEqual([code, locale, part, true]);
      }
      expectBilingual(problemTitle(code, "zh-CN"), problemTitle(code, "en"), `${code} title`);
    }
  );

  it.each(PROBLEM_CODES)("%s: the console line and 校验报告 name its row and column", (code) => {
    const p = sampleProblem(code);
    for (const locale of LOCALES) {
      const { message } = renderProblem(p, locale);
      const line = cliText(locale).problemLine(p.row, p.name, p.column, message);
      for (const part of ["4321", "公民身份号码", "张三", message]) expect(line).toContain(part);
      const row = problemRow(p, locale);
      expect(row.slice(0, 4)).toEqual([4321, "张三", "公民身份号码", "值"]);
      expect(row).toContain(message);
    }
  });
});

describe("file-level errors (src/core/fileErrors.ts)", () => {
  /**
   * Parameters for every code, each a token that shows where it lands in the text; a place inside
   * a workbook (sheet, and row and column where known) for the errors about one.
   */
  const place = { sheet: "‹sheet›", row: 4321, column: "‹column›" };
  const FILE_SAMPLES: { [C in FileErrorCode]: FileErrorParams[C] } = {
    "file-not-found": { file: "‹file›" },
    "file-unreadable": { file: "‹file›", reason: { kind: "errno", code: "‹errno›" } },
    "file-empty": { file: "‹file›" },
    "not-a-spreadsheet": { file: "‹file›" },
    "corrupt-workbook": { file: "‹file›", reason: { kind: "sheet-damaged", sheet: "‹sheet›" } },
    "password-protected": { file: "‹file›" },
    "too-large": { file: "‹file›", limit: { files: 4321 } },
    "too-many-cells": { file: "‹file›", ...place, limit: 1234 },
    "too-many-cells-to-load": { file: "‹file›", ...place, limit: 1234 },
    "cell-too-long": { file: "‹file›", ...place },
    "beyond-sheet-limits": { file: "‹file›", ...place },
    "libreoffice-missing": { file: "‹file›" },
    "conversion-failed": {
      file: "‹file›",
      reason: { kind: "libreoffice-not-started", why: "‹why›" },
    },
    "no-registry-sheet": { file: "‹file›" },
    "sheet-not-found": { file: "‹file›", sheet: "‹sheet›" },
    "write-failed": { file: "‹file›", reason: { kind: "errno", code: "‹errno›" } },
    "temp-failed": { file: "‹file›", reason: { kind: "errno", code: "‹errno›" } },
    "output-is-input": { file: "‹file›" },
  };

  /** Every value a parameter holds, nested ones (a reason's, a limit's) too; not a reason's kind. */
  const shown = (v: unknown): string[] =>
    v !== null && typeof v === "object"
      ? Object.entries(v).flatMap(([k, x]) => (k === "kind" ? [] : shown(x)))
      : [String(v)];

  it.each(FILE_ERROR_CODES)("%s: both languages, naming the file, where and why", (code) => {
    const e = { code, params: FILE_SAMPLES[code] } as FileErrorInfo;
    const zh = fileErrorMessage(e, "zh-CN");
    const en = fileErrorMessage(e, "en");
    expectBilingual(zh, en, code);
    expect(zh.startsWith("‹file›")).toBe(true);
    expect(en.startsWith("‹file›")).toBe(true);
    for (const value of shown(e.params))
      expect([code, value, zh.includes(value), en.includes(value)]).toEqual([
        code,
        value,
        true,
        true,
      ]);
    // Given only what its raise sites always give (no place, no reason), nothing is missing.
    const needs: Record<string, unknown> = { file: "名册.xlsx" };
    if ("limit" in e.params) needs.limit = e.params.limit;
    if (code === "sheet-not-found") needs.sheet = "不存在";
    for (const locale of LOCALES) {
      const text = fileErrorMessage({ code, params: needs } as FileErrorInfo, locale);
      expect([code, locale, text, BROKEN.test(text)]).toEqual([code, locale, text, false]);
    }
  });
});

describe("the command line's own messages (i18n.ts, docs and summary commands)", () => {
  /** Both languages have the same entries; each renders in both, naming every argument it is given. */
  function checkTable(zh: Record<string, unknown>, en: Record<string, unknown>, table: string) {
    const keys = (o: Record<string, unknown>) =>
      Object.keys(o).filter((k) => typeof o[k] === "string" || typeof o[k] === "function");
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const key of keys(zh)) {
      const what = `${table}.${key}`;
      const a = zh[key];
      const b = en[key];
      if (typeof a === "string") {
        expectBilingual(a, b as string, what);
        continue;
      }
      const f = a as (...args: unknown[]) => string;
      const g = b as (...args: unknown[]) => string;
      expect([what, f.length]).toEqual([what, g.length]);
      const args = Array.from({ length: f.length }, (_, i) => sample(`‹${i}›`));
      const zhText = f(...args);
      const enText = g(...args);
      expectBilingual(zhText, enText, what);
      for (let i = 0; i < f.length; i++) {
        // An argument named in one language is named in the other.
        expect([what, i, zhText.includes(`‹${i}›`)]).toEqual([what, i, enText.includes(`‹${i}›`)]);
      }
    }
  }

  it("uf-ledger convert/check (scripts/cli/i18n.ts)", () => {
    const zh = cliText("zh-CN") as unknown as Record<string, unknown>;
    const en = cliText("en") as unknown as Record<string, unknown>;
    checkTable(zh, en, "cli");
    checkTable(
      zh.table as Record<string, unknown>,
      en.table as Record<string, unknown>,
      "cli.table"
    );
    checkTable(
      zh.status as Record<string, unknown>,
      en.status as Record<string, unknown>,
      "cli.status"
    );
  });

  it("uf-ledger meeting/bulletin (docsCommands.ts)", () => {
    checkTable(DOC_TEXT["zh-CN"], DOC_TEXT.en, "docs");
  });

  it("uf-ledger summary (summaryCommand.ts): an unreadable row names file, sheet, row and column", () => {
    checkTable(SUMMARY_TEXT["zh-CN"], SUMMARY_TEXT.en, "summary");
    for (const locale of LOCALES) {
      const line = SUMMARY_TEXT[locale].row("机关支部.xlsx", "例会台账", 7, "会议日期", "某天");
      for (const part of ["机关支部.xlsx", "例会台账", "7", "会议日期", "某天"])
        expect([locale, line.includes(part)]).toEqual([locale, true]);
    }
  });
});

describe("as the built command line prints them", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-hard-msg-"));
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));
  let file: string;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("二〇〇八年").addRows([
      ["姓名", "公民身份号码", "性别"],
      ["张三", "11010519491231002X", "男"],
      ["李四", "110105194912310021", "男"],
    ]);
    file = path.join(dir, "支部名册.xlsx");
    await wb.xlsx.writeFile(file);
  });

  it.each(LOCALES)(
    "--lang %s: problem lines name row and column; file errors file and sheet",
    (lang) => {
      const zh = lang === "zh-CN";
      const check = cli(["check", file, "--lang", lang]);
      expect(check.code).toBe(1);
      // 张三 is 女 by the ID number: row 2, column 性别.
      expect(check.stdout).toMatch(zh ? /第 2 行（张三） 性别：/ : /row 2 \(张三\) 性别: /);
      const cells = cli(["check", file, "--max-cells", "2", "--lang", lang]);
      expect(cells.code).toBe(2);
      expect(cells.stderr).toContain("支部名册.xlsx");
      expect(cells.stderr).toContain("二〇〇八年");
      const sheet = cli(["check", file, "--sheet", "不存在", "--lang", lang]);
      expect(sheet.code).toBe(2);
      expect(sheet.stderr).toMatch(
        zh ? /支部名册\.xlsx：没有名为“不存在”/ : /支部名册\.xlsx: .*"不存在"/
      );
    }
  );
});

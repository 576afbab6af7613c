import ExcelJS from "exceljs";
import { mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DOC_TEXT } from "../../scripts/cli/docsCommands";
import { cliText } from "../../scripts/cli/i18n";
import { SUMMARY_TEXT } from "../../scripts/cli/summaryCommand";
import {
  FILE_ERRORS,
  FILE_ERROR_CODES,
  type FileErrorInfo,
  fileErrorMessage,
} from "../../src/core/fileErrors";
import { PROBLEM_CODES, PROBLEM_TITLES, renderMessage } from "../../src/core/messages";
import { problemRow } from "../../src/core/reportRows";
import type { Locale, Problem } from "../../src/core/types";
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

/** Renders a template with parameters that record which of them it reads. */
function renderWith<P>(
  template: (p: P) => string,
  given?: Record<string, string | number>
): { text: string; used: Map<string, string> } {
  const used = new Map<string, string>();
  const params = new Proxy(
    {},
    {
      get(_, key) {
        if (typeof key !== "string") return undefined;
        if (given) return given[key];
        const value = `‹${key}›`;
        used.set(key, value);
        return value;
      },
    }
  ) as P;
  return { text: template(params), used };
}

function expectBilingual(zh: string, en: string, what: string): void {
  expect([what, zh.trim().length > 0, en.trim().length > 0]).toEqual([what, true, true]);
  expect([what, zh !== en]).toEqual([what, true]);
  expect([what, CHINESE.test(zh)]).toEqual([what, true]);
  expect([what, zh, BROKEN.test(zh)]).toEqual([what, zh, false]);
  expect([what, en, BROKEN.test(en)]).toEqual([what, en, false]);
}

describe("problem codes (src/core/messages.ts)", () => {
  it.each(PROBLEM_CODES)("%s: message and fix in both languages, every parameter shown", (code) => {
    const zh = renderWith((p) => {
      const r = renderMessage(code, p as Record<string, string>, "zh-CN");
      return `${r.message}\n${r.fix ?? ""}`;
    });
    const en = renderWith((p) => {
      const r = renderMessage(code, p as Record<string, string>, "en");
      return `${r.message}\n${r.fix ?? ""}`;
    });
    const [zhMessage, zhFix] = zh.text.split("\n");
    const [enMessage, enFix] = en.text.split("\n");
    expectBilingual(zhMessage, enMessage, `${code} message`);
    // A fix in one language has one in the other.
    expect([code, zhFix === "", enFix === ""]).toEqual([code, enFix === "", zhFix === ""]);
    if (zhFix) expectBilingual(zhFix, enFix, `${code} fix`);
    // Both languages read the same parameters, and every one they read is in the text.
    expect([code, [...zh.used.keys()].sort()]).toEqual([code, [...en.used.keys()].sort()]);
    for (const [key, value] of zh.used) {
      expect([code, key, zh.text.includes(value)]).toEqual([code, key, true]);
      expect([code, key, en.text.includes(value)]).toEqual([code, key, true]);
    }
    expectBilingual(PROBLEM_TITLES[code].zh, PROBLEM_TITLES[code].en, `${code} title`);
  });

  it.each(PROBLEM_CODES)("%s: the console line and 校验报告 name its row and column", (code) => {
    for (const locale of LOCALES) {
      const { message, fix } = renderMessage(code, {}, locale);
      const p: Problem = {
        code,
        severity: "error",
        row: 4321,
        name: "张三",
        field: "idNumber",
        column: "公民身份号码",
        sourceColumn: 6,
        value: "值",
        message,
        fix,
      };
      const line = cliText(locale).problemLine(p.row, p.name, p.column, p.message);
      for (const part of ["4321", "公民身份号码", "张三", message]) expect(line).toContain(part);
      const row = problemRow(p, locale);
      expect(row.slice(0, 4)).toEqual([4321, "张三", "公民身份号码", "值"]);
      expect(row).toContain(message);
    }
  });
});

describe("file-level errors (src/core/fileErrors.ts)", () => {
  /** Errors about a place inside a workbook name it: sheet, and row and column where known. */
  const WHERE: Record<string, string[]> = {
    "sheet-not-found": ["sheet"],
    "too-many-cells": ["sheet", "row", "column"],
    "cell-too-long": ["sheet", "row", "column"],
    "beyond-sheet-limits": ["sheet", "row", "column"],
  };

  it.each(FILE_ERROR_CODES)("%s: both languages, naming the file and where", (code) => {
    const def = FILE_ERRORS[code];
    const zh = renderWith(def.zh);
    const en = renderWith(def.en);
    expectBilingual(zh.text, en.text, code);
    expect(zh.text.startsWith("‹file›")).toBe(true);
    expect(en.text.startsWith("‹file›")).toBe(true);
    for (const key of ["file", ...(WHERE[code] ?? [])]) {
      expect([code, key, zh.text.includes(`‹${key}›`)]).toEqual([code, key, true]);
      expect([code, key, en.text.includes(`‹${key}›`)]).toEqual([code, key, true]);
    }
    expect([code, [...zh.used.keys()].sort()]).toEqual([code, [...en.used.keys()].sort()]);
    for (const [key, value] of zh.used) {
      // Optional parts (detail) may have a default; what is read and given is shown.
      expect([code, key, zh.text.includes(value), en.text.includes(value)]).toEqual([
        code,
        key,
        true,
        true,
      ]);
    }
    // Given only what its raise sites always give (no row, column or detail), nothing is missing.
    const needs: FileErrorInfo["params"] = { file: "名册.xlsx" };
    if (zh.used.has("limit")) needs.limit = 100;
    if (code === "sheet-not-found") needs.sheet = "不存在";
    for (const locale of LOCALES) {
      const text = fileErrorMessage({ code, params: needs }, locale);
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

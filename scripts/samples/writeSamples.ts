import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import type { CellValue, RawRow } from "../../src/core/types";
import { buildMessyRegistry } from "../../test/fixtures/messyRegistry";
import { findSoffice } from "../../src/hosts/exceljs";

/**
 * Writes rows to a sheet of exceljs's workbook or of its streaming writer (committed as they go):
 * values with their number formats, dates as yyyy-mm-dd where they have none.
 */
export function writeRows(ws: ExcelJS.Worksheet, rows: Iterable<RawRow>): void {
  let i = 0;
  for (const r of rows) {
    const row = ws.getRow(r.rowNumber ?? i + 1);
    i++;
    r.values.forEach((v, c) => {
      if (v === null) return;
      const cell = row.getCell(c + 1);
      cell.value = v as ExcelJS.CellValue;
      const fmt = r.numFmts?.[c];
      if (fmt) cell.numFmt = fmt;
      else if (v instanceof Date) cell.numFmt = "yyyy-mm-dd";
    });
    row.commit();
  }
}

/** Writes rows as an old workbook would hold them: merged title, number formats, real dates. */
export function addMessySheet(
  wb: ExcelJS.Workbook,
  name: string,
  rows: readonly RawRow[],
  merges: readonly string[]
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  writeRows(ws, rows);
  for (const m of merges) ws.mergeCells(m);
  ws.getRow(1).font = { bold: true, size: 16 };
  return ws;
}

function csvField(v: CellValue): string {
  if (v === null) return "";
  const s =
    v instanceof Date
      ? `${v.getUTCFullYear()}/${v.getUTCMonth() + 1}/${v.getUTCDate()}`
      : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV as Chinese Excel saves it: GB18030, CRLF, no BOM. */
export function messyCsv(rows: readonly RawRow[]): Buffer {
  const text = rows.map((r) => r.values.map(csvField).join(",")).join("\r\n") + "\r\n";
  return iconv.encode(text, "gb18030");
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * The branch's 联谊活动记录, for the care lists the demo prints (as of 2026-12-20): a 困难帮扶 in
 * the last 90 days (周伟 leaves the hardship list) and one older (孙桂英 stays on it, her last help
 * shown), a talk logged with a mistyped name beside the right ID number (郭敏, found by the ID), a
 * contact of last year only (杨丽: not contacted this year), and one by name alone with its date
 * typed as text (杨涛). `members` are the registry's rows in canonical columns.
 */
function addContactLog(wb: ExcelJS.Workbook, members: readonly CellValue[][]): void {
  const at = (name: string) => {
    const m = members.find((r) => r[1] === name);
    if (!m) throw new Error(`sample member ${name} not found`);
    return { name, id: m[5] as string };
  };
  const ws = wb.addWorksheet("联谊活动记录");
  ws.addRow(["活动日期", "成员姓名", "公民身份号码", "活动类型", "内容", "联系人", "跟进情况"]);
  const rows: [CellValue, string, string, string, string, string, string][] = [
    [day(2025, 12, 30), at("杨丽").name, at("杨丽").id, "学习活动", "年终学习座谈", "王副书记", ""],
    [day(2026, 4, 8), "杨涛", "", "谈心谈话", "了解家庭近况", "李书记", "已反映给工会"],
    [day(2026, 6, 5), at("孙桂英").name, at("孙桂英").id, "困难帮扶", "送慰问金", "李书记", ""],
    [day(2026, 9, 12), "郭明", at("郭敏").id, "谈心谈话", "听取对技术改造的建议", "赵委员", ""],
    ["2026.11.18", at("周伟").name, at("周伟").id, "困难帮扶", "子女助学帮扶", "李书记", "已落实"],
  ];
  for (const r of rows) ws.addRow(r);
  ws.getColumn(1).numFmt = "yyyy-mm-dd";
  ws.getColumn(3).numFmt = "@";
  ws.columns.forEach((c, i) => (c.width = [12, 10, 21, 10, 24, 10, 14][i]));
}

export interface SampleSet {
  files: string[];
  /** Why an .xls sample is missing, if it is. */
  note?: string;
}

/** The bundled sample workbooks (seeded: the same files every run), written into dir. */
export async function writeSamples(dir: string): Promise<SampleSet> {
  await fs.mkdir(dir, { recursive: true });
  const files: string[] = [];

  const a = buildMessyRegistry(60, 2008);
  const wbA = new ExcelJS.Workbook();
  addMessySheet(wbA, "Sheet1", a.rows, a.merges);
  const notes = wbA.addWorksheet("填表说明");
  notes.addRow(["本表由机关支部统战联络员填写，每季度更新一次。"]);
  notes.addRow(["联系电话以本人手机为准。"]);
  addContactLog(wbA, a.expected);
  const fa = path.join(dir, "2008_机关支部名册.xlsx");
  await wbA.xlsx.writeFile(fa);
  files.push(fa);

  const b = buildMessyRegistry(40, 2015);
  const wbB = new ExcelJS.Workbook();
  addMessySheet(wbB, "技术中心", b.rows, b.merges);
  const fb = path.join(dir, "2015_技术中心支部.xlsx");
  await wbB.xlsx.writeFile(fb);
  files.push(fb);

  const c = buildMessyRegistry(30, 2019);
  const fc = path.join(dir, "销售公司支部_GB18030.csv");
  await fs.writeFile(fc, messyCsv(c.rows));
  files.push(fc);

  const soffice = findSoffice();
  if (!soffice)
    return {
      files,
      note: "LibreOffice 未安装，未生成 .xls 样例（sudo apt-get install libreoffice-calc-nogui）",
    };
  const d = buildMessyRegistry(25, 2003);
  const wbD = new ExcelJS.Workbook();
  addMessySheet(wbD, "名册", d.rows, d.merges);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "uf-samples-"));
  try {
    const src = path.join(tmp, "legacy_2003.xlsx");
    await wbD.xlsx.writeFile(src);
    const profile = path.join(tmp, "profile");
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xls",
        "--outdir",
        tmp,
        src,
      ],
      {
        stdio: "ignore",
        timeout: 180_000,
      }
    );
    const fd = path.join(dir, "legacy_2003.xls");
    await fs.copyFile(path.join(tmp, "legacy_2003.xls"), fd);
    files.push(fd);
  } catch {
    return { files, note: "LibreOffice 转换 .xls 样例失败，已跳过该样例" };
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  return { files };
}

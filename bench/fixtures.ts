/** The benchmark's data, seeded: the same files on every run. */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import path from "node:path";
import {
  BULLETIN_LOG_HEADERS,
  BULLETIN_LOG_SHEET,
  CONTACT_LOG_HEADERS,
  CONTACT_LOG_SHEET,
  MEETING_LOG_HEADERS,
  MEETING_LOG_SHEET,
  SUGGESTION_LOG_HEADERS,
  SUGGESTION_LOG_SHEET,
} from "../src/core/docs/logs";
import { writeRows } from "../scripts/samples/writeSamples";
import { FIELDS } from "../src/core/schema";
import { BRANCHES, makeMember } from "../test/fixtures/members";
import { buildMessyRegistry } from "../test/fixtures/messyRegistry";
import { Random } from "../test/fixtures/random";
import { writeRegistryWorkbook } from "../test/hosts/stream/registryFixture";

/** Light mess: one row in twelve has a quirk to fix or report (spaced IDs, 男性, text dates…). */
const MESS_EVERY = 60;

/** A registry of `members` rows (DOMAIN.md's 23 columns, a title row, old headers, a total row). */
export async function writeRegistry(file: string, members: number): Promise<void> {
  await writeRegistryWorkbook(file, {
    members,
    seed: 7,
    chineseRemarks: true,
    messEvery: MESS_EVERY,
  });
}

/**
 * A registry in which every row carries old-workbook mess (the messy fixture: synonym headers, a
 * title and a two-row header, text dates, 15-digit IDs, full-width digits, short party names,
 * merged branches…), written with exceljs's streaming writer.
 */
export async function writeHeavyRegistry(file: string, members: number): Promise<void> {
  const fixture = buildMessyRegistry(members, 11);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  const ws = wb.addWorksheet("名册");
  for (const m of fixture.merges) ws.mergeCells(m);
  writeRows(ws, fixture.rows);
  ws.commit();
  await wb.commit();
}

/** `count` small registries of `members` rows each, in dir. */
export async function writeSmallRegistries(
  dir: string,
  count: number,
  members: number
): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `支部名册${String(i + 1).padStart(3, "0")}.xlsx`);
    await writeRegistryWorkbook(file, { members, seed: 1000 + i, messEvery: 10 });
    files.push(file);
  }
  return files;
}

const day = (r: Random, year: number) => new Date(Date.UTC(year, r.int(0, 11), r.int(1, 28)));

/**
 * `count` branch workbooks as the summary reads them: 成员名册 (canonical columns) and the four
 * logs (例会台账, 通报台账, 联谊活动记录, 意见建议), with dates over 2025-2026.
 */
export async function writeBranchWorkbooks(
  dir: string,
  count: number,
  members: number
): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let b = 0; b < count; b++) {
    const r = new Random(5000 + b);
    const branch = `${BRANCHES[b % BRANCHES.length]}${Math.floor(b / BRANCHES.length) + 1}`;
    const wb = new ExcelJS.Workbook();
    const reg = wb.addWorksheet("成员名册");
    reg.addRow(FIELDS.map((f) => f.header));
    const people: { name: string; id: string }[] = [];
    for (let i = 0; i < members; i++) {
      const m = makeMember(r, b * members + i);
      m.branch = branch;
      m.recordedOn = day(r, r.int(2018, 2026));
      reg.addRow(FIELDS.map((f) => m[f.key] as ExcelJS.CellValue));
      people.push({ name: m.name, id: String(m.idNumber) });
    }
    const meetings = wb.addWorksheet(MEETING_LOG_SHEET);
    meetings.addRow([...MEETING_LOG_HEADERS]);
    for (let i = 0; i < 12; i++)
      meetings.addRow([
        day(r, 2026),
        `2026年第${i + 1}次`,
        branch,
        "李书记",
        r.int(5, 30),
        "学习传达",
        "无",
        "无",
        "王干事",
      ]);
    const bulletins = wb.addWorksheet(BULLETIN_LOG_SHEET);
    bulletins.addRow([...BULLETIN_LOG_HEADERS]);
    for (let i = 0; i < 4; i++)
      bulletins.addRow([
        `2026年第${i + 1}期`,
        day(r, 2026),
        "全体统战成员",
        "动态",
        "平稳",
        "通报",
        r.int(0, 9),
        r.int(0, 3),
      ]);
    const contacts = wb.addWorksheet(CONTACT_LOG_SHEET);
    contacts.addRow([...CONTACT_LOG_HEADERS]);
    for (let i = 0; i < members / 2; i++) {
      const p = r.pick(people);
      contacts.addRow([
        day(r, 2026),
        p.name,
        p.id,
        r.pick(["座谈", "走访", "联谊"]),
        "交流思想",
        "李书记",
        "已跟进",
      ]);
    }
    const suggestions = wb.addWorksheet(SUGGESTION_LOG_SHEET);
    suggestions.addRow([...SUGGESTION_LOG_HEADERS]);
    for (let i = 0; i < members / 10; i++) {
      const p = r.pick(people);
      suggestions.addRow([
        day(r, 2026),
        p.name,
        p.id,
        "建议改进食堂",
        r.pick(["是", "否"]),
        "落实中",
      ]);
    }
    const file = path.join(dir, `${branch}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}

import ExcelJS from "exceljs";
import { mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cellText, cli, everyCell, formulaOf, readXlsx } from "./common";

/**
 * Issue #8, part C: text from an input that starts with =, +, -, @, a tab or a carriage return is
 * written as text, never as a formula, in every output of every command; and it is kept verbatim
 * (as a value, or as the old value in 变更记录). The only formulas in any output are our own.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-hard-formula-"));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** Text a spreadsheet would take for a formula (DDE, links, arithmetic), one per leading character. */
const EVIL = [
  '=HYPERLINK("http://evil.example/","点我")',
  "=cmd|' /C calc'!A0",
  "+SUM(1,2)",
  "-2+3",
  "@SUM(A1:A2)",
  "\t=1+1",
  "\r=2+2",
];
/**
 * The text a reader (exceljs) may find for each. A carriage return is kept where the input holds
 * one (Excel's escape _x000D_, written back as &#13;); written raw, it comes back as a line feed
 * (XML); and _x000D_ outside shared strings is text to exceljs.
 */
const asRead = (s: string) => [
  ...new Set([s, s.replace(/\r/g, "\n"), s.replace(/\r/g, "_x000D_")]),
];
/** Our own formulas: the 合计 SUMs of the summary sheets. Nothing else may be a formula. */
const OUR_FORMULAS = [/^SUM\([A-Z]{1,3}\d+:[A-Z]{1,3}\d+\)$/];

/** The text of a cell as exceljs must be given it for a reader to find `s` (CR as Excel escapes it). */
const stored = (s: string) => s.replace(/\r/g, "_x000D_");
const evil = (i: number) => EVIL[i % EVIL.length];
/** For options that split at "|". */
const PIPELESS = EVIL.filter((s) => !s.includes("|"));

interface Scan {
  label: string;
  /** figures: the annual sheet, which names no one (counts only); not searched for the text. */
  kind: "convert" | "doc" | "summary" | "figures";
  formulas: string[];
  /** Text of every cell, by sheet. */
  texts: Map<string, string[]>;
}

function scan(wb: ExcelJS.Workbook, label: string, kind: Scan["kind"]): Scan {
  const formulas: string[] = [];
  const texts = new Map<string, string[]>();
  for (const { sheet, address, cell } of everyCell(wb)) {
    const f = formulaOf(cell);
    if (f !== null && !OUR_FORMULAS.some((re) => re.test(f)))
      formulas.push(`${label} ${sheet}!${address}: =${f}`);
    texts.set(sheet, [...(texts.get(sheet) ?? []), cellText(cell)]);
  }
  return { label, kind, formulas, texts };
}

/** A registry with formula-like text in every text field, a title, an extra column and a sheet carried over. */
async function registryFile(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet("说明");
  EVIL.forEach((s, i) => (notes.getCell(i + 1, 1).value = stored(s)));
  const ws = wb.addWorksheet("名册");
  ws.addRow([stored(evil(0))]);
  ws.addRow([
    "序号",
    "姓名",
    "性别",
    "民族",
    "身份证号",
    "党派",
    "所在支部",
    "工作岗位",
    "职务",
    "职称",
    "家庭主要成员",
    "思想动态",
    "工作诉求与建议",
    "兴趣特长",
    "联系人",
    "备注",
    stored(evil(2)),
  ]);
  for (let r = 0; r < EVIL.length; r++) {
    const row = [r + 1, `张${"一二三四五六七"[r]}`, "男", "汉族", null as string | null];
    for (let c = 0; c < 12; c++) row.push(stored(evil(r + c)));
    ws.addRow(row);
  }
  // Formula-like text in the name, gender, ethnicity and ID columns too.
  ws.addRow([8, stored(evil(4)), stored(evil(2)), stored(evil(3)), stored(evil(1))]);
  await wb.xlsx.writeFile(file);
}

/** Outputs of every command, each scanned: its formulas not ours, and all its text. */
const outputs: Scan[] = [];

beforeAll(async () => {
  const registry = path.join(dir, "名册.xlsx");
  await registryFile(registry);
  const csv = path.join(dir, "名册.csv");
  await fs.writeFile(
    csv,
    "姓名,所在支部,备注,其他\r\n" +
      EVIL.map(
        (s, i) => `张${i},"${s.replace(/"/g, '""')}","${evil(i + 3).replace(/"/g, '""')}",x`
      ).join("\r\n") +
      "\r\n",
    "utf8"
  );

  // convert, full load and streaming, from .xlsx and .csv.
  for (const [mode, env] of [
    ["full", {}],
    ["stream", { UF_LEDGER_STREAM_ABOVE: "0" }],
  ] as const) {
    const out = path.join(dir, mode);
    const r = cli(["convert", registry, csv, "--out", out, "--quiet"], env);
    expect(r.stderr).toBe("");
    for (const name of ["名册.xlsx", "名册.csv.xlsx"])
      outputs.push(
        scan(await readXlsx(path.join(out, name)), `convert(${mode}) ${name}`, "convert")
      );
  }
  const ledger = path.join(dir, "full", "名册.xlsx");

  // meeting: built-in layout, and a custom template whose cells are nothing but placeholders.
  const meetingArgs = [
    "--date",
    "2026-11-20",
    "--branch",
    evil(0),
    "--convener",
    evil(2),
    "--place",
    evil(3),
    "--time",
    evil(4),
    "--recorder",
    evil(5),
    "--analysis",
    evil(6),
    ...EVIL.flatMap((s) => ["--topic", s]),
    ...EVIL.flatMap((s) => ["--participant", s]),
    "--absent",
    `${evil(1)}:${evil(0)}`,
    "--measure",
    `${evil(2)}|${evil(3)}|${evil(4)}`,
  ];
  const meeting = path.join(dir, "meeting.xlsx");
  expect(cli(["meeting", ledger, ...meetingArgs, "--out", meeting]).code).toBe(0);
  outputs.push(scan(await readXlsx(meeting), "meeting", "doc"));
  const tplBook = await readXlsx(ledger);
  const tpl = tplBook.addWorksheet("模板-例会记录");
  [
    "{{支部}}",
    "{{召集人}}",
    "{{地点}}",
    "{{时间}}",
    "{{问题分析}}",
    "{{记录人}}",
    "{{缺席人员}}",
  ].forEach((p, i) => (tpl.getCell(i + 1, 1).value = p));
  tpl.getCell(8, 1).value = "{{#议题}}{{议题}}{{/议题}}";
  const withTemplate = path.join(dir, "with-template.xlsx");
  await tplBook.xlsx.writeFile(withTemplate);
  const meeting2 = path.join(dir, "meeting-template.xlsx");
  expect(cli(["meeting", withTemplate, ...meetingArgs, "--out", meeting2]).code).toBe(0);
  outputs.push(scan(await readXlsx(meeting2), "meeting(template)", "doc"));

  // bulletin: every section, the issuer and the opinions.
  const bulletin = path.join(dir, "bulletin.xlsx");
  const sections = [
    "工作动态",
    "重大政策",
    "生产管理经营分配",
    "形势通报",
    "通报范围",
    "报送",
    "抄送",
  ];
  const b = cli([
    "bulletin",
    meeting,
    "--date",
    "2026-11-25",
    "--issuer",
    evil(1),
    ...sections.flatMap((s, i) => ["--section", `${s}=${evil(i)}`]),
    ...PIPELESS.flatMap((s, i) => ["--opinion", `${s}|${PIPELESS[(i + 1) % PIPELESS.length]}|x`]),
    "--out",
    bulletin,
  ]);
  expect(b.code).toBe(0);
  outputs.push(scan(await readXlsx(bulletin), "bulletin", "doc"));

  // summary: registries and logs whose text (branches, names, types, dates) looks like formulas.
  const branch = path.join(dir, "支部.xlsx");
  const wb = await readXlsx(ledger);
  const contacts = wb.addWorksheet("联谊活动记录");
  contacts.addRow([
    "活动日期",
    "成员姓名",
    "公民身份号码",
    "活动类型",
    "内容",
    "联系人",
    "跟进情况",
  ]);
  EVIL.forEach((s, i) =>
    contacts.addRow([new Date(Date.UTC(2026, 7, i + 1)), stored(s), null, stored(s), stored(s)])
  );
  contacts.addRow([stored(evil(0)), "张一", null, "谈心谈话"]);
  const log = wb.addWorksheet("例会台账");
  log.addRow(["会议日期", "期次", "所在支部", "召集人", "参会人数", "议题"]);
  EVIL.forEach((s, i) =>
    log.addRow([
      new Date(Date.UTC(2026, 6, i + 1)),
      `第${i + 1}次`,
      stored(s),
      stored(s),
      3,
      stored(s),
    ])
  );
  log.addRow([stored(evil(2)), "第9次", "机关支部"]);
  await wb.xlsx.writeFile(branch);
  const summary = path.join(dir, "summary.xlsx");
  expect(cli(["summary", branch, "--quarter", "2026Q3", "--out", summary]).code).toBe(1);
  outputs.push(scan(await readXlsx(summary), "summary", "summary"));
  const year = path.join(dir, "year.xlsx");
  expect(cli(["summary", branch, "--year", "2026", "--out", year]).code).toBe(1);
  outputs.push(scan(await readXlsx(year), "summary(year)", "figures"));
}, 240_000);

describe("formula-like text from inputs", () => {
  it("is never written as a formula: the only formulas are our own 合计 SUMs", () => {
    expect(outputs.map((o) => o.label)).toHaveLength(9);
    expect(outputs.flatMap((o) => o.formulas)).toEqual([]);
  });

  it("the summary does have its own SUM formulas (the allow-list is not vacuous)", async () => {
    const wb = await readXlsx(path.join(dir, "summary.xlsx"));
    const own = [...everyCell(wb)].map((c) => formulaOf(c.cell)).filter((f) => f !== null);
    expect(own.length).toBeGreaterThan(0);
  });

  it.each(EVIL.map((s) => [JSON.stringify(s), s]))(
    "%s is kept verbatim, as text, in every output",
    (_, s) => {
      const has = (o: Scan, sheets: string[] | null, whole: boolean, trim = false) =>
        asRead(s).some((want) =>
          [...o.texts.entries()].some(
            ([sheet, texts]) =>
              (!sheets || sheets.includes(sheet)) &&
              texts.some((t) =>
                whole ? t === want : t.includes(trim ? want.replace(/^\s+/, "") : want)
              )
          )
        );
      for (const o of outputs.filter((x) => x.kind !== "figures")) {
        const found =
          o.kind === "convert"
            ? // The standard sheets themselves (a cell of 成员名册, or an old value in 变更记录).
              has(o, ["成员名册", "变更记录"], true) &&
              (!o.texts.has("说明") || has(o, ["说明"], true))
            : o.kind === "doc"
              ? has(o, null, false)
              : // The summary counts trimmed text (names, branches): the formula part is all there.
                has(o, null, false, true);
        expect([o.label, found]).toEqual([o.label, true]);
      }
    }
  );
});

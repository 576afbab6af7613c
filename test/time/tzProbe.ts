/**
 * Run as a child process with TZ set (a test cannot change the time zone of its own process under
 * jest): for each instant given (ms since the epoch), prints as JSON what the user would read.
 *   TZ=Asia/Shanghai node -r ./test/time/jestShim.js -r ts-node/register/transpile-only \
 *     test/time/tzProbe.ts <dir> <ms>...
 */
import ExcelJS from "exceljs";
import path from "node:path";
import { formatLocalTime } from "../../src/core/localTime";
import { normalizeRegistry } from "../../src/core/registry";
import { lastFinishedQuarter, quarterOf } from "../../src/core/summary/quarter";
import { writeSummary } from "../../src/hosts/exceljs/summary/writeSummary";
import { localIsoString, localNow, localToday, localTodayText } from "../../src/hosts/localClock";
import { apiSupportUpTo } from "../../src/hosts/office/api";
import { OfficeLedgerHost } from "../../src/hosts/office/officeHost";
import { FakeExcel } from "../office/fakeExcel";
import { HEADERS, registrySheet } from "../office/registryData";

export interface ProbeResult {
  at: number;
  todayText: string;
  today: string;
  shown: string;
  iso: string;
  lastQuarter: string;
  /** Problems of a registry row born on the local today. */
  bornTodayCodes: string[];
  /** The same, checked in Excel (the Office host, its own clock). */
  excelBornTodayCodes: string[];
  /** 生成时间 in the summary the exceljs host writes (a real file, read back). */
  fileMadeAt: unknown;
  /** 生成时间 in the summary written through Office.js. */
  excelMadeAt: unknown;
}

async function probe(dir: string, at: Date): Promise<ProbeResult> {
  const todayText = localTodayText(at);
  const born = [
    { rowNumber: 1, values: ["姓名", "出生日期"] },
    { rowNumber: 2, values: ["张三", todayText] },
  ];
  const out = path.join(dir, `summary-${process.env.TZ?.replace("/", "-")}-${at.getTime()}.xlsx`);
  await writeSummary([], { kind: "quarter", quarter: quarterOf(2026, 4) }, out, localNow(at));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const fx = new FakeExcel([registrySheet(3, "成员名册")]);
  const host = new OfficeLedgerHost({ run: fx.run, api: apiSupportUpTo(7), now: () => at });
  const run = await host.summary({ kind: "quarter", quarter: quarterOf(2026, 4) });
  const row = HEADERS.map((h) => (h === "姓名" ? "张三" : h === "出生日期" ? todayText : ""));
  const fx2 = new FakeExcel([{ name: "成员名册", values: [HEADERS, row] }]);
  const host2 = new OfficeLedgerHost({ run: fx2.run, api: apiSupportUpTo(7), now: () => at });
  const checked = await host2.validate("zh-CN");
  return {
    at: at.getTime(),
    todayText,
    today: localToday(at).toISOString(),
    shown: formatLocalTime(localNow(at)),
    iso: localIsoString(at),
    lastQuarter: lastFinishedQuarter(localToday(at)).label,
    bornTodayCodes: normalizeRegistry(born, { asOf: localToday(at) }).problems.map((p) => p.code),
    excelBornTodayCodes: checked.result.problems.map((p) => p.code),
    fileMadeAt: wb.getWorksheet("季度汇总-2026Q4")!.getCell(4, 1).value,
    excelMadeAt: fx.sheet(run.sheetName).value(4, 1),
  };
}

async function main() {
  const [dir, ...instants] = process.argv.slice(2);
  const results: ProbeResult[] = [];
  for (const ms of instants) results.push(await probe(dir, new Date(Number(ms))));
  process.stdout.write(JSON.stringify(results));
}

if (require.main === module) void main();

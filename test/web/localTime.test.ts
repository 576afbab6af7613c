/**
 * The web page's forms default to the user's local day (issue #14): Chromium in Beijing time and in
 * UTC, its clock at 07:59 and 08:01 Beijing time on 2026-12-05 (23:59 and 00:01 UTC).
 */
import ExcelJS from "exceljs";
import { mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_FLAGS as FLAGS } from "./chromium";
import { serve } from "./server";

const WEB = process.env.UF_WEB_BUILD!;

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-web-time-"));
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("成员名册").addRow(["姓名", "所在支部"]);
  await wb.xlsx.writeFile(path.join(dir, "名册.xlsx"));
  server = await serve(WEB);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const BEFORE_8 = new Date(Date.UTC(2026, 11, 4, 23, 59));
const AFTER_8 = new Date(Date.UTC(2026, 11, 5, 0, 1));
const QUARTER_TURN = new Date(Date.UTC(2026, 8, 30, 23, 59)); // 2026-10-01 07:59 in Beijing

async function defaults(timezoneId: string, at: Date) {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId });
  const page = await context.newPage();
  await page.clock.setFixedTime(at);
  await page.goto(`${server.origin}/standalone.html`);
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "打开工作簿" }).click(),
  ]);
  await chooser.setFiles(path.join(dir, "名册.xlsx"));
  await page.getByRole("tab", { name: "例会与通报" }).click();
  const meeting = await page.getByLabel("会议日期").inputValue();
  const bulletin = await page.getByLabel("通报日期").inputValue();
  await page.getByRole("tab", { name: "季度汇总" }).click();
  const year = await page.getByLabel("年份").inputValue();
  const quarter = await page.getByLabel("季度", { exact: true }).inputValue();
  await context.close();
  return { meeting, bulletin, quarter: `${year}Q${quarter}` };
}

describe("the page's default dates are the local day", () => {
  it.each([
    ["Asia/Shanghai", BEFORE_8, "2026-12-05", "2026Q3"],
    ["Asia/Shanghai", AFTER_8, "2026-12-05", "2026Q3"],
    ["UTC", BEFORE_8, "2026-12-04", "2026Q3"],
    ["UTC", AFTER_8, "2026-12-05", "2026Q3"],
    ["Asia/Shanghai", QUARTER_TURN, "2026-10-01", "2026Q3"],
    ["UTC", QUARTER_TURN, "2026-09-30", "2026Q2"],
  ])("%s at %s: %s, last quarter %s", async (tz, at, day, quarter) => {
    expect(await defaults(tz, at)).toEqual({ meeting: day, bulletin: day, quarter });
  });
});

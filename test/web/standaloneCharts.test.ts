/**
 * Summaries in the web page show their charts (Chromium, the production build): a ledger opened
 * from disk, its 年度汇总 made in the pane; the summary sheet shows its four charts above the grid,
 * drawn from what their parts cache; the downloaded workbook keeps them as Excel charts.
 * Screenshots at 1280 and 360 px wide are kept in test-artifacts/web/.
 */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import { CHART_BAND_ROWS } from "../../src/core/summary/charts";
import { readZipEntries } from "../hosts/input/zipWriter";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium";
import { serve } from "./server";

const WEB = process.env.UF_WEB_BUILD!;
const ARTIFACTS = path.join(__dirname, "..", "..", "test-artifacts", "web");
const dir = mkdtempSync(path.join(os.tmpdir(), "uf-web-charts-"));
const TITLES = ["成员政治面貌构成", "统战对象类别（人次）", "各支部活动情况", "各季度活动次数"];

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;
const errors: string[] = [];

async function ledger(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet("成员名册");
  reg.addRow(["姓名", "政治面貌", "统战对象类别", "所在支部", "建档日期"]);
  const members = [
    ["张三", "中国民主同盟盟员", "民主党派成员", "机关支部"],
    ["李四", "群众", "党外知识分子", "机关支部"],
    ["王五", "无党派民主人士", "无党派人士", "一车间支部"],
    ["赵六", "中国民主促进会会员", "民主党派成员", "一车间支部"],
  ];
  for (const m of members) reg.addRow([...m, new Date(Date.UTC(2024, 0, 1))]);
  const log = wb.addWorksheet("例会台账");
  log.addRow(["会议日期", "期次", "所在支部", "召集人", "参会人数", "议题"]);
  log.addRow([new Date(Date.UTC(2026, 2, 10)), "第1次", "机关支部", "书记", 5, "学习"]);
  log.addRow([new Date(Date.UTC(2026, 7, 10)), "第2次", "一车间支部", "书记", 4, "座谈"]);
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await ledger(path.join(dir, "台账.xlsx"));
  server = await serve(WEB);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: "zh-CN",
    viewport: { width: 1280, height: 900 },
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin) || url.startsWith("blob:") || url.startsWith("data:"))
      return route.continue();
    errors.push(`request outside: ${url}`);
    return route.abort();
  });
  page = await context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.origin}/standalone.html`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

it("makes 年度汇总 in the page and shows its four charts above the grid", async () => {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "打开工作簿" }).click(),
  ]);
  await chooser.setFiles(path.join(dir, "台账.xlsx"));
  await page.getByRole("tab", { name: "成员名册" }).waitFor();
  // A sheet without charts shows none.
  expect(await page.locator("figure.chart").count()).toBe(0);
  await page.getByRole("tab", { name: "季度汇总" }).click();
  await page.getByLabel("年份").selectOption("2026");
  await page.getByLabel("季度", { exact: true }).selectOption("0");
  await page.getByRole("button", { name: "生成年度汇总" }).click();
  await page.getByText("已生成“年度汇总-2026”。").waitFor();
  await page.getByRole("tab", { name: "年度汇总-2026" }).click();
  await page.locator("figure.chart").first().waitFor();
  expect(await page.locator("figure.chart figcaption").allTextContents()).toEqual(TITLES);
  // Drawn: slices of the pie (one a status), columns of the branches, a line a figure.
  const pie = page.locator("figure.chart").nth(0);
  expect(await pie.locator("svg path").count()).toBe(4);
  expect(await pie.locator("svg title").allTextContents()).toContain("群众：1（25%）");
  expect(await pie.locator(".chart-legend li").allTextContents()).toContain("中国民主同盟盟员");
  // 统战对象类别 is a bar chart: every bar starts at the same left edge, the longest the largest.
  const bars = await page
    .locator("figure.chart")
    .nth(1)
    .locator("svg rect")
    .evaluateAll((els) =>
      els.map((e) => ({
        x: Number(e.getAttribute("x")),
        width: Number(e.getAttribute("width")),
        height: Number(e.getAttribute("height")),
        value: Number(/：(\d+)$/.exec(e.textContent ?? "")?.[1]),
      }))
    );
  expect(bars.length).toBeGreaterThan(1);
  expect(new Set(bars.map((b) => b.x)).size).toBe(1);
  expect(new Set(bars.map((b) => b.height)).size).toBe(1);
  const widest = bars.reduce((a, b) => (b.width > a.width ? b : a));
  expect(widest.value).toBe(Math.max(...bars.map((b) => b.value)));
  expect(widest.value).toBeGreaterThan(0);
  expect(await page.locator("figure.chart").nth(2).locator("svg rect").count()).toBe(2 * 6);
  expect(await page.locator("figure.chart").nth(3).locator("svg polyline").count()).toBe(6);
  // The empty rows the charts sit on are one line of the grid, which says so; the rows around it
  // keep their numbers.
  const folded = page.locator("table.grid tr.under-charts");
  expect(await folded.count()).toBe(1);
  const [, from, to] = /第 (\d+)–(\d+) 行是图表所在的空行/.exec(
    (await folded.textContent()) ?? ""
  )!;
  expect(Number(from)).toBe(5);
  expect(Number(to)).toBeGreaterThanOrEqual(4 + CHART_BAND_ROWS);
  const heads = await page.locator("table.grid tbody th").allTextContents();
  const at = heads.indexOf("⋯");
  expect(heads.slice(0, at)).toEqual(["1", "2", "3", "4"]);
  expect(heads[at + 1]).toBe(String(Number(to) + 1));
  await page.screenshot({ path: path.join(ARTIFACTS, "charts-1280.png"), fullPage: true });

  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);
  const widths = await page
    .locator("figure.chart")
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
  for (const right of widths) expect(right).toBeLessThanOrEqual(361);
  await page.screenshot({ path: path.join(ARTIFACTS, "charts-360.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  const [dl] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载工作簿" }).click(),
  ]);
  const out = path.join(dir, "out.xlsx");
  await dl.saveAs(out);
  const parts = (await readZipEntries(readFileSync(out))).map((e) => e.name);
  expect(parts.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(4);
  expect(errors).toEqual([]);
});

it("shows each other action's result at 1280 and at 360 px, nothing cut off", async () => {
  /** Screenshots at both widths; the page never scrolls sideways, the pane fits. */
  const both = async (name: string) => {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width + 1
      );
      const pane = await page
        .locator("aside.pane")
        .evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(pane).toBeLessThanOrEqual(1);
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };
  await page.getByRole("tab", { name: "例会与通报" }).click();
  await page.getByLabel("通报日期").fill("2026-11-25");
  await page.getByLabel("工作动态").fill("学习上级统战工作会议精神");
  await page.getByRole("button", { name: "新建情况通报" }).click();
  await page.getByText(/^已新建“情况通报-2026年第1期”/).waitFor();
  await both("action-bulletin");

  await page.getByRole("tab", { name: "联谊与建议" }).click();
  const form = page.getByRole("form", { name: "记录联谊活动" });
  await form.getByLabel("查找成员（姓名或身份证号）").fill("张三");
  await form.getByRole("checkbox", { name: /^张三/ }).check();
  await form.getByLabel("活动日期").fill("2026-12-01");
  await form.getByLabel("内容").fill("谈心：了解近期工作");
  await form.getByRole("button", { name: "保存" }).click();
  await page
    .getByText(/已在“联谊活动记录”/)
    .first()
    .waitFor();
  await both("action-contact");

  await page.getByRole("tab", { name: "关怀提醒" }).click();
  await page.getByRole("button", { name: "查看名单" }).click();
  await page.getByRole("button", { name: "生成关怀提醒表" }).click();
  await page.getByText(/^已生成“关怀提醒-/).waitFor();
  await both("action-care");

  await page.getByRole("tab", { name: "季度汇总" }).click();
  await page.getByLabel("季度", { exact: true }).selectOption("3");
  await page.getByRole("button", { name: "生成季度汇总" }).click();
  await page.getByText("已生成“季度汇总-2026Q3”。").waitFor();
  await page.getByRole("tab", { name: "季度汇总-2026Q3" }).click();
  await page.locator("figure.chart").first().waitFor();
  expect(await page.locator("figure.chart").count()).toBe(4);
  await both("action-summary");
  expect(errors).toEqual([]);
});

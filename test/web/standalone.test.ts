import ExcelJS from "exceljs";
import { cellText } from "../helpers/cellText";
import { mkdirSync, mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { addMessySheet } from "../../scripts/samples/writeSamples";
import { fileErrorMessage } from "../../src/core/fileErrors";
import { FIELDS } from "../../src/core/schema";
import { convertFile } from "../../src/hosts/exceljs";
import { buildMessyRegistry } from "../fixtures/messyRegistry";
import { deflatedZeros, readZipEntries, writeZip } from "../hosts/input/zipWriter";
import { CHROMIUM, CHROMIUM_FLAGS as FLAGS } from "./chromium";
import { serve } from "./server";
import { downloadWorkbook } from "./download";

const ROOT = path.join(__dirname, "..", "..");
/** The production build of this test run (test/globalSetup.js). */
const WEB = process.env.UF_WEB_BUILD!;
const ARTIFACTS = path.join(ROOT, "test-artifacts", "web");

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-web-"));
const fixture = buildMessyRegistry(40, 77);
let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: Awaited<ReturnType<typeof serve>>;
const outside: string[] = [];
const cspErrors: string[] = [];
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const download = (name: string): Promise<ExcelJS.Workbook> => downloadWorkbook(page, dir, name);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const wb = new ExcelJS.Workbook();
  addMessySheet(wb, "Sheet1", fixture.rows, fixture.merges);
  await wb.xlsx.writeFile(path.join(dir, "机关支部名册.xlsx"));
  server = await serve(WEB);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  context = await browser.newContext({
    acceptDownloads: true,
    locale: "zh-CN",
    viewport: { width: 1280, height: 900 },
  });
  // Nothing may leave the page's own origin: every other request is refused and recorded.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin) || url.startsWith("blob:") || url.startsWith("data:"))
      return route.continue();
    outside.push(url);
    return route.abort();
  });
  // Violations the page catches itself (zod's JIT probe, say) reach no console: listen for them.
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => {
      const w = window as unknown as { cspViolations?: string[] };
      (w.cspViolations ??= []).push(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`
      );
    })
  );
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${e.message}\n${e.stack ?? ""}`));
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
  });
  await page.goto(`${server.origin}/standalone.html`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("standalone page (Chromium)", () => {
  it("opens a messy workbook from disk and shows it", async () => {
    await expectVisible(page.getByRole("heading", { name: "统战台账助手（网页版）" }));
    await shot("01-start");
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "打开工作簿" }).click(),
    ]);
    await chooser.setFiles(path.join(dir, "机关支部名册.xlsx"));
    await expectVisible(page.getByRole("tab", { name: "Sheet1" }));
    await expectVisible(page.getByRole("cell", { name: fixture.title }));
    await shot("02-opened");
  });

  it("校验 reports without changing anything; 规范化 shows the counts", async () => {
    await page.getByRole("button", { name: "校验", exact: true }).click();
    const status = page.getByRole("status").filter({ hasText: "成员" });
    await expectVisible(status);
    const members = fixture.expected.length;
    expect(await status.textContent()).toBe(
      `成员 ${members} 人：错误 5 个，提示 1 个，修改 ${await changesCount()} 处`
    );
    // Nothing was changed: the workbook still has only its own sheet.
    expect(await page.getByRole("tab", { name: "Sheet1" }).count()).toBe(1);
    expect(await page.getByRole("tab", { name: "成员名册" }).count()).toBe(0);
    await page.getByRole("button", { name: "规范化" }).click();
    await expectVisible(page.getByText("已写入“成员名册”“校验报告”“变更记录”。"));
    expect(await page.getByRole("tab", { name: "成员名册" }).count()).toBe(1);
    await shot("03-normalized");
  });

  it("a click on a problem selects its cell", async () => {
    await page.locator("details.group.error summary").first().click();
    await page.locator("button.problem").first().click();
    const cell = page.locator("td[aria-selected=true]");
    await expectVisible(cell);
    expect(await page.getByRole("tab", { name: "成员名册", selected: true }).count()).toBe(1);
    await shot("04-selected");
  });

  it("downloads the normalised workbook: values, 校验报告, 变更记录", async () => {
    const wb = await download("normalized.xlsx");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["成员名册", "校验报告", "变更记录"]);
    const ws = wb.getWorksheet("成员名册")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(FIELDS.map((f) => f.header));
    fixture.expected.forEach((row, i) =>
      row.forEach((want, j) => {
        const got = ws.getCell(i + 2, j + 1).value ?? null;
        expect(got).toEqual(want);
      })
    );
    const log = wb.getWorksheet("变更记录")!;
    expect((log.getRow(1).values as unknown[]).slice(1)).toEqual([
      "原行号",
      "姓名",
      "列",
      "原值",
      "新值",
      "规则",
    ]);
    expect(log.rowCount).toBeGreaterThan(100);
  });

  it("makes a meeting record", async () => {
    await page.getByRole("tab", { name: "例会与通报" }).click();
    await page.getByLabel("会议日期").fill("2026-11-20");
    await page.getByLabel("召集人").fill("李书记");
    await page.getByLabel("议题（每行一个）").fill("学习会议精神\n安排联谊活动");
    await page.getByRole("button", { name: "新建例会记录" }).click();
    await page.waitForTimeout(500);
    await shot("05-meeting-clicked");
    if (pageErrors.length) throw new Error(pageErrors.join("\n"));
    await expectVisible(
      page.getByText("已新建“例会记录-2026-11-20”（第1次），并在“例会台账”追加一行。")
    );
    await shot("05-meeting");
    const wb = await download("meeting.xlsx");
    const ws = wb.getWorksheet("例会记录-2026-11-20")!;
    const texts: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => texts.push(cellText(c))));
    expect(texts).toContain("1. 学习会议精神");
    expect(wb.getWorksheet("例会台账")!.getCell("B2").value).toBe("第1次");
  });

  it("makes a bulletin", async () => {
    await page.getByLabel("通报日期").fill("2026-11-25");
    await page.getByLabel("工作动态").fill("学习上级统战工作会议精神");
    await page.getByRole("button", { name: "新建情况通报" }).click();
    await expectVisible(page.getByText(/^已新建“情况通报-2026年第1期”/));
    const wb = await download("bulletin.xlsx");
    const texts: string[] = [];
    wb.getWorksheet("情况通报-2026年第1期")!.eachRow((r) =>
      r.eachCell((c) => texts.push(cellText(c)))
    );
    expect(texts.some((x) => x.includes("学习上级统战工作会议精神"))).toBe(true);
    expect(wb.getWorksheet("通报台账")!.getCell("A2").value).toBe("2026年第1期");
  });

  it("makes a quarterly summary", async () => {
    await page.getByRole("tab", { name: "季度汇总" }).click();
    await page.getByLabel("年份").selectOption("2026");
    await page.getByLabel("季度", { exact: true }).selectOption("4");
    await page.getByRole("button", { name: "生成季度汇总" }).click();
    await expectVisible(page.getByText("已生成“季度汇总-2026Q4”。"));
    await shot("06-summary");
    const wb = await download("summary.xlsx");
    const ws = wb.getWorksheet("季度汇总-2026Q4")!;
    let members: unknown = null;
    ws.eachRow((r) => {
      if (r.getCell(1).value === "成员总数") members = r.getCell(2).value;
    });
    expect(members).toBe(fixture.expected.length - 1); // the same person twice counts once
  });

  it("is usable 320 px wide", async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByRole("tab", { name: "名册校验" }).click();
    const overflow = await page
      .locator("aside.pane")
      .evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    // The page itself does not scroll sideways: the sheet's grid scrolls inside its own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      321
    );
    await expectVisible(page.getByRole("button", { name: "规范化" }));
    await shot("07-320px");
  });

  it("a zip bomb gets the command line's message, before anything is unpacked", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const registry = await fs.readFile(path.join(dir, "机关支部名册.xlsx"));
    const entries = await readZipEntries(registry);
    const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    // Its directory says it unpacks to 6 GB; and a sheet that inflates to 256 MB of zeros where its
    // headers say 2 KB.
    const declared = writeZip([
      ...entries,
      { name: "xl/media/a.bin", data: Buffer.alloc(16), declaredSize: 3 * 2 ** 30 },
      { name: "xl/media/b.bin", data: Buffer.alloc(16), declaredSize: 3 * 2 ** 30 },
    ]);
    const zeros = await deflatedZeros(256);
    const lying = writeZip(
      entries.map((e) => (e === sheet ? { name: e.name, deflated: zeros, declaredSize: 2048 } : e))
    );
    for (const [name, bytes, code] of [
      ["声明超大.xlsx", declared, "too-large"],
      ["实际超大.xlsx", lying, "corrupt-workbook"],
    ] as const) {
      const file = path.join(dir, name);
      await fs.writeFile(file, bytes);
      const cli = await convertFile(file, { output: null, locale: "zh-CN" });
      expect(cli.error?.code).toBe(code);
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        page.getByRole("button", { name: "打开工作簿" }).click(),
      ]);
      const started = Date.now();
      await chooser.setFiles(file);
      const alert = page.getByRole("alert").filter({ hasText: name });
      await expectVisible(alert);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await alert.textContent()).toBe(fileErrorMessage(cli.error!, "zh-CN"));
    }
    await shot("08-zip-bomb");
  });

  it("made no request beyond its own origin, broke no Content-Security-Policy rule, threw nothing", async () => {
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
    expect(cspErrors).toEqual([]);
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []
    );
    expect(violations).toEqual([]);
  });
});

/** What the batch tool's engine counts for the same file, read with exceljs in Node. */
/** The changes the command line's check counts in the same file. */
async function changesCount(): Promise<number> {
  const outcome = await convertFile(path.join(dir, "机关支部名册.xlsx"), {
    output: null,
    locale: "zh-CN",
  });
  return outcome.counts!.changes;
}

async function expectVisible(l: ReturnType<Page["getByRole"]>): Promise<void> {
  await l.first().waitFor({ state: "visible", timeout: 20_000 });
  expect(await l.first().isVisible()).toBe(true);
}

import ExcelJS from "exceljs";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  promises as fs,
  readFileSync,
  readdirSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, type Page, chromium } from "playwright-core";
import { addMessySheet } from "../../scripts/samples/writeSamples";
import { FIELDS } from "../../src/core/schema";
import { buildMessyRegistry } from "../fixtures/messyRegistry";
import { readZipEntries } from "../hosts/input/zipWriter";
import { CHROMIUM, CHROMIUM_FLAGS as FLAGS } from "./chromium";
import { downloadWorkbook } from "./download";

/**
 * Issue #18: the web page staff open themselves. The production build (test/globalSetup.js) makes
 * a folder and a zip of it; the zip is unpacked somewhere else (another PC), its standalone.html
 * opened by file:// with every request but file:// refused, a workbook opened, 校验, 规范化 and a
 * meeting record run and the result downloaded. After each action the grid shows the sheet it
 * made, with the marks (fills, notes) the downloaded workbook has; a problem clicked shows its
 * cell. Screenshots at 1280 and 360 px wide in test-artifacts/web-file/.
 */
const { WEB_FOLDER, WEB_ZIP, WEB_ZIP_FOLDER } = require("../../webpack.config.js") as {
  WEB_FOLDER: string;
  WEB_ZIP: string;
  WEB_ZIP_FOLDER: string;
};

const ROOT = path.join(__dirname, "..", "..");
const WEB = process.env.UF_WEB_BUILD!;
const ARTIFACTS = path.join(ROOT, "test-artifacts", "web-file");
const WIDTHS = [1280, 360];

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-web-file-"));
/** Where the zip is unpacked: a folder of its own, as on another PC. */
const unpacked = path.join(dir, "另一台电脑");
const fixture = buildMessyRegistry(40, 77);
let browser: Browser;
let page: Page;
const outside: string[] = [];
const pageErrors: string[] = [];
const cspErrors: string[] = [];

/** Screenshots of the page at each width; at each, nothing of the page is cut off sideways. */
async function shots(name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
    const wide = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      pane: (() => {
        const pane = document.querySelector("aside.pane");
        return pane ? pane.scrollWidth - pane.clientWidth : 0;
      })(),
    }));
    expect([name, width, wide.page <= width, wide.pane <= 1]).toEqual([name, width, true, true]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Every file under a folder, by its path relative to it (with /). */
function filesUnder(folder: string, prefix = ""): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(path.join(folder, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) for (const [k, v] of filesUnder(folder, rel)) out.set(k, v);
    else out.set(rel, readFileSync(path.join(folder, rel)));
  }
  return out;
}

/** The page's Content-Security-Policy, directive → sources. */
function csp(html: string): Map<string, string[]> {
  const meta = /<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html);
  const content = meta ? /content="([^"]*)"/i.exec(meta[0])![1] : "";
  return new Map(
    content
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources])
  );
}

/** The cells of the grid that carry a fill or a note: "row,col" → [fill, note]. */
function gridMarks(): Promise<Record<string, [string | null, string | null]>> {
  return page.evaluate(() => {
    const out: Record<string, [string | null, string | null]> = {};
    document.querySelectorAll("table.grid tbody tr").forEach((tr, r) =>
      tr.querySelectorAll("td").forEach((td, c) => {
        const fill = td.getAttribute("data-fill");
        const note = td.getAttribute("title");
        if (fill || note) out[`${r + 1},${c + 1}`] = [fill, note];
      })
    );
    return out;
  });
}

/** The same of a worksheet as exceljs reads it from the downloaded file. */
function workbookMarks(ws: ExcelJS.Worksheet): Record<string, [string | null, string | null]> {
  const out: Record<string, [string | null, string | null]> = {};
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      const fill = cell.fill;
      const argb =
        fill?.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
      const n = cell.note;
      const note =
        n === undefined
          ? null
          : typeof n === "string"
            ? n
            : (n.texts ?? []).map((t) => t.text).join("");
      if (argb || note !== null)
        out[`${r},${c}`] = [argb ? `#${argb.slice(-6).toLowerCase()}` : null, note];
    })
  );
  return out;
}

const selectedTab = () =>
  page.getByRole("tablist", { name: "工作表" }).getByRole("tab", { selected: true }).textContent();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const wb = new ExcelJS.Workbook();
  addMessySheet(wb, "Sheet1", fixture.rows, fixture.merges);
  await wb.xlsx.writeFile(path.join(dir, "机关支部名册.xlsx"));
  // The zip, unpacked somewhere else.
  for (const e of await readZipEntries(readFileSync(path.join(WEB, WEB_ZIP)))) {
    const file = path.join(unpacked, ...e.name.split("/"));
    mkdirSync(path.dirname(file), { recursive: true });
    await fs.writeFile(file, e.data!);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: "zh-CN",
    viewport: { width: 1280, height: 900 },
  });
  // No network: every request but the page's own files is refused, and recorded.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file://") || url.startsWith("blob:") || url.startsWith("data:"))
      return route.continue();
    outside.push(url);
    return route.abort();
  });
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => {
      const w = window as unknown as { cspViolations?: string[] };
      (w.cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    })
  );
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${e.message}\n${e.stack ?? ""}`));
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to|Failed to load/i.test(m.text()))
      cspErrors.push(m.text());
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("the web page opened from disk (file://, no network)", () => {
  it("the build makes the folder and its zip: the same files, no source maps, a policy that allows no request", () => {
    const folder = filesUnder(path.join(WEB, WEB_FOLDER));
    const zipped = filesUnder(path.join(unpacked, WEB_ZIP_FOLDER));
    expect([...zipped.keys()].sort()).toEqual([...folder.keys()].sort());
    for (const [name, bytes] of folder)
      expect([name, zipped.get(name)!.equals(bytes)]).toEqual([name, true]);
    expect([...folder.keys()]).toEqual(
      expect.arrayContaining(["standalone.html", "standalone.js", "README.txt"])
    );
    expect(
      [...folder.keys()].filter((f) => f.endsWith(".map") || f.includes("taskpane.js"))
    ).toEqual([]);
    // Every name in the zip is ASCII (unzip tools that ignore the UTF-8 flag keep them).
    expect([...zipped.keys()].filter((f) => /[^\x20-\x7e]/.test(f))).toEqual([]);
    const html = folder.get("standalone.html")!.toString("utf8");
    const policy = csp(html);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("connect-src")).toEqual(["'none'"]);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    for (const [directive, sources] of policy) {
      expect([directive, sources.filter((s) => /^https?:|^\*|'unsafe-eval'/.test(s))]).toEqual([
        directive,
        [],
      ]);
    }
    // Nothing it links to is absolute, and nothing is missing.
    const links = [...html.matchAll(/\b(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(links.filter((l) => /^(?:[a-z]+:|\/)/i.test(l))).toEqual([]);
    expect(links.filter((l) => !folder.has(l))).toEqual([]);
    for (const js of [...folder.keys()].filter((f) => f.endsWith(".js")))
      expect([js, /sourceMappingURL/.test(folder.get(js)!.toString())]).toEqual([js, false]);
  });

  it("opens a workbook from disk in the page opened from disk", async () => {
    const html = path.join(unpacked, WEB_ZIP_FOLDER, "standalone.html");
    expect(existsSync(html)).toBe(true);
    await page.goto(pathToFileURL(html).href);
    await page.getByRole("heading", { name: "统战台账助手（网页版）" }).waitFor();
    await shots("01-start");
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "打开工作簿" }).click(),
    ]);
    await chooser.setFiles(path.join(dir, "机关支部名册.xlsx"));
    await page.getByRole("cell", { name: fixture.title }).first().waitFor();
    expect(await selectedTab()).toBe("Sheet1");
    await shots("02-opened");
  });

  it("校验, then 规范化: the grid shows 成员名册 with its marks and notes, as the workbook has them", async () => {
    await page.getByRole("button", { name: "校验", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "成员" }).first().waitFor();
    expect(await selectedTab()).toBe("Sheet1");
    await shots("03-validated");
    await page.getByRole("button", { name: "规范化" }).click();
    await page.getByText("已写入“成员名册”“校验报告”“变更记录”。").waitFor();
    // The sheet the action made is shown, without a click on its tab.
    await page.getByRole("table", { name: "成员名册" }).waitFor();
    expect(await selectedTab()).toBe("成员名册");
    const shown = await gridMarks();
    expect(Object.values(shown).some(([fill]) => fill)).toBe(true);
    expect(Object.values(shown).some(([, note]) => note)).toBe(true);
    await shots("04-normalized");
    const wb = await downloadWorkbook(page, dir, "normalized.xlsx");
    const ws = wb.getWorksheet("成员名册")!;
    expect(shown).toEqual(workbookMarks(ws));
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(FIELDS.map((f) => f.header));
    fixture.expected.forEach((row, i) =>
      row.forEach((want, j) => expect(ws.getCell(i + 2, j + 1).value ?? null).toEqual(want))
    );
  });

  it("a problem clicked in the pane: its cell outlined and scrolled into view in the grid", async () => {
    await page.locator("details.group.error summary").first().click();
    const problem = page.locator("button.problem").first();
    const label = (await problem.textContent()) ?? "";
    await page.getByRole("tab", { name: "校验报告" }).click();
    expect(await selectedTab()).toBe("校验报告");
    await problem.click();
    const cell = page.locator("td[aria-selected=true]");
    await cell.waitFor();
    expect(await selectedTab()).toBe("成员名册");
    expect(await cell.count()).toBe(1);
    // An error's cell is marked, and its note says what the problem says.
    const note = (await cell.getAttribute("title")) ?? "";
    expect(await cell.getAttribute("data-fill")).toBeTruthy();
    expect(note.length).toBeGreaterThan(0);
    expect(label).toContain(note.split(/[。\n]/)[0].slice(0, 6));
    const inView = await cell.evaluate((td) => {
      const box = td.getBoundingClientRect();
      const wrap = td.closest(".grid-wrap")!.getBoundingClientRect();
      return box.top >= wrap.top && box.bottom <= wrap.bottom + 1 && box.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    await shots("05-problem");
  });

  it("新建例会记录: the grid shows the new sheet; the download has it", async () => {
    await page.getByRole("tab", { name: "例会与通报" }).click();
    await page.getByLabel("会议日期").fill("2026-11-20");
    await page.getByLabel("召集人").fill("李书记");
    await page.getByLabel("议题（每行一个）").fill("学习会议精神\n安排联谊活动");
    await page.getByRole("button", { name: "新建例会记录" }).click();
    await page.getByText(/^已新建“例会记录-2026-11-20”/).waitFor();
    await page.getByRole("table", { name: "例会记录-2026-11-20" }).waitFor();
    expect(await selectedTab()).toBe("例会记录-2026-11-20");
    await shots("06-meeting");
    const wb = await downloadWorkbook(page, dir, "meeting.xlsx");
    expect(wb.getWorksheet("例会台账")!.getCell("B2").value).toBe("第1次");
  });

  it("a problem past the grid's first 300 rows: the grid reads on to it", async () => {
    const big = buildMessyRegistry(420, 5);
    const wb = new ExcelJS.Workbook();
    addMessySheet(wb, "Sheet1", big.rows, big.merges);
    await wb.xlsx.writeFile(path.join(dir, "大名册.xlsx"));
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "打开工作簿" }).click(),
    ]);
    await chooser.setFiles(path.join(dir, "大名册.xlsx"));
    await page.getByRole("cell", { name: big.title }).first().waitFor();
    await page.getByRole("tab", { name: "名册校验" }).click();
    await page.getByRole("button", { name: "规范化" }).click();
    await page.getByRole("table", { name: "成员名册" }).waitFor();
    expect(await page.locator("table.grid tbody tr").count()).toBe(300);
    for (const summary of await page.locator("details.group summary").all()) await summary.click();
    const labels = await page.locator("button.problem").allTextContents();
    const rows = labels.map((l) => Number(/第 (\d+) 行/.exec(l)?.[1] ?? 0));
    const last = rows.indexOf(Math.max(...rows));
    expect(rows[last]).toBeGreaterThan(320);
    await page.locator("button.problem").nth(last).click();
    const cell = page.locator("td[aria-selected=true]");
    await cell.waitFor();
    const at = await cell.evaluate(
      (td) => (td.parentElement as HTMLTableRowElement).sectionRowIndex + 1
    );
    expect(at).toBeGreaterThan(300);
    expect(await cell.getAttribute("data-fill")).toBeTruthy();
    expect(await cell.isVisible()).toBe(true);
    await shots("07-problem-past-300");
  });

  it("requested nothing but its own files, broke no policy rule, threw nothing", async () => {
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
    expect(cspErrors).toEqual([]);
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []
    );
    expect(violations).toEqual([]);
  });
});

/**
 * Issue #16 in the standalone page (Chromium): 记录联谊活动, 意见建议 and their open list, 关怀提醒,
 * driven as a user would, each result downloaded and read back with exceljs. The page's clock is
 * fixed at 2026-12-05 10:00 in Beijing, so "today" and the care lists are known.
 */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  chromium,
} from "playwright-core";
import { maskId } from "../../src/core/privacy";
import { idFor } from "../fixtures/branchWorkbooks";
import { CHROMIUM, CHROMIUM_FLAGS } from "../web/chromium";
import { serve } from "../web/server";
import { downloadWorkbook } from "../web/download";

const ROOT = path.join(__dirname, "..", "..");
/** The production build of this test run (test/globalSetup.js). */
const WEB = process.env.UF_WEB_BUILD!;
const ARTIFACTS = path.join(ROOT, "test-artifacts", "records");
const NOW = new Date("2026-12-05T10:00:00+08:00");
const TODAY = new Date(Date.UTC(2026, 11, 5));
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

const ZHANG = idFor("19801220", 1, true); // birthday on 20 December: in 15 days
const LI = idFor("19750308", 2, false); // 家庭经济状况 困难, never helped
const WANG = idFor("19900715", 3, true);

const REGISTRY: unknown[][] = [
  [
    "序号",
    "姓名",
    "性别",
    "出生日期",
    "公民身份号码",
    "政治面貌",
    "统战对象类别",
    "所在支部",
    "家庭经济状况",
    "联系人",
    "建档日期",
  ],
  [
    1,
    "张三",
    "男",
    d(1980, 12, 20),
    ZHANG,
    "中国民主同盟盟员",
    "民主党派成员",
    "机关支部",
    "良好",
    "李书记",
    d(2026, 3, 1),
  ],
  [
    2,
    "李四",
    "女",
    d(1975, 3, 8),
    LI,
    "九三学社社员",
    "民主党派成员",
    "一车间支部",
    "困难",
    "王委员",
    d(2024, 5, 1),
  ],
  [
    3,
    "王五",
    "男",
    d(1990, 7, 15),
    WANG,
    "无党派民主人士",
    "无党派人士",
    "机关支部",
    "一般",
    "周委员",
    d(2026, 6, 1),
  ],
];
const SUGGESTIONS_HEADER = ["提出日期", "提出人", "公民身份号码", "内容", "是否采纳", "落实情况"];

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-records-"));
const FILE = path.join(dir, "机关支部台账.xlsx");
let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: Awaited<ReturnType<typeof serve>>;
const pageErrors: string[] = [];
const cspErrors: string[] = [];

async function newPage(lang: "zh-CN" | "en"): Promise<Page> {
  context = await browser.newContext({
    acceptDownloads: true,
    locale: lang,
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1280, height: 900 },
  });
  const p = await context.newPage();
  p.on("pageerror", (e) => pageErrors.push(`${e.message}\n${e.stack ?? ""}`));
  p.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
  });
  await p.clock.setFixedTime(NOW);
  await p.goto(`${server.origin}/standalone.html${lang === "en" ? "?lang=en" : ""}`);
  const [chooser] = await Promise.all([
    p.waitForEvent("filechooser"),
    p.getByRole("button", { name: lang === "en" ? "Open workbook" : "打开工作簿" }).click(),
  ]);
  await chooser.setFiles(FILE);
  await visible(p.getByRole("tab", { name: "成员名册" }));
  return p;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const download = (name: string): Promise<ExcelJS.Workbook> => downloadWorkbook(page, dir, name);

/** A sheet's values, row by row (1-based columns from 0), as exceljs reads them. */
function values(ws: ExcelJS.Worksheet): unknown[][] {
  const width = ws.getRow(1).cellCount;
  return Array.from({ length: ws.rowCount }, (_, r) =>
    Array.from({ length: width }, (_, c) => ws.getCell(r + 1, c + 1).value ?? null)
  );
}

async function visible(l: Locator): Promise<void> {
  await l.first().waitFor({ state: "visible", timeout: 20_000 });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet("成员名册");
  for (const r of REGISTRY) reg.addRow(r);
  reg.getColumn(5).numFmt = "@";
  const sg = wb.addWorksheet("意见建议");
  sg.addRow(SUGGESTIONS_HEADER);
  sg.addRow([d(2026, 6, 1), "李四", LI, "增加职工书屋", "是", "已落实"]);
  await wb.xlsx.writeFile(FILE);
  server = await serve(WEB);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  page = await newPage("zh-CN");
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("记录联谊活动", () => {
  const form = () => page.getByRole("form", { name: "记录联谊活动" });

  it("finds a member by name, shows them masked with their branch, defaults 联系人 and today", async () => {
    await page.getByRole("tab", { name: "联谊与建议" }).click();
    await visible(form().getByRole("checkbox", { name: /^张三/ }));
    expect(await form().getByRole("checkbox").count()).toBe(3);
    await form().getByLabel("查找成员（姓名或身份证号）").fill("张三");
    const zhang = form().getByRole("checkbox");
    expect(await zhang.count()).toBe(1);
    const label = await form().locator(".member").first().textContent();
    expect(label).toBe(`张三 ${maskId(ZHANG)} · 机关支部`);
    expect(label).not.toContain(ZHANG);
    await zhang.check();
    expect(await form().getByLabel("联系人", { exact: true }).inputValue()).toBe("李书记");
    expect(await form().getByLabel("活动日期").inputValue()).toBe("2026-12-05");
    expect(await form().getByLabel("活动类型").inputValue()).toBe("谈心谈话");
  });

  it("saves one row, says where, and the grid shows it", async () => {
    await form().getByLabel("内容").fill("谈心：了解近期工作和家庭情况");
    await form().getByLabel("跟进情况").fill("下月回访");
    await form().getByRole("button", { name: "保存" }).click();
    await visible(
      form()
        .getByRole("status")
        .filter({ hasText: "已在“联谊活动记录”写入第 2 行（新建了该工作表）。" })
    );
    await shot("01-contact-saved");
    // The form is ready for the next one: no member, no content.
    expect(await form().getByLabel("内容").inputValue()).toBe("");
    await page.getByRole("tab", { name: "联谊活动记录" }).click();
    const grid = page.getByRole("table", { name: "联谊活动记录" });
    await visible(grid.getByRole("cell", { name: "谈心：了解近期工作和家庭情况" }));
    const row = grid.getByRole("row").filter({ hasText: "谈心：了解近期工作和家庭情况" });
    expect(await row.getByRole("cell").allTextContents()).toEqual([
      "2026-12-05",
      "张三",
      ZHANG,
      "谈心谈话",
      "谈心：了解近期工作和家庭情况",
      "李书记",
      "下月回访",
    ]);
    await shot("02-contact-grid");
  });

  it("the downloaded workbook has the row: date, name, full ID as text, type, 内容, 联系人", async () => {
    const wb = await download("contact.xlsx");
    const rows = values(wb.getWorksheet("联谊活动记录")!);
    expect(rows).toEqual([
      ["活动日期", "成员姓名", "公民身份号码", "活动类型", "内容", "联系人", "跟进情况"],
      [TODAY, "张三", ZHANG, "谈心谈话", "谈心：了解近期工作和家庭情况", "李书记", "下月回访"],
    ]);
  });

  it("a day after today gets the Chinese message, keeps the form and writes nothing", async () => {
    await form().getByLabel("查找成员（姓名或身份证号）").fill("张三");
    await form().getByRole("checkbox", { name: /^张三/ }).check();
    await form().getByLabel("活动日期").fill("2026-12-06");
    await form().getByLabel("内容").fill("明天的谈话");
    await form().getByRole("button", { name: "保存" }).click();
    const alert = form().getByRole("alert");
    await visible(alert);
    expect(await alert.textContent()).toContain(
      "日期 2026-12-06 晚于今天（2026-12-05），不能记录尚未发生的事"
    );
    expect(await form().getByLabel("内容").inputValue()).toBe("明天的谈话");
    expect(await form().getByRole("checkbox", { name: /^张三/ }).isChecked()).toBe(true);
    await shot("03-contact-future");
    const wb = await download("future.xlsx");
    expect(values(wb.getWorksheet("联谊活动记录")!)).toHaveLength(2);
  });

  it("a whole branch at once: one row each, each with their own 联系人", async () => {
    await form().getByLabel("活动日期").fill("2026-12-05");
    await form().getByLabel("查找成员（姓名或身份证号）").fill("");
    await form().getByLabel("所在支部").selectOption("机关支部");
    expect(await form().getByRole("checkbox").count()).toBe(2);
    await form().getByRole("button", { name: "全选本支部（2 人）" }).click();
    await visible(form().getByText("已选 2 人：张三、王五"));
    expect(await form().getByLabel("联系人", { exact: true }).inputValue()).toBe("");
    await form().getByLabel("活动类型").selectOption("学习活动");
    await form().getByLabel("内容").fill("学习统战工作条例");
    await form().getByRole("button", { name: "保存" }).click();
    await visible(
      form().getByRole("status").filter({ hasText: "已在“联谊活动记录”写入第 3–4 行（2 行）。" })
    );
    const wb = await download("branch.xlsx");
    expect(values(wb.getWorksheet("联谊活动记录")!).slice(2)).toEqual([
      [TODAY, "张三", ZHANG, "学习活动", "学习统战工作条例", "李书记", null],
      [TODAY, "王五", WANG, "学习活动", "学习统战工作条例", "周委员", null],
    ]);
  });
});

describe("意见建议", () => {
  const form = () => page.getByRole("form", { name: "记录意见建议" });
  const open = () => page.getByRole("region", { name: "待定或尚未落实的意见建议" });
  let before: unknown[][];

  it("records a suggestion, which is then in the open list", async () => {
    await visible(open().getByText("没有待定或尚未落实的意见建议。"));
    await form().getByLabel("查找成员（姓名或身份证号）").fill("李四");
    await form().getByRole("radio", { name: /^李四/ }).check();
    expect(await form().getByLabel("提出日期").inputValue()).toBe("2026-12-05");
    expect(await form().getByLabel("是否采纳").inputValue()).toBe("待定");
    await form().getByLabel("内容").fill("建议增开通勤班车");
    await form().getByRole("button", { name: "保存" }).click();
    await visible(form().getByRole("status").filter({ hasText: "已在“意见建议”写入第 3 行。" }));
    const item = open().getByRole("listitem", { name: "第 3 行" });
    await visible(item);
    expect(await item.textContent()).toContain("建议增开通勤班车");
    expect(await item.textContent()).toContain("是否采纳待定");
    expect(await item.textContent()).toContain(maskId(LI));
    expect(await item.textContent()).not.toContain(LI);
    await shot("04-suggestion");
    before = values((await download("suggestion.xlsx")).getWorksheet("意见建议")!);
    expect(before.slice(1)).toEqual([
      [d(2026, 6, 1), "李四", LI, "增加职工书屋", "是", "已落实"],
      [TODAY, "李四", LI, "建议增开通勤班车", "待定", null],
    ]);
  });

  it("updated in the list: only 是否采纳 and 落实情况 of its row change", async () => {
    const item = open().getByRole("listitem", { name: "第 3 行" });
    await item.getByLabel("是否采纳").selectOption("是");
    await item.getByLabel("落实情况").fill("已落实：增开两班");
    await open().getByRole("button", { name: "保存修改" }).click();
    await visible(
      open().getByRole("status").filter({ hasText: "已更新“意见建议”中的 2 个单元格。" })
    );
    // Adopted and carried out: no longer open.
    await visible(open().getByText("没有待定或尚未落实的意见建议。"));
    await shot("05-suggestion-updated");
    const after = values((await download("updated.xlsx")).getWorksheet("意见建议")!);
    const changed: string[] = [];
    for (let r = 0; r < Math.max(before.length, after.length); r++)
      for (let c = 0; c < 6; c++)
        if (JSON.stringify(before[r]?.[c] ?? null) !== JSON.stringify(after[r]?.[c] ?? null))
          changed.push(`${r + 1}:${SUGGESTIONS_HEADER[c]}`);
    expect(changed).toEqual(["3:是否采纳", "3:落实情况"]);
    expect(after[2].slice(4)).toEqual(["是", "已落实：增开两班"]);
  });
});

describe("关怀提醒", () => {
  it("lists a coming birthday and a family in hardship, each with the last contact", async () => {
    await page.getByRole("tab", { name: "关怀提醒" }).click();
    expect(await page.getByLabel("截至日期").inputValue()).toBe("2026-12-05");
    expect(await page.getByLabel("生日提前天数").inputValue()).toBe("30");
    await page.getByRole("button", { name: "查看名单" }).click();
    const birthdays = page.getByRole("list", { name: "近期生日（今后 30 天，1 人）" });
    await visible(birthdays);
    const zhang = birthdays.getByRole("listitem");
    expect(await zhang.textContent()).toBe(
      `张三 ${maskId(ZHANG)} · 机关支部12月20日（还有 15 天）生日，满 46 岁上次联系：2026-12-05`
    );
    const hardship = page.getByRole("list", { name: "家庭经济困难、近 90 天未帮扶（1 人）" });
    expect(await hardship.getByRole("listitem").textContent()).toContain("李四");
    expect(await hardship.getByRole("listitem").textContent()).toContain("上次联系：无记录");
    await shot("06-care");
  });

  it("a click on a member selects their row in 成员名册", async () => {
    const birthdays = page.getByRole("list", { name: "近期生日（今后 30 天，1 人）" });
    await birthdays.getByRole("button", { name: "张三" }).click();
    await visible(page.getByRole("tab", { name: "成员名册", selected: true }));
    const cell = page.locator("td[aria-selected=true]");
    await visible(cell);
    const row = cell.locator("xpath=..");
    expect(await row.locator("th").textContent()).toBe("2");
    expect(await row.textContent()).toContain("张三");
    await shot("07-care-selected");
  });

  it("生成关怀提醒表 makes the sheet and says its name; no full ID on it", async () => {
    await page.getByRole("button", { name: "生成关怀提醒表" }).click();
    await visible(
      page.getByText("已生成“关怀提醒-2026-12-05”（可打印；身份证号、手机号已打码）。")
    );
    await visible(page.getByRole("tab", { name: "关怀提醒-2026-12-05" }));
    const wb = await download("care.xlsx");
    const text = JSON.stringify(values(wb.getWorksheet("关怀提醒-2026-12-05")!));
    expect(text).toContain("张三");
    for (const id of [ZHANG, LI, WANG]) expect(text).not.toContain(id);
  });
});

describe("the pane", () => {
  it("is usable 320 px wide on the new tabs", async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    for (const tab of ["联谊与建议", "关怀提醒"]) {
      await page.getByRole("tab", { name: tab, exact: true }).click();
      const overflow = await page
        .locator("aside.pane")
        .evaluate((el) => el.scrollWidth - el.clientWidth);
      expect([tab, overflow <= 1]).toEqual([tab, true]);
    }
    await shot("08-320px");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("speaks English where asked", async () => {
    const zh = page;
    page = await newPage("en");
    await page.getByRole("tab", { name: "Contacts & suggestions" }).click();
    const form = page.getByRole("form", { name: "Record a contact" });
    await visible(form.getByRole("checkbox", { name: /^张三/ }));
    for (const label of [
      "Find a member (name or ID)",
      "Date",
      "Type",
      "Content",
      "Contact person",
      "Follow-up",
    ])
      expect([label, await form.getByLabel(label, { exact: false }).count()]).toEqual([label, 1]);
    expect(await form.getByRole("option", { name: "Talk (谈心谈话)" }).count()).toBe(1);
    await form.getByRole("checkbox", { name: /^张三/ }).check();
    await form.getByRole("button", { name: "Save" }).click();
    const alert = form.getByRole("alert");
    await visible(alert);
    expect(await alert.textContent()).toBe("Not saved:The content must not be empty");
    await page.getByRole("tab", { name: "Care" }).click();
    await page.getByRole("button", { name: "Show lists" }).click();
    await visible(page.getByRole("list", { name: "Birthdays in the next 30 days (1)" }));
    await shot("09-english");
    await page.context().close();
    page = zh;
  });

  it("threw nothing and broke no Content-Security-Policy rule", () => {
    expect(pageErrors).toEqual([]);
    expect(cspErrors).toEqual([]);
  });
});

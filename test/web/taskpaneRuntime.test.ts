/**
 * The task pane's page as the add-in's shared runtime, in Chromium: the production bundle under a
 * stand-in office.js that has SharedRuntime 1.1 (Office.js cannot run here; ExcelApi is reported
 * missing, so the live check says it cannot run rather than reading a workbook). Checked: the
 * ribbon's four functions are registered and each shows the pane at its tab; the live check stops
 * while Excel hides the pane and starts again when it shows it; the worksheet functions are
 * registered with Excel from the same page and answer by the engine's rules.
 */
import { type Browser, type Page, chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium";
import { serve } from "./server";

const WEB = process.env.UF_WEB_BUILD!;
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const STAND_IN = `
window.standIn = { commands: {}, functions: {}, visibility: [], shown: 0, completed: [] };
window.Office = {
  HostType: { Excel: "Excel" },
  VisibilityMode: { hidden: "Hidden", taskpane: "Taskpane" },
  context: {
    displayLanguage: "zh-CN",
    requirements: { isSetSupported: (name, v) => name === "SharedRuntime" && v === "1.1" },
  },
  onReady: (cb) => { setTimeout(() => cb({ host: "Excel" }), 0); return Promise.resolve({ host: "Excel" }); },
  actions: { associate: (id, f) => { window.standIn.commands[id] = f; } },
  addin: {
    showAsTaskpane: () => { window.standIn.shown++; return Promise.resolve(); },
    onVisibilityModeChanged: (h) => {
      window.standIn.visibility.push(h);
      return Promise.resolve(() => Promise.resolve());
    },
  },
};
window.CustomFunctions = { associate: (id, f) => { window.standIn.functions[id] = f; } };
`;

interface StandIn {
  commands: Record<string, (event: { completed(): void }) => void>;
  functions: Record<string, (...args: unknown[]) => unknown>;
  visibility: Array<(m: { visibilityMode: string }) => void>;
  shown: number;
  completed: string[];
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await serve(WEB);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ locale: "zh-CN" });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ contentType: "text/javascript", body: STAND_IN });
    if (url.startsWith(server.origin)) return route.continue();
    return route.abort();
  });
  page = await context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.origin}/taskpane.html`);
  await page.getByRole("tab", { name: "名册校验" }).waitFor({ timeout: 15_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Presses a ribbon button: Excel runs its function with an event to complete. */
async function press(command: string): Promise<{ completed: boolean; shown: number }> {
  return page.evaluate(async (name) => {
    const s = (window as unknown as { standIn: StandIn }).standIn;
    let completed = false;
    s.commands[name]({ completed: () => (completed = true) });
    for (let i = 0; i < 50 && !completed; i++) await new Promise((r) => setTimeout(r, 20));
    return { completed, shown: s.shown };
  }, command);
}

const selectedTab = () => page.getByRole("tab", { selected: true }).innerText();

it("registers the ribbon's four functions, each showing the pane at its tab and completing", async () => {
  const names = await page.evaluate(() =>
    Object.keys((window as unknown as { standIn: StandIn }).standIn.commands).sort()
  );
  expect(names).toEqual(["openBulletin", "openMeeting", "openSummary", "openValidate"]);

  expect(await press("openSummary")).toEqual({ completed: true, shown: 1 });
  expect(await selectedTab()).toBe("季度汇总");
  await page.getByLabel("年份").waitFor();

  expect(await press("openBulletin")).toEqual({ completed: true, shown: 2 });
  expect(await selectedTab()).toBe("例会与通报");
  await page.locator("form[data-focus]").getByRole("heading", { name: "新建情况通报" }).waitFor();

  expect(await press("openMeeting")).toEqual({ completed: true, shown: 3 });
  await page.locator("form[data-focus]").getByRole("heading", { name: "新建例会记录" }).waitFor();

  // The same button twice: the pane comes back to its tab after the user left it.
  await page.getByRole("tab", { name: "关怀提醒" }).click();
  expect(await press("openMeeting")).toEqual({ completed: true, shown: 4 });
  expect(await selectedTab()).toBe("例会与通报");

  expect(await press("openValidate")).toEqual({ completed: true, shown: 5 });
  expect(await selectedTab()).toBe("名册校验");
  expect(errors).toEqual([]);
});

it("stops the live check while Excel hides the pane, and starts it again when it shows it", async () => {
  await page.getByRole("tab", { name: "名册校验" }).click();
  const unsupported = page.getByText("本机 Excel 不支持工作表更改事件");
  const off = page.getByText("实时校验已关闭。");
  await unsupported.waitFor();
  const fire = (mode: string) =>
    page.evaluate((m) => {
      for (const h of (window as unknown as { standIn: StandIn }).standIn.visibility)
        h({ visibilityMode: m });
    }, mode);
  await fire("Hidden");
  await off.waitFor();
  expect(await unsupported.count()).toBe(0);
  await fire("Taskpane");
  await unsupported.waitFor();
  expect(await off.count()).toBe(0);
  expect(errors).toEqual([]);
});

it("registers the six worksheet functions from the same page, answering by the engine's rules", async () => {
  const answers = await page.evaluate(() => {
    const f = (window as unknown as { standIn: StandIn }).standIn.functions;
    const call = (id: string, v: unknown) => {
      try {
        return f[id](v);
      } catch (e) {
        return `error: ${(e as Error).message}`;
      }
    };
    return {
      ids: Object.keys(f).sort(),
      valid: call("CHECKID", "11010519491231002X"),
      gender: call("GENDERFROMID", "11010519491231002X"),
      ethnicity: call("NORMALIZEETHNICITY", "僮族"),
      masked: call("MASKID", "11010519491231002X"),
      bad: call("GENDERFROMID", "110105194912310021"),
    };
  });
  expect(answers.ids).toEqual([
    "BIRTHDATEFROMID",
    "CHECKID",
    "GENDERFROMID",
    "MASKID",
    "NORMALIZEETHNICITY",
    "NORMALIZEPOLITICAL",
  ]);
  expect(answers.valid).toBe("有效");
  expect(answers.gender).toBe("女");
  expect(answers.ethnicity).toBe("壮族");
  expect(answers.masked).toBe("110105********002X");
  expect(answers.bad).toMatch(/^error: .*校验/);
});

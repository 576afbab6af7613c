/**
 * The add-in's task pane under its own Content-Security-Policy, in Chromium: Office.js cannot run
 * here, so the request for office.js from Microsoft's CDN is answered with a stand-in that reports
 * Excel and supports nothing above ExcelApi 1.1. The pane must render (Fluent UI's styles and all)
 * with no rule of its policy broken and nothing asked of any other origin.
 */
import { type Browser, chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium";
import { serve } from "./server";

const WEB = process.env.UF_WEB_BUILD!;
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const STAND_IN = `window.Office = {
  HostType: { Excel: "Excel" },
  context: { displayLanguage: "zh-CN", requirements: { isSetSupported: () => false } },
  onReady: (cb) => { cb({ host: "Excel" }); return Promise.resolve({ host: "Excel" }); },
};`;

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve(WEB);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it("renders under its policy, breaking no rule of it and reaching no other origin", async () => {
  const context = await browser.newContext({ locale: "zh-CN" });
  const outside: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ contentType: "text/javascript", body: STAND_IN });
    if (url.startsWith(server.origin)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => {
      const w = window as unknown as { cspViolations?: string[] };
      (w.cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    })
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
  });
  await page.goto(`${server.origin}/taskpane.html`);
  await page.getByRole("tab", { name: "名册校验" }).waitFor({ timeout: 15_000 });
  await page.getByRole("tab", { name: "季度汇总" }).click();
  await page.getByLabel("年份").waitFor();
  // Fluent UI's styles were applied (its classes carry rules), not refused.
  const styled = await page
    .getByRole("tab", { name: "季度汇总" })
    .evaluate((el) => getComputedStyle(el).cursor);
  expect(styled).toBe("pointer");
  const violations = await page.evaluate(
    () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []
  );
  expect({ violations, errors, outside }).toEqual({ violations: [], errors: [], outside: [] });
  await context.close();
});

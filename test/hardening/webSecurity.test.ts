import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./common";

/**
 * Issue #8, part E: the add-in and web pages carry a Content-Security-Policy, load scripts from
 * their own origin only (and office.js from Microsoft's CDN, for the add-in), send nothing
 * anywhere, use no eval; the manifest asks for ReadWriteDocument and nothing more. Checked on the
 * production build of this test run (test/globalSetup.js). What a page does at run time is checked
 * in a browser by test/web/standalone.test.ts.
 */

const WEB = process.env.UF_WEB_BUILD!;
const OFFICE_CDN = "https://appsforoffice.microsoft.com";
const OFFICE_JS = `${OFFICE_CDN}/lib/1/hosted/office.js`;
const PAGES = { "taskpane.html": "add-in", "standalone.html": "web" };
const read = (name: string) => readFileSync(path.join(WEB, name), "utf8");
const scripts = () => readdirSync(WEB).filter((f) => f.endsWith(".js"));

/** A page's Content-Security-Policy (its meta tag), directive → sources. */
function csp(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((m) => /http-equiv="?Content-Security-Policy"?/i.test(m));
  expect(metas).toHaveLength(1);
  const content = /content="([^"]*)"/i.exec(metas[0])![1];
  return new Map(
    content
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources])
  );
}

/**
 * Code that evaluates text, and the few places it is found in third-party code that never reaches
 * it in the pages. Each allowed place is the exact text the build has; anything else fails.
 */
const EVAL =
  /\beval\s*\(|\b(?:new\s+)?Function\s*\(|\bset(?:Timeout|Interval|Immediate)\s*\(\s*["'`]|\bexecScript\s*\(/g;
const ALLOWED_EVAL: { text: string; why: string }[] = [
  {
    text: 'Function("return this")()',
    why: "the global object, last resort after self/global/globalThis, which every browser has",
  },
  {
    text: 'new Function("return this")()',
    why: "the same, inside a try after `this` and before window (a globalThis polyfill)",
  },
  {
    text: 'Function("r","regeneratorRuntime = r")',
    why: "regenerator-runtime (in exceljs), only where there is no globalThis",
  },
  {
    text: 'new Function(""+',
    why: "exceljs's setImmediate polyfill, for a callback given as text; exceljs gives functions",
  },
  {
    text: 'new Function(""),!0',
    why: "zod's probe for its JIT: not run, zod is made jitless before any schema is made (src/core/zod.ts)",
  },
];

describe("webpack production build", () => {
  it("no eval, new Function, or setTimeout/setInterval with text, beyond the known unreachable places", () => {
    const found: string[] = [];
    for (const f of scripts()) {
      const js = read(f);
      for (const m of js.matchAll(EVAL)) {
        const at = js.slice(m.index, m.index + 40);
        if (!ALLOWED_EVAL.some((a) => at.startsWith(a.text)))
          found.push(`${f}: …${js.slice(Math.max(0, m.index - 40), m.index + 60)}…`);
      }
    }
    expect(found).toEqual([]);
  });

  it("zod is jitless: every module takes zod from src/core/zod.ts, which sets it before any schema is made", () => {
    const direct: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && /from "zod(\/[^"]*)?"/.test(readFileSync(p, "utf8")))
          direct.push(path.relative(ROOT, p));
      }
    };
    walk(path.join(ROOT, "src"));
    expect(direct).toEqual([path.join("src", "core", "zod.ts")]);
    expect(readFileSync(path.join(ROOT, "src/core/zod.ts"), "utf8")).toContain(
      "z.config({ jitless: true });"
    );
  });

  it("webpack emits no eval-based source maps, in production or development", async () => {
    const config = require(path.join(ROOT, "webpack.config.js")) as (
      env: Record<string, string>
    ) => Promise<{ devtool?: string | false; mode?: string }>;
    const c = await config({});
    expect(String(c.devtool ?? "")).not.toMatch(/eval/);
    for (const f of scripts())
      expect([f, read(f).includes("//# sourceURL=webpack")]).toEqual([f, false]);
  });

  it("the scripts send nothing anywhere: no fetch, XMLHttpRequest, WebSocket, sendBeacon, EventSource", () => {
    for (const f of scripts()) {
      const js = read(f);
      const calls =
        js.match(/\b(fetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource)/g) ?? [];
      expect([f, calls]).toEqual([f, []]);
    }
  });
});

describe.each(Object.entries(PAGES))("%s", (page, kind) => {
  const html = () => read(page);

  it("has a Content-Security-Policy: scripts from its own origin only (add-in: and office.js), no eval", () => {
    const policy = csp(html());
    const scriptSrc = policy.get("script-src") ?? policy.get("default-src");
    expect(scriptSrc).toEqual(kind === "add-in" ? ["'self'", OFFICE_CDN] : ["'self'"]);
    for (const [directive, sources] of policy) {
      expect([directive, sources.includes("'unsafe-eval'")]).toEqual([directive, false]);
      expect([directive, sources.includes("*")]).toEqual([directive, false]);
    }
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
  });

  if (kind === "web")
    it("web mode: nothing at all beyond its own origin (default-src and connect-src 'self')", () => {
      const policy = csp(html());
      expect(policy.get("default-src")).toEqual(["'self'"]);
      expect(policy.get("connect-src")).toEqual(["'self'"]);
      expect(policy.get("form-action")).toEqual(["'none'"]);
      for (const [directive, sources] of policy)
        expect([directive, sources.filter((s) => /^https?:/.test(s))]).toEqual([directive, []]);
    });

  if (kind === "add-in")
    it("add-in: default-src 'self'; beyond its origin only Microsoft's CDN, for office.js's scripts and the files they fetch", () => {
      const policy = csp(html());
      expect(policy.get("default-src")).toEqual(["'self'"]);
      expect(policy.get("connect-src")).toEqual(["'self'", OFFICE_CDN]);
      expect(policy.get("form-action")).toEqual(["'none'"]);
      // Fluent UI puts its styles in <style> elements as it renders.
      expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
      for (const [directive, sources] of policy)
        expect([directive, sources.filter((s) => /^https?:/.test(s) && s !== OFFICE_CDN)]).toEqual([
          directive,
          [],
        ]);
    });

  it("loads nothing from elsewhere (add-in: office.js from Microsoft's CDN only)", () => {
    const urls = [...html().matchAll(/\b(?:src|href)\s*=\s*"?([^"\s>]+)/gi)].map((m) => m[1]);
    const outside = urls.filter((u) => /^(?:[a-z]+:)?\/\//i.test(u));
    expect(outside).toEqual(kind === "add-in" ? [OFFICE_JS] : []);
    expect(html()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i);
  });
});

describe("manifest.xml", () => {
  it("asks for ReadWriteDocument and nothing more", () => {
    for (const file of [path.join(ROOT, "manifest.xml"), path.join(WEB, "manifest.xml")]) {
      const xml = readFileSync(file, "utf8");
      expect(xml.match(/<Permissions>[^<]*<\/Permissions>/g)).toEqual([
        "<Permissions>ReadWriteDocument</Permissions>",
      ]);
      // No other domains trusted, no other permission-like requests. The pages' CSP names one
      // outside origin, Microsoft's CDN, which serves scripts, not pages: it is no AppDomain.
      expect(xml).not.toMatch(/<AppDomains?\b/);
      expect(xml).not.toMatch(/ReadWriteMailbox|ReadAllDocument|WriteDocument(?!<)/);
    }
  });
});

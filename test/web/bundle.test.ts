import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

/** The production build of this test run (test/globalSetup.js). */
const WEB = process.env.UF_WEB_BUILD!;
const js = (name: string) => readFileSync(path.join(WEB, name), "utf8");

describe("bundles", () => {
  it("the Excel task pane does not carry exceljs; the standalone page loads it as a chunk of its own", () => {
    // A string only exceljs's writer has.
    const marker = "xl/sharedStrings.xml";
    expect(js("taskpane.js")).not.toContain(marker);
    expect(js("standalone.js")).not.toContain(marker);
    const chunks = readdirSync(WEB).filter(
      (f) => f.endsWith(".js") && !["taskpane.js", "standalone.js", "commands.js"].includes(f)
    );
    expect(chunks.filter((f) => js(f).includes(marker))).toHaveLength(1);
  });

  it("uses no eval (the pages' Content-Security-Policy forbids it)", () => {
    for (const f of readdirSync(WEB).filter((n) => n.endsWith(".js"))) {
      expect([f, /\beval\(/.test(js(f))]).toEqual([f, false]);
    }
  });
});

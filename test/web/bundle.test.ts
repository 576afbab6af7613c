import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

/** The production build of this test run (test/globalSetup.js). */
const WEB = process.env.UF_WEB_BUILD!;
const js = (name: string) => readFileSync(path.join(WEB, name), "utf8");

describe("bundles", () => {
  it("no page carries exceljs; the standalone page loads the workbook package layer as a chunk of its own", () => {
    const files = readdirSync(WEB).filter((f) => f.endsWith(".js"));
    // A string only exceljs's writer has: the project's own package layer builds its part names.
    for (const f of files) expect([f, js(f).includes("xl/sharedStrings.xml")]).toEqual([f, false]);
    // A string only the package layer has.
    const marker = "[Content_Types].xml";
    expect(js("taskpane.js")).not.toContain(marker);
    expect(js("standalone.js")).not.toContain(marker);
    const chunks = files.filter((f) => !["taskpane.js", "standalone.js"].includes(f));
    expect(chunks.filter((f) => js(f).includes(marker))).toEqual(["workbook.js"]);
  });

  it("uses no eval (the pages' Content-Security-Policy forbids it)", () => {
    for (const f of readdirSync(WEB).filter((n) => n.endsWith(".js"))) {
      expect([f, /\beval\(/.test(js(f))]).toEqual([f, false]);
    }
  });
});

/**
 * The add-in on older Excel: every Office.js member it uses above the manifest's minimum
 * requirement set (ExcelApi 1.7) is reached only under an isSetSupported check. The audit is the
 * team's shared tool (../shared/tools/office-api-sets.js, beside the project where it is checked
 * out); a copy of it in tools/ serves a clone that stands alone (CI on a new machine).
 *
 * The tool maps a manifest URL to a file the webpack config serves by reading the config's
 * HtmlWebpackPlugin and CopyWebpackPlugin options, or else to dist/. It cannot see a bundle named
 * by an entry (taskpane.js, the worksheet functions' script) or a file a plugin makes
 * (functions.json, made by custom-functions-metadata-plugin), and a clean clone has no dist/: those
 * URLs are checked here against this run's own production build (test/globalSetup.js) instead.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const SHARED = path.join(ROOT, "..", "shared", "tools", "office-api-sets.js");
const TOOL = existsSync(SHARED) ? SHARED : path.join(ROOT, "tools", "office-api-sets.js");

describe("Office.js requirement sets (office-api-sets.js)", () => {
  const run = spawnSync(process.execPath, [TOOL], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  const summary = run.stdout.trim().split("\n").pop() ?? "";

  it("finds no member above ExcelApi 1.7 reached without its check", () => {
    expect(summary).toMatch(/^office API uses: \d+, above 1\.7: \d+, unguarded: 0, unclear: 0/);
    expect(run.stdout).not.toMatch(/^! /m);
    expect(run.status).toBe(0);
  });

  it("reads the manifest without a problem, every URL a file the build makes", () => {
    const problems = [...run.stdout.matchAll(/^ {2}MANIFEST PROBLEM: (.*)$/gm)].map((m) => m[1]);
    const notSeen = /: nothing in the webpack config serves (\S+), and dist\/\S+ does not exist$/;
    const built = process.env.UF_WEB_BUILD!;
    const unbuilt = problems.filter((p) => {
      const file = notSeen.exec(p)?.[1];
      return !file || !existsSync(path.join(built, file));
    });
    expect(unbuilt).toEqual([]);
    expect(summary).toMatch(new RegExp(`manifest problems: ${problems.length}$`));
  });
});

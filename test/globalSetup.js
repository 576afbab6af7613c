// Before the tests: builds the command line (bin/uf-ledger.js runs build/scripts) and the add-in and
// standalone page (webpack production build), once for the whole run. The web build goes to a fresh
// folder of this run (UF_WEB_BUILD, read by the tests), so that runs side by side do not clash.
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

module.exports = async function globalSetup() {
  const root = path.join(__dirname, "..");
  execFileSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    { cwd: root, stdio: "inherit" }
  );
  if (
    process.env.UF_WEB_BUILD &&
    fs.existsSync(path.join(process.env.UF_WEB_BUILD, "standalone.html"))
  )
    return;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "uf-web-build-"));
  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [root] });
  execFileSync(process.execPath, [webpackCli, "--mode", "production", "--output-path", out], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, NODE_ENV: "production" },
  });
  process.env.UF_WEB_BUILD = out;
};

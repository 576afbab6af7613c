// Builds the command line once before the tests that run it as a user would (bin/uf-ledger.js).
const { execFileSync } = require("child_process");
const path = require("path");

module.exports = async function globalSetup() {
  const root = path.join(__dirname, "..");
  execFileSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    { cwd: root, stdio: "inherit" }
  );
};

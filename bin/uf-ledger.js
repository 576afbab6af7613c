#!/usr/bin/env node
// The uf-ledger command: the compiled CLI (built by `npm run build:cli`, which `npm ci` runs through `prepare`).
"use strict";
const path = require("path");
const entry = path.join(__dirname, "..", "build", "scripts", "uf-ledger.js");
try {
  require.resolve(entry);
} catch {
  process.stderr.write("uf-ledger 尚未编译：请先运行 npm run build:cli（The CLI is not built yet: run npm run build:cli）\n");
  process.exit(2);
}
require(entry);

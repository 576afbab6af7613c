// Removes the web build of this run (made by globalSetup), unless it was given from outside.
const fs = require("fs");
const os = require("os");
const path = require("path");

module.exports = async function globalTeardown() {
  const dir = process.env.UF_WEB_BUILD;
  if (dir && path.dirname(dir) === os.tmpdir() && path.basename(dir).startsWith("uf-web-build-"))
    fs.rmSync(dir, { recursive: true, force: true });
};

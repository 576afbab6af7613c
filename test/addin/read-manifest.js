#!/usr/bin/env node
/*
 * Helper for manifest.test.ts: reads an XML add-in manifest with
 * office-addin-manifest and prints JSON { info, xml } to stdout, where info is
 * OfficeAddinManifest.readManifestFile()'s result and xml is the package's own
 * xml2js parse of the file.
 *
 * Runs as a separate plain Node process because office-addin-manifest pulls in
 * ESM-only dependencies (uuid 14, strip-bom 5) that Jest's CommonJS module
 * loader cannot require on Node 20, while Node itself can (require(esm)).
 * Offline: no validation service is contacted.
 */
"use strict";

const path = require("path");
const { OfficeAddinManifest } = require("office-addin-manifest");
const {
  ManifestHandlerXml,
} = require("office-addin-manifest/lib/manifestHandler/manifestHandlerXml");

async function main() {
  const manifestPath = path.resolve(process.argv[2] || "manifest.xml");
  const info = await OfficeAddinManifest.readManifestFile(manifestPath);
  const xml = await new ManifestHandlerXml(manifestPath).parseXmlAsync();
  process.stdout.write(JSON.stringify({ info, xml }));
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : String(err));
  process.exit(1);
});

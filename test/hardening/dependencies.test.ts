import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./common";

/**
 * Issue #8, part F: no dependency with a known advisory for reading untrusted files. Checked on
 * package-lock.json (what `npm ci` installs), since `npm audit` needs the registry.
 */

interface LockPackage {
  version?: string;
  resolved?: string;
  dev?: boolean;
  devOptional?: boolean;
}

const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, LockPackage>;
};
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
};

/** Every installed package: name, version, and whether it ships with the tool (not a dev tool). */
const installed = Object.entries(lock.packages)
  .filter(([where]) => where.includes("node_modules/"))
  .map(([where, p]) => ({
    where,
    name: where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length),
    version: p.version ?? "0.0.0",
    resolved: p.resolved,
    shipped: !p.dev && !p.devOptional,
  }));

function below(version: string, fixed: string): boolean {
  const a = version.split(/[.+-]/).map(Number);
  const b = fixed.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] || 0) !== b[i]) return (a[i] || 0) < b[i];
  return false;
}

interface Ban {
  name: string;
  why: string;
  /** Banned below this version; every version when absent. */
  fixed?: string;
  /** Only where it ships with the tool. */
  shippedOnly?: boolean;
  /** A source that is fine (the vendor's own CDN). */
  allow?: (p: (typeof installed)[number]) => boolean;
}

const BANNED: Ban[] = [
  {
    name: "xlsx",
    why: "SheetJS from npm is stuck at 0.18.5: prototype pollution reading a file (CVE-2023-30533), ReDoS (CVE-2024-22363); fixed only on cdn.sheetjs.com",
    allow: (p) => !!p.resolved?.startsWith("https://cdn.sheetjs.com/"),
  },
  ...["node-xlsx", "xlsx-style", "xlsx-js-style", "js-xlsx", "xlsjs", "harb"].map((name) => ({
    name,
    why: "carries an old SheetJS parser (CVE-2023-30533, CVE-2024-22363)",
  })),
  { name: "xmldom", why: "unmaintained XML parser (CVE-2021-21366, CVE-2022-39353)" },
  { name: "jszip", fixed: "3.8.0", why: "path traversal in loadAsync (CVE-2022-48285)" },
  { name: "xml2js", fixed: "0.5.0", why: "prototype pollution (CVE-2023-0842)" },
  { name: "fast-xml-parser", fixed: "4.4.1", why: "ReDoS (CVE-2024-41818)" },
  { name: "fast-csv", fixed: "4.3.6", why: "ReDoS parsing CSV (CVE-2020-26256)" },
  { name: "@fast-csv/parse", fixed: "4.3.6", why: "ReDoS parsing CSV (CVE-2020-26256)" },
  { name: "papaparse", fixed: "5.2.0", why: "ReDoS parsing CSV (CVE-2020-36649)" },
  { name: "adm-zip", fixed: "0.4.9", why: "zip slip (CVE-2018-1002204)" },
  { name: "decompress", fixed: "4.2.1", why: "zip slip (CVE-2020-12265)" },
  { name: "tmp", fixed: "0.2.4", why: "writes through symlinks (GHSA-52f5-9888-hmc6)" },
  {
    name: "uuid",
    fixed: "11.1.1",
    shippedOnly: true,
    why: "missing buffer bounds check (GHSA-w5hq-g745-h8pq), via exceljs: overridden in package.json",
  },
];

describe("package-lock.json", () => {
  it("has no package with a known advisory for reading untrusted files", () => {
    const found = installed
      .flatMap((p) =>
        BANNED.filter(
          (b) =>
            b.name === p.name &&
            (!b.fixed || below(p.version, b.fixed)) &&
            (!b.shippedOnly || p.shipped) &&
            !b.allow?.(p)
        ).map((b) => `${p.where}@${p.version}: ${b.why}`)
      )
      .sort();
    expect(found).toEqual([]);
  });

  it("depends directly on no banned package; the version check knows what is too old", () => {
    const direct = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies };
    expect(BANNED.filter((b) => !b.fixed && b.name in direct)).toEqual([]);
    expect(below("0.18.5", "0.19.0")).toBe(true);
    expect(below("3.10.2", "3.8.0")).toBe(false);
    expect(below("8.3.2", "11.1.1")).toBe(true);
    expect(below("11.1.1", "11.1.1")).toBe(false);
  });

  it("keeps office-addin-debugging optional (its keytar cannot always be built)", () => {
    expect(pkg.optionalDependencies["office-addin-debugging"]).toBeDefined();
    expect(pkg.dependencies["office-addin-debugging"]).toBeUndefined();
    expect(lock.packages["node_modules/keytar"]?.version).toBeDefined();
  });
});

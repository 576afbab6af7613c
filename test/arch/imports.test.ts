/**
 * The shape of the code: no import cycles anywhere in src/ and scripts/, and the workbook host
 * (src/hosts/exceljs) used from outside only through its index (the command line's) and
 * browser/index.ts (the web page's), which say what the rest of the project may use.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const HOST = path.join(ROOT, "src", "hosts", "exceljs");
const ENTRIES = [path.join(HOST, "index.ts"), path.join(HOST, "browser", "index.ts")];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** The project files a file imports (static imports, re-exports, dynamic imports), resolved. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\bfrom\s+["']([^"']+)["']/gm),
    ...text.matchAll(/^\s*import\s+["']([^"']+)["']/gm),
    ...text.matchAll(/\bimport\(\s*(?:\/\*[\s\S]*?\*\/\s*)?["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]);
  const out: string[] = [];
  for (const spec of specs) {
    if (!spec.startsWith(".")) continue;
    const base = path.resolve(path.dirname(file), spec);
    const found = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((p) =>
      existsSync(p)
    );
    if (found) out.push(found);
  }
  return out;
}

const files = [...sources(path.join(ROOT, "src")), ...sources(path.join(ROOT, "scripts"))];
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => path.relative(ROOT, f);

describe("the code's shape", () => {
  it("has no import cycles", () => {
    const state = new Map<string, "open" | "done">();
    const cycles: string[] = [];
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, "open");
      stack.push(f);
      for (const g of graph.get(f) ?? []) {
        if (state.get(g) === "open")
          cycles.push([...stack.slice(stack.indexOf(g)), g].map(rel).join(" → "));
        else if (!state.has(g)) visit(g);
      }
      stack.pop();
      state.set(f, "done");
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
    // The check sees the graph: the command line reaches the host through its index.
    expect(graph.get(path.join(ROOT, "scripts", "cli", "worker.ts"))).toContain(ENTRIES[0]);
  });

  it("uses the workbook host from outside only through its two entries", () => {
    const breaches: string[] = [];
    for (const [f, deps] of graph) {
      if (f.startsWith(HOST + path.sep)) continue;
      for (const d of deps)
        if (d.startsWith(HOST + path.sep) && !ENTRIES.includes(d))
          breaches.push(`${rel(f)} → ${rel(d)}`);
    }
    expect(breaches).toEqual([]);
  });

  it("keeps Node out of the web page's entry", () => {
    const reached = new Set<string>();
    const walk = (f: string) => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const g of graph.get(f) ?? []) walk(g);
    };
    walk(ENTRIES[1]);
    const node = [...reached].filter((f) => /from\s+["']node:/.test(readFileSync(f, "utf8")));
    expect(node.map(rel)).toEqual([]);
    expect(reached.size).toBeGreaterThan(10);
  });
});

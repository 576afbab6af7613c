/**
 * The worksheet functions as the production build hands them to Excel (the build of this test run,
 * test/globalSetup.js): functions.json as custom-functions-metadata-plugin generated it from the
 * JSDoc of src/functions/functions.ts (Chinese names), functions-en.json (English names, the same
 * ids and types), the namespace in the manifest, and the task pane's bundle registering every id.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const WEB = process.env.UF_WEB_BUILD!;

interface Parameter {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}
interface Metadata {
  functions: FunctionMetadata[];
}

const read = (name: string) => readFileSync(path.join(WEB, name), "utf8");
const metadata = (name: string) => JSON.parse(read(name)) as Metadata;

/** id, Chinese name, parameter (Chinese, English), result type (undefined: any), English name. */
const EXPECTED: [string, string, [string, string], string | undefined][] = [
  ["CHECKID", "身份证校验", ["号码", "idNumber"], "string"],
  ["BIRTHDATEFROMID", "出生日期", ["号码", "idNumber"], undefined], // a serial number, or text before 1900
  ["GENDERFROMID", "身份证性别", ["号码", "idNumber"], "string"],
  ["NORMALIZEETHNICITY", "规范民族", ["文本", "text"], "string"],
  ["NORMALIZEPOLITICAL", "规范政治面貌", ["文本", "text"], "string"],
  ["MASKID", "身份证打码", ["号码", "idNumber"], "string"],
];

describe("functions.json (zh-CN, the manifest's default locale)", () => {
  const zh = metadata("functions.json");

  it("declares the six functions: English ids, Chinese names, one parameter of type any each, and their result types", () => {
    expect(
      zh.functions.map((f) => [
        f.id,
        f.name,
        f.parameters.map((p) => [p.name, p.type, p.optional ?? false]),
        f.result.type,
      ])
    ).toEqual(
      EXPECTED.map(([id, name, [param], result]) => [id, name, [[param, "any", false]], result])
    );
    for (const f of zh.functions) {
      expect([f.id, f.description]).toEqual([f.id, expect.stringMatching(/[\u4e00-\u9fff]/)]);
      expect([f.id, f.parameters[0].description]).toEqual([f.id, expect.stringMatching(/\S/)]);
      // Plain functions: not streaming, not volatile; one cell in, one cell out.
      expect([f.id, f.options ?? {}, f.result.dimensionality]).toEqual([f.id, {}, undefined]);
    }
  });

  it("is generated from the @customfunction tags of src/functions/functions.ts", () => {
    const source = readFileSync(path.join(ROOT, "src", "functions", "functions.ts"), "utf8");
    const tags = [...source.matchAll(/^ \* @customfunction (\S+) (\S+)$/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(zh.functions.map((f) => [f.id, f.name])).toEqual(tags);
  });

  it("follows Microsoft's naming rules: ids A–Z, 0–9, _ and .; names letters, digits, _ and .; both from a letter, three characters at least", () => {
    for (const f of zh.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      expect([...f.name].length).toBeGreaterThanOrEqual(3);
      expect(f.name).toMatch(/^\p{L}[\p{L}\p{Nd}_.]*$/u);
    }
    expect(new Set(zh.functions.map((f) => f.name)).size).toBe(zh.functions.length);
  });
});

describe("functions-en.json (en-US)", () => {
  const zh = metadata("functions.json");
  const en = metadata("functions-en.json");

  it("is functions.json with English names and descriptions: the same ids, parameters' types and results", () => {
    expect(en.functions.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)])).toEqual(
      EXPECTED.map(([id, , [, param]]) => [id, id, [param]])
    );
    const shape = (m: Metadata) =>
      m.functions.map((f) => ({
        id: f.id,
        parameters: f.parameters.map(({ type, optional, dimensionality }) => ({
          type,
          optional,
          dimensionality,
        })),
        result: f.result,
        options: f.options,
      }));
    expect(shape(en)).toEqual(shape(zh));
    for (const f of en.functions) {
      const texts = [f.description ?? "", ...f.parameters.map((p) => p.description ?? "")];
      for (const t of texts)
        expect([f.id, t]).toEqual([f.id, expect.stringMatching(/[A-Za-z]{3}/)]);
      expect(f.description).not.toBe(zh.functions.find((z) => z.id === f.id)?.description);
    }
  });
});

describe("the build's English metadata", () => {
  // webpack.config.js is CommonJS, run by webpack-cli; it exports the step for this test.

  const { englishFunctionsMetadata } = require(path.join(ROOT, "webpack.config.js")) as {
    englishFunctionsMetadata: (
      m: Metadata,
      texts: unknown
    ) => { metadata: Metadata; problems: string[] };
  };
  const texts = JSON.parse(
    readFileSync(path.join(ROOT, "src", "functions", "functions.en.json"), "utf8")
  ) as Record<string, { parameters: Record<string, unknown> }>;

  it("is what the build wrote", () => {
    const made = englishFunctionsMetadata(metadata("functions.json"), texts);
    expect(made).toEqual({ metadata: metadata("functions-en.json"), problems: [] });
  });

  it("fails the build for a function or parameter without English text, or text for none", () => {
    const zh = metadata("functions.json");
    const withoutCheckId = Object.fromEntries(
      Object.entries(texts).filter(([id]) => id !== "CHECKID")
    );
    expect(englishFunctionsMetadata(zh, withoutCheckId).problems).toEqual([
      "no English text for function CHECKID",
    ]);
    const extra = { ...texts, MASKID: { ...texts.MASKID, parameters: { 文本: {} } } };
    expect(englishFunctionsMetadata(zh, extra).problems).toEqual([
      "no English text for parameter 号码 of MASKID",
      "English text for parameter 文本, which MASKID does not have",
    ]);
    expect(englishFunctionsMetadata(zh, { ...texts, OLDNAME: {} }).problems).toEqual([
      "English text for function OLDNAME, which is not declared",
    ]);
  });
});

describe("in Excel", () => {
  it("the functions are called as UFLEDGER.<name>: the manifest's namespace", () => {
    const manifest = read("manifest.xml");
    expect(manifest).toMatch(/<Namespace resid="Functions\.Namespace"\/>/);
    expect(manifest).toMatch(/<bt:String id="Functions\.Namespace" DefaultValue="UFLEDGER">/);
  });

  it("the task pane's bundle (the shared runtime's page) registers every function by its id", () => {
    const bundle = read("taskpane.js");
    for (const [id] of EXPECTED)
      expect([id, new RegExp(`\\.associate\\("${id}",`).test(bundle)]).toEqual([id, true]);
    expect(read("taskpane.html")).toMatch(/<script[^>]+src="?taskpane\.js"?/);
  });
});

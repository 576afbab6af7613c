/**
 * Everything a user reads that depends on today is in their local time (issue #14): run under
 * TZ=UTC and TZ=Asia/Shanghai, at 07:59 and 08:01 Beijing time (23:59 and 00:01 UTC: when the UTC
 * date is still yesterday's, and when it is today's). Jest cannot change its own process's time
 * zone, so each time zone is probed in a child process (tzProbe.ts), and the command line is run
 * with TZ set.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { dayOf, formatLocalTime, formatOffset } from "../../src/core/localTime";
import { lastFinishedQuarter } from "../../src/core/summary/quarter";
import { ROOT, runCli } from "../cli/run";
import { writeBranchWorkbooks } from "../fixtures/branchWorkbooks";
import type { ProbeResult } from "./tzProbe";

const utc = (y: number, m: number, d: number, h = 0, min = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min));

/** 07:59 and 08:01 in Beijing on 2026-12-05; 07:59 in Beijing on 2026-10-01 (a quarter turns). */
const BEFORE_8 = utc(2026, 12, 4, 23, 59);
const AFTER_8 = utc(2026, 12, 5, 0, 1);
const QUARTER_TURN = utc(2026, 9, 30, 23, 59);

const dir = mkdtempSync(path.join(os.tmpdir(), "uf-localtime-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function probe(tz: string): ProbeResult[] {
  const out = execFileSync(
    process.execPath,
    [
      "-r",
      path.join(__dirname, "jestShim.js"),
      "-r",
      "ts-node/register/transpile-only",
      path.join(__dirname, "tzProbe.ts"),
      dir,
      ...[BEFORE_8, AFTER_8, QUARTER_TURN].map((d) => String(d.getTime())),
    ],
    { cwd: ROOT, env: { ...process.env, TZ: tz }, encoding: "utf8" }
  );
  return JSON.parse(out) as ProbeResult[];
}

describe("the engine's local time (pure)", () => {
  it("formats a local time with its offset, and takes its day", () => {
    const t = { wall: utc(2026, 12, 5, 7, 59), offsetMinutes: 480 };
    expect(formatLocalTime(t)).toBe("2026-12-05 07:59（UTC+08:00）");
    expect(dayOf(t)).toEqual(utc(2026, 12, 5));
    expect(formatOffset(0)).toBe("UTC+00:00");
    expect(formatOffset(-330)).toBe("UTC-05:30");
    expect(formatOffset(345)).toBe("UTC+05:45");
  });
  it("knows the last finished quarter of a day", () => {
    expect(lastFinishedQuarter(utc(2026, 10, 1)).label).toBe("2026Q3");
    expect(lastFinishedQuarter(utc(2026, 9, 30)).label).toBe("2026Q2");
    expect(lastFinishedQuarter(utc(2026, 1, 1)).label).toBe("2025Q4");
  });
});

describe.each([
  {
    tz: "UTC",
    offset: "+00:00",
    want: [
      { day: "2026-12-04", shown: "2026-12-04 23:59（UTC+00:00）", quarter: "2026Q3" },
      { day: "2026-12-05", shown: "2026-12-05 00:01（UTC+00:00）", quarter: "2026Q3" },
      { day: "2026-09-30", shown: "2026-09-30 23:59（UTC+00:00）", quarter: "2026Q2" },
    ],
  },
  {
    tz: "Asia/Shanghai",
    offset: "+08:00",
    want: [
      { day: "2026-12-05", shown: "2026-12-05 07:59（UTC+08:00）", quarter: "2026Q3" },
      { day: "2026-12-05", shown: "2026-12-05 08:01（UTC+08:00）", quarter: "2026Q3" },
      { day: "2026-10-01", shown: "2026-10-01 07:59（UTC+08:00）", quarter: "2026Q3" },
    ],
  },
])("TZ=$tz, at 07:59 and 08:01 Beijing time", ({ tz, offset, want }) => {
  let got: ProbeResult[];
  beforeAll(() => {
    got = probe(tz);
  });

  it("today, as the forms' default date shows it, is the local day", () => {
    expect(got.map((g) => g.todayText)).toEqual(want.map((w) => w.day));
    expect(got.map((g) => g.today.slice(0, 10))).toEqual(want.map((w) => w.day));
  });

  it("生成时间 on the summaries, written to a file and through Office.js, is local time", () => {
    expect(got.map((g) => g.shown)).toEqual(want.map((w) => w.shown));
    expect(got.map((g) => g.fileMadeAt)).toEqual(want.map((w) => `生成时间：${w.shown}`));
    expect(got.map((g) => g.excelMadeAt)).toEqual(want.map((w) => `生成时间：${w.shown}`));
  });

  it("report.json's createdAt is the same moment, with the local offset", () => {
    for (const [i, g] of got.entries()) {
      expect(new Date(g.iso).getTime()).toBe(g.at);
      expect(g.iso.slice(0, 10)).toBe(want[i].day);
      expect(g.iso.endsWith(offset)).toBe(true);
    }
  });

  it("the quarter a summary defaults to turns with the local day", () => {
    expect(got.map((g) => g.lastQuarter)).toEqual(want.map((w) => w.quarter));
  });

  it("a member born on the local today is not born in the future (engine and Excel)", () => {
    for (const g of got) {
      expect(g.bornTodayCodes).not.toContain("birth-date-out-of-range");
      expect(g.excelBornTodayCodes).not.toContain("birth-date-out-of-range");
    }
  });
});

describe("the command line uses the system time zone", () => {
  let files: string[];
  beforeAll(async () => {
    files = await writeBranchWorkbooks(mkdtempSync(path.join(dir, "in-")));
  });

  it.each([
    ["UTC", 0, "UTC+00:00"],
    ["Asia/Shanghai", 8, "UTC+08:00"],
  ])("TZ=%s: 生成时间 is the local time, with its offset", async (tz, hours, label) => {
    const out = path.join(dir, `cli-${hours}.xlsx`);
    const before = Date.now();
    const r = runCli(["summary", ...files, "--quarter", "2026Q3", "--out", out, "--quiet"], ROOT, {
      TZ: tz,
    });
    const after = Date.now();
    expect(r.code).toBe(1); // one unreadable date in the fixtures
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const text = String(wb.getWorksheet("季度汇总-2026Q3")!.getCell(4, 1).value);
    // The local wall clock of any minute the run took.
    const shown = (ms: number) =>
      new Date(ms + hours * 3600_000).toISOString().slice(0, 16).replace("T", " ");
    const minutes = new Set<string>();
    for (let t = before - 60_000; t <= after + 60_000; t += 30_000) minutes.add(shown(t));
    expect(text).toMatch(
      new RegExp(`^生成时间：\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d（${label.replace("+", "\\+")}）$`)
    );
    expect(minutes.has(text.slice(5, 21))).toBe(true);
  });
});

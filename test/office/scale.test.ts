/**
 * 规范化 at 100, 10,000 and 100,000 rows: how many context.sync() calls, how big each request.
 *
 * One context.sync() sends everything queued as one request, and Excel on the web refuses a
 * request or an answer over 5 MB. So the host makes a fixed number of syncs, one per phase that
 * needs an answer before the next (workbook, sheet heads, the registry, the writes), and adds a
 * sync only when the next operation would take the current request over its budget (4 MB by our
 * estimate). Without a budget (Infinity) the count is the same at every size; with it, the extra
 * syncs are those the bytes need, never one per row.
 */
import { REGISTRY_SHEET } from "../../src/core/plan";
import { CHANGE_LOG_SHEET } from "../../src/core/report";
import { apiSupportUpTo } from "../../src/hosts/office/api";
import { OfficeLedgerHost, type OfficeRegistryRun } from "../../src/hosts/office/officeHost";
import { DEFAULT_REQUEST_BUDGET, EXCEL_WEB_PAYLOAD_LIMIT } from "../../src/hosts/office/payload";
import { FakeExcel, colLetters } from "./fakeExcel";
import { HEADERS, registrySheet } from "./registryData";

const AS_OF = new Date(Date.UTC(2026, 0, 1));
/** Syncs of 规范化 whatever the size: workbook, sheet heads, the registry, the writes. */
const PHASES = 4;

interface Measure {
  rows: number;
  fx: FakeExcel;
  run: OfficeRegistryRun;
  ms: number;
}

async function normalize(rows: number, budget?: number): Promise<Measure> {
  const fx = new FakeExcel([registrySheet(rows)]);
  const host = new OfficeLedgerHost({
    run: fx.run,
    api: apiSupportUpTo(18),
    asOf: AS_OF,
    requestBudget: budget,
  });
  const t = Date.now();
  const run = await host.normalize("zh-CN");
  return { rows, fx, run, ms: Date.now() - t };
}

function checkPayloads(m: Measure): void {
  for (const r of m.fx.requests) {
    expect(r.bytes).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
    expect(r.responseBytes).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
  }
  for (const w of m.fx.valueWrites) expect(w.bytes).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
  // Calculation is suspended in every request that writes.
  const writing = new Set(m.fx.valueWrites.map((w) => w.request));
  for (const i of writing) expect(m.fx.requests[i].suspended).toBe(true);
}

const registryBlocks = (m: Measure) => m.fx.valueWrites.filter((w) => w.sheet === REGISTRY_SHEET);

describe("规范化 at scale: a fixed number of syncs, requests under 5 MB", () => {
  const measured: Measure[] = [];

  it.each([100, 10_000, 100_000])(
    "%i rows: the phases' syncs plus only those the 5 MB limit forces",
    async (rows) => {
      const m = await normalize(rows);
      measured.push(m);
      expect(m.run.result.counts.members).toBe(rows);
      expect(m.fx.syncs).toBe(PHASES + m.run.requests.forced);
      checkPayloads(m);
      // Every row was written, in blocks that follow each other without gap or overlap.
      const blocks = registryBlocks(m);
      expect(blocks[0].address).toBe(`A1:${colLetters(HEADERS.length)}1`);
      let next = 2;
      for (const b of blocks.slice(1)) {
        expect(b.address.startsWith(`A${next}:`)).toBe(true);
        next += b.rows;
      }
      expect(next).toBe(rows + 2);
      const reg = m.fx.sheet(REGISTRY_SHEET);
      expect(reg.value(rows + 1, 2)).toBe(m.run.result.rows[rows - 1][1]);
      expect(reg.value(rows + 1, 1)).toBe(rows);
      // The requests the budget forced carry at least a quarter of a request each.
      const total = m.fx.requests.reduce((n, r) => n + r.bytes + r.responseBytes, 0);
      expect(m.run.requests.forced).toBeLessThanOrEqual(
        Math.ceil(total / (DEFAULT_REQUEST_BUDGET / 4))
      );
    }
  );

  it("syncs stay few and grow only with the bytes; the row blocks grow with the data", () => {
    const [small, medium, large] = measured;
    expect(small.run.requests.forced).toBe(0);
    expect(small.fx.syncs).toBe(PHASES);
    expect(large.fx.syncs).toBeGreaterThan(medium.fx.syncs);
    // Far fewer syncs than rows: 100,000 rows of about 600 bytes go in about 4 MB requests.
    expect(large.fx.syncs).toBeLessThan(40);
    const blocks = measured.map((m) => registryBlocks(m).length - 1);
    expect(blocks[0]).toBe(1);
    expect(blocks[2]).toBeGreaterThan(blocks[1]);
    expect(blocks[2]).toBeGreaterThanOrEqual(5);
    // Each block holds as many rows as its bytes allow, not a fixed count.
    const sizes = registryBlocks(large)
      .slice(1, -1)
      .map((b) => b.bytes);
    for (const s of sizes) expect(s).toBeGreaterThan(DEFAULT_REQUEST_BUDGET / 4);

    console.log(
      measured
        .map(
          (m) =>
            `${m.rows} rows: ${m.fx.syncs} syncs (${m.run.requests.forced} for size), ` +
            `${registryBlocks(m).length - 1} value blocks, largest request ` +
            `${Math.max(...m.fx.requests.map((r) => Math.max(r.bytes, r.responseBytes)))} bytes, ${m.ms} ms`
        )
        .join("\n")
    );
  });

  it("without a budget (desktop Excel has no 5 MB limit) the count is the same at every size", async () => {
    for (const rows of [100, 10_000]) {
      const m = await normalize(rows, Infinity);
      expect(m.fx.syncs).toBe(PHASES);
      expect(m.run.requests.forced).toBe(0);
    }
  });

  it("a small budget cuts every kind of write into requests within it (notes, fills, report rows)", async () => {
    const budget = 64 * 1024;
    const fx = new FakeExcel([registrySheet(2_000)]);
    // Many marks: every 3rd row loses its ID number (a warning with a note).
    const sheet = fx.sheet("Sheet1");
    for (let r = 3; r <= 2001; r += 3) sheet.setValue(r, HEADERS.indexOf("公民身份号码") + 1, "");
    const host = new OfficeLedgerHost({
      run: fx.run,
      api: apiSupportUpTo(18),
      asOf: AS_OF,
      requestBudget: budget,
    });
    const run = await host.normalize("zh-CN");
    expect(run.result.plan.marks.length).toBeGreaterThan(600);
    expect(fx.calls.get("notes.add")).toBe(run.result.plan.marks.length);
    expect(fx.sheet(REGISTRY_SHEET).notes).toHaveLength(run.result.plan.marks.length);
    expect(run.requests.forced).toBeGreaterThan(10);
    // Our estimate keeps each request within the budget, by the fake's own count too (give or take
    // the per-action overhead the two count differently).
    for (const r of fx.requests) {
      expect(r.bytes).toBeLessThan(budget * 1.25);
      expect(r.responseBytes).toBeLessThan(budget * 1.25);
    }
    expect(fx.sheet(CHANGE_LOG_SHEET).value(1, 1)).toBe("原行号");
  });
});

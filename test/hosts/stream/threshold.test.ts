import { mkdtempSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  DEFAULT_STREAM_ABOVE_BYTES,
  STREAM_ABOVE_ENV,
  streamThreshold,
  takesStreamingPath,
} from "../../../src/hosts/exceljs/stream/threshold";

describe("which files stream", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "uf-stream-threshold-"));
  const saved = process.env[STREAM_ABOVE_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[STREAM_ABOVE_ENV];
    else process.env[STREAM_ABOVE_ENV] = saved;
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("the option, else the environment, else 6 MB", () => {
    delete process.env[STREAM_ABOVE_ENV];
    expect(streamThreshold()).toBe(DEFAULT_STREAM_ABOVE_BYTES);
    expect(DEFAULT_STREAM_ABOVE_BYTES).toBe(6 * 1024 * 1024);
    process.env[STREAM_ABOVE_ENV] = "1000";
    expect(streamThreshold()).toBe(1000);
    expect(streamThreshold(5)).toBe(5);
    expect(streamThreshold(Infinity)).toBe(Infinity);
    process.env[STREAM_ABOVE_ENV] = "lots";
    expect(streamThreshold()).toBe(DEFAULT_STREAM_ABOVE_BYTES);
  });

  it("zips above the threshold; never CSV text, OLE2 (.xls) or a missing file", async () => {
    const zip = path.join(dir, "a.xlsx");
    await fs.writeFile(
      zip,
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)])
    );
    const csv = path.join(dir, "b.xlsx");
    await fs.writeFile(csv, "姓名,性别\n".repeat(20));
    const xls = path.join(dir, "c.xls");
    await fs.writeFile(
      xls,
      Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(100)])
    );
    expect(await takesStreamingPath(zip, 0)).toBe(true);
    expect(await takesStreamingPath(zip, 104)).toBe(false);
    expect(await takesStreamingPath(zip, 103)).toBe(true);
    expect(await takesStreamingPath(csv, 0)).toBe(false);
    expect(await takesStreamingPath(xls, 0)).toBe(false);
    expect(await takesStreamingPath(path.join(dir, "none.xlsx"), 0)).toBe(false);
    expect(await takesStreamingPath(dir, 0)).toBe(false);
  });
});

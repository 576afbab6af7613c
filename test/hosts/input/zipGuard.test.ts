import * as fs from "fs";
import * as path from "path";
import { checkZip } from "../../../src/hosts/exceljs/input/zipGuard";
import { expectFileError, makeTmpDir, removeDir, writeXlsx } from "./helpers";
import { writeZip } from "./zipWriter";

describe("checkZip", () => {
  let dir: string;
  let xlsx: Buffer;
  beforeAll(async () => {
    dir = makeTmpDir();
    const file = path.join(dir, "ok.xlsx");
    await writeXlsx(file, [["姓名"], ["张三"]]);
    xlsx = fs.readFileSync(file);
  });
  afterAll(() => removeDir(dir));

  it("lists an .xlsx's entries and its declared size", async () => {
    const summary = await checkZip(xlsx, { file: "ok.xlsx" });
    expect(summary.entryNames).toEqual(
      expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml"])
    );
    expect(summary.entryCount).toBe(summary.entryNames.length);
    expect(summary.totalUncompressedBytes).toBeGreaterThan(xlsx.length);
  });

  it("refuses a zip whose central directory declares more than the limit", async () => {
    const bomb = writeZip([
      { name: "a.xml", data: Buffer.from("<a/>"), declaredSize: 3_000_000_000 },
      { name: "b.xml", data: Buffer.from("<b/>"), declaredSize: 3_000_000_000 },
    ]);
    const e = await expectFileError(checkZip(bomb, { file: "bomb.xlsx" }), "too-large");
    expect(e.params).toEqual({ file: "bomb.xlsx", limit: "500 MB" });
    const small = await expectFileError(
      checkZip(xlsx, { file: "ok.xlsx", maxUncompressedBytes: 1024 }),
      "too-large"
    );
    expect(small.params.limit).toBe("1 KB");
  });

  it("refuses too many entries", async () => {
    const many = writeZip(
      Array.from({ length: 50 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from("x") }))
    );
    const e = await expectFileError(
      checkZip(many, { file: "many.xlsx", maxEntries: 10 }),
      "too-large"
    );
    expect(e.params.limit).toBe("10 个文件");
    await expect(checkZip(many, { file: "many.xlsx" })).resolves.toMatchObject({ entryCount: 50 });
  });

  it("catches an entry that unpacks to more than its directory entry says", async () => {
    const liar = writeZip([
      { name: "xl/sheet.xml", data: Buffer.alloc(1024 * 1024, 0x41), declaredSize: 100 },
    ]);
    const e = await expectFileError(checkZip(liar, { file: "liar.xlsx" }), "corrupt-workbook");
    expect(e.params.detail).toBe("压缩条目的实际大小与目录不符");
    // Without the inflate check the lie goes through.
    await expect(
      checkZip(liar, { file: "liar.xlsx", verifyInflate: false })
    ).resolves.toBeDefined();
  });

  it("calls truncated or damaged zips corrupt", async () => {
    await expectFileError(
      checkZip(xlsx.subarray(0, Math.floor(xlsx.length / 2)), { file: "t.xlsx" }),
      "corrupt-workbook"
    );
    await expectFileError(
      checkZip(Buffer.from("PK\x03\x04garbage", "latin1"), { file: "g.xlsx" }),
      "corrupt-workbook"
    );
    // Damage the deflated data of the first entry, keeping the structure.
    const damaged = Buffer.from(xlsx);
    const dataStart = 30 + damaged.readUInt16LE(26) + damaged.readUInt16LE(28);
    for (let i = dataStart; i < dataStart + 40; i++) damaged[i] = 0xff;
    await expectFileError(checkZip(damaged, { file: "d.xlsx" }), "corrupt-workbook");
  });
});

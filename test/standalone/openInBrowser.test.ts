import { OpenError, openInBrowser } from "../../src/standalone/openInBrowser";

/** A file as the page's file picker gives it. */
const fileOf = (text: string, name: string) => new File([Buffer.from(text, "utf8")], name);
const noSelect = () => undefined;

describe("openInBrowser applies the command line's limits to CSV", () => {
  it("refuses a field longer than an Excel cell holds, naming the file, record and field", async () => {
    const csv = `姓名,备注\n张三,${"长".repeat(40_000)}\n`;
    const open = openInBrowser(fileOf(csv, "名册.csv"), noSelect, "zh-CN");
    await expect(open).rejects.toBeInstanceOf(OpenError);
    await expect(open).rejects.toThrow(/^名册\.csv（工作表“名册”第 2 行 B 列）/);
  });

  it("refuses more columns than an Excel sheet has, in English where asked", async () => {
    const csv = `${Array.from({ length: 16_385 }, (_, i) => `c${i}`).join(",")}\n`;
    await expect(openInBrowser(fileOf(csv, "wide.csv"), noSelect, "en")).rejects.toThrow(
      /^wide\.csv.*beyond the size of an Excel sheet/
    );
  });

  it("still opens an ordinary CSV, every value kept as text", async () => {
    const host = await openInBrowser(
      fileOf("姓名,身份证号\n张三,110105194912310021\n", "名册.csv"),
      noSelect,
      "zh-CN"
    );
    const run = await host.normalize("zh-CN");
    expect(run.result.counts.members).toBe(1);
    const { rows } = await host.preview("成员名册", 5);
    expect(rows[1]).toContain("110105194912310021");
    expect(host.toBytes().byteLength).toBeGreaterThan(0);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { reportSchema } from "../../src/core/reportJson";
import { reportSchemaText } from "../../scripts/writeReportSchema";

const ROOT = path.join(__dirname, "..", "..");

describe("report.json's schema", () => {
  it("ships as JSON Schema generated from the zod schema (npm run schema)", () => {
    expect(readFileSync(path.join(ROOT, "schemas", "report.schema.json"), "utf8")).toBe(
      reportSchemaText()
    );
  });

  it("refuses a report with an unknown problem code, a field missing, or UTC time", () => {
    const ok = {
      tool: "uf-ledger",
      version: "0.1.0",
      createdAt: "2026-12-05T07:59:00+08:00",
      command: "convert",
      valid: false,
      files: [
        {
          input: "a.xlsx",
          output: "out/a.xlsx",
          sheet: "Sheet1",
          status: "problems",
          valid: false,
          counts: { members: 1, errors: 1, warnings: 0, changes: 0, dropped: 0 },
          problems: [
            {
              code: "id-checksum",
              severity: "error",
              row: 3,
              name: "张三",
              field: "idNumber",
              column: "公民身份号码",
              sourceColumn: 6,
              value: "110105********0021",
              params: { value: "110105********0021", expected: "X" },
              message: "公民身份号码校验位不对",
              fix: "核对后改为 …X",
            },
          ],
          error: null,
        },
      ],
      totals: { files: 1, failed: 0, members: 1, changes: 0, errors: 1, warnings: 0 },
    };
    expect(reportSchema.safeParse(ok).success).toBe(true);
    const bad = (patch: (r: typeof ok) => unknown) =>
      reportSchema.safeParse(patch(structuredClone(ok))).success;
    expect(bad((r) => ((r.files[0].problems[0].code = "no-such-code"), r))).toBe(false);
    expect(bad((r) => ((r.files[0].problems[0].field = "nickname"), r))).toBe(false);
    expect(bad((r) => ((r.createdAt = "2026-12-04T23:59:00.000Z"), r))).toBe(false);
    expect(bad((r) => ({ ...r, valid: undefined }))).toBe(false);
    // Parameters are those of the problem's code.
    expect(bad((r) => ((r.files[0].problems[0].params = { value: "x" } as never), r))).toBe(false);
    expect(bad((r) => ((r.files[0].problems[0].params = { rows: 3 } as never), r))).toBe(false);
  });
});

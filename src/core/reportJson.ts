/**
 * report.json, the command line's report of a batch, described by a zod schema (in the manner of
 * Frictionless's validation report: `valid`, counts per file, problems with their codes): the type
 * the command line writes is derived from it, the JSON Schema shipped in schemas/ is generated
 * from it, and every report the tests write is checked against it.
 */
import { z } from "./zod";
import { fileErrorJsonSchema } from "./fileErrors";
import { PROBLEM_CODES, PROBLEM_PARAMS, type ProblemCode } from "./messages/codes";
import { FIELDS } from "./schema";

const count = z.number().int().min(0);
/** A cell's value as JSON has it: a date as its ISO text. ID numbers and phones are masked. */
const cellJson = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Where a problem is and what the cell held, with its message and fix in the run's language. */
const problemPlace = z.object({
  severity: z.enum(["error", "warning"]),
  /** 1-based source row; 0 for the whole sheet. */
  row: count,
  name: z.string(),
  field: z.enum(FIELDS.map((f) => f.key)).nullable(),
  column: z.string(),
  sourceColumn: count,
  value: cellJson,
  message: z.string(),
  fix: z.string().optional(),
});

/** A problem: its code with that code's parameters (a union discriminated on code), and where. */
export const reportProblemSchema = z.discriminatedUnion(
  "code",
  PROBLEM_CODES.map((code) =>
    problemPlace.extend({ code: z.literal(code), params: PROBLEM_PARAMS[code] })
  ) as unknown as [ProblemVariant, ...ProblemVariant[]]
);
type ProblemVariant = ReturnType<
  typeof problemPlace.extend<{ code: z.ZodLiteral<ProblemCode>; params: z.ZodObject }>
>;

export const reportFileSchema = z.object({
  input: z.string(),
  output: z.string().nullable(),
  sheet: z.string().nullable(),
  status: z.enum(["ok", "problems", "failed"]),
  /** Read and written, with no error in its data. */
  valid: z.boolean(),
  counts: z
    .object({ members: count, errors: count, warnings: count, changes: count, dropped: count })
    .nullable(),
  /** The first 10,000 problems, in the order of 校验报告; the counts are exact. */
  problems: z.array(reportProblemSchema),
  error: fileErrorJsonSchema.nullable(),
});

export const reportSchema = z.object({
  tool: z.literal("uf-ledger"),
  version: z.string(),
  /** When it was made, in local time with the offset: 2026-12-05T07:59:00+08:00. */
  createdAt: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
  command: z.string(),
  /** Every file read and written, and no error in any file's data. */
  valid: z.boolean(),
  files: z.array(reportFileSchema),
  totals: z.object({
    files: count,
    failed: count,
    members: count,
    changes: count,
    errors: count,
    warnings: count,
  }),
});

export type ReportJson = z.infer<typeof reportSchema>;
export type ReportFile = z.infer<typeof reportFileSchema>;

/** The JSON Schema of report.json (draft 2020-12), as shipped in schemas/report.schema.json. */
export function reportJsonSchema(): object {
  return z.toJSONSchema(reportSchema, { target: "draft-2020-12" });
}

/** Writes schemas/report.schema.json from report.json's zod schema (npm run schema). */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { reportJsonSchema } from "../src/core/reportJson";

export const reportSchemaText = () => JSON.stringify(reportJsonSchema(), null, 2) + "\n";

if (require.main === module) {
  const target = process.argv[2] ?? path.join(process.cwd(), "schemas", "report.schema.json");
  writeFileSync(target, reportSchemaText());
  process.stdout.write(`${target}\n`);
}

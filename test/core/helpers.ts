import { idCheckChar } from "../../src/core/rules/idNumber";
import type { RuleContext } from "../../src/core/rules/rule";

export const AS_OF = new Date(Date.UTC(2026, 10, 23));

export const ctx: RuleContext = { dateSystem: 1900, asOf: AS_OF };

export const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export const codes = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code);

/** A valid ID number of someone born on a day (yyyymmdd), sequence seq (odd: male). */
export const idOf = (birth: string, seq = "001") => {
  const first17 = `110105${birth}${seq}`;
  return first17 + idCheckChar(first17);
};

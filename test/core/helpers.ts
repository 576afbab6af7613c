import type { RuleContext } from "../../src/core/rules/rule";

export const AS_OF = new Date(Date.UTC(2026, 10, 23));

export const ctx: RuleContext = { locale: "zh-CN", dateSystem: 1900, asOf: AS_OF };

export const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export const codes = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code);

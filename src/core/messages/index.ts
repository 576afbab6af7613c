/**
 * The problems the engine reports, as data (a code and its typed parameters), and their texts in
 * each locale, rendered where they are shown: 校验报告, cell notes, the console, report.json, the
 * task pane.
 */
import type { Locale } from "../types";
import type { ProblemData } from "./codes";
import { EN } from "./en";
import type { ProblemText, ProblemTexts } from "./texts";
import { ZH_CN } from "./zh-CN";

export {
  type DatePrecision,
  type ProblemCode,
  type ProblemData,
  type ProblemParams,
  PROBLEM_CODES,
  PROBLEM_PARAMS,
  PROBLEM_SEVERITY,
  problemData,
  severityOf,
} from "./codes";
export type { ProblemText, ProblemTexts } from "./texts";

/** One table per locale. */
export const PROBLEM_TEXTS: Readonly<Record<Locale, ProblemTexts>> = { "zh-CN": ZH_CN, en: EN };

/** A problem's message and, where known, its fix, in the locale asked for. */
export function renderProblem(p: ProblemData, locale: Locale): { message: string; fix?: string } {
  // The table entry of p.code takes p.params: the union is discriminated on code.
  const text = PROBLEM_TEXTS[locale][p.code] as ProblemText<typeof p.params>;
  return { message: text.message(p.params), fix: text.fix?.(p.params) };
}

/** A short name for a kind of problem, for counts by kind; an unknown code is shown as it is. */
export function problemTitle(code: string, locale: Locale): string {
  const texts: Partial<Record<string, ProblemText<never>>> = PROBLEM_TEXTS[locale];
  return texts[code]?.title ?? code;
}

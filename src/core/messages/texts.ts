import type { ProblemCode, ProblemParams } from "./codes";

/** What a user reads of one kind of problem: a short title, the message and, where known, the fix. */
export interface ProblemText<P> {
  /** A short name, for counts by kind (校验报告, the task pane). */
  title: string;
  message: (p: P) => string;
  fix?: (p: P) => string;
}

/** One locale's texts for every problem code: a code without its text does not compile. */
export type ProblemTexts = { readonly [C in ProblemCode]: ProblemText<ProblemParams[C]> };

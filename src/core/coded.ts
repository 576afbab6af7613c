/**
 * Codes with typed parameters, the shape every kind of finding in the core takes (problems, file
 * errors, record errors, care reasons): a table of zod schemas, one per code, from which the
 * parameters' types, the list of codes and the union discriminated on code are derived.
 */
import type { z } from "./zod";

type Schemas = Readonly<Record<string, z.ZodType>>;

/** The parameters of each code, as its schema has them. */
export type ParamsOf<S extends Schemas> = { [C in keyof S]: z.infer<S[C]> };

/** A code with its parameters: of one code, or (by default) a union of all, discriminated on code. */
export type CodedOf<S extends Schemas, C extends keyof S = keyof S> = {
  [K in C]: { code: K; params: z.infer<S[K]> };
}[C];

/** The codes of a table, in its order. */
export function codesOf<S extends Schemas>(schemas: S): (keyof S & string)[] {
  return Object.keys(schemas);
}

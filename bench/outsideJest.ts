/**
 * The Office case uses the tests' fake Excel (office-addin-mock), whose module tells Jest to stand
 * in for office-addin-manifest; plain Node loads the real one, so Jest's call has nothing to do here.
 */
const g = globalThis as { jest?: unknown };
g.jest ??= { mock: () => undefined };

export {};

import { z } from "zod";

/**
 * zod, without its JIT: the JIT compiles parsers with `new Function`, which the pages'
 * Content-Security-Policy (no 'unsafe-eval') refuses. zod would fall back by itself, but the
 * browser still reports the refused attempt as a violation. Every module takes zod from here.
 */
z.config({ jitless: true });

export { z };

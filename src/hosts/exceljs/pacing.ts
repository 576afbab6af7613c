/**
 * How long work shares the thread: a loop over rows gives the event loop a turn every PACE_ROWS
 * rows, so that Ctrl+C is heard at once in the command line and the page stays responsive (and
 * its progress shows). The one place these numbers are set.
 */
export const PACE_ROWS = 4096;

const nextTurn: () => Promise<void> =
  typeof setImmediate === "function"
    ? () => new Promise((resolve) => setImmediate(resolve))
    : () => new Promise((resolve) => setTimeout(resolve, 0));

/** A turn of the event loop. */
export function pace(): Promise<void> {
  return nextTurn();
}

/**
 * Characters of text handed on at a time (sheet XML to the zip, lines to a spool): under 32K, so
 * that a piece (two bytes a character when it is Chinese) stays under V8's large-object size
 * (128 KB). Larger strings go straight to the old generation, which then grows with garbage.
 */
export const PIECE = 16 * 1024;

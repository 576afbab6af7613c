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

import cliProgress from "cli-progress";

export interface Progress {
  tick(line: string): void;
  stop(): void;
}

/** A progress bar on a terminal; plain lines otherwise (pipes, CI logs); nothing when quiet. */
export function makeProgress(total: number, label: string, quiet: boolean): Progress {
  if (quiet) return { tick: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY && total > 1) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} {file}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic
    );
    bar.start(total, 0, { file: "" });
    return { tick: (line) => bar.increment({ file: line }), stop: () => bar.stop() };
  }
  return { tick: (line) => process.stderr.write(line + "\n"), stop: () => undefined };
}

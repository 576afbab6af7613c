import { useCallback, useEffect, useState } from "react";
import type { Locale } from "../../core/types";
import type { LiveChecker, LiveState } from "../../hosts/ledgerHost";

/** What the pane shows of the live check: the host's state, or that it is starting or failed. */
export type LiveView = LiveState | { state: "starting" } | { state: "failed"; message: string };

export interface LiveCheckControl {
  live: LiveChecker;
  view: LiveView;
  enabled: boolean;
  setEnabled(on: boolean): void;
  /** Starts again from a fresh read (after 规范化 wrote a new 成员名册). */
  restart(): Promise<void>;
}

/**
 * The live check for the whole pane (it keeps running whichever tab is shown): on by default,
 * started when the pane opens, stopped by the switch, and stopped while Excel does not show the
 * pane (`shown`; started again, from a fresh read, when it shows it). Undefined where the host
 * has none.
 */
export function useLiveCheck(
  live: LiveChecker | undefined,
  locale: Locale,
  shown = true
): LiveCheckControl | undefined {
  const [enabled, setEnabled] = useState(true);
  const [view, setView] = useState<LiveView>({ state: "off" });
  useEffect(() => live?.subscribe(setView), [live]);
  const start = useCallback(async () => {
    if (!live) return;
    setView({ state: "starting" });
    try {
      await live.start(locale);
    } catch (e) {
      setView({ state: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  }, [live, locale]);
  const running = enabled && shown;
  useEffect(() => {
    if (!live) return;
    if (running) void start();
    else void live.stop();
  }, [live, running, start]);
  const restart = useCallback(async () => {
    if (running) await start();
  }, [running, start]);
  return live ? { live, view, enabled, setEnabled, restart } : undefined;
}

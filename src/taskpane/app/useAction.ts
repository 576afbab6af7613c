import { useCallback, useState } from "react";
import type { ProgressFn } from "../../hosts/ledgerHost";

export interface ActionState {
  busy: boolean;
  progress: number;
  label: string;
  error: string | null;
}

/** Runs one long action at a time, with its progress and a plain error message. */
export function useAction(): [
  ActionState,
  <T>(f: (progress: ProgressFn) => Promise<T>) => Promise<T | undefined>,
] {
  const [state, setState] = useState<ActionState>({
    busy: false,
    progress: 0,
    label: "",
    error: null,
  });
  const run = useCallback(async <T>(f: (progress: ProgressFn) => Promise<T>) => {
    setState({ busy: true, progress: 0, label: "", error: null });
    try {
      const out = await f((progress, label) => setState((s) => ({ ...s, progress, label })));
      setState({ busy: false, progress: 1, label: "", error: null });
      return out;
    } catch (e) {
      setState({
        busy: false,
        progress: 0,
        label: "",
        error: e instanceof Error ? e.message : String(e),
      });
      return undefined;
    }
  }, []);
  return [state, run];
}

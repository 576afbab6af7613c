import type { TaskpaneAction } from "../actions";

/** What the pane knows of itself: whether Excel shows it, and the last ribbon button pressed. */
export interface PaneSnapshot {
  visible: boolean;
  /** The action a ribbon button asked for; `seq` tells one press from the next of the same. */
  request?: { action: TaskpaneAction; seq: number };
}

/**
 * The task pane's state outside React, for the parts of the add-in's shared runtime that run
 * whether or not the pane is shown (the ribbon's functions, Excel's visibility events). The pane
 * reads it with useSyncExternalStore. Plain data, no Office.js.
 */
export class PaneState {
  private snapshot: PaneSnapshot;
  private seq = 0;
  private readonly listeners = new Set<() => void>();

  constructor(visible: boolean) {
    this.snapshot = { visible };
  }

  readonly get = (): PaneSnapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setVisible(visible: boolean): void {
    if (visible === this.snapshot.visible) return;
    this.snapshot = { ...this.snapshot, visible };
    this.emit();
  }

  /** A ribbon button was pressed: show `action`. */
  open(action: TaskpaneAction): void {
    this.snapshot = { ...this.snapshot, request: { action, seq: ++this.seq } };
    this.emit();
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}

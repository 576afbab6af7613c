import { PaneState } from "../../src/taskpane/pane/paneState";
import { PANEL_OF_ACTION, formOfAction } from "../../src/taskpane/app/panels";

describe("PaneState: the task pane's state outside React", () => {
  it("tells listeners when Excel shows or hides the pane, once per change", () => {
    const pane = new PaneState(false);
    const seen: boolean[] = [];
    const stop = pane.subscribe(() => seen.push(pane.get().visible));
    pane.setVisible(true);
    pane.setVisible(true);
    pane.setVisible(false);
    stop();
    pane.setVisible(true);
    expect(seen).toEqual([true, false]);
    expect(pane.get().visible).toBe(true);
  });

  it("numbers each button press, so the same button twice is two requests", () => {
    const pane = new PaneState(true);
    pane.open("meeting");
    const first = pane.get().request;
    pane.open("meeting");
    expect(first).toEqual({ action: "meeting", seq: 1 });
    expect(pane.get().request).toEqual({ action: "meeting", seq: 2 });
    expect(pane.get().visible).toBe(true);
  });

  it("maps each action to its tab, and the two forms of 例会与通报 to their form", () => {
    expect(PANEL_OF_ACTION).toEqual({
      validate: "registry",
      meeting: "docs",
      bulletin: "docs",
      summary: "summary",
    });
    expect([formOfAction("meeting"), formOfAction("bulletin"), formOfAction("summary")]).toEqual([
      "meeting",
      "bulletin",
      undefined,
    ]);
  });
});

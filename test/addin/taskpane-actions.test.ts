import fs from "fs";
import path from "path";
import { ACTIONS, describeAction, parseAction } from "../../src/taskpane/actions";

describe("task pane ?action= parameter", () => {
  test.each([
    ["?action=validate", "validate"],
    ["?action=meeting", "meeting"],
    ["?action=bulletin", "bulletin"],
    ["?action=summary", "summary"],
    ["?foo=1&action=%20Summary%20", "summary"],
    ["?_host_Info=Excel$Win32$16.01$zh-CN&action=meeting", "meeting"],
  ])("%s -> %s", (search, id) => {
    expect(parseAction(search)?.id).toBe(id);
  });

  test.each(["", "?", "?action=", "?action=delete", "?actions=validate"])(
    "%j -> no action",
    (search) => {
      expect(parseAction(search)).toBeUndefined();
    }
  );

  test("status line names the chosen action in Chinese, then English", () => {
    expect(describeAction(parseAction("?action=bulletin"))).toBe(
      "当前操作：新建通报 (New bulletin)"
    );
    expect(describeAction(undefined)).toMatch(/^未选择操作/);
  });

  test("every ribbon button's function in manifest.xml is an action's, with the same labels", () => {
    const manifest = fs.readFileSync(path.resolve(__dirname, "..", "..", "manifest.xml"), "utf8");
    const names = [...manifest.matchAll(/<FunctionName>([A-Za-z]+)<\/FunctionName>/g)].map(
      (m) => m[1]
    );
    expect(names).toEqual(ACTIONS.map((a) => a.command));
    for (const a of ACTIONS) {
      const label = new RegExp(
        `DefaultValue="${a.zh}">\\s*<bt:Override Locale="en-US" Value="${a.en}"/>`
      );
      expect(manifest).toMatch(label);
    }
  });
});

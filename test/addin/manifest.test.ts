/*
 * Offline checks of the Office add-in manifest (manifest.xml) and of the
 * webpack build that serves it. The manifest is read with office-addin-manifest
 * (readManifestFile plus the package's own XML parse) in a child Node process,
 * see read-manifest.js; `office-addin-manifest validate` is not used because it
 * calls a web service.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import type { ManifestInfo } from "office-addin-manifest";

/** xml2js output: elements are arrays of objects, attributes live in `$`. */
type Xml = any;

const root = path.resolve(__dirname, "..", "..");
const manifestPath = path.join(root, "manifest.xml");
const DEV_URL = "https://localhost:3000/";
const ICON_SIZES = [16, 32, 64, 80, 128];

/** Runs read-manifest.js (office-addin-manifest) on a manifest file. */
function readManifest(file: string): { info: ManifestInfo; xml: Xml } {
  const out = execFileSync(process.execPath, [path.join(__dirname, "read-manifest.js"), file], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out);
}

const BUTTONS = [
  { action: "validate", command: "openValidate", zh: "校验规范", en: "Validate registry" },
  { action: "meeting", command: "openMeeting", zh: "新建例会", en: "New meeting" },
  { action: "bulletin", command: "openBulletin", zh: "新建通报", en: "New bulletin" },
  { action: "summary", command: "openSummary", zh: "季度汇总", en: "Quarterly summary" },
];

/** Reads width/height from a PNG file's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(buf.subarray(0, 8).equals(signature)).toBe(true);
  expect(buf.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** All distinct https://localhost:3000/... URLs in the manifest text. */
function devUrls(text: string): string[] {
  const found = text.match(/https:\/\/localhost:3000\/[^"'<>\s]*/g) ?? [];
  return [...new Set(found)].sort();
}

/** The file a dev-server URL refers to, relative to the output directory. */
function urlToFile(url: string): string {
  const pathname = new URL(url).pathname.replace(/^\//, "");
  return pathname === "" ? "index.html" : decodeURIComponent(pathname);
}

// xml2js representation helpers.
function child(xml: Xml, name: string): Xml {
  const list = xml?.[name];
  if (!Array.isArray(list) || list.length === 0) throw new Error(`missing <${name}>`);
  return list[0];
}
function children(xml: Xml, name: string): Xml[] {
  const list = xml?.[name];
  return Array.isArray(list) ? list : [];
}
function attr(xml: Xml, name: string): string | undefined {
  return xml?.$?.[name];
}
function enUsOverride(xml: Xml, overrideTag: string): string | undefined {
  const o = children(xml, overrideTag).find((e) => attr(e, "Locale") === "en-US");
  return o ? attr(o, "Value") : undefined;
}

describe("manifest.xml", () => {
  let raw: string;
  let info: ManifestInfo;
  let officeApp: Xml;
  let versionOverrides: Xml;
  let resources: Xml;

  /** Resolves a resid against bt:ShortStrings / bt:LongStrings. */
  function stringResource(resid: string): { value: string; en?: string } {
    for (const group of ["bt:ShortStrings", "bt:LongStrings"]) {
      for (const s of children(child(resources, group), "bt:String")) {
        if (attr(s, "id") === resid)
          return { value: attr(s, "DefaultValue") ?? "", en: enUsOverride(s, "bt:Override") };
      }
    }
    throw new Error(`string resource ${resid} not found`);
  }
  function urlElement(resid: string): Xml {
    const u = children(child(resources, "bt:Urls"), "bt:Url").find((e) => attr(e, "id") === resid);
    if (!u) throw new Error(`url resource ${resid} not found`);
    return u;
  }
  function urlResource(resid: string): string {
    return attr(urlElement(resid), "DefaultValue") ?? "";
  }
  function workbookHost(): Xml {
    return child(child(versionOverrides, "Hosts"), "Host");
  }
  /** The CustomFunctions extension point (in AllFormFactors). */
  function customFunctions(): Xml {
    const points = children(child(workbookHost(), "AllFormFactors"), "ExtensionPoint");
    const found = points.filter((p) => attr(p, "xsi:type") === "CustomFunctions");
    expect(found).toHaveLength(1);
    return found[0];
  }
  const sourceResid = (parent: Xml, name: string) =>
    attr(child(child(parent, name), "SourceLocation"), "resid") ?? "";
  function ribbonGroup(): Xml {
    const host = child(child(versionOverrides, "Hosts"), "Host");
    const surface = child(child(host, "DesktopFormFactor"), "ExtensionPoint");
    expect(attr(surface, "xsi:type")).toBe("PrimaryCommandSurface");
    const tab = child(surface, "OfficeTab");
    expect(attr(tab, "id")).toBe("TabHome");
    return child(tab, "Group");
  }

  beforeAll(() => {
    raw = fs.readFileSync(manifestPath, "utf8");
    const parsed = readManifest(manifestPath);
    info = parsed.info;
    officeApp = parsed.xml.OfficeApp;
    versionOverrides = child(officeApp, "VersionOverrides");
    resources = child(versionOverrides, "Resources");
  });

  test("is an Excel task pane add-in with read/write document permission", () => {
    expect(info.manifestType).toBe("xml");
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
  });

  test("identity: GUID id, provider, default locale zh-CN and Chinese display name", () => {
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(info.id).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143"); // Yeoman template's placeholder id
    expect(info.providerName).toBe("统战台账助手开发组");
    expect(info.defaultLocale).toBe("zh-CN");
    expect(info.displayName).toBe("统战台账助手");
    expect(info.description).toBeTruthy();
  });

  test("has en-US overrides for display name and description", () => {
    expect(enUsOverride(child(officeApp, "DisplayName"), "Override")).toBe(
      "United-Front Ledger Assistant"
    );
    const descEn = enUsOverride(child(officeApp, "Description"), "Override");
    expect(descEn).toBeTruthy();
    expect(descEn).not.toBe(info.description);
  });

  test("requires ExcelApi 1.7 and opens taskpane.html by default", () => {
    const sets = child(child(officeApp, "Requirements"), "Sets");
    expect(attr(sets, "DefaultMinVersion")).toBe("1.1");
    const set = children(sets, "Set").map((s) => [attr(s, "Name"), attr(s, "MinVersion")]);
    expect(set).toEqual([["ExcelApi", "1.7"]]);
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_URL}taskpane.html`);
  });

  test("uses task pane VersionOverrides with a Workbook host and a function file", () => {
    expect(attr(versionOverrides, "xmlns")).toBe(
      "http://schemas.microsoft.com/office/taskpaneappversionoverrides"
    );
    expect(attr(versionOverrides, "xsi:type")).toBe("VersionOverridesV1_0");
    const host = child(child(versionOverrides, "Hosts"), "Host");
    expect(attr(host, "xsi:type")).toBe("Workbook");
    const functionFile = child(child(host, "DesktopFormFactor"), "FunctionFile");
    expect(urlResource(attr(functionFile, "resid") ?? "")).toBe(`${DEV_URL}taskpane.html`);
  });

  test("runs the task pane, the functions and the function file in one long-lived runtime: the task pane's page", () => {
    const host = workbookHost();
    const runtimes = children(child(host, "Runtimes"), "Runtime");
    expect(runtimes.map((r) => [attr(r, "resid"), attr(r, "lifetime")])).toEqual([
      ["Taskpane.Url", "long"],
    ]);
    expect(urlResource("Taskpane.Url")).toBe(`${DEV_URL}taskpane.html`);
    // Microsoft: the shared runtime does not load unless the same resid is used for the runtime,
    // the functions' page and the function file.
    expect(sourceResid(customFunctions(), "Page")).toBe("Taskpane.Url");
    expect(attr(child(child(host, "DesktopFormFactor"), "FunctionFile"), "resid")).toBe(
      "Taskpane.Url"
    );
    // <Runtimes> right after <Host>, before the form factors (the order Microsoft gives).
    const hostText = raw.slice(raw.indexOf('<Host xsi:type="Workbook">'));
    const at = (tag: string) => hostText.indexOf(tag);
    expect(hostText.replace(/^<Host[^>]*>\s*/, "").startsWith("<Runtimes>")).toBe(true);
    expect(at("</Runtimes>")).toBeLessThan(at("<AllFormFactors>"));
    expect(at("</AllFormFactors>")).toBeLessThan(at("<DesktopFormFactor>"));
    // The task pane's page is no longer a page of its own for commands.
    expect(raw).not.toContain("commands.html");
  });

  test("asks for SharedRuntime 1.1 inside VersionOverrides only, so Excel without it still opens the task pane", () => {
    const sets = child(child(versionOverrides, "Requirements"), "bt:Sets");
    expect(attr(sets, "DefaultMinVersion")).toBe("1.1");
    expect(children(sets, "bt:Set").map((s) => [attr(s, "Name"), attr(s, "MinVersion")])).toEqual([
      ["SharedRuntime", "1.1"],
    ]);
    const base = children(child(child(officeApp, "Requirements"), "Sets"), "Set");
    expect(base.map((s) => attr(s, "Name"))).toEqual(["ExcelApi"]);
    // The schema's order in VersionOverrides: Requirements before Hosts.
    const vo = raw.slice(raw.indexOf("<VersionOverrides"));
    expect(vo.indexOf("<Requirements>")).toBeGreaterThan(0);
    expect(vo.indexOf("<Requirements>")).toBeLessThan(vo.indexOf("<Hosts>"));
  });

  test("declares the worksheet functions: the task pane's script, functions.json (functions-en.json in English), namespace UFLEDGER", () => {
    const cf = customFunctions();
    expect(urlResource(sourceResid(cf, "Script"))).toBe(`${DEV_URL}taskpane.js`);
    const metadata = urlElement(sourceResid(cf, "Metadata"));
    expect(attr(metadata, "DefaultValue")).toBe(`${DEV_URL}functions.json`);
    expect(enUsOverride(metadata, "bt:Override")).toBe(`${DEV_URL}functions-en.json`);
    const namespace = stringResource(attr(child(cf, "Namespace"), "resid") ?? "");
    expect(namespace).toEqual({ value: "UFLEDGER", en: "UFLEDGER" });
    // An identifier: A–Z, digits, underscore and period, starting with a letter, at most 32.
    expect(namespace.value).toMatch(/^[A-Z][A-Z0-9_.]{2,31}$/);
    // The ribbon stays where it was, beside the functions.
    expect(children(child(workbookHost(), "DesktopFormFactor"), "ExtensionPoint")).toHaveLength(1);
  });

  test("Home tab group 统战台账 has the four buttons, each running its function in the shared runtime", () => {
    const group = ribbonGroup();
    const groupLabel = stringResource(attr(child(group, "Label"), "resid") ?? "");
    expect(groupLabel.value).toBe("统战台账");
    expect(groupLabel.en).toBeTruthy();

    const controls = children(group, "Control");
    expect(controls).toHaveLength(BUTTONS.length);
    controls.forEach((control, i) => {
      expect(attr(control, "xsi:type")).toBe("Button");
      const label = stringResource(attr(child(control, "Label"), "resid") ?? "");
      expect(label).toEqual({ value: BUTTONS[i].zh, en: BUTTONS[i].en });

      const tooltip = stringResource(
        attr(child(child(control, "Supertip"), "Description"), "resid") ?? ""
      );
      expect(tooltip.value).toBeTruthy();
      expect(tooltip.en).toBeTruthy();

      // A shared runtime has one task pane, and does not load when a button's pane names another
      // page: the button runs a function of the task pane's page, which opens the pane.
      const action = child(control, "Action");
      expect(attr(action, "xsi:type")).toBe("ExecuteFunction");
      expect(child(action, "FunctionName")).toBe(BUTTONS[i].command);
    });
    for (const u of children(child(resources, "bt:Urls"), "bt:Url"))
      expect(attr(u, "DefaultValue")).not.toContain("?action=");
  });

  test("every string resource has an en-US override", () => {
    for (const group of ["bt:ShortStrings", "bt:LongStrings"]) {
      for (const s of children(child(resources, group), "bt:String")) {
        expect([attr(s, "id"), enUsOverride(s, "bt:Override")]).toEqual([
          attr(s, "id"),
          expect.any(String),
        ]);
      }
    }
  });

  test("every resid used in VersionOverrides is defined", () => {
    const defined = new Set<string>();
    for (const [group, item] of [
      ["bt:Images", "bt:Image"],
      ["bt:Urls", "bt:Url"],
      ["bt:ShortStrings", "bt:String"],
      ["bt:LongStrings", "bt:String"],
    ]) {
      for (const e of children(child(resources, group), item)) defined.add(attr(e, "id") ?? "");
    }
    const used = [...raw.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    for (const resid of used) expect([resid, defined.has(resid)]).toEqual([resid, true]);
  });

  test("every icon named in the manifest exists in assets/ with the pixel size in its name", () => {
    const icons = [...new Set([...raw.matchAll(/assets\/(icon-(\d+)\.png)/g)].map((m) => m[1]))];
    expect(icons.sort()).toEqual(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
    expect(info.iconUrl).toBe(`${DEV_URL}assets/icon-32.png`);
    expect(info.highResolutionIconUrl).toBe(`${DEV_URL}assets/icon-64.png`);
    for (const icon of icons) {
      const size = Number(/icon-(\d+)\.png/.exec(icon)?.[1]);
      expect(pngSize(path.join(root, "assets", icon))).toEqual({ width: size, height: size });
    }
  });

  test("assets/ holds real PNG icons of 16, 32, 64, 80 and 128 pixels", () => {
    for (const size of ICON_SIZES) {
      expect(pngSize(path.join(root, "assets", `icon-${size}.png`))).toEqual({
        width: size,
        height: size,
      });
    }
  });

  test("all add-in URLs point at the dev server", () => {
    const urls = devUrls(raw);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    // No other https origin apart from XML namespaces.
    const others = (raw.match(/https:\/\/[^"'<>\s]+/g) ?? []).filter((u) => !u.startsWith(DEV_URL));
    expect(others).toEqual([]);
  });
});

describe("webpack production build", () => {
  let outDir: string;
  let manifestText: string;

  beforeAll(() => {
    manifestText = fs.readFileSync(manifestPath, "utf8");
    // The production build made once for the whole test run (test/globalSetup.js).
    outDir = process.env.UF_WEB_BUILD!;
  });

  test("produces every file a https://localhost:3000/ URL in the manifest names", () => {
    const files = [...new Set(devUrls(manifestText).map(urlToFile))].sort();
    expect(files).toEqual([
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
      "functions-en.json",
      "functions.json",
      "taskpane.html",
      "taskpane.js",
    ]);
    for (const file of files) {
      expect([file, fs.existsSync(path.join(outDir, file))]).toEqual([file, true]);
    }
  });

  test("copies manifest.xml and all icons unchanged", () => {
    expect(fs.readFileSync(path.join(outDir, "manifest.xml"), "utf8")).toBe(manifestText);
    for (const size of ICON_SIZES) {
      const rel = path.join("assets", `icon-${size}.png`);
      expect(
        fs.readFileSync(path.join(outDir, rel)).equals(fs.readFileSync(path.join(root, rel)))
      ).toBe(true);
    }
  });

  test("the task pane page (also the function file) loads office.js from the CDN, their bundle, and a CSP", () => {
    for (const [page, bundle] of [["taskpane.html", "taskpane.js"]]) {
      const html = fs.readFileSync(path.join(outDir, page), "utf8");
      expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
      expect(html).toMatch(new RegExp(`<script[^>]+src="?${bundle.replace(".", "\\.")}"?`));
      expect(html).toMatch(
        /http-equiv="?Content-Security-Policy"?[^>]*script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/
      );
      expect(fs.existsSync(path.join(outDir, bundle))).toBe(true);
    }
    const taskpane = fs.readFileSync(path.join(outDir, "taskpane.html"), "utf8");
    expect(taskpane).toContain("统战台账助手");
    expect(taskpane).toContain("taskpane.css");
    expect(fs.existsSync(path.join(outDir, "taskpane.css"))).toBe(true);
  });
});

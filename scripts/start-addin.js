#!/usr/bin/env node
/*
 * npm start / npm stop for the 统战台账助手 Excel add-in.
 *
 *   node scripts/start-addin.js start [extra office-addin-debugging args]
 *   node scripts/start-addin.js stop
 *
 * When the optional dependency office-addin-debugging is installed, this runs
 * `office-addin-debugging start|stop manifest.xml` (which starts the dev
 * server and sideloads the add-in, like Microsoft's template). It is optional
 * because its dependency keytar is a native module that cannot always be
 * built; without it, this prints how to sideload manifest.xml by hand and
 * exits 0.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const manifest = "manifest.xml";

/** Path of office-addin-debugging's CLI script, or undefined when not installed. */
function findDebuggingCli() {
  let pkgJsonPath;
  try {
    require.resolve("office-addin-debugging", { paths: [root] });
    pkgJsonPath = require.resolve("office-addin-debugging/package.json", { paths: [root] });
  } catch {
    return undefined;
  }
  const pkg = JSON.parse(fs.readFileSync(pkgJsonPath, "utf8"));
  const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin && pkg.bin["office-addin-debugging"];
  if (!bin) return undefined;
  const cli = path.resolve(path.dirname(pkgJsonPath), bin);
  return fs.existsSync(cli) ? cli : undefined;
}

/**
 * @param {"start"|"stop"} command
 * @param {"missing"|"failed"} reason office-addin-debugging is not installed, or it ran but could not sideload.
 */
function printManualInstructions(command, reason) {
  const zhWhy =
    reason === "missing"
      ? "未安装 office-addin-debugging（可选依赖，需要本机能编译 keytar），无法自动旁加载。"
      : "office-addin-debugging 未能在本机自动旁加载（桌面版 Excel 仅支持 Windows 和 macOS）。";
  const enWhy =
    reason === "missing"
      ? "office-addin-debugging (optional dependency; needs a buildable keytar) is not installed, so the add-in\ncannot be sideloaded automatically."
      : "office-addin-debugging could not sideload the add-in here (desktop Excel sideloading needs Windows or macOS).";
  const lines =
    command === "start"
      ? [
          `${zhWhy}请手动旁加载：`,
          "  1. 在另一个终端运行 npm run dev-server，等待 https://localhost:3000/ 就绪；",
          "     （首次使用请先信任开发证书：npx office-addin-dev-certs install）",
          "  2. 打开 Excel → 插入 → 加载项 → 我的加载项 → 上传我的加载项，",
          `     选择本项目的 ${path.join(root, manifest)}；`,
          "  3. 在“开始”选项卡的“统战台账”组中点击按钮打开任务窗格。",
          "",
          `${enWhy} To sideload it by hand:`,
          "  1. In another terminal run `npm run dev-server` and wait for https://localhost:3000/.",
          "     (First time: trust the dev certificate with `npx office-addin-dev-certs install`.)",
          "  2. In Excel choose Insert → Add-ins → My Add-ins → Upload My Add-in",
          `     and pick ${path.join(root, manifest)}.`,
          "  3. Use the buttons in the 统战台账 group on the Home tab to open the task pane.",
          "  (Excel on the web: Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in.)",
        ]
      : [
          reason === "missing"
            ? "未安装 office-addin-debugging，无需自动停止。"
            : "office-addin-debugging 未能完成停止操作。",
          "如已手动旁加载：停止 npm run dev-server（Ctrl+C），并在 Excel 中关闭任务窗格；",
          "要移除加载项，请清除 Office 缓存或在“我的加载项”中删除。",
          "",
          reason === "missing"
            ? "office-addin-debugging is not installed, so there is nothing to stop automatically."
            : "office-addin-debugging could not complete the stop.",
          "If you sideloaded by hand: stop `npm run dev-server` (Ctrl+C) and close the task pane in Excel;",
          "to remove the add-in, clear the Office cache or remove it under My Add-ins.",
        ];
  console.log(lines.join("\n"));
}

function main(argv) {
  const [command, ...rest] = argv;
  if (command !== "start" && command !== "stop") {
    console.error(
      "用法 / Usage: node scripts/start-addin.js start|stop [office-addin-debugging options]"
    );
    return 2;
  }
  const cli = findDebuggingCli();
  if (!cli) {
    printManualInstructions(command, "missing");
    return 0;
  }
  const result = spawnSync(process.execPath, [cli, command, manifest, ...rest], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.error) {
    console.error(`office-addin-debugging ${command} failed: ${result.error.message}`);
    printManualInstructions(command, "failed");
    return 1;
  }
  const status = result.status === null ? 1 : result.status;
  // office-addin-debugging can only sideload into desktop Excel on Windows and
  // macOS, and it reports that failure with exit code 0; show the manual
  // route there too (and whenever it failed outright).
  const desktopUnsupported =
    process.platform !== "win32" && process.platform !== "darwin" && rest.length === 0;
  if (status !== 0 || (command === "start" && desktopUnsupported)) {
    console.log("");
    printManualInstructions(command, "failed");
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));

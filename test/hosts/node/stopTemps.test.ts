/**
 * Ctrl+C's stop flag (tempFiles.ts): once set, no thread begins a temp file. A worker thread
 * started with the main thread's flag waits instead of naming one; the main thread refuses. Run in
 * a child process on the compiled module, as the command line runs it.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "../../cli/run";

const MODULE = path.join(ROOT, "build", "src", "hosts", "exceljs", "node", "tempFiles.js");

const script = `
const { Worker } = require("node:worker_threads");
const temps = require(${JSON.stringify(MODULE)});
const said = [];
const worker = new Worker(
  \`const { parentPort } = require("node:worker_threads");
   const temps = require(${JSON.stringify(MODULE)});
   parentPort.on("message", (m) => {
     const name = temps.tempPathFor("/tmp/out.xlsx");
     parentPort.postMessage(m + ":" + (name.endsWith(".tmp") ? "named" : name));
   });\`,
  { eval: true, workerData: temps.stopFlagData() }
);
worker.on("message", (m) => said.push(m));
worker.postMessage("before");
setTimeout(() => {
  temps.stopNewTemps();
  worker.postMessage("after");
  setTimeout(() => {
    let main = "named";
    try { temps.tempPathFor("/tmp/out.xlsx"); } catch (e) { main = "refused"; }
    console.log(JSON.stringify({ worker: said, main }));
    process.exit(0);
  }, 500);
}, 500);
`;

it("after stopNewTemps, a worker waits instead of naming a temp file, and the main thread refuses", () => {
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 20_000 });
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({ worker: ["before:named"], main: "refused" });
});

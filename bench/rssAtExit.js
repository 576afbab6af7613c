// Preloaded (node --require) into every process the benchmark measures: writes the process's peak
// resident set size (kB) to UF_BENCH_RSS_FILE at exit. It is read from /proc/self/status (VmHWM,
// the peak of this program's memory since it started), not from getrusage: Linux carries
// getrusage's maxrss over from the parent through fork and exec, so a child of a big parent would
// report the parent's peak. Then, after a space, the CPU time of the whole process (every thread:
// workers, V8's garbage collector helpers, libuv's pool), in microseconds.
"use strict";
const fs = require("fs");
const file = process.env.UF_BENCH_RSS_FILE;
if (file && require("worker_threads").isMainThread) {
  process.on("exit", () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
      const cpu = process.cpuUsage();
      const kb = m ? m[1] : String(process.resourceUsage().maxRSS);
      fs.writeFileSync(file, `${kb} ${cpu.user + cpu.system}`);
    } catch {
      // The parent also samples /proc; a lost figure is not worth failing the run.
    }
  });
}

// Preloaded (node --require) into every process the benchmark measures: writes the process's peak
// resident set size (kB, as getrusage gives it, worker threads included) to UF_BENCH_RSS_FILE at exit.
"use strict";
const fs = require("fs");
const file = process.env.UF_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    try {
      fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // The parent also samples /proc; a lost figure is not worth failing the run.
    }
  });
}

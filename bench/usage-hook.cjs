/**
 * The peak resident size of a process, and an exit hook that reports a child's resource usage: preloaded into
 * the CLI (`node --require bench/usage-hook.cjs`) by bench/speed.ts, and read by bench/measure.ts. CommonJS, so
 * a preloaded child can run it without the benchmark's TypeScript loader.
 */
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');

/**
 * The peak resident size of this process in KiB. On Linux it is VmHWM, the high-water mark of this program's own
 * address space: `maxRSS` (getrusage) also keeps the size of the process it was forked from, so a child of a
 * 250 MB benchmark reported 250 MB for `--version`. Elsewhere `maxRSS`.
 */
function peakRssKiB() {
  try {
    const m = /VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux: below
  }
  return process.resourceUsage().maxRSS;
}

// Preloaded with BITEXT_USAGE_REPORT set: write the resource usage and the peak there at exit.
const report = process.env.BITEXT_USAGE_REPORT;
if (report) process.on('exit', () => writeFileSync(report, JSON.stringify({ ...process.resourceUsage(), peakKiB: peakRssKiB() })));

module.exports = { peakRssKiB };

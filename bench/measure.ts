/**
 * Measuring speed and memory the same way every time: the median of several runs after a warm-up, peak RSS
 * read from a child process of its own (so one size's memory is not another's), and the machine described.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

/** The machine a measurement was taken on. */
export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
}

/** Wall time of one run of `fn`, in milliseconds. */
function wallMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The middle value of `values` (sorted in place). */
export function median(values: number[]): number {
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

/** Median wall time of `fn` in milliseconds over `runs` runs after `warmup` unmeasured ones. */
export function medianMs(fn: () => void, runs = 5, warmup = 1): number {
  for (let k = 0; k < warmup; k++) fn();
  return median(Array.from({ length: runs }, () => wallMs(fn)));
}

/**
 * Two workloads timed in alternation: after `warmup` unmeasured runs of each, `rounds` rounds of one run of `a`
 * then one of `b`. Returns each one's median wall time in milliseconds and the median of the rounds' ratios b / a.
 * A ratio of two medians taken one after the other moves with the machine's load between them (on a shared
 * machine, by up to ±8 % from run to run); in alternation both sides see the same load.
 */
export function pairedMs(a: () => void, b: () => void, rounds = 7, warmup = 1): { aMs: number; bMs: number; ratio: number } {
  for (let k = 0; k < warmup; k++) a();
  for (let k = 0; k < warmup; k++) b();
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let k = 0; k < rounds; k++) {
    as.push(wallMs(a));
    bs.push(wallMs(b));
    ratios.push(bs[k]! / as[k]!);
  }
  return { aMs: median(as), bMs: median(bs), ratio: median(ratios) };
}

/**
 * Megabytes (10^6 bytes, the unit input sizes are given in) of a resident size in kibibytes (what
 * `process.resourceUsage().maxRSS` and /proc report): a peak per megabyte of input is then a ratio of one unit to
 * itself.
 */
export function rssMegabytes(kib: number): number {
  return (kib * 1024) / 1e6;
}

/** The peak resident size of this process in KiB (see bench/usage-hook.cjs, which a child preloads too). */
export const peakRssKiB: () => number = createRequire(import.meta.url)('./usage-hook.cjs').peakRssKiB;

/** What a scale worker reports. */
export interface WorkerResult {
  ms: number;
  peakRssMb: number;
  [key: string]: number;
}

/** Run `bench/scale-worker.ts` with arguments in a fresh Node process; returns its JSON report. */
export function runWorker(args: string[]): WorkerResult {
  const worker = fileURLToPath(new URL('./scale-worker.ts', import.meta.url));
  const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', worker, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(output.trim().split('\n').pop()!);
}

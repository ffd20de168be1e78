/**
 * How much compiling a run pays for. V8 optimises hot functions on background threads; a one-shot `align` or
 * `check` of two short texts is over before that work pays back (a third of its CPU on a 9 KB pair), while a
 * batch or a large pair needs it. The executable asks this module before it starts the work.
 */
import { statSync } from 'node:fs';
import { parseCommandLine } from './args.js';

/**
 * Total input size below which `align A B` / `check A B` runs without the optimising compiler: measured on
 * development pairs, the interpreter and baseline code are faster up to about 100 KB and slower from there.
 */
export const SMALL_RUN_BYTES = 64 * 1024;

/**
 * Total input size from which `align A B` / `check A B` keeps V8's young generation at its first size (see
 * {@link isLargeRun}).
 */
export const LARGE_RUN_BYTES = 1_000_000;

/**
 * True when `argv` is `align` or `check` of two regular files that together hold fewer than
 * {@link SMALL_RUN_BYTES} bytes. Never throws: anything it cannot tell (a usage error, standard input, a file
 * that cannot be read) answers false and is left to the command itself.
 */
export function isSmallRun(argv: string[]): boolean {
  const total = pairBytes(argv);
  return total !== undefined && total < SMALL_RUN_BYTES;
}

/**
 * True when `argv` is `align` or `check` of two regular files that together hold at least
 * {@link LARGE_RUN_BYTES} bytes. Such a run holds both documents, their anchors and the alignment's tables for
 * its whole length, and V8 grows its young generation to 32 MB while parsing them; kept at its first size
 * (2 MB), the 5 MB pair's peak memory went from about 225 to about 200 MB at no measurable cost in time. Never throws, as
 * {@link isSmallRun}. The executable then sets {@link LARGE_RUN_FLAGS}.
 */
export function isLargeRun(argv: string[]): boolean {
  const total = pairBytes(argv);
  return total !== undefined && total >= LARGE_RUN_BYTES;
}

/**
 * V8 flags of a large run (see {@link isLargeRun}): the young generation kept at its first size, and the old one
 * allowed to grow by 20 % past what the last full collection kept before the next one (V8 allows up to 4×, and
 * after the alignment the 5 MB pair's heap went from 55 to 105 MB of mostly dead checks and export objects before
 * one came): its peak memory went from about 172 to about 152 MB, for 3–5 % more CPU time.
 */
export const LARGE_RUN_FLAGS: readonly string[] = ['--semi-space-growth-factor=1', '--heap-growing-percent=20'];

/** Bytes of the two files of an `align A B` / `check A B` command line; undefined for anything else or on error. */
function pairBytes(argv: string[]): number | undefined {
  try {
    const command = parseCommandLine(argv);
    if ((command.name !== 'align' && command.name !== 'check') || command.pairs !== undefined || command.inputs.length !== 2) return undefined;
    let total = 0;
    for (const path of command.inputs) {
      if (path === '-') return undefined;
      const stat = statSync(path);
      if (!stat.isFile()) return undefined;
      total += stat.size;
    }
    return total;
  } catch {
    return undefined;
  }
}

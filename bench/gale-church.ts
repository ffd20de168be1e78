/**
 * The baseline: Gale & Church's (1993) length-only aligner, as the development README defines it — beads 1-1,
 * 1-0, 0-1, 2-1, 1-2, 2-2 with the paper's priors, and the length cost for every bead, omissions included.
 * Full O(n·m) dynamic programming: it is a yardstick, not a product.
 */
import { lengthCost } from '../src/index.js';
import type { IndexLink } from './score.js';

const BEADS: Array<[number, number, number]> = [
  [1, 1, 0.89],
  [1, 0, 0.0099],
  [0, 1, 0.0099],
  [2, 1, 0.089],
  [1, 2, 0.089],
  [2, 2, 0.011],
];

/** Align two lists of paragraph lengths (characters) by length alone. */
export function galeChurch(ruLengths: number[], enLengths: number[]): IndexLink[] {
  const n = ruLengths.length;
  const m = enLengths.length;
  const cost = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(Infinity));
  const back = Array.from({ length: n + 1 }, () => new Int8Array(m + 1).fill(-1));
  cost[0][0] = 0;
  const sum = (lengths: number[], from: number, count: number): number => {
    let total = 0;
    for (let k = from; k < from + count; k++) total += lengths[k];
    return total;
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      BEADS.forEach(([a, b, prior], s) => {
        if (i < a || j < b || cost[i - a][j - b] === Infinity) return;
        const c = cost[i - a][j - b] - Math.log(prior) + lengthCost(sum(ruLengths, i - a, a), sum(enLengths, j - b, b), { ratio: 1.049, variance: 2.1 });
        if (c < cost[i][j]) {
          cost[i][j] = c;
          back[i][j] = s;
        }
      });
    }
  }
  const links: IndexLink[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [a, b] = BEADS[back[i][j]];
    links.push([range(i - a, a), range(j - b, b)]);
    i -= a;
    j -= b;
  }
  return links.reverse();
}

const range = (start: number, count: number): number[] => Array.from({ length: count }, (_, k) => start + k);

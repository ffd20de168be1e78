/**
 * The alignment's memory- and time-saving structures give exactly what the plain ones gave: the DP's later passes
 * over bead costs kept rounded in 16 bits (recomputing only the candidates the rounded costs cannot rule out), and
 * the DP with lower bounds of the bead costs (asking for a cost only where its bound cannot rule the bead out),
 * against a reference DP that asks for every cost and keeps it as a double; the evidence cache sized to a narrow
 * band, crossed forwards and backwards, against the default one.
 */
import { describe, expect, it } from 'vitest';
import { solveBeadsInBand, type BeadProblem, type BeadShape, type PathStep } from '../src/align/dp.js';
import { PairEvidence } from '../src/align/evidence.js';
import { parseDocument } from '../src/index.js';

/** A seeded generator (mulberry32), so that a failure reproduces. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The DP as it was before costs were rounded: every bead cost stored as a double, the repriced pass and the
 * backward pass read them back. Same band, same order of comparisons.
 */
function referenceSolve(problem: BeadProblem, width: number, delta?: (path: PathStep[]) => Float64Array | undefined): PathStep[] {
  const { n, m, shapes } = problem;
  const slope = n === 0 ? m : m / n;
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const offset = new Int32Array(n + 1);
  let size = 0;
  for (let i = 0; i <= n; i++) {
    lo[i] = Math.max(0, Math.floor(i * slope - slope - width));
    hi[i] = Math.min(m, Math.ceil(i * slope + slope + width));
    offset[i] = size;
    size += hi[i] - lo[i] + 1;
  }
  const index = (i: number, j: number): number => (i < 0 || i > n || j < lo[i] || j > hi[i] ? -1 : offset[i] + j - lo[i]);
  const costs = shapes.map(() => new Float64Array(size).fill(Infinity));
  const solve = (shift?: Float64Array): PathStep[] => {
    const forward = new Float64Array(size).fill(Infinity);
    const back = new Int8Array(size).fill(-1);
    forward[index(0, 0)] = 0;
    for (let i = 0; i <= n; i++) {
      for (let j = lo[i]; j <= hi[i]; j++) {
        const cell = index(i, j);
        let best = forward[cell];
        let bestShape = back[cell];
        shapes.forEach((shape, s) => {
          const from = index(i - shape.ru, j - shape.en);
          if (from < 0 || forward[from] === Infinity) return;
          const cost = shift ? costs[s][cell] + shift[s] : problem.cost(i - shape.ru, j - shape.en, shape);
          costs[s][cell] = cost;
          if (forward[from] + cost < best) {
            best = forward[from] + cost;
            bestShape = s;
          }
        });
        forward[cell] = best;
        back[cell] = bestShape;
      }
    }
    const backward = new Float64Array(size).fill(Infinity);
    backward[index(n, m)] = 0;
    for (let i = n; i >= 0; i--) {
      for (let j = hi[i]; j >= lo[i]; j--) {
        const cell = index(i, j);
        let best = backward[cell];
        shapes.forEach((shape, s) => {
          const to = index(i + shape.ru, j + shape.en);
          if (to < 0 || backward[to] === Infinity) return;
          if (costs[s][to] + backward[to] < best) best = costs[s][to] + backward[to];
        });
        backward[cell] = best;
      }
    }
    const path: PathStep[] = [];
    for (let i = n, j = m; i > 0 || j > 0; ) {
      const s = back[index(i, j)];
      const shape = shapes[s];
      path.push({ i: i - shape.ru, j: j - shape.en, shape, cost: costs[s][index(i, j)], endMargin: Infinity });
      i -= shape.ru;
      j -= shape.en;
    }
    path.reverse();
    const total = forward[index(n, m)];
    const onPath = new Set([index(0, 0), ...path.map((step) => index(step.i + step.shape.ru, step.j + step.shape.en))]);
    for (const step of path) {
      const ei = step.i + step.shape.ru;
      const ej = step.j + step.shape.en;
      if (ei === n && ej === m) continue;
      let alternative = Infinity;
      for (let di = -1; di <= 1; di++) {
        for (let dj = -1; dj <= 1; dj++) {
          const cell = index(ei + di, ej + dj);
          if (cell >= 0 && !onPath.has(cell)) alternative = Math.min(alternative, forward[cell] + backward[cell]);
        }
      }
      step.endMargin = alternative - total;
    }
    return path;
  };
  const first = solve();
  const shift = delta?.(first);
  return shift ? solve(shift) : first;
}

const SHAPES: BeadShape[] = [
  { ru: 1, en: 1 },
  { ru: 2, en: 1 },
  { ru: 1, en: 2 },
  { ru: 2, en: 2 },
  { ru: 3, en: 1 },
  { ru: 1, en: 0 },
  { ru: 0, en: 1 },
];

/**
 * A long problem (so that the costs are stored rounded) with pseudo-random costs: `coarse` draws them from a few
 * values, so that many paths tie exactly and the rounded bounds must leave ties to the exact costs; otherwise a
 * few are too large to keep rounded.
 */
function longProblem(seed: number, coarse: boolean, n = 2600, m = 2500): BeadProblem {
  const salt = random(seed)() * 1e6;
  const cost = (i: number, j: number, shape: BeadShape): number => {
    const x = Math.sin(i * 12.9898 + j * 78.233 + shape.ru * 37.719 + shape.en * 4.581 + salt) * 43758.5453;
    const u = x - Math.floor(x);
    const diagonal = Math.abs(j - i * (m / n));
    return coarse ? Math.floor(u * 4) * 0.5 + shape.ru + shape.en : u * 3 - 1 + 0.01 * diagonal + 0.7 * (shape.ru + shape.en - 2) + (u > 0.98 ? 600 : 0);
  };
  return { n, m, shapes: SHAPES, cost, fixedCost: (shape) => (shape.ru === 0 || shape.en === 0 ? cost(0, 0, shape) : undefined) };
}

const noFixedCost = (problem: BeadProblem): BeadProblem => ({ n: problem.n, m: problem.m, shapes: problem.shapes, cost: problem.cost });

describe('DP with rounded stored costs', () => {
  for (const coarse of [false, true]) {
    it(`finds the reference's path, costs and margins, repriced or not (${coarse ? 'many exact ties' : 'continuous costs'})`, () => {
      const problem = longProblem(coarse ? 7 : 3, coarse);
      // Omission costs do not depend on where the bead lies; the reference stores them anyway.
      problem.fixedCost = (shape) => (shape.ru === 0 || shape.en === 0 ? 1.5 : undefined);
      const base = problem.cost;
      problem.cost = (i, j, shape) => (shape.ru === 0 || shape.en === 0 ? 1.5 : base(i, j, shape));
      const reprice = (path: readonly PathStep[]): Float64Array => Float64Array.from(SHAPES, (_, s) => (s === 0 ? 0 : 0.25 * (s % 3) - 0.2 + path.length * 1e-6));
      for (const delta of [undefined, reprice]) {
        const got = solveBeadsInBand(problem, { band: 48, reprice: delta, maxWidenedCells: 0 }).path;
        const want = referenceSolve(noFixedCost(problem), 48, delta);
        expect(got).toEqual(want);
      }
    });
  }
});

/**
 * `problem` with lower bounds of its bead costs: the cost less a pseudo-random margin (none for a quarter of the
 * beads, the tightest bound there is; a thousand nats for a few, below what 16 bits keep), and with `above` a
 * looser one (three times the margin and half a nat more) whenever that is still above it, as BeadScorer leaves
 * the length term out. Counts the calls of `cost`.
 */
function withLowerBounds(problem: BeadProblem): BeadProblem & { costCalls: number } {
  const cost = problem.cost;
  const margin = (i: number, j: number, shape: BeadShape): number => {
    const x = Math.sin(i * 3.1 + j * 7.7 + shape.ru * 1.3 + shape.en * 0.7) * 9973.1;
    const u = x - Math.floor(x);
    return u < 0.25 ? 0 : u > 0.99 ? 1000 : 2 * u;
  };
  const bounded = {
    ...problem,
    costCalls: 0,
    cost: (i: number, j: number, shape: BeadShape): number => {
      bounded.costCalls++;
      return cost(i, j, shape);
    },
    lowerBound: (i: number, j: number, shape: BeadShape, above = Infinity): number => {
      const exact = cost(i, j, shape);
      const loose = exact - 3 * margin(i, j, shape) - 0.5;
      return loose > above ? loose : exact - margin(i, j, shape);
    },
  };
  return bounded;
}

describe('DP with lower bounds of the bead costs', () => {
  for (const [size, n, m] of [['short: costs kept exactly', 70, 64], ['long: costs kept rounded', 2600, 2500]] as const) {
    for (const coarse of [false, true]) {
      it(`finds the reference's path, costs and margins, repriced or not, with fewer costs asked for (${size}; ${coarse ? 'many exact ties' : 'continuous costs'})`, () => {
        const problem = longProblem(coarse ? 11 : 5, coarse, n, m);
        problem.fixedCost = (shape) => (shape.ru === 0 || shape.en === 0 ? 1.5 : undefined);
        const base = problem.cost;
        problem.cost = (i, j, shape) => (shape.ru === 0 || shape.en === 0 ? 1.5 : base(i, j, shape));
        const reprice = (path: readonly PathStep[]): Float64Array => Float64Array.from(SHAPES, (_, s) => (s === 0 ? 0 : 0.25 * (s % 3) - 0.2 + path.length * 1e-6));
        for (const delta of [undefined, reprice]) {
          const bounded = withLowerBounds(problem);
          const got = solveBeadsInBand(bounded, { band: 48, reprice: delta, maxWidenedCells: 0 }).path;
          expect(got).toEqual(referenceSolve(noFixedCost(problem), 48, delta));
          let unboundedCalls = 0;
          solveBeadsInBand({ ...problem, cost: (i, j, shape) => (unboundedCalls++, problem.cost(i, j, shape)) }, { band: 48, reprice: delta, maxWidenedCells: 0 });
          expect(bounded.costCalls).toBeLessThan(unboundedCalls);
        }
      });
    }
  }
});

describe('evidence cache fitted to the band', () => {
  it('gives the default cache’s evidence for every bead, crossed forwards then backwards', () => {
    const ru = parseDocument(Array.from({ length: 300 }, (_, k) => `В ${2000 + (k % 23)} году ${k % 7} компаний вложили ${k * 3} млн рублей в Казань.`).join('\n\n'));
    const en = parseDocument(Array.from({ length: 300 }, (_, k) => `In ${2000 + (k % 23)}, ${k % 7} companies invested ${k * 3} million rubles in Kazan.`).join('\n\n'));
    const plain = new PairEvidence(ru.paragraphs, en.paragraphs);
    const fitted = new PairEvidence(ru.paragraphs, en.paragraphs);
    fitted.reserveBand(20);
    const beads: Array<[number, number, number, number]> = [];
    for (let i = 0; i + 3 <= 300; i++) for (let j = Math.max(0, i - 12); j <= Math.min(297, i + 12); j++) beads.push([i, i + 1 + (j % 3), j, j + 1 + (i % 3)]);
    for (const order of [beads, [...beads].reverse()]) {
      for (const [a, b, c, d] of order) expect(fitted.bead(a, b, c, d)).toEqual(plain.bead(a, b, c, d));
    }
  });
});

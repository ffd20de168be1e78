/**
 * Estimate the length model from the development set's sentence pairs (shared/dev/docs.jsonl):
 * `npx tsx bench/fit-length-model.ts`. Prints the values that src/align/length.ts uses as defaults.
 *
 * - ratio c: total English characters / total Russian characters;
 * - variance s²: a robust (median-absolute-deviation) estimate of the variance of (l_en − c·l_ru) per unit of
 *   mean length, which the data show grows linearly with length;
 * - outliers: human translation has heavier tails than a normal law (|z| > 4 is 25× more frequent), so the
 *   difference is modelled as a mixture of two normals, the second `outlierScale` times wider, weighted
 *   `outlierShare`; both fitted by maximum likelihood on a grid.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireDevRoot } from './dev.js';

const root = requireDevRoot();
const pairs: Array<[number, number]> = [];
for (const line of readFileSync(join(root, 'docs.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line) as { ru: string[]; en: string[] };
  doc.ru.forEach((ru, k) => pairs.push([ru.length, doc.en[k].length]));
}
const ratio = pairs.reduce((s, [, e]) => s + e, 0) / pairs.reduce((s, [r]) => s + r, 0);
const scaled = pairs.map(([r, e]) => (e - ratio * r) / Math.sqrt((r + e / ratio) / 2));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mad = median(scaled.map((x) => Math.abs(x - median(scaled)))) * 1.4826;
const variance = mad * mad;
const z = scaled.map((x) => x / mad);

const normalDensity = (x: number): number => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
let best = { share: 0, scale: 1, logLikelihood: -Infinity };
for (let share = 0.005; share <= 0.2; share += 0.005) {
  for (let scale = 1.5; scale <= 6; scale += 0.25) {
    const logLikelihood = z.reduce((s, x) => s + Math.log((1 - share) * normalDensity(x) + (share * normalDensity(x / scale)) / scale), 0);
    if (logLikelihood > best.logLikelihood) best = { share, scale, logLikelihood };
  }
}
console.log(`${pairs.length} sentence pairs`);
console.log(`ratio c = ${ratio.toFixed(3)}; variance s² = ${variance.toFixed(2)}`);
console.log(`outlierShare = ${best.share.toFixed(3)}; outlierScale = ${best.scale.toFixed(2)}`);

/**
 * The length model of Gale & Church (1993): the length of a translation is about `c` times the length of its
 * source, with a variance that grows with the length. Its cost is the negative log of the two-sided tail
 * probability of the normalised difference.
 */
import type { LengthModel } from '../types.js';

/**
 * Estimated on the 1 843 human-translated Russian→English news sentence pairs of the development set
 * (`bench/fit-length-model.ts` recomputes them): c is the ratio of total lengths, s² a median-based robust
 * fit of the squared difference per unit length (human news translation is much tighter than the s² = 6.8 of
 * Gale & Church's parliamentary data), and the outlier component fitted by maximum likelihood: real
 * translations stray far from the ratio far more often than a normal law allows (|δ| > 4 is 25× more frequent).
 */
export const DEFAULT_LENGTH_MODEL: LengthModel = { ratio: 1.049, variance: 2.1, outlierShare: 0.06, outlierScale: 1.75 };

/**
 * Cost (in nats) of aligning `ruLength` Russian characters with `enLength` English characters: the negative
 * log of the two-sided tail probability of δ = (l_en − c·l_ru) / √(s²·(l_ru + l_en/c)/2) under a mixture of
 * two normals (1 − ε)·N(0, 1) + ε·N(0, k²). With ε = 0 this is Gale & Church's −log 2(1 − Φ(|δ|)).
 */
export function lengthCost(ruLength: number, enLength: number, model: LengthModel = DEFAULT_LENGTH_MODEL): number {
  if (ruLength === 0 && enLength === 0) return 0;
  const delta = normalisedDifference(ruLength, enLength, model);
  const share = model.outlierShare ?? 0;
  const core = logErfc(delta / Math.SQRT2);
  const wide = share > 0 ? logErfc(delta / ((model.outlierScale ?? 1) * Math.SQRT2)) : -Infinity;
  return -(share > 0 ? logSumExp(Math.log(1 - share) + core, Math.log(share) + wide) : core);
}

/**
 * A number no larger than {@link lengthCost}, with one logErfc instead of two and a log-sum-exp: the wider of the
 * two normals alone (a mixture's tail is never above its widest component's).
 */
export function lengthCostLowerBound(ruLength: number, enLength: number, model: LengthModel = DEFAULT_LENGTH_MODEL): number {
  if (ruLength === 0 && enLength === 0) return 0;
  const delta = normalisedDifference(ruLength, enLength, model);
  const widest = (model.outlierShare ?? 0) > 0 ? Math.max(1, model.outlierScale ?? 1) : 1;
  return -logErfc(delta / (widest * Math.SQRT2));
}

/** δ of {@link lengthCost}: the length difference in standard deviations of the length model. */
function normalisedDifference(ruLength: number, enLength: number, model: LengthModel): number {
  const mean = (ruLength + enLength / model.ratio) / 2;
  return Math.abs(enLength - model.ratio * ruLength) / Math.sqrt(model.variance * Math.max(mean, 1));
}

function logSumExp(a: number, b: number): number {
  const max = Math.max(a, b);
  return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
}

/**
 * log(erfc(z)) for z ≥ 0, computed in log space so that large z does not underflow (Chebyshev fit from
 * Numerical Recipes, `erfcc`, relative error < 1.2e-7).
 */
export function logErfc(z: number): number {
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) - z * z + poly;
}

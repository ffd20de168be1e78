/**
 * The features of a bead and its cost under a cost model. A bead's cost is a weighted sum of its features, so
 * that the weights can be fitted on gold alignments (bench/fit-cost-model.ts) and the cost read in nats:
 *
 *   cost = shape prior + lengthWeight·length − sharedReward·shared − identicalReward·identical
 *          − crossReward·cross + figurePenalty·figures + sentencePenalty·sentences
 *
 * for a bead with both sides, and `omission` for a paragraph with no counterpart.
 *
 * Anchor evidence of a merged bead. A bead with two or more paragraphs on each side (2-2, 2-3, 3-2, …) is
 * credited under `shared` and `identical` only with the matches that its best split into two smaller two-sided
 * beads explains; matches that cross the split (a name in the first Russian paragraph found in the second
 * English one) go to `cross`, weighted apart. A name or figure repeated in neighbouring paragraphs therefore
 * cannot make a merged bead cheaper than the finer beads that explain the same matches.
 */
import type { CostModel, Paragraph } from '../types.js';
import { splitSentences } from '../sentences/split.js';
import { IdenticalEvidence } from './cognates.js';
import type { BeadShape } from './dp.js';
import { PairEvidence } from './evidence.js';
import { lengthCost, lengthCostLowerBound } from './length.js';

/** The names of the non-shape features, in vector order. */
export const FEATURE_NAMES = ['length', 'shared', 'identical', 'cross', 'figures', 'sentences', 'omission'] as const;

/** Number of non-shape features; shape indicators follow them in the vector. */
export const BASE_FEATURES = FEATURE_NAMES.length;

/** Index of a feature in the vector. */
export const FEATURE = Object.fromEntries(FEATURE_NAMES.map((name, k) => [name, k])) as Record<(typeof FEATURE_NAMES)[number], number>;

/** `"<ru>-<en>"` name of a shape. */
export const shapeName = (shape: BeadShape): string => `${shape.ru}-${shape.en}`;

/** The two-sided shapes a model prices, in a fixed order (the order of their indicator features). */
export function modelShapes(model: CostModel): Array<BeadShape & { name: string }> {
  return Object.keys(model.shapes)
    .map((name) => {
      const [ru, en] = name.split('-').map(Number);
      return { ru, en, name };
    })
    .filter((shape) => shape.ru > 0 && shape.en > 0);
}

/**
 * The weight vector of a model: feature weights, then one weight (the shape's prior cost) per shape of
 * {@link modelShapes}. Rewards enter negated, so that cost = weights · features.
 */
export function modelWeights(model: CostModel): Float64Array {
  const shapes = modelShapes(model);
  const w = new Float64Array(BASE_FEATURES + shapes.length);
  w[FEATURE.length] = model.lengthWeight ?? 1;
  w[FEATURE.shared] = -model.sharedReward;
  w[FEATURE.identical] = -(model.identicalReward ?? 0);
  w[FEATURE.cross] = -(model.crossReward ?? model.sharedReward);
  w[FEATURE.figures] = model.figurePenalty;
  w[FEATURE.sentences] = model.sentencePenalty ?? 0;
  w[FEATURE.omission] = model.omission;
  shapes.forEach((shape, k) => (w[BASE_FEATURES + k] = model.shapes[shape.name]));
  return w;
}

/** Less than any length cost's distance below 0 (see {@link BeadScorer.lowerBound}). */
const LENGTH_COST_FLOOR = 1e-6;

/** Precomputed evidence of a paragraph pair: features and costs of any bead. */
export class BeadScorer {
  readonly evidence: PairEvidence;
  readonly identical?: IdenticalEvidence;
  readonly shapes: Array<BeadShape & { name: string }>;
  readonly weights: Float64Array;
  /** Shape indicator slot by `ru * 64 + en`. */
  private readonly shapeIndex = new Map<number, number>();
  private readonly ruPrefix: Float64Array;
  private readonly enPrefix: Float64Array;
  private readonly ruSentences: Float64Array;
  private readonly enSentences: Float64Array;
  private readonly scratch: Float64Array;

  constructor(
    ruParagraphs: readonly Paragraph[],
    enParagraphs: readonly Paragraph[],
    readonly model: CostModel,
    /** Compute every feature even when its weight is 0 (for fitting the weights). */
    complete = false,
  ) {
    this.evidence = new PairEvidence(ruParagraphs, enParagraphs);
    if (complete || (model.identicalReward ?? 0) !== 0) this.identical = new IdenticalEvidence(ruParagraphs, enParagraphs);
    this.shapes = modelShapes(model);
    this.shapes.forEach((shape, k) => this.shapeIndex.set(shape.ru * 64 + shape.en, k));
    this.weights = modelWeights(model);
    this.ruPrefix = prefix(ruParagraphs, (p) => p.clean.length);
    this.enPrefix = prefix(enParagraphs, (p) => p.clean.length);
    const sentences = complete || (model.sentencePenalty ?? 0) !== 0;
    this.ruSentences = prefix(ruParagraphs, (p) => (sentences ? splitSentences(p.clean, 'ru').length : 0));
    this.enSentences = prefix(enParagraphs, (p) => (sentences ? splitSentences(p.clean, 'en').length : 0));
    this.scratch = new Float64Array(this.weights.length);
  }

  /** Write the features of Russian [i, i + shape.ru) against English [j, j + shape.en) into `out` (zeroed first). */
  features(i: number, j: number, shape: BeadShape, out: Float64Array): Float64Array {
    out.fill(0);
    if (shape.ru === 0 || shape.en === 0) {
      out[FEATURE.omission] = shape.ru + shape.en;
      return out;
    }
    const k = this.shapeIndex.get(shape.ru * 64 + shape.en);
    if (k !== undefined) out[BASE_FEATURES + k] = 1;
    const ruEnd = i + shape.ru;
    const enEnd = j + shape.en;
    out[FEATURE.length] = lengthCost(this.ruPrefix[ruEnd] - this.ruPrefix[i], this.enPrefix[enEnd] - this.enPrefix[j], this.model.length);
    const whole = this.evidence.bead(i, ruEnd, j, enEnd);
    const identical = this.identical ? this.identical.shared(i, ruEnd, j, enEnd) : 0;
    out[FEATURE.figures] = whole.oneSidedFigures;
    out[FEATURE.sentences] = Math.abs(this.ruSentences[ruEnd] - this.ruSentences[i] - (this.enSentences[enEnd] - this.enSentences[j]));
    if (shape.ru >= 2 && shape.en >= 2) {
      const split = this.bestSplit(i, ruEnd, j, enEnd);
      out[FEATURE.shared] = Math.min(whole.shared, split.shared);
      out[FEATURE.identical] = Math.min(identical, split.identical);
      out[FEATURE.cross] = Math.max(0, whole.shared - split.shared) + Math.max(0, identical - split.identical);
    } else {
      out[FEATURE.shared] = whole.shared;
      out[FEATURE.identical] = identical;
    }
    return out;
  }

  /**
   * A cost no larger than {@link cost}'s for the bead, cheap to compute: the shape prior and the sentence term
   * exactly, the length term by the wider of its two normals alone ({@link lengthCostLowerBound}), and every reward
   * as if the bead held all the anchors and identical tokens one side could give (bounds from prefix sums).
   * -Infinity when a weight's sign gives no such bound (a rewarded figure mismatch). A bound above `above` may be
   * returned without the length term, which costs most to compute.
   */
  lowerBound(i: number, j: number, shape: BeadShape, above = Infinity): number {
    const w = this.weights;
    if (shape.ru === 0 || shape.en === 0) return this.cost(i, j, shape);
    if (w[FEATURE.figures] < 0) return -Infinity;
    const ruEnd = i + shape.ru;
    const enEnd = j + shape.en;
    const k = this.shapeIndex.get(shape.ru * 64 + shape.en);
    const merged = shape.ru >= 2 && shape.en >= 2;
    // Rewards are negative weights: shared and cross (identical and cross) together weigh at most the upper bound.
    const sharedWeight = Math.min(w[FEATURE.shared], merged ? w[FEATURE.cross] : 0, 0);
    const identicalWeight = Math.min(w[FEATURE.identical], merged ? w[FEATURE.cross] : 0, 0);
    const sentences = Math.abs(this.ruSentences[ruEnd] - this.ruSentences[i] - (this.enSentences[enEnd] - this.enSentences[j]));
    const rest =
      (k !== undefined ? w[BASE_FEATURES + k] : 0) +
      w[FEATURE.sentences] * sentences +
      sharedWeight * this.evidence.upperShared(i, ruEnd, j, enEnd) +
      (this.identical ? identicalWeight * this.identical.upperShared(i, ruEnd, j, enEnd) : 0);
    // The length cost is a negative log probability (at least -3e-8 as logErfc rounds it): without it the bound
    // may already say enough.
    if (w[FEATURE.length] >= 0 && rest - LENGTH_COST_FLOOR > above) return rest - LENGTH_COST_FLOOR;
    const ruLength = this.ruPrefix[ruEnd] - this.ruPrefix[i];
    const enLength = this.enPrefix[enEnd] - this.enPrefix[j];
    if (w[FEATURE.length] < 0) return rest + w[FEATURE.length] * lengthCost(ruLength, enLength, this.model.length);
    return rest + w[FEATURE.length] * lengthCostLowerBound(ruLength, enLength, this.model.length) - LENGTH_COST_FLOOR;
  }

  /** Cost of a bead (nats): weights · features. */
  cost(i: number, j: number, shape: BeadShape): number {
    const f = this.features(i, j, shape, this.scratch);
    let sum = 0;
    for (let k = 0; k < f.length; k++) if (f[k] !== 0) sum += this.weights[k] * f[k];
    return sum;
  }

  /** Fit the scorer's caches to a DP band whose rows span at most `columns` English paragraphs. */
  reserveBand(columns: number): void {
    this.evidence.reserveBand(columns);
  }

  /**
   * The cost of a shape whose every bead costs the same (a paragraph without counterpart: the omission cost),
   * exactly as {@link cost} computes it; `undefined` for a two-sided shape.
   */
  fixedCost(shape: BeadShape): number | undefined {
    // A one-sided bead's features do not depend on where it lies.
    return shape.ru === 0 || shape.en === 0 ? this.cost(0, 0, shape) : undefined;
  }

  /**
   * The evidence the best split of a merged bead into two two-sided beads explains: the split point pair that
   * maximises the weighted sum of shared anchors and identical tokens of the two parts.
   */
  private bestSplit(ruStart: number, ruEnd: number, enStart: number, enEnd: number): { shared: number; identical: number } {
    let best = { shared: 0, identical: 0, value: -Infinity };
    const ws = -this.weights[FEATURE.shared];
    const wi = -this.weights[FEATURE.identical];
    for (let p = ruStart + 1; p < ruEnd; p++) {
      for (let q = enStart + 1; q < enEnd; q++) {
        const shared = this.evidence.shared(ruStart, p, enStart, q) + this.evidence.shared(p, ruEnd, q, enEnd);
        const identical = this.identical ? this.identical.shared(ruStart, p, enStart, q) + this.identical.shared(p, ruEnd, q, enEnd) : 0;
        const value = ws * shared + wi * identical + 1e-9 * (shared + identical);
        if (value > best.value) best = { shared, identical, value };
      }
    }
    return best;
  }
}

function prefix(paragraphs: readonly Paragraph[], size: (paragraph: Paragraph) => number): Float64Array {
  const out = new Float64Array(paragraphs.length + 1);
  paragraphs.forEach((paragraph, k) => (out[k + 1] = out[k] + size(paragraph)));
  return out;
}

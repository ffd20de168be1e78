/**
 * The cost of a bead: bead-shape prior + length cost − shared-anchor reward + one-sided-figure penalty, with a
 * constant cost for a paragraph left without counterpart. Lower is better; units are nats.
 *
 * What moves accuracy (measured on the development set, see bench/results.md): the omission cost is a
 * constant, not Gale–Church's length formula (which charges ~100 nats for leaving a paragraph out and so never
 * finds a coverage gap); anchors are rewarded by rarity; a digit figure present on one side of a two-sided
 * bead counts against the bead (that is what pushes an orphan paragraph out of a 2-1 bead); one-sided names
 * and words are not penalised (English capitalises more, and no lexicon covers words evenly); and the two sides
 * of a bead should hold as many sentences, since translators seldom merge or split sentences.
 */
import type { BeadShape } from './dp.js';
import type { CostModel } from '../types.js';
import { FITTED_COST_MODEL } from './fitted-model.js';

/**
 * The defaults of {@link CostModel}: fitted on the gold alignments of the development sets by
 * bench/fit-cost-model.ts (shape priors by maximum likelihood, weights by an averaged structured perceptron over
 * this DP; see src/align/fitted-model.ts).
 */
export const DEFAULT_COST_MODEL: CostModel = FITTED_COST_MODEL;

/** A bead shape with its extra cost over 1-1. */
export interface PricedShape extends BeadShape {
  cost: number;
}

/** The bead shapes a model uses, with 1-0 and 0-1 (priced by `omission`) always included. */
export function beadShapes(model: CostModel): PricedShape[] {
  const shapes = Object.entries(model.shapes).map(([name, cost]) => {
    const [ru, en] = name.split('-').map(Number);
    return { ru, en, cost };
  });
  return [
    ...shapes.filter((shape) => shape.ru > 0 && shape.en > 0),
    { ru: 1, en: 0, cost: model.omission },
    { ru: 0, en: 1, cost: model.omission },
  ];
}

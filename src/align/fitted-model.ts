/**
 * The cost model fitted on the gold of dev, dev23 and real/pairs by bench/fit-cost-model.ts (generated: rerun
 * `npx tsx bench/fit-cost-model.ts --write` instead of editing).
 */
import type { CostModel } from '../types.js';
import { DEFAULT_LENGTH_MODEL } from './length.js';

/** Fitted weights (nats; see CostModel and src/align/features.ts for the meaning of each). */
export const FITTED_COST_MODEL: CostModel = {
  "length": DEFAULT_LENGTH_MODEL,
  "shapes": {
    "1-1": 0,
    "2-1": 2.881,
    "1-2": 3.463,
    "2-2": 4.161,
    "3-1": 5.7,
    "1-3": 8.14,
    "3-2": 5.951,
    "2-3": 8.14,
    "4-1": 8.14,
    "1-4": 8.14,
    "5-1": 8.14,
    "1-5": 8.14,
    "6-1": 8.14,
    "1-6": 8.14
  },
  "omission": 3.322,
  "sharedReward": 0.954,
  "figurePenalty": 0.994,
  "sentencePenalty": 0.884,
  "lengthWeight": 0.395,
  "identicalReward": 0.999,
  "crossReward": 0.723,
  "absorbThreshold": 0.45,
  "shapeAdaptation": 30
};

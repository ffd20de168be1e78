/**
 * The pairing task of the development benchmark (shared/dev/README.md, "Pairing task" and "Scoring"): score a
 * {@link Pairing} against the gold by file name — pairs precision/recall/F1 (unordered pairs), precision and
 * recall of the files left unpaired (every file in no predicted pair), how many distractors and how many
 * partnerless documents were paired — and the safe threshold range of a list of scored candidates.
 */
import { pairingCounts, prf, type Counts } from './score.js';

/** The gold of a pairing collection, by file name (as in `gold_pairs.json`). */
export interface PairingGold {
  /** Every file of the collection. */
  files: string[];
  /** Gold pairs `[ru file, en file]`. */
  pairs: Array<[string, string]>;
  /** Files with no partner. */
  unpaired: string[];
  /** Per file: language and role (`document` or `distractor`). */
  roles: Record<string, { lang: 'ru' | 'en'; role: string }>;
}

/** What a pairing under test returns, by file name (the shape of the library's `Pairing`). */
export interface PredictedPairing {
  pairs: Array<{ ru: string; en: string }>;
}

/** Scores of one pairing. */
export interface PairingReport {
  pairs: Counts & { precision: number; recall: number; f1: number };
  unpaired: Counts & { precision: number; recall: number };
  /** Distractor files that are in a predicted pair. */
  distractorsPaired: number;
  /** Files of the gold's `unpaired` list that are not distractors (documents without partner) yet were paired. */
  partnerlessPaired: number;
  /** Predicted pairs not in the gold, and gold pairs not predicted (for error analysis). */
  wrong: Array<[string, string]>;
  missed: Array<[string, string]>;
}

/** Score `predicted` against `gold` by the README's definitions. */
export function evaluatePairing(predicted: PredictedPairing, gold: PairingGold): PairingReport {
  const predictedPairs = predicted.pairs.map((pair) => [pair.ru, pair.en] as [string, string]);
  const pairCounts = pairingCounts(predictedPairs, gold.pairs);
  const key = ([a, b]: [string, string]): string => [a, b].sort().join('\u0000');
  const goldKeys = new Set(gold.pairs.map(key));
  const predictedKeys = new Set(predictedPairs.map(key));

  const paired = new Set(predictedPairs.flat());
  const predictedUnpaired = gold.files.filter((file) => !paired.has(file));
  const goldUnpaired = new Set(gold.unpaired);
  const correctUnpaired = predictedUnpaired.filter((file) => goldUnpaired.has(file)).length;
  const unpairedCounts: Counts = {
    truePositives: correctUnpaired,
    predicted: predictedUnpaired.length,
    found: correctUnpaired,
    gold: goldUnpaired.size,
  };
  const isDistractor = (file: string): boolean => gold.roles[file]?.role === 'distractor';
  const unpairedScores = prf(unpairedCounts);
  return {
    pairs: { ...pairCounts, ...prf(pairCounts) },
    unpaired: { ...unpairedCounts, precision: unpairedScores.precision, recall: unpairedScores.recall },
    distractorsPaired: [...paired].filter(isDistractor).length,
    partnerlessPaired: [...paired].filter((file) => goldUnpaired.has(file) && !isDistractor(file)).length,
    wrong: predictedPairs.filter((pair) => !goldKeys.has(key(pair))),
    missed: gold.pairs.filter((pair) => !predictedKeys.has(key(pair))),
  };
}

/** Header of the README's pairing table. */
export const PAIRING_HEADER =
  '| pairing | pairs P / R / F1 | unpaired files P / R | distractors paired | partnerless paired |\n|---|---|---|---|---|';

/** One row of the README's pairing table. */
export function pairingRow(name: string, report: PairingReport): string {
  const f = (x: number): string => x.toFixed(3);
  return `| ${name} | ${f(report.pairs.precision)} / ${f(report.pairs.recall)} / ${f(report.pairs.f1)} | ${f(report.unpaired.precision)} / ${f(report.unpaired.recall)} | ${report.distractorsPaired} | ${report.partnerlessPaired} |`;
}

/** A scored candidate pair, by file name. */
export interface ScoredPair {
  ru: string;
  en: string;
  score: number;
}

/** How far a threshold can move without changing the result. */
export interface ThresholdRange {
  /** Lowest score of a gold pair that the assignment makes when nothing is cut (undefined when none). */
  lowestTrue?: number;
  /** Highest score of a wrong pair the assignment would make with no threshold (undefined when none). */
  highestFalse?: number;
  /** `lowestTrue − highestFalse`: the width of the safe threshold range (negative when the two overlap). */
  gap?: number;
  /** Highest score of any wrong candidate, paired or not (the gap before the one-to-one constraint helps). */
  highestFalseCandidate?: number;
}

/**
 * The safe threshold range: run a greedy one-to-one assignment with no threshold over `candidates`; every
 * threshold between the highest-scoring wrong pair it makes and the lowest-scoring right one gives the same,
 * best result.
 */
export function thresholdRange(candidates: readonly ScoredPair[], gold: PairingGold): ThresholdRange {
  const key = (a: string, b: string): string => [a, b].sort().join('\u0000');
  const goldKeys = new Set(gold.pairs.map(([a, b]) => key(a, b)));
  const ordered = [...candidates].sort((a, b) => b.score - a.score || (a.ru < b.ru ? -1 : a.ru > b.ru ? 1 : a.en < b.en ? -1 : 1));
  const taken = new Set<string>();
  let lowestTrue: number | undefined;
  let highestFalse: number | undefined;
  let highestFalseCandidate: number | undefined;
  for (const candidate of ordered) {
    const right = goldKeys.has(key(candidate.ru, candidate.en));
    if (!right) highestFalseCandidate = Math.max(highestFalseCandidate ?? -Infinity, candidate.score);
    if (taken.has(candidate.ru) || taken.has(candidate.en)) continue;
    taken.add(candidate.ru);
    taken.add(candidate.en);
    if (right) lowestTrue = Math.min(lowestTrue ?? Infinity, candidate.score);
    else highestFalse = Math.max(highestFalse ?? -Infinity, candidate.score);
  }
  const range: ThresholdRange = {};
  if (lowestTrue !== undefined) range.lowestTrue = lowestTrue;
  if (highestFalse !== undefined) range.highestFalse = highestFalse;
  if (highestFalseCandidate !== undefined) range.highestFalseCandidate = highestFalseCandidate;
  if (lowestTrue !== undefined) range.gap = lowestTrue - (highestFalse ?? 0);
  return range;
}

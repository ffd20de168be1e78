/**
 * Scoring by the development benchmark's definitions (shared/dev/README.md, "Scoring"): strict and lax link
 * precision/recall/F1 (links with an empty side left out), omission precision/recall, number-mismatch
 * precision/recall, pairing precision/recall. Pure functions over plain data, unit-tested in test/bench-score.test.ts.
 */

/** A link as the benchmark sees it: Russian and English paragraph indices. */
export type IndexLink = [number[], number[]];

/** Counts behind a precision/recall pair. */
export interface Counts {
  /** Predicted items that are correct. */
  truePositives: number;
  /** Predicted items. */
  predicted: number;
  /** Gold items found. */
  found: number;
  /** Gold items. */
  gold: number;
}

/** Precision, recall, F1 from counts (a zero denominator gives 0). */
export function prf(counts: Counts): { precision: number; recall: number; f1: number } {
  const precision = counts.predicted ? counts.truePositives / counts.predicted : 0;
  const recall = counts.gold ? counts.found / counts.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Add counts. */
export function addCounts(a: Counts, b: Counts): Counts {
  return {
    truePositives: a.truePositives + b.truePositives,
    predicted: a.predicted + b.predicted,
    found: a.found + b.found,
    gold: a.gold + b.gold,
  };
}

export const ZERO: Counts = { truePositives: 0, predicted: 0, found: 0, gold: 0 };

const twoSided = (link: IndexLink): boolean => link[0].length > 0 && link[1].length > 0;
const linkId = (link: IndexLink): string => `${[...link[0]].sort((a, b) => a - b).join(',')}|${[...link[1]].sort((a, b) => a - b).join(',')}`;
const overlaps = (a: IndexLink, b: IndexLink): boolean =>
  a[0].some((i) => b[0].includes(i)) && a[1].some((j) => b[1].includes(j));

/** Strict link counts: a link is correct when the identical link is in the gold. */
export function strictCounts(predicted: IndexLink[], gold: IndexLink[]): Counts {
  const p = predicted.filter(twoSided);
  const g = gold.filter(twoSided);
  const goldIds = new Set(g.map(linkId));
  const predictedIds = new Set(p.map(linkId));
  return {
    truePositives: p.filter((link) => goldIds.has(linkId(link))).length,
    predicted: p.length,
    found: g.filter((link) => predictedIds.has(linkId(link))).length,
    gold: g.length,
  };
}

/** Lax link counts: a link is correct when it overlaps some gold link on both sides, and vice versa. */
export function laxCounts(predicted: IndexLink[], gold: IndexLink[]): Counts {
  const p = predicted.filter(twoSided);
  const g = gold.filter(twoSided);
  return {
    truePositives: p.filter((link) => g.some((other) => overlaps(link, other))).length,
    predicted: p.length,
    found: g.filter((link) => p.some((other) => overlaps(link, other))).length,
    gold: g.length,
  };
}

/** Paragraph indices, per side, that no two-sided predicted link joins to the other side. */
export function unaligned(predicted: IndexLink[], counts: { ru: number; en: number }): { ru: number[]; en: number[] } {
  const ruAligned = new Set<number>();
  const enAligned = new Set<number>();
  for (const link of predicted.filter(twoSided)) {
    link[0].forEach((i) => ruAligned.add(i));
    link[1].forEach((j) => enAligned.add(j));
  }
  const missing = (n: number, aligned: Set<number>): number[] => Array.from({ length: n }, (_, k) => k).filter((k) => !aligned.has(k));
  return { ru: missing(counts.ru, ruAligned), en: missing(counts.en, enAligned) };
}

/** Omission counts for one side: predicted unaligned paragraphs against the gold omissions. */
export function omissionCounts(predicted: number[], gold: number[]): Counts {
  const goldSet = new Set(gold);
  const predictedSet = new Set(predicted);
  const truePositives = predicted.filter((k) => goldSet.has(k)).length;
  return { truePositives, predicted: predicted.length, found: gold.filter((k) => predictedSet.has(k)).length, gold: gold.length };
}

/** A predicted number mismatch: the paragraph indices it names on each side. */
export interface PredictedMismatch {
  ru: number[];
  en: number[];
}

/** A gold number mismatch. */
export interface GoldMismatch {
  ru: number;
  en: number;
}

/**
 * Number-mismatch counts: a prediction matches the gold item when it names the gold paragraph on each side
 * it names (a one-sided prediction matches on that side); one to one.
 */
export function mismatchCounts(predicted: PredictedMismatch[], gold: GoldMismatch[]): Counts {
  const used = new Set<number>();
  let truePositives = 0;
  for (const prediction of predicted) {
    const at = gold.findIndex((item, k) => !used.has(k) && mismatchMatches(prediction, item));
    if (at >= 0) {
      used.add(at);
      truePositives++;
    }
  }
  return { truePositives, predicted: predicted.length, found: truePositives, gold: gold.length };
}

function mismatchMatches(prediction: PredictedMismatch, gold: GoldMismatch): boolean {
  const hasRu = prediction.ru.length > 0;
  const hasEn = prediction.en.length > 0;
  if (!hasRu && !hasEn) return false;
  return (!hasRu || prediction.ru.includes(gold.ru)) && (!hasEn || prediction.en.includes(gold.en));
}

/** Pairing counts: pairs are unordered and compared by name. */
export function pairingCounts(predicted: Array<[string, string]>, gold: Array<[string, string]>): Counts {
  const id = ([a, b]: [string, string]): string => [a, b].sort().join('\u0000');
  const goldIds = new Set(gold.map(id));
  const predictedIds = new Set(predicted.map(id));
  return {
    truePositives: predicted.filter((pair) => goldIds.has(id(pair))).length,
    predicted: predicted.length,
    found: gold.filter((pair) => predictedIds.has(id(pair))).length,
    gold: gold.length,
  };
}

/** "a-b" shape name of a link (e.g. "2-1"). */
export function shapeOf(link: IndexLink): string {
  return `${link[0].length}-${link[1].length}`;
}

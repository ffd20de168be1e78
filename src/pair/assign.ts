/**
 * One-to-one assignment of scored candidate pairs: greedy by score (ties broken by id), each document in at
 * most one pair, pairs below the threshold never made; and the reason each remaining document stays unpaired.
 */
import type { PairScore } from './score.js';
import type { UnpairedReason } from './types.js';

/** Documents per side, for {@link unpairedReasons}. */
export interface SideSizes {
  ru: number;
  en: number;
}

/** The accepted pairs, best first: score at least `threshold` and above 0. Input order does not matter. */
export function assignPairs(scores: readonly PairScore[], threshold: number): PairScore[] {
  const ordered = [...scores].sort(byScore);
  const ruTaken = new Set<number>();
  const enTaken = new Set<number>();
  const accepted: PairScore[] = [];
  for (const candidate of ordered) {
    if (candidate.score < threshold || candidate.score <= 0) break;
    if (ruTaken.has(candidate.ru) || enTaken.has(candidate.en)) continue;
    ruTaken.add(candidate.ru);
    enTaken.add(candidate.en);
    accepted.push(candidate);
  }
  return accepted;
}

/** Why a document is unpaired, and its best candidate. */
export interface UnpairedVerdict {
  reason: Exclude<UnpairedReason, 'unreadable' | 'same-language-only'>;
  /** Index of the best candidate in the other language, with the pair's score. */
  best?: { other: number; score: number };
}

/**
 * For each unpaired document of each side: `no-candidate` when it had none; `taken` when its best candidate is
 * paired with another document at a score at least as high; otherwise `below-threshold`.
 */
export function unpairedReasons(
  scores: readonly PairScore[],
  accepted: readonly PairScore[],
  sizes: SideSizes,
): { ru: Map<number, UnpairedVerdict>; en: Map<number, UnpairedVerdict> } {
  const bestRu = new Map<number, PairScore>();
  const bestEn = new Map<number, PairScore>();
  for (const candidate of [...scores].sort(byScore)) {
    if (!bestRu.has(candidate.ru)) bestRu.set(candidate.ru, candidate);
    if (!bestEn.has(candidate.en)) bestEn.set(candidate.en, candidate);
  }
  const pairedRu = new Map(accepted.map((pair) => [pair.ru, pair]));
  const pairedEn = new Map(accepted.map((pair) => [pair.en, pair]));
  const verdict = (best: PairScore | undefined, partner: PairScore | undefined, other: number): UnpairedVerdict => {
    if (!best) return { reason: 'no-candidate' };
    const result = { best: { other, score: best.score } };
    return partner && partner.score >= best.score ? { reason: 'taken', ...result } : { reason: 'below-threshold', ...result };
  };
  const ru = new Map<number, UnpairedVerdict>();
  const en = new Map<number, UnpairedVerdict>();
  for (let i = 0; i < sizes.ru; i++) {
    if (pairedRu.has(i)) continue;
    const best = bestRu.get(i);
    ru.set(i, verdict(best, best && pairedEn.get(best.en), best?.en ?? -1));
  }
  for (let j = 0; j < sizes.en; j++) {
    if (pairedEn.has(j)) continue;
    const best = bestEn.get(j);
    en.set(j, verdict(best, best && pairedRu.get(best.ru), best?.ru ?? -1));
  }
  return { ru, en };
}

/** Higher score first; ties by Russian, then English index (indices follow id order, so this is deterministic). */
function byScore(a: PairScore, b: PairScore): number {
  return b.score - a.score || a.ru - b.ru || a.en - b.en;
}

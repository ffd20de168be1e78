/**
 * Full scoring of a candidate pair: the rarity-weighted Dice overlap of the two documents' anchor keys, less
 * the weight of contradictions (unmatched figures of the same unit on both sides, lead dates that disagree),
 * times the figure agreement (the share of the figure evidence that agrees: what sinks a near-duplicate whose
 * figures were all changed) and a length plausibility. The score is normalised to [0, 1] by the two documents'
 * anchor mass, so one threshold serves collections of any size.
 */
import type { CollectionIndex, DocVector } from './collection.js';
import { daysApart } from './dates.js';
import type { PairModel } from './model.js';
import type { PairContradiction, PairingEvidence, SharedKey } from './types.js';

/** Settings of {@link scorePair}. */
export interface ScoreSettings {
  model: PairModel;
  /** English characters per Russian character. */
  lengthRatio: number;
  /** Shared keys listed in the evidence. */
  evidenceSize: number;
}

/** The score of one candidate pair, with its parts. */
export interface PairScore {
  /** Index into `index.docs.ru`. */
  ru: number;
  /** Index into `index.docs.en`. */
  en: number;
  /** Final score in [0, 1]. */
  score: number;
  /** Weighted Dice overlap before contradictions and length. */
  overlap: number;
  /** Contradiction weight, in the same normalised units as `overlap`. */
  penalty: number;
  /** Figure agreement factor in (0, 1] (see {@link PairModel.figureAgreement}). */
  agreement: number;
  /** Length plausibility factor in (0, 1]. */
  lengthFactor: number;
}

/** Score the pair (Russian document `ru`, English document `en`) of the index. */
export function scorePair(index: CollectionIndex, ru: number, en: number, settings: ScoreSettings): PairScore {
  const a = index.docs.ru[ru];
  const b = index.docs.en[en];
  const norm = a.mass + b.mass + settings.model.priorKeys * index.rarest;
  const model = settings.model;
  let shared = 0;
  let sharedFigures = 0;
  forSharedKeys(a, b, (key, tfA, tfB, figure) => {
    const weight = Math.min(tfA, tfB) * index.weight[key];
    shared += weight;
    if (figure) sharedFigures += weight;
  });
  const against = contradictions(a, b, false).weight;
  const overlap = norm > 0 ? (2 * shared) / norm : 0;
  const penalty = norm > 0 ? (2 * against * model.contradictionWeight) / norm : 0;
  const prior = model.figurePrior * index.rarest;
  const agreement = model.figureAgreement > 0 ? ((sharedFigures + prior) / (sharedFigures + against + prior)) ** model.figureAgreement : 1;
  const lengthFactor = lengthPlausibility(a.fingerprint.chars, b.fingerprint.chars, settings);
  const score = Math.max(0, Math.min(1, overlap - penalty)) * agreement * lengthFactor;
  return { ru, en, score, overlap, penalty, agreement, lengthFactor };
}

/** The evidence of a pair: its heaviest shared keys and every contradiction, as written. */
export function explainPair(index: CollectionIndex, ru: number, en: number, settings: ScoreSettings): PairingEvidence {
  const a = index.docs.ru[ru];
  const b = index.docs.en[en];
  const shared: SharedKey[] = [];
  forSharedKeys(a, b, (key, tfA, tfB) => {
    const weight = Math.min(tfA, tfB) * index.weight[key];
    if (weight > 0) shared.push({ key: index.keys[key], weight: round(weight) });
  });
  shared.sort((x, y) => y.weight - x.weight || (x.key < y.key ? -1 : 1));
  const found = contradictions(a, b, true).items;
  const factor = lengthPlausibility(a.fingerprint.chars, b.fingerprint.chars, settings);
  if (factor < LENGTH_CONTRADICTION) {
    found.push({ kind: 'length', ru: `${a.fingerprint.chars} characters`, en: `${b.fingerprint.chars} characters` });
  }
  return { shared: shared.slice(0, settings.evidenceSize), contradictions: found };
}

/** Length factor below which the length is reported as a contradiction (|ln r| beyond about 2σ). */
const LENGTH_CONTRADICTION = 0.135;

/**
 * exp(−(ln r)² / 2σ²), r = English length / (ratio × Russian length): 1 for a length a translation would have,
 * falling off for much longer or shorter texts. 1 when either length is 0 (nothing to judge).
 */
export function lengthPlausibility(ruChars: number, enChars: number, settings: Pick<ScoreSettings, 'model' | 'lengthRatio'>): number {
  if (ruChars <= 0 || enChars <= 0) return 1;
  const logRatio = Math.log(enChars / (settings.lengthRatio * ruChars));
  const sigma = settings.model.lengthSigma;
  return Math.exp(-(logRatio * logRatio) / (2 * sigma * sigma));
}

/** Call `fn` for each key both documents hold (merge of the sorted key arrays). */
function forSharedKeys(a: DocVector, b: DocVector, fn: (key: number, tfA: number, tfB: number, figure: boolean) => void): void {
  let i = 0;
  let j = 0;
  while (i < a.keys.length && j < b.keys.length) {
    const x = a.keys[i];
    const y = b.keys[j];
    if (x === y) {
      fn(x, a.tf[i], b.tf[j], a.figure[i] === 1 || b.figure[j] === 1);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
}

/**
 * What speaks against the pair: for each unit, the digit figures each side has and the other lacks, paired up
 * (a figure with no unmatched counterpart of its unit is an omission, not a contradiction); and lead dates
 * with none on the other side within a day. The weight of a contradiction is the lighter of its two keys'.
 */
function contradictions(a: DocVector, b: DocVector, explain: boolean): { weight: number; items: PairContradiction[] } {
  const items: PairContradiction[] = [];
  let weight = 0;
  const unmatchedA = unmatchedFigures(a, b);
  if (unmatchedA.size > 0) {
    const unmatchedB = unmatchedFigures(b, a);
    for (const [unit, ruFigures] of unmatchedA) {
      const enFigures = unmatchedB.get(unit);
      if (!enFigures) continue;
      const n = Math.min(ruFigures.length, enFigures.length);
      for (let k = 0; k < n; k++) {
        weight += Math.min(a.figureWeights[ruFigures[k]], b.figureWeights[enFigures[k]]);
        if (explain) items.push({ kind: 'figure', ru: a.figures[ruFigures[k]].surface, en: b.figures[enFigures[k]].surface });
      }
    }
  }
  const ruDates = a.fingerprint.leadDates;
  const enDates = b.fingerprint.leadDates;
  if (ruDates.length > 0 && enDates.length > 0) {
    let agree = false;
    for (let i = 0; i < a.leadMonthDays.length && !agree; i++) {
      for (let j = 0; j < b.leadMonthDays.length && !agree; j++) {
        agree = (daysApart({ monthDay: a.leadMonthDays[i] }, { monthDay: b.leadMonthDays[j] }) ?? 0) <= 1;
      }
    }
    if (!agree) {
      weight += Math.max(...a.leadDateWeights, ...b.leadDateWeights);
      if (explain) items.push({ kind: 'date', ru: ruDates.map(dateLabel).join(', '), en: enDates.map(dateLabel).join(', ') });
    }
  }
  return { weight, items };
}

/** Digit figures of `doc` whose key `other` lacks, by unit, each key once, in text order (indices into `doc.figures`). */
function unmatchedFigures(doc: DocVector, other: DocVector): ReadonlyMap<string, readonly number[]> {
  let byUnit: Map<string, number[]> | undefined;
  for (let k = 0; k < doc.figures.length; k++) {
    const id = doc.figureIds[k];
    if (id >= 0 && hasKey(other, id)) continue;
    const unit = doc.figures[k].unit;
    byUnit ??= new Map();
    const list = byUnit.get(unit);
    if (list) list.push(k);
    else byUnit.set(unit, [k]);
  }
  return byUnit ?? NO_FIGURES;
}
const NO_FIGURES: ReadonlyMap<string, never[]> = new Map();

/** Binary search of a key id in a document's sorted keys. */
function hasKey(doc: DocVector, id: number): boolean {
  let lo = 0;
  let hi = doc.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const key = doc.keys[mid];
    if (key === id) return true;
    if (key < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** `date:03-05` → `03-05`. */
const dateLabel = (key: string): string => key.slice(5);
const round = (x: number): number => Math.round(x * 1000) / 1000;

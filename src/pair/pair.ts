/**
 * Pairing at collection scale: each document is parsed and reduced to a {@link Fingerprint} (its text dropped),
 * the fingerprints are indexed by anchor key, each document's few best candidates are found through the index,
 * scored in full, and assigned one to one above a threshold.
 *
 * `pairDocuments` takes any iterable or async iterable (a stream of files); `pairDocumentsSync` takes an
 * iterable (an array) and returns at once. Both give the same result for the same documents, in any order.
 */
import { isDocument, parseDocument } from '../document.js';
import { InputError, isInputError } from '../errors.js';
import type { Lang } from '../types.js';
import { assignPairs, unpairedReasons } from './assign.js';
import { buildIndex, compareIds, type CollectionIndex } from './collection.js';
import { findCandidates } from './candidates.js';
import { fingerprintDocument } from './fingerprint.js';
import { DEFAULT_PAIR_MODEL, DEFAULT_PAIR_THRESHOLD, type PairModel } from './model.js';
import { explainPair, scorePair, type PairScore, type ScoreSettings } from './score.js';
import type { DocumentPair, Fingerprint, Pairing, PairingError, PairInput, PairOptions, UnpairedDocument } from './types.js';

/** Every pairing option with its value filled in (each documented on {@link PairOptions}). */
export interface ResolvedPairOptions {
  dateWindowDays: number;
  candidates: number;
  maxPostingShare: number;
  minPostingLimit: number;
  maxPostingLimit: number;
  threshold: number;
  lengthRatio: number;
  evidenceSize: number;
  model: PairModel;
}

/** The defaults of {@link PairOptions}. */
export const DEFAULT_PAIR_OPTIONS: Readonly<ResolvedPairOptions> = {
  dateWindowDays: 7,
  candidates: 8,
  maxPostingShare: 0.02,
  minPostingLimit: 64,
  maxPostingLimit: 256,
  threshold: DEFAULT_PAIR_THRESHOLD,
  lengthRatio: 1.049,
  evidenceSize: 10,
  model: DEFAULT_PAIR_MODEL,
};

/**
 * Pair the Russian and English documents of a collection (an iterable or async iterable of texts with ids, or
 * of parsed Documents with ids): each Russian document with at most one English document, its version.
 *
 * A document that cannot be read is reported in `errors`, not thrown; the rest of the collection is paired.
 *
 * @throws {InputError} `invalid-option` for an option out of range or an id given twice.
 */
export async function pairDocuments(
  docs: Iterable<PairInput> | AsyncIterable<PairInput>,
  options: PairOptions = {},
): Promise<Pairing> {
  resolvePairOptions(options); // fail on a bad option before reading the collection
  const fingerprints: Fingerprint[] = [];
  const errors: PairingError[] = [];
  const pool = new Map<string, string>();
  for await (const input of docs) collect(input, options, fingerprints, errors, pool);
  return pairFingerprints(fingerprints, options, errors);
}

/** {@link pairDocuments} for a synchronous iterable (an array): the same result, returned at once. */
export function pairDocumentsSync(docs: Iterable<PairInput>, options: PairOptions = {}): Pairing {
  resolvePairOptions(options);
  const fingerprints: Fingerprint[] = [];
  const errors: PairingError[] = [];
  const pool = new Map<string, string>();
  for (const input of docs) collect(input, options, fingerprints, errors, pool);
  return pairFingerprints(fingerprints, options, errors);
}

/**
 * Parse (unless already parsed) and fingerprint one input. Returns the fingerprint, or a {@link PairingError}
 * (which has a `code`) when the text cannot be analysed.
 */
export function fingerprintInput(input: PairInput, options: PairOptions = {}): Fingerprint | PairingError {
  if (isDocument(input)) return fingerprintDocument(input, input.id);
  try {
    const doc = parseDocument(input.text, {
      id: input.id,
      lang: input.lang,
      date: input.date,
      glossary: options.glossary,
      lexicon: options.lexicon,
      paragraphs: options.paragraphs,
      maxInputSize: options.maxInputSize,
    });
    return fingerprintDocument(doc, input.id);
  } catch (error) {
    if (!isInputError(error)) throw error;
    return { id: input.id, code: error.code, message: error.message };
  }
}

/** A candidate pair with its score, by document id. */
export interface ScoredCandidate {
  ru: string;
  en: string;
  /** Final score (see {@link DocumentPair.score}). */
  score: number;
  /** Weighted Dice overlap of the keys. */
  overlap: number;
  /** Normalised weight of the contradictions. */
  penalty: number;
  /** Figure agreement factor. */
  agreement: number;
  /** Length plausibility factor. */
  lengthFactor: number;
}

/**
 * Every candidate pair the index proposes, scored, best first: what the assignment chooses from. For
 * calibration and diagnosis (why was this document not paired with that one?).
 */
export function scoreCandidates(fingerprints: readonly Fingerprint[], options: PairOptions = {}): ScoredCandidate[] {
  const settings = resolvePairOptions(options);
  const { index, scores } = scoreCollection(checkIds(fingerprints), settings);
  return [...scores]
    .sort((a, b) => b.score - a.score || a.ru - b.ru || a.en - b.en)
    .map((s) => ({
      ru: index.docs.ru[s.ru].fingerprint.id,
      en: index.docs.en[s.en].fingerprint.id,
      score: s.score,
      overlap: s.overlap,
      penalty: s.penalty,
      agreement: s.agreement,
      lengthFactor: s.lengthFactor,
    }));
}

/** Pair fingerprinted documents (the core of {@link pairDocuments}); `errors` are passed through, sorted. */
export function pairFingerprints(
  fingerprints: readonly Fingerprint[],
  options: PairOptions = {},
  errors: readonly PairingError[] = [],
): Pairing {
  const settings = resolvePairOptions(options);
  checkIds([...fingerprints, ...errors]);
  const { index, scores } = scoreCollection(fingerprints, settings);
  const unpaired: UnpairedDocument[] = [];
  const sortedErrors = [...errors].sort((a, b) => compareIds(a.id, b.id));

  if (index.docs.ru.length === 0 || index.docs.en.length === 0) {
    for (const lang of ['ru', 'en'] as const) {
      for (const doc of index.docs[lang]) unpaired.push({ id: doc.fingerprint.id, lang, reason: 'same-language-only' });
    }
    return { pairs: [], unpaired: unpaired.sort((a, b) => compareIds(a.id, b.id)), errors: sortedErrors };
  }

  const accepted = assignPairs(scores, settings.threshold);
  const scoreSettings = toScoreSettings(settings);
  const pairs: DocumentPair[] = accepted.map((pair) => ({
    ru: index.docs.ru[pair.ru].fingerprint.id,
    en: index.docs.en[pair.en].fingerprint.id,
    score: round(pair.score),
    evidence: explainPair(index, pair.ru, pair.en, scoreSettings),
  }));
  const reasons = unpairedReasons(scores, accepted, { ru: index.docs.ru.length, en: index.docs.en.length });
  for (const lang of ['ru', 'en'] as const) {
    const other: Lang = lang === 'ru' ? 'en' : 'ru';
    for (const [k, verdict] of reasons[lang]) {
      const entry: UnpairedDocument = { id: index.docs[lang][k].fingerprint.id, lang, reason: verdict.reason };
      if (verdict.best) entry.best = { id: index.docs[other][verdict.best.other].fingerprint.id, score: round(verdict.best.score) };
      unpaired.push(entry);
    }
  }
  return {
    pairs: pairs.sort((a, b) => compareIds(a.ru, b.ru)),
    unpaired: unpaired.sort((a, b) => compareIds(a.id, b.id)),
    errors: sortedErrors,
  };
}

/** Fill in defaults and check ranges. @throws {InputError} `invalid-option` */
export function resolvePairOptions(options: PairOptions = {}): ResolvedPairOptions {
  const resolved: ResolvedPairOptions = {
    dateWindowDays: options.dateWindowDays ?? DEFAULT_PAIR_OPTIONS.dateWindowDays,
    candidates: options.candidates ?? DEFAULT_PAIR_OPTIONS.candidates,
    maxPostingShare: options.maxPostingShare ?? DEFAULT_PAIR_OPTIONS.maxPostingShare,
    minPostingLimit: options.minPostingLimit ?? DEFAULT_PAIR_OPTIONS.minPostingLimit,
    maxPostingLimit: options.maxPostingLimit ?? DEFAULT_PAIR_OPTIONS.maxPostingLimit,
    threshold: options.threshold ?? DEFAULT_PAIR_OPTIONS.threshold,
    lengthRatio: options.lengthRatio ?? DEFAULT_PAIR_OPTIONS.lengthRatio,
    evidenceSize: options.evidenceSize ?? DEFAULT_PAIR_OPTIONS.evidenceSize,
    model: { ...DEFAULT_PAIR_MODEL, ...options.model, kindWeights: { ...DEFAULT_PAIR_MODEL.kindWeights, ...options.model?.kindWeights } },
  };
  const check = (name: string, ok: boolean, what: string): void => {
    if (!ok) throw new InputError('invalid-option', `option \`${name}\` must be ${what}`);
  };
  check('dateWindowDays', resolved.dateWindowDays >= 0, 'a number of days ≥ 0 (Infinity for no window)');
  check('candidates', Number.isInteger(resolved.candidates) && resolved.candidates >= 1, 'an integer ≥ 1');
  check('maxPostingShare', resolved.maxPostingShare > 0 && resolved.maxPostingShare <= 1, 'in (0, 1]');
  check('minPostingLimit', resolved.minPostingLimit >= 1, '≥ 1');
  check('maxPostingLimit', resolved.maxPostingLimit >= resolved.minPostingLimit, '≥ minPostingLimit');
  check('threshold', resolved.threshold >= 0 && resolved.threshold <= 1, 'in [0, 1]');
  check('lengthRatio', resolved.lengthRatio > 0 && Number.isFinite(resolved.lengthRatio), 'a positive number');
  check('evidenceSize', Number.isInteger(resolved.evidenceSize) && resolved.evidenceSize >= 0, 'an integer ≥ 0');
  check('model.lengthSigma', resolved.model.lengthSigma > 0, 'a positive number');
  return resolved;
}

/** Index the collection, find candidates, score them. */
function scoreCollection(fingerprints: readonly Fingerprint[], settings: ResolvedPairOptions): { index: CollectionIndex; scores: PairScore[] } {
  const index = buildIndex(fingerprints, settings.model);
  const candidates = findCandidates(index, settings);
  const scoreSettings = toScoreSettings(settings);
  return { index, scores: candidates.map(([ru, en]) => scorePair(index, ru, en, scoreSettings)) };
}

/** Fingerprint one input into `fingerprints` or `errors`, sharing one string per key across the collection. */
function collect(input: PairInput, options: PairOptions, fingerprints: Fingerprint[], errors: PairingError[], pool: Map<string, string>): void {
  const result = fingerprintInput(input, options);
  if (isPairingError(result)) {
    errors.push(result);
    return;
  }
  const shared = (key: string): string => {
    const known = pool.get(key);
    if (known !== undefined) return known;
    pool.set(key, key);
    return key;
  };
  for (const entry of result.keys) entry.key = shared(entry.key);
  for (const figure of result.figures) figure.key = shared(figure.key);
  result.leadDates = result.leadDates.map(shared);
  fingerprints.push(result);
}

/** True for the error entry {@link fingerprintInput} returns for an unreadable text. */
export function isPairingError(result: Fingerprint | PairingError): result is PairingError {
  return 'code' in result;
}

function checkIds<T extends { id: string }>(items: readonly T[]): readonly T[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new InputError('invalid-option', `document id \`${item.id}\` is given twice; ids must be unique in a collection`);
    seen.add(item.id);
  }
  return items;
}

function toScoreSettings(settings: ResolvedPairOptions): ScoreSettings {
  return { model: settings.model, lengthRatio: settings.lengthRatio, evidenceSize: settings.evidenceSize };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

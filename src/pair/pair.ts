/**
 * Pairing at collection scale: each document is parsed and reduced to a {@link Fingerprint} (its text dropped),
 * the fingerprints are indexed by anchor key, each document's few best candidates are found through the index,
 * scored in full, and assigned one to one above a threshold.
 *
 * `pairDocuments` takes any iterable or async iterable (a stream of files); `pairDocumentsSync` takes an
 * iterable (an array) and returns at once. Both give the same result for the same documents, in any order.
 */
import { checkDocument, checkParseOptions, isDocument, parseDocument } from '../document.js';
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
 * A document that cannot be read, is not a text or Document with a string id, or has an id given before
 * (`duplicate-id`: the first is kept) is reported in `errors`, not thrown; the rest of the collection is paired.
 *
 * @throws {InputError} `invalid-option` for an option out of range; `invalid-input` when `docs` is not iterable.
 */
export async function pairDocuments(
  docs: Iterable<PairInput> | AsyncIterable<PairInput>,
  options: PairOptions = {},
): Promise<Pairing> {
  resolvePairOptions(options); // fail on a bad option before reading the collection
  checkIterable(docs, true);
  const fingerprints: Fingerprint[] = [];
  const errors: PairingError[] = [];
  const pool = new Map<string, string>();
  let k = 0;
  for await (const input of docs) collect(input, k++, options, fingerprints, errors, pool);
  return pairFingerprints(fingerprints, options, errors);
}

/** {@link pairDocuments} for a synchronous iterable (an array): the same result, returned at once. */
export function pairDocumentsSync(docs: Iterable<PairInput>, options: PairOptions = {}): Pairing {
  resolvePairOptions(options);
  checkIterable(docs, false);
  const fingerprints: Fingerprint[] = [];
  const errors: PairingError[] = [];
  const pool = new Map<string, string>();
  let k = 0;
  for (const input of docs) collect(input, k++, options, fingerprints, errors, pool);
  return pairFingerprints(fingerprints, options, errors);
}

/**
 * Parse (unless already parsed) and fingerprint one input. Returns the fingerprint, or a {@link PairingError}
 * (which has a `code`) when the text cannot be analysed.
 */
export function fingerprintInput(input: PairInput, options: PairOptions = {}): Fingerprint | PairingError {
  try {
    if (isDocument(input)) return fingerprintDocument(checkDocument(input), input.id);
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
  const unique = withoutDuplicates(fingerprints, errors);
  fingerprints = unique.fingerprints;
  const { index, scores } = scoreCollection(fingerprints, settings);
  const unpaired: UnpairedDocument[] = [];
  const sortedErrors = unique.errors.sort((a, b) => compareIds(a.id, b.id));

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
  if (options === null || typeof options !== 'object') throw new InputError('invalid-option', 'the options must be an object');
  // Types first: a symbol or an object compared with a number throws a TypeError, not a typed error.
  for (const name of ['dateWindowDays', 'candidates', 'maxPostingShare', 'minPostingLimit', 'maxPostingLimit', 'threshold', 'lengthRatio', 'evidenceSize'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'number') throw new InputError('invalid-option', `option \`${name}\` must be a number`);
  }
  if (options.model !== undefined && (options.model === null || typeof options.model !== 'object')) throw new InputError('invalid-option', 'option `model` must be an object');
  if (options.model?.kindWeights !== undefined && (options.model.kindWeights === null || typeof options.model.kindWeights !== 'object')) {
    throw new InputError('invalid-option', 'option `model.kindWeights` must be an object');
  }
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
  // Every number of the model (weights, tolerances, new fields too): finite and not negative, or scores go NaN.
  const numbers = (value: unknown, path: string, depth: number): void => {
    if (typeof value === 'number') check(path, Number.isFinite(value) && value >= 0 && value <= 1e6, 'a finite number from 0 to 1,000,000');
    else if (value !== null && typeof value === 'object' && depth < 3) for (const [key, inner] of Object.entries(value)) numbers(inner, `${path}.${key}`, depth + 1);
    else if (value !== undefined && depth > 0 && typeof value !== 'string' && typeof value !== 'boolean') check(path, false, 'a number');
  };
  numbers(resolved.model, 'model', 0);
  check('model.lengthSigma', resolved.model.lengthSigma > 0, 'a positive number');
  checkParseOptions({ paragraphs: options.paragraphs, glossary: options.glossary, lexicon: options.lexicon });
  if (options.maxInputSize !== undefined && !(typeof options.maxInputSize === 'number' && options.maxInputSize > 0 && Number.isFinite(options.maxInputSize))) {
    check('maxInputSize', false, 'a finite number of bytes greater than 0');
  }
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
function collect(
  input: PairInput,
  position: number,
  options: PairOptions,
  fingerprints: Fingerprint[],
  errors: PairingError[],
  pool: Map<string, string>,
): void {
  // JavaScript callers can put anything in the collection: a null, a number, a record without an id.
  const entry = input as unknown as { id?: unknown; text?: unknown } | null;
  if (entry === null || typeof entry !== 'object' || typeof entry.id !== 'string' || (!isDocument(entry) && typeof entry.text !== 'string' && !(entry.text instanceof Uint8Array))) {
    const id = entry !== null && typeof entry === 'object' && typeof entry.id === 'string' ? entry.id : `#${position + 1}`;
    errors.push({
      id,
      code: 'invalid-input',
      message: `${id}: item ${position + 1} of the collection is not {id: string, text: string | Uint8Array} nor a parsed Document with a string id`,
    });
    return;
  }
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

/** `docs` must be iterable (or async iterable, for {@link pairDocuments}). @throws {InputError} `invalid-input` */
function checkIterable(docs: unknown, allowAsync: boolean): void {
  const iterable = docs !== null && docs !== undefined && typeof (docs as Iterable<unknown>)[Symbol.iterator] === 'function';
  const asyncIterable = allowAsync && docs !== null && docs !== undefined && typeof (docs as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
  if ((!iterable && !asyncIterable) || typeof docs === 'string') {
    throw new InputError('invalid-input', `the collection must be ${allowAsync ? 'an iterable or async iterable' : 'an iterable (an array)'} of {id, text} records or Documents, not ${docs === null ? 'null' : typeof docs}`);
  }
}

/**
 * The first document of each id; every later one is reported as `duplicate-id` instead of stopping the whole
 * run. Error entries pass through as they are.
 */
function withoutDuplicates(fingerprints: readonly Fingerprint[], errors: readonly PairingError[]): { fingerprints: Fingerprint[]; errors: PairingError[] } {
  const seen = new Set<string>();
  const kept: Fingerprint[] = [];
  const reported: PairingError[] = [];
  const duplicate = (id: string): PairingError => ({
    id,
    code: 'duplicate-id',
    message: `${id}: the document id is given twice; the first document with it was kept, this one left out (ids must be unique in a collection)`,
  });
  for (const fingerprint of fingerprints) {
    if (seen.has(fingerprint.id)) reported.push(duplicate(fingerprint.id));
    else {
      seen.add(fingerprint.id);
      kept.push(fingerprint);
    }
  }
  reported.push(...errors);
  return { fingerprints: kept, errors: reported };
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

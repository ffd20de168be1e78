/**
 * Public types of collection pairing: what {@link pairDocuments} takes (documents and options, with their
 * defaults) and what it returns (a {@link Pairing}: pairs that explain themselves, and unpaired documents with a
 * reason).
 */
import type { InputErrorCode } from '../errors.js';
import type { Document, Lang, ParseOptions } from '../types.js';
import type { PairModel } from './model.js';

/** A document of a collection to pair, as text. */
export interface PairSource {
  /** Identifier, unique in the collection (a file name, a database key); pairs are reported by it. */
  id: string;
  /** The text (a string, or UTF-8 / UTF-16-with-BOM bytes). */
  text: string | Uint8Array;
  /** The document's language. @default detected from the text */
  lang?: Lang;
  /** Publication date, ISO `YYYY-MM-DD`; wins over a date found in the text. @default found in the text */
  date?: string;
}

/** A document to pair: text with an id, or an already parsed {@link Document} that has an `id`. */
export type PairInput = PairSource | (Document & { id: string });

/** Why a document was left unpaired. */
export type UnpairedReason =
  /** The collection holds no document of the other language. */
  | 'same-language-only'
  /** No document of the other language shares a discriminative anchor with it (within the date window). */
  | 'no-candidate'
  /** Its best candidate scored below the threshold. */
  | 'below-threshold'
  /** Its best candidate was paired with another document that matched it better. */
  | 'taken';

/** An anchor key two paired documents share, with its weight in the pair's score. */
export interface SharedKey {
  /** Language-neutral anchor key (`num:4300000000`, `date:03-05`, `ent:asado`, …). */
  key: string;
  /** Rarity-weighted contribution to the score (IDF over the collection × kind weight). */
  weight: number;
}

/** Kinds of evidence against a pair. */
export type ContradictionKind =
  /** The two documents are dated (in their lead or dateline) on different days. */
  | 'date'
  /** A figure of one unit on one side faces a different figure of the same unit on the other, each unmatched. */
  | 'figure'
  /** The English text is far longer or shorter than a translation of the Russian would be. */
  | 'length';

/** A disagreement between two candidate documents, as written on each side. */
export interface PairContradiction {
  kind: ContradictionKind;
  /** The Russian side as written (a figure, a date; for `length`, the character count). */
  ru: string;
  /** The English side as written. */
  en: string;
}

/** Why two documents were paired. */
export interface PairingEvidence {
  /** The shared keys that weigh most, heaviest first (at most {@link PairOptions.evidenceSize}). */
  shared: SharedKey[];
  /** What speaks against the pair (unmatched figures of the same unit, different dates, implausible length). */
  contradictions: PairContradiction[];
}

/** A Russian document and its English version. */
export interface DocumentPair {
  /** Id of the Russian document. */
  ru: string;
  /** Id of the English document. */
  en: string;
  /**
   * Similarity in [0, 1]: the rarity-weighted Dice overlap of the two documents' anchor keys, less the weight of
   * contradicting figures and dates, times the share of figure evidence that agrees and a length plausibility.
   */
  score: number;
  evidence: PairingEvidence;
}

/** A document left without partner, and why. */
export interface UnpairedDocument {
  id: string;
  lang: Lang;
  reason: UnpairedReason;
  /** Its best candidate, when it had one: the other document's id and the pair's score. */
  best?: { id: string; score: number };
}

/** A document of the collection that could not be analysed (it is in neither `pairs` nor `unpaired`). */
export interface PairingError {
  id: string;
  /** Why: `empty`, `not-utf8`, `binary`, `too-large`, `undetected-language` (see {@link InputErrorCode}). */
  code: InputErrorCode;
  /** What to do about it. */
  message: string;
}

/** The result of pairing a collection. */
export interface Pairing {
  /** One-to-one: no id appears in two pairs. Sorted by Russian id. */
  pairs: DocumentPair[];
  /** Every other readable input document, sorted by id. */
  unpaired: UnpairedDocument[];
  /** Input documents that could not be read, sorted by id; the rest of the collection is paired without them. */
  errors: PairingError[];
}

/** Options for {@link pairDocuments}; also the parse options used for text inputs. */
export interface PairOptions extends Omit<ParseOptions, 'id' | 'lang' | 'date'> {
  /**
   * Largest distance in days between two documents' publication dates for them to be candidates. Documents with
   * no known date are not restricted; a date without a year (`--MM-DD`, from a dateline) is compared by month
   * and day. `Infinity` switches the restriction off. @default 7
   */
  dateWindowDays?: number;
  /** Candidates kept per document after the inverted-index pass (the top by accumulated key weight). @default 8 */
  candidates?: number;
  /**
   * Keys whose postings list (documents of the other language holding the key) is longer than this share of
   * that side of the collection are not used to find candidates (stop keys); they still count in the score.
   * @default 0.02
   */
  maxPostingShare?: number;
  /** Postings lists up to this length are always used, however small the collection. @default 64 */
  minPostingLimit?: number;
  /**
   * Postings lists longer than this are never used to find candidates, however large the collection: what
   * keeps the cost per document constant, and pairing linear in the collection's size. @default 256
   */
  maxPostingLimit?: number;
  /**
   * Lowest score for a pair to be made. The score is a normalised similarity, so the default (calibrated on the
   * development collection, see {@link DEFAULT_PAIR_THRESHOLD}) transfers to collections of other sizes.
   * @default 0.3
   */
  threshold?: number;
  /** English characters per Russian character in a translation, for the length plausibility. @default 1.049 */
  lengthRatio?: number;
  /** Shared keys listed in each pair's evidence. @default 10 */
  evidenceSize?: number;
  /** Overrides of the scoring model (key weights, contradiction weight, length tolerance). @default DEFAULT_PAIR_MODEL */
  model?: Partial<PairModel>;
}

/** Compact, text-free description of a document: all the pairing keeps of it once it is indexed. */
export interface Fingerprint {
  id: string;
  lang: Lang;
  /** Publication date as days since 1970-01-01, when known with its year. */
  day?: number;
  /** Publication month and day as `month * 100 + day` (e.g. 305), when known (with or without a year). */
  monthDay?: number;
  /** Characters of body text (paragraphs without metadata). */
  chars: number;
  /** Anchor keys, sorted, each with how often it occurs and its largest prior weight. */
  keys: FingerprintKey[];
  /** Dates the lead (dateline, date line, first body paragraph) gives, as `date:MM-DD` keys. */
  leadDates: string[];
  /** Digit figures with their unit, for contradiction checks: key, unit (`''` when none), surface. */
  figures: FingerprintFigure[];
}

/** One anchor key of a {@link Fingerprint}. */
export interface FingerprintKey {
  key: string;
  count: number;
  /** Largest anchor prior weight (digits and names 1, spelled-out numbers and lexicon terms less). */
  weight: number;
}

/** A digit figure of a {@link Fingerprint}. */
export interface FingerprintFigure {
  key: string;
  /** Unit when stated, `''` otherwise. */
  unit: string;
  /** As written. */
  surface: string;
}

/**
 * Whether two documents are translations of each other at all. The aligner links every paragraph somewhere even
 * for two unrelated texts, so an alignment alone does not say; what does is whether the figures and names of one
 * text come back in the other.
 *
 * Relatedness is the share of the distinct strong anchors (figures written in digits, years, dates, ordinals,
 * names: not spelled-out numbers or lexicon terms, which unrelated texts share too easily) of the text that has
 * fewer of them, that the other text also has (same language-neutral key). A translation keeps most of them,
 * even a condensed one (measured: 0.47 and up on the development sets and the published pairs); two unrelated
 * reports share a country, a year, a round number (at most 0.33 on shuffled pairs with enough anchors; the threshold lies between).
 */
import type { AnchorKind, Document, Warning } from '../types.js';

/** Below this relatedness, the alignment is flagged (`unrelated-documents`). */
export const RELATEDNESS_THRESHOLD = 0.35;
/** Fewest distinct strong anchors on the poorer side for a verdict: with fewer, there is too little to go on. */
export const RELATEDNESS_MIN_EVIDENCE = 5;

const STRONG: ReadonlySet<AnchorKind> = new Set(['number', 'year', 'date', 'ordinal', 'entity']);

/** The relatedness of two documents and what it rests on. */
export interface Relatedness {
  /** Share in [0, 1] of the poorer side's distinct strong anchors that the other side has too. */
  score: number;
  /** Distinct strong anchors on the side with fewer (the denominator). */
  anchors: number;
  /** Distinct strong anchors on both sides. */
  shared: number;
}

/** The relatedness of two documents (see the module comment). */
export function relatedness(ru: Pick<Document, 'paragraphs'>, en: Pick<Document, 'paragraphs'>): Relatedness {
  const ruKeys = strongKeys(ru);
  const enKeys = strongKeys(en);
  let shared = 0;
  for (const key of ruKeys) if (enKeys.has(key)) shared++;
  const anchors = Math.min(ruKeys.size, enKeys.size);
  return { score: anchors ? shared / anchors : 1, anchors, shared };
}

/**
 * An `unrelated-documents` warning when the two documents look like no translation of each other (relatedness
 * below {@link RELATEDNESS_THRESHOLD} with at least {@link RELATEDNESS_MIN_EVIDENCE} anchors to judge by), else none.
 */
export function relatednessWarnings(ru: Pick<Document, 'paragraphs'>, en: Pick<Document, 'paragraphs'>): Warning[] {
  const { score, anchors, shared } = relatedness(ru, en);
  if (anchors < RELATEDNESS_MIN_EVIDENCE || score >= RELATEDNESS_THRESHOLD) return [];
  return [
    {
      code: 'unrelated-documents',
      message: `the two texts do not look like translations of each other: they share ${shared} of ${anchors} figures and names (relatedness ${score.toFixed(2)}, below ${RELATEDNESS_THRESHOLD}); check that these are the right files`,
    },
  ];
}

function strongKeys(doc: Pick<Document, 'paragraphs'>): Set<string> {
  const keys = new Set<string>();
  for (const paragraph of doc.paragraphs) {
    for (const anchor of paragraph.anchors) {
      if (STRONG.has(anchor.kind) && (anchor.kind !== 'number' || anchor.written !== 'words')) keys.add(anchor.key);
    }
  }
  return keys;
}

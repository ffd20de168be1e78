/**
 * Public types of sentence splitting and sentence alignment. Offsets follow the rest of the library: UTF-16
 * code-unit offsets (JavaScript string indices).
 */
import type { Lang, LengthModel, Paragraph } from '../types.js';

/** A sentence found by {@link splitSentences}: a span of the text it was cut from. */
export interface SentenceSpan {
  /** Offset of the first character (never white space) in the text given to the splitter. */
  start: number;
  /** Offset one past the last character (closing quotes and brackets included, trailing space not). */
  end: number;
  /** Exactly `text.slice(start, end)`. */
  text: string;
}

/** One sentence of a document, as {@link alignSentences} reports it. */
export interface Sentence {
  /** 0-based position among all sentences of the document (the id sentence links use). */
  index: number;
  /** Index of the paragraph holding it. */
  paragraph: number;
  /** Offset of the first code unit in `Document.source`. */
  start: number;
  /** Offset one past the last code unit in `Document.source`. */
  end: number;
  /** The sentence as it reads in the paragraph's `clean` text (what exports write). */
  text: string;
  /** Offset of the sentence in its paragraph's `clean` text. */
  cleanStart: number;
  /** Offset one past the sentence's end in its paragraph's `clean` text. */
  cleanEnd: number;
}

/** A sentence bead: Russian and English sentences that translate each other, inside one paragraph link. */
export interface SentenceLink {
  /** Russian sentence indices ({@link Sentence.index}), ascending, contiguous; empty when the English has no counterpart. */
  ru: number[];
  /** English sentence indices, ascending, contiguous; empty when the Russian has no counterpart. */
  en: number[];
  /** Index of the paragraph link (in `Alignment.links`) the sentences belong to. */
  paragraphLink: number;
  /**
   * Confidence in [0, 1]: the sentence aligner's margin (as for paragraph links), capped by the paragraph
   * link's own score, since a sentence pair is never surer than the paragraphs it lies in.
   */
  score: number;
}

/** The sentence alignment of an {@link Alignment}: every sentence of both documents in exactly one link. */
export interface SentenceAlignment {
  /** In document order. */
  links: SentenceLink[];
  sentences: { ru: Sentence[]; en: Sentence[] };
}

/** Tunable parameters of the sentence bead cost (nats; lower is better). */
export interface SentenceCostModel {
  /** Length model. @default {ratio: 1.049, variance: 4} */
  length: LengthModel;
  /**
   * Extra cost of each two-sided bead shape over 1-1, keyed `"<ru>-<en>"`; shapes not listed are not used.
   * @default {'1-1': 0, '2-1': 2.2, '1-2': 2.2, '2-2': 4.4}
   */
  shapes: Record<string, number>;
  /** Cost of a sentence with no counterpart (a 1-0 or 0-1 bead). @default 4.5 */
  omission: number;
  /** Reward per unit of rarity-weighted shared anchors. @default 1 */
  sharedReward: number;
  /** Penalty per unit of rarity-weighted digit figures on one side of a two-sided bead. @default 1 */
  figurePenalty: number;
}

/** How to cut a paragraph into sentences: spans of `paragraph.clean`, in order, not overlapping. */
export type SentenceSplitter = (paragraph: Paragraph, lang: Lang) => SentenceSpan[];

/** Options for {@link alignSentences}. */
export interface SentenceAlignOptions {
  /** Overrides of the sentence cost model. @default DEFAULT_SENTENCE_COST_MODEL */
  cost?: Partial<SentenceCostModel>;
  /** The sentence splitter. @default `splitSentences(paragraph.clean, lang)` */
  splitter?: SentenceSplitter;
}

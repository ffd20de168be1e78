/**
 * Sentence alignment inside paragraph links: each paragraph is cut into sentences, and the sentences of the two
 * sides of every two-sided paragraph link are aligned by the same bead DP as paragraphs (length cost,
 * rarity-weighted shared anchors, one-sided figures), with a sentence-level cost model. A sentence is treated
 * as a small paragraph: its clean text, its source span, the breakpoints mapping one to the other, and the
 * paragraph's anchors that fall inside it.
 */
import { alignParagraphs } from '../align/align.js';
import { DEFAULT_LENGTH_MODEL } from '../align/length.js';
import { toSourceSpan } from '../text/normalize.js';
import type { Alignment, CostModel, Document, Paragraph } from '../types.js';
import { splitSentences } from './split.js';
import type { Sentence, SentenceAlignment, SentenceAlignOptions, SentenceCostModel, SentenceLink, SentenceSplitter, SentenceSpan } from './types.js';

/**
 * The defaults of {@link SentenceCostModel}. Shape priors and the omission cost are Gale & Church's
 * sentence-bead probabilities as costs (−log P(shape)/P(1-1)). The length variance is wider than the
 * paragraph model's robust fit (s² = 2.1): single sentences have heavier tails, and on the development set
 * (bench/sentence-task.ts, gold sentences in gold paragraph links) s² = 4 raises strict F1 from 0.983 to 0.998;
 * that set's sentences are all 1-1 translations, so the shape priors were not tuned on it.
 */
export const DEFAULT_SENTENCE_COST_MODEL: SentenceCostModel = {
  length: { ratio: DEFAULT_LENGTH_MODEL.ratio, variance: 4 },
  shapes: { '1-1': 0, '2-1': 2.2, '1-2': 2.2, '2-2': 4.4 },
  omission: 4.5,
  sharedReward: 1,
  figurePenalty: 1,
};

/** The default splitter: {@link splitSentences} on the paragraph's clean text. */
export const defaultSplitter: SentenceSplitter = (paragraph, lang) => splitSentences(paragraph.clean, lang);

/**
 * Align the sentences of an aligned document pair.
 *
 * Sentences are numbered per document in reading order. Inside each paragraph link with two sides the
 * sentences are aligned with beads 1-1, 2-1, 1-2, 2-2 (as the cost model lists) and 1-0, 0-1; the sentences of
 * a one-sided paragraph link become one-sided sentence links with the paragraph link's score. Every sentence
 * of both documents is in exactly one link, and links are in document order.
 */
export function alignSentences(alignment: Alignment, options: SentenceAlignOptions = {}): SentenceAlignment {
  const model: CostModel = { ...DEFAULT_SENTENCE_COST_MODEL, ...options.cost };
  const splitter = options.splitter ?? defaultSplitter;
  const ru = documentSentences(alignment.ru, splitter);
  const en = documentSentences(alignment.en, splitter);
  const links: SentenceLink[] = [];
  alignment.links.forEach((link, paragraphLink) => {
    const ruUnits = link.ru.flatMap((p) => ru.units[p]);
    const enUnits = link.en.flatMap((p) => en.units[p]);
    if (ruUnits.length === 0 || enUnits.length === 0) {
      for (const unit of ruUnits) links.push({ ru: [unit.index], en: [], paragraphLink, score: link.score });
      for (const unit of enUnits) links.push({ ru: [], en: [unit.index], paragraphLink, score: link.score });
      return;
    }
    for (const bead of alignParagraphs(ruUnits, enUnits, model)) {
      links.push({
        ru: bead.ru.map((k) => ruUnits[k].index),
        en: bead.en.map((k) => enUnits[k].index),
        paragraphLink,
        score: Math.min(bead.score, link.score),
      });
    }
  });
  return { links, sentences: { ru: ru.sentences, en: en.sentences } };
}

/** A document's sentences, and the same sentences as paragraph-shaped units for the aligner, per paragraph. */
function documentSentences(doc: Document, splitter: SentenceSplitter): { sentences: Sentence[]; units: Paragraph[][] } {
  const sentences: Sentence[] = [];
  const units = doc.paragraphs.map((paragraph) =>
    checkedSpans(splitter(paragraph, doc.lang), paragraph).map((span) => {
      const source = toSourceSpan(paragraph, span.start, span.end);
      const sentence: Sentence = {
        index: sentences.length,
        paragraph: paragraph.index,
        start: source.start,
        end: source.end,
        text: span.text,
        cleanStart: span.start,
        cleanEnd: span.end,
      };
      sentences.push(sentence);
      return sentenceUnit(doc, paragraph, sentence);
    }),
  );
  return { sentences, units };
}

/** A sentence as a {@link Paragraph}: its own text, breakpoints and anchors, `index` = the sentence index. */
function sentenceUnit(doc: Document, paragraph: Paragraph, sentence: Sentence): Paragraph {
  const shifts: Array<[number, number]> = [[0, sentence.start]];
  for (const [cleanAt, sourceAt] of paragraph.shifts) {
    if (cleanAt > sentence.cleanStart && cleanAt < sentence.cleanEnd) shifts.push([cleanAt - sentence.cleanStart, sourceAt]);
  }
  return {
    index: sentence.index,
    start: sentence.start,
    end: sentence.end,
    text: doc.source.slice(sentence.start, sentence.end),
    clean: sentence.text,
    shifts,
    anchors: paragraph.anchors.filter((anchor) => anchor.start >= sentence.start && anchor.start < sentence.end),
  };
}

/**
 * A custom splitter's spans, checked: in order, inside the paragraph, not overlapping, not empty. A paragraph
 * for which the splitter returns nothing is one sentence.
 */
function checkedSpans(spans: SentenceSpan[], paragraph: Paragraph): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let floor = 0;
  for (const span of spans) {
    const start = Math.max(span.start, floor);
    const end = Math.min(span.end, paragraph.clean.length);
    if (end <= start) continue;
    out.push(start === span.start && end === span.end ? span : { start, end, text: paragraph.clean.slice(start, end) });
    floor = end;
  }
  if (out.length === 0 && paragraph.clean.length > 0) {
    out.push({ start: 0, end: paragraph.clean.length, text: paragraph.clean });
  }
  return out;
}

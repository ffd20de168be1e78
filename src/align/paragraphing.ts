/**
 * Texts of matching length cut in very different ways: a sentence per line against one block for a whole chapter,
 * or against paragraphs of several sentences. No bead joins that many paragraphs, or joining them is dearer than
 * leaving some without counterpart, so paragraph against paragraph loses links. Instead the finer side's paragraphs
 * are aligned with the coarser side's sentences, and the links are joined back so that each coarse paragraph sits
 * in one link with the fine paragraphs its sentences match.
 */
import { splitSentences } from '../sentences/split.js';
import type { SentenceSpan, SentenceSplitter } from '../sentences/types.js';
import type { Document, Lang, Link, Warning } from '../types.js';

/** Paragraph counts further apart than this factor are more than the largest bead (1-6 / 6-1) can join. */
export const PARAGRAPHING_RATIO = 6;

/** Fewest paragraphs of a text read as cut a sentence per line (fewer say too little about how it is cut). */
const MIN_SENTENCE_LINES = 8;
/** Share of one-sentence paragraphs from which a text is read as cut a sentence per line. */
const SENTENCE_LINE_SHARE = 0.8;
/** How many times more sentences per paragraph the other text must have to be read as cut in paragraphs. */
const SENTENCES_PER_PARAGRAPH_RATIO = 1.5;
/** Fewer paragraphs than this many times the other text's cannot be a sentence per line against paragraphs. */
const SENTENCE_LINES_COUNT_RATIO = 1.2;

/**
 * The side cut far more coarsely than the other, if any: more than {@link PARAGRAPHING_RATIO}× fewer paragraphs
 * (one block against many), or paragraphs of several sentences against a text cut a sentence per line (the
 * format of many corpus tools). On the development sets, re-cut a sentence per line on one side (1.5–2.3× as many
 * paragraphs), sentence links inside paragraph links lose 2–4 points of F1 when the lines are aligned paragraph
 * against paragraph, none when they are aligned with the other side's sentences; neither kind fires on any pair
 * of the development sets or the published collection as they are.
 */
export function coarserSide(ru: Document, en: Document): Lang | undefined {
  const [n, m] = [ru.paragraphs.length, en.paragraphs.length];
  const coarse: Lang = n > m ? 'en' : 'ru';
  if (Math.max(n, m) > PARAGRAPHING_RATIO * Math.min(n, m)) return coarse;
  const [fine, rough] = coarse === 'en' ? [ru, en] : [en, ru];
  if (fine.paragraphs.length < MIN_SENTENCE_LINES || fine.paragraphs.length < SENTENCE_LINES_COUNT_RATIO * rough.paragraphs.length) return undefined;
  // Most texts show paragraphs of several sentences early: stop reading as soon as too many are.
  const allowed = (1 - SENTENCE_LINE_SHARE) * fine.paragraphs.length;
  let longer = 0;
  let fineSentences = 0;
  for (const paragraph of fine.paragraphs) {
    const count = splitSentences(paragraph.clean, fine.lang).length;
    fineSentences += count;
    if (count > 1 && ++longer > allowed) return undefined;
  }
  const fineMean = fineSentences / fine.paragraphs.length;
  const roughSentences = rough.paragraphs.reduce((total, p) => total + splitSentences(p.clean, rough.lang).length, 0);
  return roughSentences / rough.paragraphs.length >= SENTENCES_PER_PARAGRAPH_RATIO * fineMean ? coarse : undefined;
}

/** The `paragraphing` warning: how the texts are cut, and how they were aligned for it. */
export function paragraphingWarning(ru: Document, en: Document, coarse: Lang): Warning {
  const [n, m] = [ru.paragraphs.length, en.paragraphs.length];
  const [fine, rough] = coarse === 'en' ? ['Russian', 'English'] : ['English', 'Russian'];
  return {
    code: 'paragraphing',
    message: `the Russian text has ${n} paragraphs and the English ${m}, though their lengths match: the ${fine} is cut far more finely than the ${rough} (a sentence per line, or one block for the whole text); the ${fine} paragraphs were aligned with the ${rough} sentences, and each link joins one or more ${rough} paragraphs with the ${fine} paragraphs their sentences match (export with the \`level\` option ("sentence") for the sentence pairs; a sentence missing inside a link is not reported as a paragraph without counterpart)`,
  };
}

type Bead = Pick<Link, 'ru' | 'en' | 'score'>;

/**
 * Links of fine paragraphs against coarse sentences, turned into links of paragraphs: beads that share a coarse
 * paragraph are one link, and fine paragraphs without counterpart between two of its sentences join it (they
 * cannot stand apart: the coarse paragraph is on both sides of them). `paragraphOf[k]` is the coarse paragraph of
 * sentence `k`. Monotonic beads in, monotonic beads out; every paragraph in exactly one. A joined link scores the
 * lower of its first and last beads (the confidence of its outer boundaries: the inner ones are gone).
 */
export function joinCoarseParagraphs(beads: readonly Bead[], paragraphOf: readonly number[], coarse: Lang): Bead[] {
  const fine: Lang = coarse === 'ru' ? 'en' : 'ru';
  const make = (fineSide: number[], coarseSide: number[], score: number): Bead =>
    coarse === 'ru' ? { ru: coarseSide, en: fineSide, score } : { ru: fineSide, en: coarseSide, score };
  const out: Bead[] = [];
  let current: { fine: number[]; coarse: number[]; score: number; first: number } | undefined;
  let pending: Bead[] = [];
  // Loops, not spreads: a run of thousands of lines without counterpart would overflow an argument list.
  const flush = (): void => {
    if (current) out.push(make(current.fine, current.coarse, current.score));
    current = undefined;
    for (const bead of pending) out.push(make([...bead[fine]], [], bead.score));
    pending = [];
  };
  for (const bead of beads) {
    const paragraphs = [...new Set(bead[coarse].map((k) => paragraphOf[k]!))];
    if (paragraphs.length === 0) {
      pending.push(bead);
      continue;
    }
    if (current && paragraphs[0] === current.coarse[current.coarse.length - 1]) {
      for (const orphan of pending) current.fine.push(...orphan[fine]);
      // The link's boundaries are its first bead's start and its last bead's end; the inner ones are gone.
      current.score = Math.min(current.first, bead.score);
      pending = [];
      current.fine.push(...bead[fine]);
      current.coarse.push(...paragraphs.slice(1));
    } else {
      flush();
      current = { fine: [...bead[fine]], coarse: paragraphs, score: bead.score, first: bead.score };
    }
  }
  flush();
  return out;
}

/**
 * A coarse sentence longer than this many times the fine side's typical paragraph (in the coarse side's characters)
 * is cut into pieces of about that paragraph's length for the search (see {@link coarseSplitter}).
 */
const LONG_SENTENCE_FACTOR = 3;

/**
 * The sentences the fine side's paragraphs are aligned with. A table or list run into one block loses its line
 * ends and reads as one "sentence" of many rows, more than a bead joins, so its rows would be left without
 * counterpart: a sentence over {@link LONG_SENTENCE_FACTOR}× the fine side's median paragraph is cut, at spaces,
 * into pieces of about that length. The pieces serve the search only: they all belong to their paragraph, and
 * sentence alignment later cuts the text at its sentences again.
 */
export function coarseSplitter(fineLengths: readonly number[], toCoarse: number): SentenceSplitter {
  const sorted = [...fineLengths].sort((a, b) => a - b);
  const piece = Math.max(1, (sorted[sorted.length >> 1] ?? 1) * toCoarse);
  return (paragraph, lang) =>
    splitSentences(paragraph.clean, lang).flatMap((span) => (span.end - span.start > LONG_SENTENCE_FACTOR * piece ? cutAtSpaces(paragraph.clean, span, piece) : [span]));
}

/** `span` of `text` cut at the first space after every `piece` characters (the last piece up to 1.5 × `piece`). */
function cutAtSpaces(text: string, span: SentenceSpan, piece: number): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = span.start;
  while (span.end - start > 1.5 * piece) {
    let cut = text.indexOf(' ', Math.round(start + piece));
    if (cut < 0 || cut >= span.end) break;
    out.push({ start, end: cut, text: text.slice(start, cut) });
    while (text.charCodeAt(cut) === 0x20) cut++;
    start = cut;
  }
  out.push({ start, end: span.end, text: text.slice(start, span.end) });
  return out;
}

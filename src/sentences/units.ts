/**
 * A document's sentences, and each sentence as a small paragraph (its clean text, its source span, the breakpoints
 * mapping one to the other, and the paragraph's anchors that fall inside it), so the paragraph aligner can align
 * sentences.
 */
import { toSourceSpan } from '../text/normalize.js';
import type { Document, Paragraph } from '../types.js';
import { splitSentences } from './split.js';
import type { Sentence, SentenceSpan, SentenceSplitter } from './types.js';

/** The default splitter: {@link splitSentences} on the paragraph's clean text. */
export const defaultSplitter: SentenceSplitter = (paragraph, lang) => splitSentences(paragraph.clean, lang);

/** A document's sentences, numbered in reading order, and the same sentences as paragraph-shaped units, per paragraph. */
export function documentSentences(doc: Document, splitter: SentenceSplitter = defaultSplitter): { sentences: Sentence[]; units: Paragraph[][] } {
  const sentences: Sentence[] = [];
  const units = doc.paragraphs.map((paragraph) => {
    const spans = checkedSpans(splitter(paragraph, doc.lang), paragraph);
    // Anchors and breakpoints are in text order and so are the sentences: one cursor each keeps a paragraph written
    // as one block of thousands of sentences linear.
    let anchorAt = 0;
    let shiftAt = 0;
    return spans.map((span) => {
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
      const { anchors, shifts } = paragraph;
      while (anchorAt < anchors.length && anchors[anchorAt].start < sentence.start) anchorAt++;
      const firstAnchor = anchorAt;
      while (anchorAt < anchors.length && anchors[anchorAt].start < sentence.end) anchorAt++;
      while (shiftAt < shifts.length && shifts[shiftAt][0] <= sentence.cleanStart) shiftAt++;
      const inner: Array<[number, number]> = [[0, sentence.start]];
      while (shiftAt < shifts.length && shifts[shiftAt][0] < sentence.cleanEnd) {
        const [cleanAt, sourceAt] = shifts[shiftAt++];
        inner.push([cleanAt - sentence.cleanStart, sourceAt]);
      }
      return {
        index: sentence.index,
        start: sentence.start,
        end: sentence.end,
        text: doc.source.slice(sentence.start, sentence.end),
        clean: sentence.text,
        shifts: inner,
        anchors: anchors.slice(firstAnchor, anchorAt),
      };
    });
  });
  return { sentences, units };
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

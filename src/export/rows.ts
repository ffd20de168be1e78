/**
 * The rows of the line-oriented formats: one per paragraph link, or one per sentence link, with the texts of
 * both sides, filtered. And which discrepancies concern a row.
 */
import type { SentenceAlignment } from '../sentences/types.js';
import type { Alignment, Discrepancy, Span } from '../types.js';
import { filterLinks } from './filter.js';
import type { ExportRow, RowOptions } from './types.js';

/**
 * The rows to export: the links of `options.sentences` when given, else the paragraph links, that pass the
 * filters. A side's text is its units' clean texts joined by one space, without a leading `date …` metadata line.
 */
export function exportRows(alignment: Alignment, options: RowOptions = {}): ExportRow[] {
  return options.sentences ? sentenceRows(alignment, options.sentences, options) : paragraphRows(alignment, options);
}

function paragraphRows(alignment: Alignment, options: RowOptions): ExportRow[] {
  return filterLinks(alignment.links, options).map(({ link, position }) => {
    const ru = link.ru.map((k) => alignment.ru.paragraphs[k]);
    const en = link.en.map((k) => alignment.en.paragraphs[k]);
    return {
      link: position,
      level: 'paragraph',
      ru: [...link.ru],
      en: [...link.en],
      ruParagraphs: [...link.ru],
      enParagraphs: [...link.en],
      ruText: joinTexts(ru.map((p) => segmentText(alignment.ru, p, p.clean))),
      enText: joinTexts(en.map((p) => segmentText(alignment.en, p, p.clean))),
      ruSpans: ru.map(({ start, end }) => ({ start, end })),
      enSpans: en.map(({ start, end }) => ({ start, end })),
      score: link.score,
    };
  });
}

/**
 * A unit's text for export, without a leading `date YYYY-MM-DD` line (metadata scrapers put in front of the text,
 * found by {@link findMetadata}: it is not part of the translation). Datelines ("BAKU, November 14.") stay: they
 * are written, and translated, as part of the text.
 */
function segmentText(doc: Pick<Alignment['ru'], 'source' | 'meta'>, unit: Span, text: string): string {
  for (const span of doc.meta.spans) {
    if (span.start < unit.start || span.end > unit.end) continue;
    const surface = doc.source.slice(span.start, span.end);
    if (!/^date:?\s/i.test(surface) || !text.startsWith(surface)) continue;
    return text.slice(surface.length).trimStart();
  }
  return text;
}

const joinTexts = (texts: string[]): string => texts.filter(Boolean).join(' ');

function sentenceRows(alignment: Alignment, sentences: SentenceAlignment, options: RowOptions): ExportRow[] {
  return filterLinks(sentences.links, options).map(({ link, position }) => {
    const ru = link.ru.map((k) => sentences.sentences.ru[k]);
    const en = link.en.map((k) => sentences.sentences.en[k]);
    return {
      link: position,
      level: 'sentence',
      ru: [...link.ru],
      en: [...link.en],
      ruParagraphs: unique(ru.map((s) => s.paragraph)),
      enParagraphs: unique(en.map((s) => s.paragraph)),
      ruText: joinTexts(ru.map((s) => segmentText(alignment.ru, s, s.text))),
      enText: joinTexts(en.map((s) => segmentText(alignment.en, s, s.text))),
      ruSpans: ru.map(({ start, end }) => ({ start, end })),
      enSpans: en.map(({ start, end }) => ({ start, end })),
      score: link.score,
    };
  });
}

/**
 * The discrepancies that concern a row. For a paragraph row: those whose Russian or English paragraph indices
 * intersect the row's. For a sentence row: those with an anchor (or, for an unmatched paragraph, a span) inside
 * one of the row's sentences.
 */
export function rowDiscrepancies(row: ExportRow, discrepancies: readonly Discrepancy[]): Discrepancy[] {
  if (row.level === 'paragraph') return linkDiscrepancies(row, discrepancies);
  return discrepancies.filter((d) => {
    const spans = discrepancySpans(d);
    return (spans.ru && row.ruSpans.some((s) => intersects(s, spans.ru!))) || (spans.en && row.enSpans.some((s) => intersects(s, spans.en!)));
  });
}

/** The discrepancies whose Russian or English paragraph indices intersect those of a paragraph link. */
export function linkDiscrepancies(link: { ru: readonly number[]; en: readonly number[] }, discrepancies: readonly Discrepancy[]): Discrepancy[] {
  return discrepancies.filter((d) => d.ru.some((i) => link.ru.includes(i)) || d.en.some((j) => link.en.includes(j)));
}

/**
 * Index discrepancies by the paragraphs they involve. The returned function gives what {@link linkDiscrepancies}
 * gives for a link (the same discrepancies, in their order) without scanning them all: exports that asked once
 * per link took links × discrepancies steps, 20 s for a 10 MB pair. For a sentence row, passing
 * `{ru: row.ruParagraphs, en: row.enParagraphs}` gives a superset of its {@link rowDiscrepancies} (a
 * discrepancy's spans lie in the paragraphs it lists), to filter further.
 */
export function indexDiscrepancies(
  discrepancies: readonly Discrepancy[],
): (link: { ru: readonly number[]; en: readonly number[] }) => Discrepancy[] {
  const byRu = new Map<number, number[]>();
  const byEn = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, index: number, k: number): void => {
    const list = map.get(index);
    if (list) list.push(k);
    else map.set(index, [k]);
  };
  discrepancies.forEach((d, k) => {
    for (const i of d.ru) add(byRu, i, k);
    for (const j of d.en) add(byEn, j, k);
  });
  return (link) => {
    const hits = new Set<number>();
    for (const i of link.ru) for (const k of byRu.get(i) ?? []) hits.add(k);
    for (const j of link.en) for (const k of byEn.get(j) ?? []) hits.add(k);
    return [...hits].sort((a, b) => a - b).map((k) => discrepancies[k]);
  };
}

/** Where a discrepancy lies in each document: its anchors' spans, or an unmatched paragraph's span. */
export function discrepancySpans(d: Discrepancy): { ru?: Span; en?: Span } {
  switch (d.kind) {
    case 'unmatched-paragraph':
      return { [d.side]: d.span };
    case 'number-mismatch':
      return { ru: span(d.ruAnchor), en: span(d.enAnchor) };
    case 'number-missing':
    case 'entity-missing':
      return { [d.side]: span(d.anchor) };
    case 'mixed-script':
      return { [d.side]: span(d.span) };
  }
}

const span = ({ start, end }: Span): Span => ({ start, end });
const intersects = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const unique = (values: number[]): number[] => [...new Set(values)];

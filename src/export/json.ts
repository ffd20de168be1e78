/**
 * The JSON contract of `align --json`: paragraphs with their offsets and clean text, links, discrepancies and
 * warnings. Plain data, no anchor internals; offsets are UTF-16 code-unit offsets into each document's source.
 */
import type { SentenceAlignment } from '../sentences/types.js';
import type { Alignment, Discrepancy, Lang, Severity, Warning } from '../types.js';
import { filterLinks } from './filter.js';
import { jsonChunks, LazyList } from './json-chunks.js';
import type { JsonOptions } from './types.js';

/** A paragraph in the JSON contract. `text` is the paragraph's clean text; `start`/`end` its source span. */
export interface JsonParagraph {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** A link in the JSON contract. */
export interface JsonLink {
  ru: number[];
  en: number[];
  score: number;
}

/**
 * A discrepancy in the JSON contract. `side` is set for the one-sided kinds (`unmatched-paragraph`,
 * `number-missing`, `entity-missing`); `ruValue`/`enValue` for `number-mismatch`; `value` for
 * `number-missing`/`entity-missing`. `ruStart`/`ruEnd` and `enStart`/`enEnd` locate what the discrepancy is
 * about in each document it concerns: the figure or name (its anchor's span), or, for an unmatched paragraph,
 * the paragraph.
 */
export interface JsonDiscrepancy {
  kind: Discrepancy['kind'];
  ru: number[];
  en: number[];
  side?: Lang;
  ruValue?: string;
  enValue?: string;
  value?: string;
  severity: Severity;
  message: string;
  ruStart?: number;
  ruEnd?: number;
  enStart?: number;
  enEnd?: number;
}

/** The whole JSON document of {@link toJson}. */
export interface JsonReport {
  /** The documents' ids (`null` when none was given) and languages. */
  documents: { ru: { id: string | null; lang: 'ru' }; en: { id: string | null; lang: 'en' } };
  paragraphs: { ru: JsonParagraph[]; en: JsonParagraph[] };
  links: JsonLink[];
  discrepancies: JsonDiscrepancy[];
  warnings: Warning[];
  /** With `options.sentences`: every sentence (source offsets, clean text). */
  sentences?: {
    ru: Array<{ index: number; paragraph: number; start: number; end: number; text: string }>;
    en: Array<{ index: number; paragraph: number; start: number; end: number; text: string }>;
  };
  /** With `options.sentences`: the sentence links (after the filters). */
  sentenceLinks?: Array<{ ru: number[]; en: number[]; paragraphLink: number; score: number }>;
}

/**
 * The alignment as the JSON contract (see {@link JsonReport}), as a string. Filters apply to links (and sentence
 * links); a discrepancy is kept when some kept link concerns it (shares a paragraph with it). Every paragraph is
 * listed whatever the filters.
 */
export function toJson(alignment: Alignment, discrepancies: readonly Discrepancy[] = [], options: JsonOptions = {}): string {
  return `${JSON.stringify(toJsonReport(alignment, discrepancies, options), null, options.indent ?? 2)}\n`;
}

/**
 * The text of {@link toJson}, in pieces (see {@link jsonChunks}): the same characters, without ever holding the
 * whole report as one string. Each paragraph, link and discrepancy is one piece or a few.
 */
export function* toJsonChunks(alignment: Alignment, discrepancies: readonly Discrepancy[] = [], options: JsonOptions = {}): Generator<string> {
  // Three levels open: the report, its sections (paragraphs, links, …), and the two sides' paragraph lists. The
  // long lists are made element by element as they are written: the report is never built whole (a 5 MB pair's
  // held 3.3 MB more while it was written).
  yield* jsonChunks(reportOf(alignment, discrepancies, options, madeAsWritten), options.indent ?? 2, 3);
  yield '\n';
}

/** The object {@link toJson} serialises. */
export function toJsonReport(alignment: Alignment, discrepancies: readonly Discrepancy[] = [], options: JsonOptions = {}): JsonReport {
  return reportOf(alignment, discrepancies, options, (items, make) => items.map((item) => make(item)));
}

/** How {@link reportOf} makes the report's long lists from the alignment's: built, or made as they are written. */
type ListMaker = <T, U>(items: readonly T[], make: (item: T) => U) => U[];

/**
 * Lists for {@link jsonChunks} to make element by element ({@link LazyList}). Typed as the arrays they are
 * written as: only {@link toJsonChunks} uses them, and only to write them.
 */
const madeAsWritten: ListMaker = <T, U>(items: readonly T[], make: (item: T) => U) =>
  new LazyList(items.length, (k) => make(items[k]!)) as unknown as U[];

function reportOf(alignment: Alignment, discrepancies: readonly Discrepancy[], options: JsonOptions, list: ListMaker): JsonReport {
  const kept = filterLinks(alignment.links, options).map(({ link }) => link);
  const unfiltered = kept.length === alignment.links.length;
  const ruKept = unfiltered ? undefined : new Set(kept.flatMap((link) => link.ru));
  const enKept = unfiltered ? undefined : new Set(kept.flatMap((link) => link.en));
  const paragraph = ({ index, start, end, clean }: Alignment['ru']['paragraphs'][number]): JsonParagraph => ({ index, start, end, text: clean });
  const report: JsonReport = {
    documents: {
      ru: { id: alignment.ru.id ?? null, lang: 'ru' },
      en: { id: alignment.en.id ?? null, lang: 'en' },
    },
    paragraphs: {
      ru: list(alignment.ru.paragraphs, paragraph),
      en: list(alignment.en.paragraphs, paragraph),
    },
    links: list(kept, ({ ru, en, score }) => ({ ru: [...ru], en: [...en], score })),
    discrepancies: list(
      unfiltered ? discrepancies : discrepancies.filter((d) => d.ru.some((i) => ruKept!.has(i)) || d.en.some((j) => enKept!.has(j))),
      toJsonDiscrepancy,
    ),
    warnings: alignment.warnings.map(({ code, message }) => ({ code, message })),
  };
  if (options.sentences) addSentences(report, options.sentences, options, list);
  return report;
}

/** A discrepancy as the JSON contract writes it (see {@link JsonDiscrepancy}). */
export function toJsonDiscrepancy(d: Discrepancy): JsonDiscrepancy {
  const base = { kind: d.kind, ru: [...d.ru], en: [...d.en] };
  const tail = { severity: d.severity, message: d.message };
  switch (d.kind) {
    case 'unmatched-paragraph':
      return { ...base, side: d.side, ...tail, ...offsets(d.side, d.span) };
    case 'number-mismatch':
      return { ...base, ruValue: d.ruValue, enValue: d.enValue, ...tail, ...offsets('ru', d.ruAnchor), ...offsets('en', d.enAnchor) };
    case 'number-missing':
    case 'entity-missing':
      return { ...base, side: d.side, value: d.value, ...tail, ...offsets(d.side, d.anchor) };
    case 'mixed-script':
      return { ...base, side: d.side, value: d.value, ...tail, ...offsets(d.side, d.span) };
  }
}

function offsets(side: Lang, span: { start: number; end: number }): Partial<JsonDiscrepancy> {
  return side === 'ru' ? { ruStart: span.start, ruEnd: span.end } : { enStart: span.start, enEnd: span.end };
}

function addSentences(report: JsonReport, sentences: SentenceAlignment, options: JsonOptions, list: ListMaker): void {
  const plain = ({ index, paragraph, start, end, text }: SentenceAlignment['sentences']['ru'][number]) => ({ index, paragraph, start, end, text });
  report.sentences = { ru: list(sentences.sentences.ru, plain), en: list(sentences.sentences.en, plain) };
  report.sentenceLinks = list(filterLinks(sentences.links, options), ({ link }) => ({
    ru: [...link.ru],
    en: [...link.en],
    paragraphLink: link.paragraphLink,
    score: link.score,
  }));
}

/**
 * A document's fingerprint: the anchor keys it holds (with counts and prior weights), its publication date, its
 * body length, the dates its lead gives and its digit figures. Everything the pairing needs, and nothing of the
 * text: once fingerprinted, a document's text and paragraphs can be dropped.
 */
import { isCheckedFigure } from '../align/evidence.js';
import type { Anchor, Document } from '../types.js';
import { readPublicationDate } from './dates.js';
import type { Fingerprint, FingerprintFigure, FingerprintKey } from './types.js';

/** A date with its day (`date:03-05`); a month alone (`date:03`) is too vague to contradict anything. */
const DAY_DATE = /^date:\d\d-\d\d$/;

/** Paragraphs at the start of a document whose dates are read as the date of the event reported. */
const LEAD_PARAGRAPHS = 3;

/**
 * Fingerprint a parsed document. `id` defaults to the document's own id. Strings kept are copied, so the
 * fingerprint holds no reference into the document's source text.
 */
export function fingerprintDocument(doc: Document, id: string = doc.id ?? ''): Fingerprint {
  const byKey = new Map<string, FingerprintKey>();
  const figures: FingerprintFigure[] = [];
  const leadDates = new Set<string>();
  let chars = 0;
  for (const paragraph of doc.paragraphs) {
    chars += bodyLength(paragraph, doc.meta.spans);
    for (const anchor of paragraph.anchors) {
      const entry = byKey.get(anchor.key);
      if (entry) {
        entry.count++;
        entry.weight = Math.max(entry.weight, anchor.weight);
      } else {
        byKey.set(anchor.key, { key: detach(anchor.key), count: 1, weight: anchor.weight });
      }
      if (isCheckedFigure(anchor)) figures.push({ key: detach(anchor.key), unit: figureUnit(anchor), surface: detach(anchor.surface) });
      if (anchor.kind === 'date' && paragraph.index < LEAD_PARAGRAPHS && DAY_DATE.test(anchor.key)) leadDates.add(detach(anchor.key));
    }
  }
  const date = readPublicationDate(doc.meta.date);
  if (date.monthDay !== undefined) leadDates.add(monthDayKey(date.monthDay));
  const fingerprint: Fingerprint = {
    id: detach(id),
    lang: doc.lang,
    chars,
    keys: [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    leadDates: [...leadDates].sort(),
    figures,
  };
  if (date.day !== undefined) fingerprint.day = date.day;
  if (date.monthDay !== undefined) fingerprint.monthDay = date.monthDay;
  return fingerprint;
}

/** The unit a figure is compared under: its stated unit, else its kind for years, dates and ordinals. */
export function figureUnit(anchor: Pick<Anchor, 'kind' | 'unit'>): string {
  if (anchor.unit) return anchor.unit;
  return anchor.kind === 'number' ? '' : anchor.kind;
}

/** `date:MM-DD` for `month * 100 + day`. */
export function monthDayKey(monthDay: number): string {
  const month = Math.floor(monthDay / 100);
  const day = monthDay % 100;
  return `date:${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Characters of a paragraph outside metadata spans (a date line, a dateline). */
function bodyLength(paragraph: { start: number; end: number; clean: string }, spans: ReadonlyArray<{ start: number; end: number }>): number {
  let covered = 0;
  for (const span of spans) covered += Math.max(0, Math.min(span.end, paragraph.end) - Math.max(span.start, paragraph.start));
  return Math.max(0, paragraph.clean.length - covered);
}

/**
 * A copy of `text` that does not share storage with a larger string (V8 keeps a slice's parent alive, which
 * would keep every document's source in memory through one kept surface).
 */
function detach(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

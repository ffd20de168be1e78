/**
 * XLIFF 2.1: well-formed, parsed back with fast-xml-parser: srcLang/trgLang, one <file> per pair, one <unit> per
 * two-sided link with a translated segment holding both texts, notes for the score, paragraphs and
 * discrepancies; hostile text escaped; one-sided links only when asked, as initial segments without target.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../src/align/align.js';
import { findDiscrepancies } from '../src/check/discrepancies.js';
import { exportRows } from '../src/export/rows.js';
import { toXliff } from '../src/export/xliff.js';
import { EN, RU } from './seed.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['file', 'unit', 'note', 'segment'].includes(name),
});
const EN_MISMATCH = EN.replace('4.3', '4.8');
const alignment = alignDocuments(RU, EN_MISMATCH, { ids: ['ru & <one>.txt', 'en "two".txt'] });
const discrepancies = findDiscrepancies(alignment);

interface Unit {
  '@_id': string;
  notes: { note: Array<{ '#text': string; '@_category': string; '@_priority'?: string }> };
  segment: Array<{ '@_state': string; source: string | { '#text'?: string }; target?: string }>;
}
const text = (value: unknown): string => (typeof value === 'string' ? value : ((value as { '#text'?: string })?.['#text'] ?? ''));

describe('XLIFF 2.1', () => {
  const xml = toXliff(alignment, discrepancies);
  const doc = parser.parse(xml).xliff;
  const units: Unit[] = doc.file[0].unit;

  it('is well-formed XLIFF 2.1 with the two languages and the source document', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(doc['@_version']).toBe('2.1');
    expect(doc['@_xmlns']).toBe('urn:oasis:names:tc:xliff:document:2.0');
    expect([doc['@_srcLang'], doc['@_trgLang']]).toEqual(['ru', 'en']);
    expect(doc.file[0]['@_original']).toBe('ru & <one>.txt');
    expect(text(doc.file[0].notes.note[0])).toBe('en "two".txt');
  });

  it('has one translated segment per two-sided link, texts as the export rows have them', () => {
    const rows = exportRows(alignment).filter((row) => row.ru.length && row.en.length);
    expect(units).toHaveLength(rows.length);
    units.forEach((unit, k) => {
      expect(unit['@_id']).toBe(`u${rows[k].link + 1}`);
      expect(unit.segment[0]['@_state']).toBe('translated');
      expect(text(unit.segment[0].source)).toBe(rows[k].ruText);
      expect(text(unit.segment[0].target)).toBe(rows[k].enText);
      expect(text(unit.notes.note.find((n) => n['@_category'] === 'score'))).toBe(String(rows[k].score));
    });
    // The English date metadata line is not part of any segment.
    expect(xml).not.toContain('date 2024-03-05');
  });

  it('carries each discrepancy as a note of its unit, errors at priority 1', () => {
    const notes = units.flatMap((unit) => unit.notes.note);
    const mismatch = notes.find((n) => n['@_category'] === 'number-mismatch');
    expect(mismatch?.['@_priority']).toBe('1');
    expect(text(mismatch)).toMatch(/figure differs: Russian ¶\d+ «4,3 млрд/);
  });

  it('swaps the sides with srclang en and writes the locales asked for', () => {
    const swapped = parser.parse(toXliff(alignment, [], { srclang: 'en', locales: { ru: 'ru-RU', en: 'en-US' } })).xliff;
    expect([swapped['@_srcLang'], swapped['@_trgLang']]).toEqual(['en-US', 'ru-RU']);
    expect(text(swapped.file[0].unit[0].segment[0].source)).toMatch(/Prime Minister/);
  });

  it('escapes hostile text and writes one-sided links only when asked, as initial segments without target', () => {
    const hostile = alignDocuments(`${RU}\n\nЛишний абзац <script>alert("x")</script> & 777 тонн.`, EN, {});
    const xmlAll = toXliff(hostile, [], { includeUnmatched: true });
    expect(XMLValidator.validate(xmlAll)).toBe(true);
    expect(xmlAll).not.toContain('<script>');
    const all: Unit[] = parser.parse(xmlAll).xliff.file[0].unit;
    const initial = all.filter((unit) => unit.segment[0]['@_state'] === 'initial');
    expect(initial.length).toBe(hostile.links.filter((l) => !l.ru.length || !l.en.length).length);
    expect(initial.every((unit) => unit.segment[0].target === undefined)).toBe(true);
    expect(all.some((unit) => text(unit.segment[0].source).includes('<script>alert("x")</script> & 777'))).toBe(true);
  });
});

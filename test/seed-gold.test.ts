/**
 * End to end on the bundled corpus against the hand-checked gold (test/fixtures/seed-gold.json): the
 * paragraphs, all 13 links, the pairing, the discrepancies the gold lists (Baku named in the Russian only, as corrected)
 * and none of its agreements.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignDocuments, findDiscrepancies, pairDocumentsSync, parseDocument } from '../src/index.js';

const gold = JSON.parse(readFileSync(new URL('./fixtures/seed-gold.json', import.meta.url), 'utf8'));
const corpusDir = new URL('../corpus/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, corpusDir), 'utf8');
const ruText = read(gold.ru);
const enText = read(gold.en);

describe('the seed pair (002 Russian, 000 English)', () => {
  const alignment = alignDocuments(ruText, enText, { ids: [gold.ru, gold.en] });
  const discrepancies = findDiscrepancies(alignment);

  it('cuts the paragraphs the gold lists', () => {
    for (const side of ['ru', 'en'] as const) {
      const paragraphs = alignment[side].paragraphs;
      expect(paragraphs).toHaveLength(gold.paragraphs[side].length);
      gold.paragraphs[side].forEach((start: string, k: number) => expect(paragraphs[k].clean.startsWith(start)).toBe(true));
    }
  });

  it('reproduces all 13 gold links', () => {
    expect(alignment.links.map((link) => [link.ru, link.en])).toEqual(gold.links);
  });

  it('reports the 12th interregional forum (figure) and Stavropol (name) as Russian-only', () => {
    const forum = discrepancies.find((d) => d.kind === 'number-missing' && d.side === 'ru' && d.value.startsWith('12-го'));
    expect(forum).toMatchObject({ ru: [12], en: [8] });
    const stavropol = discrepancies.find((d) => d.kind === 'entity-missing' && d.side === 'ru' && /Ставрополь/.test(d.value));
    expect(stavropol).toMatchObject({ ru: [12], en: [8] });
  });

  it('reports Baku, named only in the Russian (ru 1, 2), as Russian-only where the English reports the meeting', () => {
    const baku = discrepancies.filter((d) => d.kind === 'entity-missing' && d.value === 'Баку');
    expect(baku).toHaveLength(1);
    expect(baku[0]).toMatchObject({ side: 'ru', ru: [2], en: [0] });
    expect(gold.discrepancies).toContainEqual(expect.objectContaining({ kind: 'entity-missing', side: 'ru', ru: [2], en: [0], value: 'Баку (Baku)' }));
  });

  it('reports the news-agency attributions present in one version only', () => {
    const values = discrepancies.filter((d) => d.kind === 'entity-missing').map((d) => (d as { value: string }).value);
    expect(values).toContain('АЗЕРТАДЖ');
    expect(values.some((v) => /AzerNews|MENAFN/.test(v))).toBe(true);
  });

  it('reports the headline and sub-headline as coverage gaps', () => {
    const gaps = discrepancies.filter((d) => d.kind === 'unmatched-paragraph');
    expect(gaps.map((d) => [d.ru, d.en])).toEqual([
      [[0], []],
      [[1], []],
    ]);
  });

  it('reports none of the agreements', () => {
    const reported = discrepancies
      .filter((d) => d.kind !== 'unmatched-paragraph')
      .map((d) => ('value' in d ? d.value : `${d.ruValue} ${d.enValue}`))
      .join(' | ');
    for (const agreed of ['4,3', '4.3', '2023', '11', '5 марта', 'today', 'Север', 'North', 'Асадов', 'Asadov', 'Мишустин', 'Mishustin', 'Азербайджан', 'Azerbaijan', 'Росси', 'Russia']) {
      expect(reported).not.toContain(agreed);
    }
    expect(discrepancies.filter((d) => d.kind === 'number-mismatch')).toEqual([]);
  });

  it('gives every link a confidence and its evidence', () => {
    const figures = alignment.links.find((link) => link.ru.includes(6))!;
    expect(figures.evidence.shared.map((m) => m.key)).toEqual(expect.arrayContaining(['num:4300000000', 'year:2023']));
    for (const link of alignment.links) expect(link.score).toBeGreaterThan(0);
  });
});

describe('pairing the bundled corpus', () => {
  it('pairs 002 with 000 and leaves the three other meetings unpaired', () => {
    const docs = readdirSync(corpusDir).sort().map((name) => ({ id: name, text: read(name) }));
    const pairing = pairDocumentsSync(docs);
    expect(pairing.pairs.map((pair) => [pair.ru, pair.en])).toEqual(gold.pairing.pairs);
    expect(pairing.unpaired.map((doc) => doc.id).sort()).toEqual([...gold.pairing.unpaired].sort());
  });

  it('reads the English seed date from its date line', () => {
    expect(parseDocument(enText).meta.date).toBe('2024-03-05');
  });
});

/**
 * Collection pairing: the seed corpus paired exactly, one-to-one pairs, a near-duplicate distractor with changed
 * figures never preferred to the genuine version, empty and one-language collections, and results that do not
 * depend on input order or on the sync/async entry point.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/document.js';
import { InputError } from '../src/errors.js';
import { DEFAULT_PAIR_THRESHOLD } from '../src/pair/model.js';
import { fingerprintInput, pairDocuments, pairDocumentsSync, pairFingerprints, scoreCandidates } from '../src/pair/pair.js';
import { daysApart, readPublicationDate } from '../src/pair/dates.js';
import type { Fingerprint, Pairing, PairSource } from '../src/pair/types.js';

const corpusDir = new URL('../corpus/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, corpusDir), 'utf8');
const SEED_NAMES = readdirSync(corpusDir).filter((name) => name.endsWith('.txt')).sort();
const SEEDS: PairSource[] = SEED_NAMES.map((name) => ({ id: name, text: read(name) }));
const seed = (prefix: string): PairSource => SEEDS.find((doc) => doc.id.startsWith(prefix))!;

/**
 * What a near-duplicate distractor of the development set looks like: the first paragraph dropped and every
 * stand-alone number changed (last digit moved by one).
 */
function distractorOf(text: string): string {
  const paragraphs = text.split('\n').filter((line) => line.trim()).slice(1);
  return `${paragraphs
    .join('\n\n')
    .replace(/\b\d+(?:[.,]\d+)?\b/g, (figure) => figure.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10)))
    .trim()}\n`;
}

/** Every id in at most one pair, every input id exactly once in pairs or unpaired. */
function expectPartition(pairing: Pairing, ids: readonly string[]): void {
  const inPairs = pairing.pairs.flatMap((pair) => [pair.ru, pair.en]);
  expect(new Set(inPairs).size).toBe(inPairs.length);
  const all = [...inPairs, ...pairing.unpaired.map((doc) => doc.id)].sort();
  expect(all).toEqual([...ids].sort());
}

describe('pairDocumentsSync on the seed corpus', () => {
  const pairing = pairDocumentsSync(SEEDS);

  it('pairs exactly 002 (Russian) with 000 (English)', () => {
    expect(pairing.pairs.map((pair) => [pair.ru, pair.en])).toEqual([[seed('002').id, seed('000').id]]);
  });

  it('leaves the reports of other meetings (001, 003, 004) unpaired, with a reason', () => {
    expect(pairing.unpaired.map((doc) => doc.id)).toEqual([seed('001').id, seed('003').id, seed('004').id]);
    for (const doc of pairing.unpaired) {
      expect(doc.lang).toBe('en');
      expect(['no-candidate', 'below-threshold', 'taken']).toContain(doc.reason);
    }
  });

  it('explains the pair: the shared figures weigh most, and the score is in (0, 1]', () => {
    const [pair] = pairing.pairs;
    expect(pair.score).toBeGreaterThan(0);
    expect(pair.score).toBeLessThanOrEqual(1);
    const keys = pair.evidence.shared.map((shared) => shared.key);
    expect(keys).toContain('num:4300000000');
    expect(pair.evidence.shared.length).toBeLessThanOrEqual(10);
    const weights = pair.evidence.shared.map((shared) => shared.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });
});

describe('near-duplicate distractors', () => {
  const ru = seed('002');
  const en = seed('000');
  const distractor: PairSource = { id: 'distractor.txt', text: distractorOf(en.text as string) };

  it('does not pair a distractor with changed figures over the genuine version', () => {
    const pairing = pairDocumentsSync([distractor, ru, en]);
    expect(pairing.pairs.map((pair) => [pair.ru, pair.en])).toEqual([[ru.id, en.id]]);
    expect(pairing.unpaired).toMatchObject([{ id: 'distractor.txt', lang: 'en', reason: 'taken', best: { id: ru.id } }]);
  });

  it('reports the changed figures as contradictions, and they bring the score down', () => {
    const fingerprints = [ru, distractor].map((input) => fingerprintInput(input)) as Fingerprint[];
    const [candidate] = scoreCandidates(fingerprints);
    expect(candidate.agreement).toBeLessThan(0.5);
    expect(candidate.score).toBeLessThan(DEFAULT_PAIR_THRESHOLD);
    // Scored without its contradictions, the pair is made, and its evidence still lists them.
    const lenient = pairFingerprints(fingerprints, { threshold: 0, model: { contradictionWeight: 0, figureAgreement: 0 } });
    expect(lenient.pairs).toHaveLength(1);
    const figures = lenient.pairs[0].evidence.contradictions.filter((c) => c.kind === 'figure');
    expect(figures).toContainEqual({ kind: 'figure', ru: '4,3 млрд долларов США', en: '4.4 billion US dollars' });
  });

  it('does not pair a report of another meeting of the same people, even as the only English document', () => {
    for (const other of ['001', '003', '004']) {
      const pairing = pairDocumentsSync([ru, seed(other)]);
      expect(pairing.pairs).toEqual([]);
      expect(pairing.unpaired.map((doc) => doc.reason)).toEqual(['below-threshold', 'below-threshold']);
    }
  });

  it('leaves a lone distractor unpaired when the genuine version is withheld', () => {
    const pairing = pairDocumentsSync([ru, distractor, seed('001'), seed('003'), seed('004')]);
    expect(pairing.pairs).toEqual([]);
  });
});

describe('edge collections', () => {
  it('pairs nothing in an empty collection', () => {
    expect(pairDocumentsSync([])).toEqual({ pairs: [], unpaired: [], errors: [] });
  });

  it('leaves every document of a one-language collection unpaired as same-language-only', () => {
    const english = SEEDS.filter((doc) => doc.id !== seed('002').id);
    const pairing = pairDocumentsSync(english);
    expect(pairing.pairs).toEqual([]);
    expect(pairing.unpaired.map((doc) => doc.reason)).toEqual(english.map(() => 'same-language-only'));
    expect(pairing.unpaired.map((doc) => doc.id)).toEqual(english.map((doc) => doc.id));
  });

  it('reports an unreadable text in errors instead of throwing', () => {
    const pairing = pairDocumentsSync([...SEEDS, { id: 'empty.txt', text: '   ' }, { id: 'figures.txt', text: '12 34 56\n' }]);
    expect(pairing.errors).toMatchObject([
      { id: 'empty.txt', code: 'empty' },
      { id: 'figures.txt', code: 'undetected-language' },
    ]);
    expect(pairing.pairs).toHaveLength(1);
    expect(pairing.unpaired).toHaveLength(3);
  });

  it('reports an id given twice (keeping the first) and throws on an option out of range', () => {
    const twice = pairDocumentsSync([SEEDS[0], SEEDS[0], ...SEEDS.slice(1)]);
    expect(twice.errors).toMatchObject([{ id: SEEDS[0].id, code: 'duplicate-id' }]);
    expect(twice.pairs).toEqual(pairDocumentsSync(SEEDS).pairs);
    expect(() => pairDocumentsSync(null as never)).toThrow(InputError);
    expect(() => pairDocumentsSync(SEEDS, { threshold: 2 })).toThrow(/threshold/);
    expect(() => pairDocumentsSync(SEEDS, { candidates: 0 })).toThrow(/candidates/);
  });

  it('does not pair documents dated further apart than the date window', () => {
    const ru = { ...seed('002'), date: '2024-03-05' };
    const en = { ...seed('000'), date: '2024-04-05' };
    expect(pairDocumentsSync([ru, en]).pairs).toEqual([]);
    expect(pairDocumentsSync([ru, en], { dateWindowDays: 31 }).pairs).toHaveLength(1);
    expect(pairDocumentsSync([ru, en], { dateWindowDays: Infinity }).pairs).toHaveLength(1);
  });
});

describe('entry points and determinism', () => {
  it('gives the same result from an async iterable, and accepts parsed Documents', async () => {
    async function* stream(): AsyncGenerator<PairSource> {
      for (const doc of SEEDS) yield doc;
    }
    const sync = pairDocumentsSync(SEEDS);
    expect(await pairDocuments(stream())).toEqual(sync);
    const parsed = SEEDS.map((doc) => ({ ...parseDocument(doc.text, { id: doc.id }), id: doc.id }));
    expect(pairDocumentsSync(parsed)).toEqual(sync);
  });

  it('is one-to-one and independent of input order (seeds, two distractors, shuffled)', () => {
    const docs: PairSource[] = [
      ...SEEDS,
      { id: 'distractor-000.txt', text: distractorOf(seed('000').text as string) },
      { id: 'distractor-001.txt', text: distractorOf(seed('001').text as string) },
    ];
    const fingerprints = docs.map((doc) => fingerprintInput(doc)) as Fingerprint[];
    const reference = pairFingerprints(fingerprints);
    expectPartition(reference, docs.map((doc) => doc.id));
    fc.assert(
      fc.property(fc.shuffledSubarray(fingerprints, { minLength: fingerprints.length }), (shuffled) => {
        expect(pairFingerprints(shuffled)).toEqual(reference);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps pairs one-to-one on random collections of figure-bearing documents', () => {
    const sentence = {
      ru: (value: number, year: number) => `В ${year} году выручка составила ${value} млн рублей.`,
      en: (value: number, year: number) => `In ${year}, revenue was ${value} million rubles.`,
    };
    const doc = fc.record({
      lang: fc.constantFrom('ru' as const, 'en' as const),
      facts: fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 2015, max: 2020 })), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 12 }), (specs) => {
        const docs = specs.map((spec, k) => ({
          id: `d${String(k).padStart(2, '0')}`,
          lang: spec.lang,
          text: `${spec.facts.map(([value, year]) => sentence[spec.lang](value, year)).join('\n\n')}\n`,
        }));
        const pairing = pairDocumentsSync(docs);
        expectPartition(pairing, docs.map((d) => d.id));
        for (const pair of pairing.pairs) {
          expect(docs.find((d) => d.id === pair.ru)?.lang).toBe('ru');
          expect(docs.find((d) => d.id === pair.en)?.lang).toBe('en');
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('publication dates', () => {
  it('measures days apart with and without a year', () => {
    expect(daysApart(readPublicationDate('2024-03-05'), readPublicationDate('2024-03-12'))).toBe(7);
    expect(daysApart(readPublicationDate('--12-31'), readPublicationDate('2024-01-01'))).toBe(1);
    expect(daysApart(readPublicationDate(undefined), readPublicationDate('2024-01-01'))).toBeUndefined();
    expect(readPublicationDate('2024-13-01')).toEqual({});
  });
});

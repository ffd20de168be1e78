/**
 * Invariants of the aligner on random and mutated documents (fast-check): every paragraph in exactly one
 * link, links monotonic and contiguous, offsets slicing back, deterministic, mirror-symmetric in argument
 * order, and no throw except the documented InputErrors.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignDocuments, findDiscrepancies, InputError, type Alignment } from '../src/index.js';

const corpus = (name: string): string => readFileSync(new URL(`../corpus/${name}`, import.meta.url), 'utf8');
const RU = corpus('002_6e70b530b08c33a1.txt');
const EN = corpus('000_0de97bedda4ecb13.txt');
const RU_PARAGRAPHS = RU.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
const EN_PARAGRAPHS = EN.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

/** Runs per property; CI prints the total (see the summary test at the end). */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
let executed = 0;

export function checkInvariants(alignment: Alignment): void {
  const { ru, en, links } = alignment;
  const seenRu: number[] = [];
  const seenEn: number[] = [];
  for (const link of links) {
    expect(link.ru.length + link.en.length).toBeGreaterThan(0);
    expect(link.score).toBeGreaterThanOrEqual(0);
    expect(link.score).toBeLessThanOrEqual(1);
    seenRu.push(...link.ru);
    seenEn.push(...link.en);
  }
  // Exactly once each, in order (monotonic and contiguous).
  expect(seenRu).toEqual(ru.paragraphs.map((_, k) => k));
  expect(seenEn).toEqual(en.paragraphs.map((_, k) => k));
  for (const doc of [ru, en]) {
    for (const paragraph of doc.paragraphs) {
      expect(doc.source.slice(paragraph.start, paragraph.end)).toBe(paragraph.text);
      for (const anchor of paragraph.anchors) {
        expect(doc.source.slice(anchor.start, anchor.end)).toBe(anchor.surface);
        expect(anchor.start).toBeGreaterThanOrEqual(paragraph.start);
        expect(anchor.end).toBeLessThanOrEqual(paragraph.end);
      }
    }
  }
}

const word = fc.oneof(
  fc.constantFrom('встреча', 'Баку', 'Асадов', 'торговли', '4,3', 'млрд', '11', 'процентов', '2023', 'году', '5 марта', '12-го', 'Россия', 'СНГ'),
  fc.stringMatching(/^[а-яё]{1,12}$/),
);
const enWord = fc.oneof(
  fc.constantFrom('meeting', 'Baku', 'Asadov', 'trade', '4.3', 'billion', '11', 'percent', '2023', 'March 5', '12th', 'Russia', 'CIS'),
  fc.stringMatching(/^[a-z]{1,12}$/),
);
const paragraph = (words: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.array(words, { minLength: 1, maxLength: 40 }).map((ws) => `${ws.join(' ')}.`);
const document = (words: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.array(paragraph(words), { minLength: 1, maxLength: 25 }).map((ps) => ps.join('\n\n'));

/** The seed pair with paragraphs dropped, duplicated, split or merged at random. */
const mutatedSeed = (paragraphs: string[]): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom('keep', 'keep', 'keep', 'drop', 'dup', 'merge'), {
      minLength: paragraphs.length,
      maxLength: paragraphs.length,
    })
    .map((ops) => {
      const out: string[] = [];
      ops.forEach((op, k) => {
        if (op === 'drop') return;
        if (op === 'merge' && out.length) out[out.length - 1] += ` ${paragraphs[k]}`;
        else out.push(paragraphs[k]);
        if (op === 'dup') out.push(paragraphs[k]);
      });
      return (out.length ? out : [paragraphs[0]]).join('\n\n');
    });

describe('alignment invariants (property-based)', () => {
  it('hold on random Russian and English documents', () => {
    fc.assert(
      fc.property(document(word), document(enWord), (ru, en) => {
        executed++;
        const alignment = alignDocuments(ru, en, { langs: ['ru', 'en'] });
        checkInvariants(alignment);
        findDiscrepancies(alignment);
      }),
      { numRuns: RUNS },
    );
  });

  it('hold on the seed pair with paragraphs dropped, duplicated and merged', () => {
    fc.assert(
      fc.property(mutatedSeed(RU_PARAGRAPHS), mutatedSeed(EN_PARAGRAPHS), (ru, en) => {
        executed++;
        const alignment = alignDocuments(ru, en);
        checkInvariants(alignment);
        findDiscrepancies(alignment);
      }),
      { numRuns: RUNS },
    );
  });

  it('are deterministic and mirror-symmetric in argument order', () => {
    fc.assert(
      fc.property(mutatedSeed(RU_PARAGRAPHS), mutatedSeed(EN_PARAGRAPHS), (ru, en) => {
        executed++;
        const once = alignDocuments(ru, en);
        const again = alignDocuments(ru, en);
        const swapped = alignDocuments(en, ru);
        const shape = (a: Alignment) => a.links.map((l) => [l.ru, l.en, l.score]);
        expect(shape(again)).toEqual(shape(once));
        expect(shape(swapped)).toEqual(shape(once));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('throw nothing but InputError on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), (a, b) => {
        executed++;
        try {
          checkInvariants(alignDocuments(a, b));
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('report how many property runs were executed', () => {
    console.log(`property-based runs executed: ${executed}`);
    expect(executed).toBeGreaterThanOrEqual(RUNS * 4);
  });
});

/**
 * Where the name check looks for a name in a long link: near its place, by relative position (scope.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignDocuments, findDiscrepancies, parseDocument, type Document } from '../../src/index.js';
import { NEAR_CHARS, OtherSide } from '../../src/check/scope.js';

/** An English document of `count` paragraphs of `size` characters each. */
function englishOf(count: number, size: number): Document {
  const paragraph = 'The delegation met the ministers and discussed trade. '.repeat(Math.ceil(size / 54)).slice(0, size - 1).trimEnd() + '.';
  return parseDocument(Array.from({ length: count }, () => paragraph).join('\n\n'), { lang: 'en' });
}

describe('OtherSide.near', () => {
  it('a short side is searched whole, wherever the name stands', () => {
    const doc = englishOf(6, 1000);
    const side = new OtherSide(doc, [0], [1, 2, 3, 4], [5]);
    expect(side.long).toBe(false);
    for (const at of [0, 0.5, 1]) expect(side.near(at)).toEqual([0, 1, 2, 3, 4, 5].map((index) => ({ index, from: 0, to: Infinity })));
  });

  it('a long side: the window of 2 × NEAR_CHARS around the same relative place of the link, neighbours included', () => {
    const doc = englishOf(20, 10_000);
    const side = new OtherSide(doc, [0], Array.from({ length: 18 }, (_, k) => k + 1), [19]);
    expect(side.long).toBe(true);
    const lengths = doc.paragraphs.map((p) => p.clean.length);
    const prefix = (k: number): number => lengths.slice(0, k).reduce((a, b) => a + b, 0);
    const centre = prefix(1) + 0.5 * (prefix(19) - prefix(1));
    const scope = side.near(0.5);
    // Every paragraph the window touches, in order, each cut to the window.
    const expected = doc.paragraphs
      .map((_, k) => ({ index: k, from: Math.max(0, centre - NEAR_CHARS - prefix(k)), to: centre + NEAR_CHARS - prefix(k) }))
      .filter(({ index }) => prefix(index + 1) > centre - NEAR_CHARS && prefix(index) < centre + NEAR_CHARS);
    expect(scope).toEqual(expected);
    // The start of the link reaches back into the neighbour before it, its end into the one after.
    expect(side.near(0)[0]).toEqual({ index: 0, from: 0, to: prefix(1) + NEAR_CHARS });
    expect(side.near(1).at(-1)).toEqual({ index: 19, from: 0, to: prefix(19) + NEAR_CHARS - prefix(19) });
  });

  it('the window covers 2 × NEAR_CHARS of text, clipped at the ends, for any place and cut (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30_000 }), { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (sizes, at) => {
        const doc = parseDocument(sizes.map((size) => 'a'.repeat(size)).join('\n\n'), { lang: 'en' });
        const indices = doc.paragraphs.map((p) => p.index);
        const side = new OtherSide(doc, [], indices, []);
        const total = doc.paragraphs.reduce((sum, p) => sum + p.clean.length, 0);
        const covered = side.near(at).reduce((sum, { index, from, to }) => sum + Math.min(to, doc.paragraphs[index].clean.length) - from, 0);
        if (!side.long) expect(covered).toBe(total);
        else expect(covered).toBeCloseTo(Math.min(total, at * total + NEAR_CHARS) - Math.max(0, at * total - NEAR_CHARS), 6);
      }),
    );
  });
});

describe('the name check in a long link', () => {
  // One link of a whole chapter: the Russian a sentence per line, the English one block.
  const filler = (k: number, lang: 'ru' | 'en'): string =>
    lang === 'ru' ? `Делегация обсудила вопросы торговли и инвестиций в ходе встречи номер ${k}.` : `The delegation discussed trade and investment at meeting number ${k}.`;
  const lines = (lang: 'ru' | 'en', names: Record<number, string>): string[] =>
    Array.from({ length: 1500 }, (_, k) => (names[k] ? `${filler(k, lang)} ${lang === 'ru' ? 'Об этом сказал' : 'So said'} ${names[k]}.` : filler(k, lang)));

  // «Мишустин» against "Mishoustin": no shared key, a transcription the comparison accepts (similarity 0.85). A
  // name's own key anywhere in the link counts as present; the looser comparisons look near the name's place only.
  it.each([
    ['near its place', 1400, false],
    ['only far from its place', 10, true],
  ])('a name the other side spells otherwise, given %s (sentence %i): reported missing %s', (_where, at, missing) => {
    const ru = lines('ru', { 100: 'Асадов', 1400: 'Мишустин' }).join('\n');
    const en = lines('en', { 100: 'Asadov', [at]: 'Mishoustin' }).join(' ');
    const alignment = alignDocuments(ru, en);
    expect(alignment.warnings.map((w) => w.code)).toContain('paragraphing');
    const names = findDiscrepancies(alignment).filter((d) => d.kind === 'entity-missing').map((d) => d.anchor.surface);
    expect(names.includes('Мишустин')).toBe(missing);
    expect(names).not.toContain('Асадов');
  });
});

/**
 * Texts cut into paragraph counts far apart (a sentence per line against one block): the finer side's paragraphs
 * are aligned with the coarser side's sentences and joined back into paragraph links.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { setRoots } from '../bench/dev.js';
import { alignDocuments, alignSentences, parseDocument, splitSentences, type Alignment } from '../src/index.js';
import { coarserSide, coarseSplitter, joinCoarseParagraphs } from '../src/align/paragraphing.js';
import { checkInvariants } from './invariants.js';
import { EN, RU } from './seed.js';

type Bead = { ru: number[]; en: number[]; score: number };
const bead = (ru: number[], en: number[], score = 1): Bead => ({ ru, en, score });
const shapes = (beads: Bead[]): Array<[number[], number[]]> => beads.map((b) => [b.ru, b.en]);

describe('joinCoarseParagraphs (English coarse: its sentences 0–1 in paragraph 0, 2–3 in paragraph 1)', () => {
  const paragraphOf = [0, 0, 1, 1];
  it.each<[string, Bead[], Array<[number[], number[]]>]>([
    ['beads sharing a paragraph are one link', [bead([0], [0]), bead([1], [1]), bead([2], [2]), bead([3], [3])], [[[0, 1], [0]], [[2, 3], [1]]]],
    [
      'a fine paragraph without counterpart between two sentences of one paragraph joins it',
      [bead([0], [0]), bead([1], []), bead([2], [1]), bead([3], [2, 3])],
      [[[0, 1, 2], [0]], [[3], [1]]],
    ],
    [
      'one between two paragraphs stays apart',
      [bead([0], [0, 1]), bead([1], []), bead([2], [2, 3])],
      [[[0], [0]], [[1], []], [[2], [1]]],
    ],
    ['one before the first and after the last stays apart', [bead([0], []), bead([1], [0, 1, 2, 3]), bead([2], [])], [[[0], []], [[1], [0, 1]], [[2], []]]],
    ['a bead across two paragraphs joins them', [bead([0], [0]), bead([1], [1, 2]), bead([2], [3])], [[[0, 1, 2], [0, 1]]]],
    ['a sentence without counterpart stays with its paragraph', [bead([0], [0]), bead([], [1]), bead([], [2]), bead([1], [3])], [[[0], [0]], [[1], [1]]]],
    ['a paragraph whose sentences match nothing is a link of its own', [bead([0], [0, 1]), bead([], [2]), bead([], [3])], [[[0], [0]], [[], [1]]]],
  ])('%s', (_name, beads, expected) => {
    expect(shapes(joinCoarseParagraphs(beads, paragraphOf, 'en'))).toEqual(expected);
  });

  it('a joined link scores the lower of its first and last beads: its inner boundaries are gone', () => {
    expect(joinCoarseParagraphs([bead([0], [0], 0.9), bead([1], [], 0.2), bead([2], [1], 0.1), bead([3], [2], 0.7)], [0, 0, 0], 'en').map((b) => b.score)).toEqual([0.7]);
    expect(joinCoarseParagraphs([bead([0], [0], 0.6), bead([1], [1], 0.9)], [0, 0], 'en').map((b) => b.score)).toEqual([0.6]);
  });

  it('every paragraph of both sides in exactly one link, in order, for any monotonic path (property)', () => {
    // A path: a list of bead shapes (fine count, coarse sentence count), not both 0; sentences grouped into paragraphs.
    const shape = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).filter(([a, b]) => a + b > 0);
    fc.assert(
      fc.property(fc.array(shape, { minLength: 1, maxLength: 40 }), fc.array(fc.boolean(), { maxLength: 120 }), (shapes, breaks) => {
        let [i, j] = [0, 0];
        const beads = shapes.map(([a, b]) => bead(Array.from({ length: a }, () => i++), Array.from({ length: b }, () => j++)));
        // Sentence k starts a new coarse paragraph where `breaks` says so.
        const paragraphOf: number[] = [];
        for (let k = 0, p = 0; k < j; k++) paragraphOf.push(k > 0 && breaks[k] ? ++p : p);
        const out = joinCoarseParagraphs(beads, paragraphOf, 'en');
        expect(out.flatMap((b) => b.ru)).toEqual(Array.from({ length: i }, (_, k) => k));
        expect(out.flatMap((b) => b.en)).toEqual(Array.from({ length: j === 0 ? 0 : paragraphOf[j - 1] + 1 }, (_, k) => k));
        expect(out.every((b) => b.ru.length + b.en.length > 0)).toBe(true);
      }),
    );
  });

  it('works the same with Russian as the coarse side', () => {
    expect(shapes(joinCoarseParagraphs([bead([0], [0]), bead([1], [1]), bead([2], [2])], [0, 0, 1], 'ru'))).toEqual([[[0], [0, 1]], [[1], [2]]]);
  });
});

/** The two-sided sentence links of an alignment, as [Russian text, English text]. */
function sentencePairs(alignment: Alignment): Array<[string, string]> {
  const { links, sentences } = alignSentences(alignment);
  return links
    .filter((link) => link.ru.length > 0 && link.en.length > 0)
    .map((link) => [link.ru.map((k) => sentences.ru[k].text).join(' '), link.en.map((k) => sentences.en[k].text).join(' ')]);
}

/** Each side of one pair holds the other's or is held by it (a headline run into the next sentence in a block). */
const overlaps = (a: string, b: string): boolean => a.includes(b) || b.includes(a);
const samePair = ([ru, en]: [string, string], [otherRu, otherEn]: [string, string]): boolean => overlaps(ru, otherRu) && overlaps(en, otherEn);

// The seed's paragraphs as the parser repairs them (a word broken at a line end rejoined), to re-cut.
const SEED = alignDocuments(RU, EN);
const RU_CLEAN = SEED.ru.paragraphs.map((p) => p.clean);
const EN_CLEAN = SEED.en.paragraphs.map((p) => p.clean);
const perLine = (paragraphs: string[], lang: 'ru' | 'en'): string => paragraphs.flatMap((p) => splitSentences(p, lang).map((s) => s.text)).join('\n');

describe('the seed pair cut a sentence per line against one block', () => {
  const reference = sentencePairs(SEED);

  it.each([
    ['Russian per line, English one block', perLine(RU_CLEAN, 'ru'), EN_CLEAN.join(' '), 'en'],
    ['English per line, Russian one block', RU_CLEAN.join(' '), perLine(EN_CLEAN, 'en'), 'ru'],
  ] as const)('%s: one link of both sides; at sentence level the pairs of the text cut in paragraphs', (_name, ru, en, coarse) => {
    const alignment = alignDocuments(ru, en);
    checkInvariants(alignment);
    const fine = coarse === 'en' ? 'ru' : 'en';
    // One link holds the block; a line of the finer side with no counterpart (the Russian headline) may stand apart.
    expect(alignment.links.filter((link) => link.ru.length > 0 && link.en.length > 0)).toHaveLength(1);
    expect(alignment.links.filter((link) => link[coarse].length === 0).every((link) => link[fine].length === 1)).toBe(true);
    expect(alignment.warnings.map((w) => w.code)).toEqual(['paragraphing']);
    expect(alignment.warnings[0].message).toContain(`aligned with the ${coarse === 'en' ? 'English' : 'Russian'} sentences`);
    const pairs = sentencePairs(alignment);
    const kept = reference.filter((pair) => pairs.some((other) => samePair(pair, other))).length;
    // The per-paragraph alignment's sentence pairs, nearly all found again without any paragraph to guide them.
    expect(kept / reference.length).toBeGreaterThanOrEqual(0.9);
  });

  it('an English cut into three blocks: three links, each the Russian lines of its block', () => {
    // Blocks of the English paragraphs 0–3, 4–7, 8–10; the Russian paragraphs linked to them in the seed's own alignment.
    const blocks = [EN_CLEAN.slice(0, 4), EN_CLEAN.slice(4, 8), EN_CLEAN.slice(8)];
    const block = (en: number): number => (en < 4 ? 0 : en < 8 ? 1 : 2);
    const lines = RU_CLEAN.map((p) => splitSentences(p, 'ru').length);
    const expected = blocks.map(() => 0);
    for (const link of SEED.links) {
      if (link.en.length > 0) for (const p of link.ru) expected[block(link.en[0])] += lines[p];
    }
    const alignment = alignDocuments(perLine(RU_CLEAN, 'ru'), blocks.map((b) => b.join(' ')).join('\n\n'));
    checkInvariants(alignment);
    const twoSided = alignment.links.filter((link) => link.en.length > 0);
    expect(twoSided.map((link) => link.en)).toEqual([[0], [1], [2]]);
    // Each block's Russian lines, give or take the one at a block's edge.
    twoSided.forEach((link, k) => expect(Math.abs(link.ru.length - expected[k])).toBeLessThanOrEqual(1));
  });
});

describe('coarserSide: which texts are aligned against the other side\'s sentences', () => {
  const ruSentence = (k: number): string => `Стороны обсудили вопрос номер ${k} и приняли решение.`;
  const enSentence = (k: number): string => `The sides discussed issue number ${k} and took a decision.`;
  /** `count` paragraphs of `size` sentences each, the sentences numbered in order. */
  const text = (sentence: (k: number) => string, count: number, size: number): string =>
    Array.from({ length: count }, (_, p) => Array.from({ length: size }, (_, s) => sentence(p * size + s)).join(' ')).join('\n\n');
  const side = (ru: string, en: string): string | undefined => coarserSide(parseDocument(ru, { lang: 'ru' }), parseDocument(en, { lang: 'en' }));

  it.each<[string, string, string, string | undefined]>([
    ['one block against 7 paragraphs', text(ruSentence, 7, 1), text(enSentence, 1, 7), 'en'],
    ['the Russian a sentence per paragraph, the English 3 sentences a paragraph', text(ruSentence, 12, 1), text(enSentence, 4, 3), 'en'],
    ['the English a sentence per paragraph, the Russian 2 sentences a paragraph', text(ruSentence, 6, 2), text(enSentence, 12, 1), 'ru'],
    ['both a sentence per paragraph', text(ruSentence, 12, 1), text(enSentence, 12, 1), undefined],
    ['both in paragraphs of 2 sentences', text(ruSentence, 6, 2), text(enSentence, 6, 2), undefined],
    ['sentence lines, but fewer than 8', text(ruSentence, 6, 1), text(enSentence, 2, 3), undefined],
    ['paragraphs of 1.2 sentences against 1 (too alike)', text(ruSentence, 10, 1), `${text(enSentence, 6, 1)}\n\n${text(enSentence, 2, 2)}`, undefined],
  ])('%s', (_name, ru, en, expected) => expect(side(ru, en)).toBe(expected));
});

describe('the seed pair with its Russian a sentence per paragraph against the English in pairs of paragraphs', () => {
  it('each English paragraph is linked with the Russian lines of the paragraphs it translates', () => {
    // The English paragraphs two by two (2.7 sentences a paragraph); the Russian a sentence per paragraph (20 of them).
    const blocks = Array.from({ length: Math.ceil(EN_CLEAN.length / 2) }, (_, k) => EN_CLEAN.slice(2 * k, 2 * k + 2).join(' '));
    const alignment = alignDocuments(RU_CLEAN.flatMap((p) => splitSentences(p, 'ru').map((s) => s.text)).join('\n\n'), blocks.join('\n\n'));
    checkInvariants(alignment);
    expect(alignment.warnings.map((w) => w.code)).toEqual(['paragraphing']);
    const lines = RU_CLEAN.map((p) => splitSentences(p, 'ru').length);
    const expected = blocks.map(() => 0);
    for (const link of SEED.links) if (link.en.length > 0) for (const p of link.ru) expected[link.en[0] >> 1] += lines[p];
    const twoSided = alignment.links.filter((link) => link.ru.length > 0 && link.en.length > 0);
    expect(twoSided.map((link) => link.en)).toEqual(blocks.map((_, k) => [k]));
    expect(twoSided.map((link) => link.ru.length)).toEqual(expected);
  });
});

describe('coarseSplitter: a list run into one block is cut for the search', () => {
  const rows = Array.from({ length: 15 }, (_, k) => `is preferred to choice ${k + 2} by ${100 + k} votes`);
  const block = parseDocument(`A summary of the tallies follows. ${rows.join(' ')}. That is all.`, { lang: 'en' }).paragraphs[0];

  it('a sentence over 3× the fine side’s median paragraph is cut at spaces into pieces of about its length', () => {
    const pieces = coarseSplitter([30, 32, 35], 1)(block, 'en');
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.map((p) => p.text).join(' ')).toBe(block.clean);
    for (const p of pieces) expect(block.clean.slice(p.start, p.end)).toBe(p.text);
    for (const p of pieces.slice(1, -2)) expect(p.text.length).toBeLessThanOrEqual(2 * 33);
  });

  it('sentences of an ordinary length are the splitter’s own', () => {
    expect(coarseSplitter([300, 320], 1)(block, 'en')).toEqual(splitSentences(block.clean, 'en'));
  });

  // A published election result (../shared/real): a tally table of 15 rows, which the English run into one block
  // writes as one sentence. Uncut, the search left 15 of the 18 Russian paragraphs without counterpart.
  const pair = setRoots().real === undefined ? undefined : join(setRoots().real!, 'debian-2001-dpl-election');
  it.skipIf(pair === undefined || !existsSync(join(pair, 'ru.txt')))('a published tally table run into one block: every row joins the block’s link', () => {
    const en = parseDocument(readFileSync(join(pair!, 'en.txt'), 'utf8'), { lang: 'en' }).paragraphs.map((p) => p.clean).join(' ');
    const alignment = alignDocuments(readFileSync(join(pair!, 'ru.txt'), 'utf8'), en);
    checkInvariants(alignment);
    expect(alignment.warnings.map((w) => w.code)).toContain('paragraphing');
    expect(alignment.links.map((link) => [link.ru.length, link.en.length])).toEqual([[18, 1]]);
  });
});

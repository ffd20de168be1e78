/**
 * The JSON report written in pieces is exactly the JSON written whole: jsonChunks against JSON.stringify on
 * nested plain data (every indent form, values JSON.stringify leaves out or turns into null), and the export's
 * pieces against toJson / exportAlignment on a corpus pair, with filters and sentences.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../src/align/align.js';
import { findDiscrepancies } from '../src/check/discrepancies.js';
import { exportAlignment, exportAlignmentChunks, exportJsonReport, toJson, toJsonChunks } from '../src/export/index.js';
import { jsonChunks, LazyList } from '../src/export/json-chunks.js';
import { alignSentences } from '../src/sentences/align.js';

const corpus = (name: string): string => readFileSync(new URL(`../corpus/${name}`, import.meta.url), 'utf8');
const alignment = alignDocuments(corpus('002_6e70b530b08c33a1.txt'), corpus('000_0de97bedda4ecb13.txt'), { ids: ['ru.txt', 'en.txt'] });
const discrepancies = findDiscrepancies(alignment);

const SAMPLE = {
  empty: {},
  none: [],
  text: 'line\nbreak "quoted" — кириллица',
  numbers: [0, -0, 1.5, 1e21, NaN, Infinity],
  nested: { list: [{ a: [1, [2, []]], b: null, skipped: undefined }, [], {}], deep: { deeper: { deepest: [true, false] } } },
  holes: [undefined, () => 1, 'kept'],
  skipped: undefined,
  fn: () => 1,
};

describe('jsonChunks', () => {
  for (const indent of [2, 0, 4, 12, '\t', '', '--']) {
    for (const depth of [0, 1, 2, 3, 5]) {
      it(`joins to JSON.stringify (indent ${JSON.stringify(indent)}, depth ${depth})`, () => {
        expect([...jsonChunks(SAMPLE, indent, depth)].join('')).toBe(JSON.stringify(SAMPLE, null, indent));
      });
    }
  }

  it('writes scalars and empty containers whole', () => {
    for (const value of [null, 3, 'x', [], {}]) expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('writes a LazyList as the array of its elements, making each only as it is written', () => {
    const made: number[] = [];
    const list = new LazyList(5, (k) => {
      made.push(k);
      return { k, nested: [k, { deep: k % 2 === 0 ? 'even' : undefined }] };
    });
    const value = { before: 1, list, after: [] };
    const expected = JSON.stringify({ ...value, list: list.toJSON() }, null, 2);
    made.length = 0;
    for (const depth of [0, 1, 2, 3]) expect([...jsonChunks(value, 2, depth)].join('')).toBe(expected);
    made.length = 0;
    const pieces = jsonChunks(value, 2, 3);
    for (let step = 0; step < 6; step++) pieces.next();
    expect(made).toEqual([0]); // the second element is not made before the first is written
    expect(JSON.stringify(new LazyList(0, () => 1))).toBe('[]');
  });

  it('opens the levels it is told to, so that no piece holds a whole list', () => {
    const pieces = [...jsonChunks({ list: Array.from({ length: 100 }, (_, k) => ({ k })) }, 2, 2)];
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(40);
  });
});

describe('toJsonChunks and exportAlignmentChunks', () => {
  const sentences = alignSentences(alignment);
  const cases = {
    default: {},
    filtered: { minScore: 0.5, dropUnmatched: true },
    'one to one': { oneToOneOnly: true, indent: 0 },
    sentences: { sentences },
  };
  for (const [name, options] of Object.entries(cases)) {
    it(`join to toJson (${name})`, () => {
      expect([...toJsonChunks(alignment, discrepancies, options)].join('')).toBe(toJson(alignment, discrepancies, options));
    });
  }

  it('join to exportAlignment for every format', () => {
    for (const format of ['json', 'jsonl', 'tmx', 'tsv', 'html', 'text', 'xliff'] as const) {
      const options = { discrepancies, level: 'sentence' as const, creationDate: new Date(0) };
      const whole = format === 'html' || format === 'text' ? exportAlignment(alignment, format, { discrepancies }) : exportAlignment(alignment, format, options);
      const pieces = format === 'html' || format === 'text' ? exportAlignmentChunks(alignment, format, { discrepancies }) : exportAlignmentChunks(alignment, format, options);
      expect([...pieces].join('')).toBe(whole);
    }
  });

  it('exportJsonReport is the object exportAlignment writes', () => {
    const options = { discrepancies, level: 'sentence' as const, minScore: 0.3 };
    expect(JSON.stringify(exportJsonReport(alignment, options), null, 2) + '\n').toBe(exportAlignment(alignment, 'json', options));
  });

  it('refuses a bad option before the first piece', () => {
    expect(() => exportAlignmentChunks(alignment, 'json', { minScore: Number.NaN })).toThrow();
  });
});

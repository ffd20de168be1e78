import { describe, expect, it } from 'vitest';
import { extractAnchors, mergeByPosition } from '../../src/anchors/extract.js';
import type { Anchor } from '../../src/types.js';

const at = (start: number, end: number, key: string): Anchor => ({ kind: 'term', key, start, end, surface: '', weight: 1 });
const stableSort = (list: Anchor[]): Anchor[] => [...list].sort((a, b) => a.start - b.start || a.end - b.end);

describe('mergeByPosition', () => {
  it('gives what a stable sort of both lists gives: by start, then end, the first list first on ties', () => {
    const first = [at(0, 3, 'a'), at(5, 9, 'b'), at(5, 9, 'c'), at(12, 14, 'd')];
    const second = [at(0, 3, 'x'), at(4, 6, 'y'), at(5, 7, 'z'), at(12, 14, 'w'), at(20, 21, 'v')];
    expect(mergeByPosition(first, second)).toEqual(stableSort([...first, ...second]));
    expect(mergeByPosition([], second)).toEqual(second);
    expect(mergeByPosition(first, [])).toEqual(first);
  });

  it('sorts a list given out of order first', () => {
    const first = [at(9, 10, 'late'), at(1, 2, 'early'), at(1, 2, 'early-too')];
    const second = [at(1, 2, 'tie'), at(3, 4, 'mid')];
    expect(mergeByPosition(first, second)).toEqual(stableSort([...first, ...second]));
  });
});

describe('extractAnchors', () => {
  it('returns every anchor in position order, surfaces from the text as given', () => {
    const text = 'В 2024 году «Газпром» и Mоscow подписали соглашение на 5 млрд рублей.';
    const anchors = extractAnchors(text, 'ru');
    expect(anchors).toEqual(stableSort(anchors));
    for (const a of anchors) expect(a.surface).toBe(text.slice(a.start, a.end));
    expect(anchors.some((a) => a.kind === 'entity')).toBe(true);
    expect(anchors.some((a) => a.kind === 'number')).toBe(true);
  });
});

describe('anchor fields', () => {
  // One set of fields per kind of extractor, in one order: loops over a paragraph's anchors then read them through
  // inline caches that know a few hidden classes instead of a megamorphic lookup per field.
  const ru = 'Более 11% из 4,3 млрд долларов, 5 марта 2024 года, 12-го числа, код 7701234567; Асадов прибыл в Баку.';
  const en = 'At least 13 percent of $150,000-200,000 in 2023, on March 5 and the 12th, rose about 3% as Asadov said.';
  const figures = [...extractAnchors(ru, 'ru'), ...extractAnchors(en, 'en')].filter((a) => a.kind !== 'entity' && a.kind !== 'term');

  it('every figure anchor has the same fields, those it lacks undefined', () => {
    expect(new Set(figures.map((a) => a.kind))).toEqual(new Set(['number', 'year', 'date', 'ordinal']));
    // Some of them have a unit, a qualifier or no value; the fields are there all the same.
    expect(figures.some((a) => a.unit !== undefined) && figures.some((a) => a.unit === undefined)).toBe(true);
    expect(figures.some((a) => a.qualifier !== undefined) && figures.some((a) => a.value === undefined)).toBe(true);
    const fields = Object.keys(figures[0]!).join();
    for (const a of figures) expect(Object.keys(a).join()).toBe(fields);
    expect(fields).toBe('kind,key,surface,start,end,weight,written,value,unit,qualifier');
  });

  it('in JSON, a figure anchor shows only the fields it has', () => {
    const date = figures.find((a) => a.kind === 'date')!;
    expect(Object.keys(JSON.parse(JSON.stringify(date)))).toEqual(['kind', 'key', 'surface', 'start', 'end', 'weight', 'written']);
  });
});

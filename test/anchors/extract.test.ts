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

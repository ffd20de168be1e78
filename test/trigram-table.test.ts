import fc from 'fast-check';
import { data } from 'franc/data.js';
import { describe, expect, it } from 'vitest';
import { TrigramTable } from '../src/text/trigram-table.js';

describe('TrigramTable', () => {
  it('keeps the first value given to a trigram and answers -1 for one it does not have', () => {
    const table = new TrigramTable(4);
    const codes = (trigram: string): [number, number, number] => [trigram.charCodeAt(0), trigram.charCodeAt(1), trigram.charCodeAt(2)];
    expect(table.add(...codes('the'), 0)).toBe(true);
    expect(table.add(...codes(' th'), 1)).toBe(true);
    expect(table.add(...codes('the'), 7)).toBe(false);
    expect(table.get(...codes('the'))).toBe(0);
    expect(table.get(...codes(' th'))).toBe(1);
    expect(table.get(...codes('eht'))).toBe(-1);
    expect(table.size).toBe(2);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.get(...codes('the'))).toBe(-1);
  });

  it('tells apart every trigram, whatever its code units (checked against a Map)', () => {
    const unit = fc.oneof(fc.constantFrom(0, 1, 0x20, 0x61, 0x430, 0xffff, 0xd800), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(
      fc.property(fc.array(fc.tuple(unit, unit, unit), { maxLength: 300 }), (trigrams) => {
        const table = new TrigramTable(trigrams.length);
        const map = new Map<string, number>();
        trigrams.forEach(([a, b, c], k) => {
          const key = `${a},${b},${c}`;
          expect(table.add(a, b, c, k)).toBe(!map.has(key));
          if (!map.has(key)) map.set(key, k);
        });
        expect(table.size).toBe(map.size);
        for (const [a, b, c] of trigrams) expect(table.get(a, b, c)).toBe(map.get(`${a},${b},${c}`));
        expect(table.get(0x7a, 0x7a, 0x7b)).toBe(map.get(`${0x7a},${0x7a},${0x7b}`) ?? -1);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a trigram past its room (made for 2, it has the least room: 8)', () => {
    const table = new TrigramTable(2);
    for (let k = 0; k < 8; k++) table.add(0x61, 0x61, 0x61 + k, k);
    expect(() => {
      for (let k = 8; k < 100; k++) table.add(0x61, 0x62, k, k);
    }).toThrow(RangeError);
  });

  it("holds franc's trigrams, which are all three code units", () => {
    for (const languages of Object.values(data)) {
      for (const model of Object.values(languages)) for (const trigram of model.split('|')) expect(trigram.length).toBe(3);
    }
  });
});

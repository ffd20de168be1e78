import { describe, expect, it } from 'vitest';
import { hashRange, PerWord, WordTable } from '../../src/anchors/word-table.js';

interface Entry {
  text: string;
  id: number;
}

const addWord = (table: WordTable<Entry>, word: string): Entry =>
  table.add(hashRange(word, 0, word.length), (id) => ({ text: word, id }));

describe('hashRange', () => {
  it('hashes a range like the same word on its own, as a small integer', () => {
    const h = hashRange('in Moscow today', 3, 9);
    expect(h).toBe(hashRange('Moscow', 0, 6));
    expect(h | 0).toBe(h);
    expect(hashRange('Moskva', 0, 6)).not.toBe(h);
  });
});

describe('WordTable', () => {
  it('finds an entry by a range of any text, and tells apart words of equal hash slot', () => {
    const table = new WordTable<Entry>(100, 4);
    const words = ['Москва', 'Moscow', 'a', 'ab', 'ba', 'U.S.', 'Асадовым', 'x'.repeat(40)];
    for (const w of words) addWord(table, w);
    expect(table.size).toBe(words.length);
    const text = `… ${words.join(' ')} !`;
    let at = 2;
    for (const [k, w] of words.entries()) {
      const found = table.find(text, at, at + w.length, hashRange(text, at, at + w.length));
      expect(found).toEqual({ text: w, id: k });
      at += w.length + 1;
    }
    expect(table.find('abc', 0, 3, hashRange('abc', 0, 3))).toBeUndefined();
    expect(table.find('Moscowx', 0, 7, hashRange('Moscowx', 0, 7))).toBeUndefined();
  });

  it('empties itself at its limit, moving to a new epoch whose ids start again at 0', () => {
    const table = new WordTable<Entry>(3);
    for (const w of ['a', 'b', 'c']) addWord(table, w);
    expect(table.epoch).toBe(0);
    expect(addWord(table, 'd')).toEqual({ text: 'd', id: 0 });
    expect(table.epoch).toBe(1);
    expect(table.size).toBe(1);
    expect(table.find('a', 0, 1, hashRange('a', 0, 1))).toBeUndefined();
    expect(table.find('d', 0, 1, hashRange('d', 0, 1))?.id).toBe(0);
  });

  it('keeps many entries findable across growth', () => {
    const table = new WordTable<Entry>(100_000, 2);
    for (let k = 0; k < 5000; k++) addWord(table, `w${k}`);
    for (let k = 0; k < 5000; k += 97) {
      const w = `w${k}`;
      expect(table.find(w, 0, w.length, hashRange(w, 0, w.length))?.id).toBe(k);
    }
  });
});

describe('PerWord', () => {
  it('holds one value per id and forgets them when the table is reset', () => {
    const table = new WordTable<Entry>(2);
    const side = new PerWord<string>(table);
    const a = addWord(table, 'a');
    expect(side.get(a.id)).toBeUndefined();
    side.set(a.id, 'A');
    expect(side.get(a.id)).toBe('A');
    addWord(table, 'b');
    addWord(table, 'c'); // reset: ids start again
    expect(side.get(0)).toBeUndefined();
  });
});

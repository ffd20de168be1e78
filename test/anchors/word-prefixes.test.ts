import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/anchors/numbers.js';
import { isPlainLetterCode, isPlainLetterWord, letterIndex, letterRunEnd, mayBeInTable, prefixKey, prefixTable } from '../../src/anchors/word-prefixes.js';

describe('word prefixes', () => {
  it('folds case and ё, and gives no index to other characters', () => {
    expect(letterIndex('a'.charCodeAt(0))).toBe(letterIndex('A'.charCodeAt(0)));
    expect(letterIndex('я'.charCodeAt(0))).toBe(letterIndex('Я'.charCodeAt(0)));
    expect(letterIndex('ё'.charCodeAt(0))).toBe(letterIndex('е'.charCodeAt(0)));
    expect(letterIndex('Ё'.charCodeAt(0))).toBe(letterIndex('е'.charCodeAt(0)));
    for (const ch of ['1', ' ', 'ſ', '\u212A', 'İ', 'µ', 'é', 'І', 'ᲀ']) expect(letterIndex(ch.charCodeAt(0))).toBe(-1);
  });

  it('keys a word by its first three letters, short words padded', () => {
    expect(prefixKey('Тысяча', 0, 6)).toBe(prefixKey('тысячи', 0, 6));
    expect(prefixKey('a', 0, 1)).not.toBe(prefixKey('an', 0, 2));
    expect(prefixKey('xx one', 3, 6)).toBe(prefixKey('ONE', 0, 3));
    expect(prefixKey('ſeven', 0, 5)).toBe(-1);
    expect(prefixKey('seſ', 0, 3)).toBe(-1);
  });

  it('rules out only words whose first letters no table word has', () => {
    const table = prefixTable(['twenty', 'a', 'трёх']);
    const may = (word: string): boolean => mayBeInTable(table, word, 0, word.length);
    expect(may('Twelve')).toBe(true);
    expect(may('two')).toBe(false);
    expect(may('A')).toBe(true);
    expect(may('an')).toBe(false);
    expect(may('ТРЕХ')).toBe(true);
    expect(may('трёхлетний')).toBe(true);
    expect(may('тре')).toBe(true);
    expect(may('три')).toBe(false);
    expect(may('ſome')).toBe(true); // no key: looked at in full
    expect(() => prefixTable(['µ'])).toThrow();
  });

  it('ends a letter run where \\p{L}+ does', () => {
    const samples = ['word', 'Слово, ещё', 'a1', 'й', 'µm', '𝐀𝐁c!', 'x😀y', 'ҁ҂', '', '12', 'Ünïcödé-x', '\ud835', 'ab\udc00'];
    for (const text of samples) {
      for (let pos = 0; pos <= text.length; pos++) {
        if (pos > 0 && /[\ud800-\udbff][\udc00-\udfff]/.test(text.slice(pos - 1, pos + 1))) continue; // inside a pair
        const re = /\p{L}+/uy;
        re.lastIndex = pos;
        const m = re.exec(text);
        expect(letterRunEnd(text, pos), `${JSON.stringify(text)} at ${pos}`).toBe(m ? pos + m[0].length : pos);
      }
    }
  });

  it('plain letters are letters as letterRunEnd reads them, and only ASCII and Cyrillic ones', () => {
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (isPlainLetterCode(code)) expect(letterRunEnd(String.fromCharCode(code), 0)).toBe(1);
    }
    expect(isPlainLetterCode(0x482)).toBe(false); // ҂
    expect(isPlainLetterCode(0xb5)).toBe(false); // µ is a letter, but not a plain one
    expect(isPlainLetterWord('Москва')).toBe(true);
    expect(isPlainLetterWord('Tbilisi')).toBe(true);
    expect(isPlainLetterWord("O'Brien")).toBe(false);
    expect(isPlainLetterWord('G20')).toBe(false);
    expect(isPlainLetterWord('')).toBe(false);
  });

  it('the figure word pass reads the same words where tokens and letter runs differ', () => {
    // Letters the tokenizer does not take (µ, ª, ҂), tails it drops, dotted acronyms, digits glued to words; the
    // figures as the pass gave them when it read every letter run itself.
    const figures = (text: string, lang: 'ru' | 'en') => extractFigures(text, lang).map((a) => [a.key, a.start, a.end]);
    expect(figures('fiveµg, twoªthree, one’s two U.S.A. three 5five seven', 'en')).toEqual([
      ['num:1', 19, 22], ['num:2', 25, 28], ['num:3', 36, 41], ['num:5', 42, 47], ['num:7', 48, 53],
    ]);
    expect(figures("twenty one's and seven O'Five", 'en')).toEqual([['num:21', 0, 10], ['num:7', 17, 22], ['num:5', 25, 29]]);
    expect(figures('пятьµ двух҂трёх ХХI века, 5пять семь', 'ru')).toEqual([
      ['num:2', 6, 10], ['num:3', 11, 15], ['ord:21', 16, 19], ['num:5', 26, 31], ['num:7', 32, 36],
    ]);
    expect(figures('first second. Third-fourth', 'en')).toEqual([['ord:1', 0, 5], ['ord:2', 6, 12], ['ord:3', 14, 19], ['ord:4', 20, 26]]);
  });
});

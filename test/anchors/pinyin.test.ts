/** Pinyin read in the Palladius system, and the name check that uses it (Xinjiang = Синьцзян). */
import { describe, expect, it } from 'vitest';
import { palladiusReadings, palladiusSyllable } from '../../src/anchors/pinyin.js';
import { nameSimilarity } from '../../src/anchors/transcription.js';

describe('pinyin syllables in Palladius', () => {
  const table: Array<[string, string | undefined]> = [
    ['xin', 'синь'], ['jiang', 'цзян'], ['tian', 'тянь'], ['jin', 'цзинь'], ['chong', 'чун'], ['qing', 'цин'],
    ['hang', 'хан'], ['zhou', 'чжоу'], ['shen', 'шэнь'], ['zhen', 'чжэнь'], ['guang', 'гуан'], ['wu', 'у'],
    ['han', 'хань'], ['liu', 'лю'], ['zi', 'цзы'], ['si', 'сы'], ['shi', 'ши'], ['ri', 'жи'], ['hui', 'хуэй'],
    ['gui', 'гуй'], ['guo', 'го'], ['xue', 'сюэ'], ['ju', 'цзюй'], ['yuan', 'юань'], ['wei', 'вэй'], ['er', 'эр'],
    ['lv', 'люй'], ['bo', 'бо'],
    // Not syllables: j, q, x take i-finals only; zh, z and s no i-final; o only after b, p, m, f.
    ['jan', undefined], ['xa', undefined], ['zhian', undefined], ['sia', undefined], ['go', undefined], ['th', undefined],
  ];
  for (const [pinyin, palladius] of table) it(`${pinyin} → ${palladius ?? 'none'}`, () => expect(palladiusSyllable(pinyin)).toBe(palladius));
});

describe('words cut into syllables', () => {
  it('every way a word cuts, longer syllables first', () => {
    expect(palladiusReadings('xinjiang')[0]).toBe('синьцзян');
    expect(palladiusReadings('xian')).toEqual(['сянь', 'сиань']);
    expect(palladiusReadings("xi'an")).toEqual(['сиань']);
  });
  it('a word that is not all pinyin has no reading', () => {
    for (const word of ['stockholm', 'sochi', 'cannes', 'london']) expect(palladiusReadings(word), word).toEqual([]);
  });
});

describe('Chinese names against their Russian forms', () => {
  const pairs: Array<[string, string]> = [
    ['Xinjiang', 'Синьцзяна'], ['Tianjin', 'Тяньцзинь'], ['Wuhan', 'Ухане'], ['Chongqing', 'Чунцин'],
    ['Hangzhou', 'Ханчжоу'], ['Shenzhen', 'Шэньчжэнь'], ['Jinping', 'Цзиньпин'],
  ];
  for (const [en, ru] of pairs) it(`${en} = ${ru}`, () => expect(nameSimilarity(en, ru)).toBeGreaterThanOrEqual(0.85));
  it('only a capitalised word is read as pinyin', () => expect(nameSimilarity('wuhan', 'Ухане')).toBeLessThan(0.85));
});

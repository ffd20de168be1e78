/**
 * Name matching across scripts (src/anchors/transcription.ts): English names in Russian practical transcription,
 * in any case ending, first-name variants, and the words that must not match.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import JaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import { MATCH_CONFIDENCE, nameSimilarity, similarAtLeast } from '../../src/anchors/transcription.js';
import { mixedScriptWords, unmixScripts } from '../../src/anchors/homoglyphs.js';

describe('nameSimilarity: Russian transcription → English spelling', () => {
  const same: Array<[string, string]> = [
    ['Джордж', 'George'], ['Буш', 'Bush'], ['Хью', 'Hugh'], ['Джеймс', 'James'], ['Макгрегор', 'McGregor'],
    ['Макгрегором', 'McGregor'], ['Томас', 'Thomas'], ['Лэнг', 'Lang'], ['Лэнгу', 'Lang'], ['Кэтрин', 'Catherine'],
    ['Екатерина', 'Catherine'], ['Иэн', 'Ian'], ['Иэном', 'Ian'], ['Йен', 'Ian'], ['Бидейл', 'Bdale'], ['Гарби', 'Garbee'],
    ['Йорг', 'Jörg'], ['Ясперт', 'Jaspert'], ['Райнхолдценом', 'Reinholdtsen'], ['Фухс', 'Fuchs'], ['Мёрдок', 'Murdock'],
    ['Кембридж', 'Cambridge'], ['нетбуков', 'Netbooks'], ['Герцеговина', 'Herzegovina'],
    ['Милинковича', 'Milinković'], ['Савича', 'Savić'], ['Винченцо', 'Vincenzo'],
    // A name in -й declines -я, -ю, -ем (Рей: Рея); chr is кр; German v is ф; j is ж (French, Tibetan) or х (Spanish).
    ['Рея', 'Ray'], ['Андреем', 'Andrey'], ['Криса', 'Chris'], ['Фогт', 'Vogt'], ['Доржи', 'Dorji'], ['Хосе', 'Jose'],
    ['Хунты', 'Junta'], ['Альпах', 'Alps'], ['Тим', 'Timothy'], ['Шарль', 'Charles'],
    ['Людовика', 'Louis'], ['Пием', 'Pius'], ['Карла', 'Carl'], ['Скоттом', 'Scott'],
  ];
  for (const [ru, en] of same) {
    it(`${ru} = ${en}, both ways`, () => {
      expect(nameSimilarity(ru, en)).toBeGreaterThanOrEqual(MATCH_CONFIDENCE.skeleton);
      expect(nameSimilarity(en, ru)).toBe(nameSimilarity(ru, en));
    });
  }
  const different: Array<[string, string]> = [
    ['Петров', 'Peter'], ['Иванов', 'Ivan'], ['Москва', 'London'], ['Иванов', 'Smith'], ['АЗЕРТАДЖ', 'Azerbaijan'],
    ['Бакер', 'Barker'], // a translator's slip the check should report
  ];
  for (const [ru, en] of different) {
    it(`${ru} ≠ ${en}`, () => expect(nameSimilarity(ru, en)).toBe(0));
  }
  it('a weak match says so: Лори / Laurie is a doubtful match, not a sure one', () => {
    const s = nameSimilarity('Лори', 'Laurie');
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThan(MATCH_CONFIDENCE.skeleton);
  });
  it('bounds the work on long tokens', () => {
    const started = Date.now();
    expect(nameSimilarity('V'.repeat(200_000), 'V'.repeat(200_000))).toBe(0);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('mixed-script words', () => {
  it('finds a Cyrillic о in a Latin word and reads it as Latin, offsets kept', () => {
    const text = 'He went to M\u043escow and Moscow.';
    expect(mixedScriptWords(text)).toEqual([{ start: 11, end: 17, word: 'M\u043escow', intended: 'Moscow', foreign: 'cyrillic' }]);
    expect(unmixScripts(text)).toBe('He went to Moscow and Moscow.');
  });
  it('finds a Latin a in a Cyrillic word', () => {
    expect(mixedScriptWords('в Москвa')[0]).toMatchObject({ word: 'Москвa', intended: 'Москва', foreign: 'latin' });
  });
  it('leaves single-script words and words without look-alikes alone', () => {
    expect(mixedScriptWords('Москва Moscow DebConf Су-57')).toEqual([]);
    expect(mixedScriptWords('Mжscow')).toEqual([]);
  });
});

describe('anchor keys of names', () => {
  it('«Петров» is a surname, not the first name Peter; «Пётр» still is', async () => {
    const { extractAnchors } = await import('../../src/anchors/extract.js');
    expect(extractAnchors('Вчера Петров встретился с коллегами.', 'ru').map((a) => a.key)).not.toContain('ent:Peter');
    expect(extractAnchors('Вчера Петр встретился с коллегами.', 'ru').map((a) => a.key)).toContain('ent:Peter');
  });
});

describe('similarAtLeast: the Jaro–Winkler test behind its letter-count bound', () => {
  // A small alphabet makes close pairs common, where the bound and the plain test could disagree.
  const folded = fc.string({ unit: fc.constantFrom(...'abeiknorst'), minLength: 1, maxLength: 12 });

  it('answers as the plain test does, at both thresholds the checks use', () => {
    fc.assert(
      fc.property(folded, folded, fc.constantFrom(0.85, 0.9), (x, y, threshold) => {
        expect(similarAtLeast(x, y, threshold)).toBe(JaroWinkler(x, y) >= threshold);
      }),
      { numRuns: 20_000 },
    );
  });

  it('keeps near spellings and drops words with few letters in common', () => {
    expect(similarAtLeast('makgregor', 'macgregor', 0.9)).toBe(true);
    expect(similarAtLeast('martins', 'martinez', 0.9)).toBe(true);
    expect(similarAtLeast('martins', 'kovalev', 0.9)).toBe(false);
    // Not a folded form: the plain test, not the bound.
    expect(similarAtLeast('müller', 'muller', 0.85)).toBe(JaroWinkler('müller', 'muller') >= 0.85);
  });
});

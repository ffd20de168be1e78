import { describe, expect, it } from 'vitest';
import { charLeads, leadChars, leadMasks, leadStrings, mayStartWith, mayStartWithAt, mayStartWithLead } from '../../src/anchors/lead-chars.js';
import { SCALES, UNITS } from '../../src/anchors/number-words.js';

describe('mayStartWithAt', () => {
  it('answers as mayStartWith of the character at a position, for every table lead and many characters', () => {
    const leads = [
      ...[...SCALES.en, ...SCALES.ru].map((s) => leadChars(s.pattern, !s.attachedOnly)),
      ...[...UNITS.en, ...UNITS.ru].map((u) => leadChars(u.pattern, !u.caseSensitive)),
      charLeads('сse', true),
      charLeads('тч', true),
      charLeads('½¼¾⅓⅔', false),
      leadChars('a?b', false),
    ];
    const text = 'aAsSſkKtTqQ%$€£°½ тТчЧсСеЁё\u00A0\u2009\u2010\u2212İ\u1C84😀-\'5';
    for (const lead of leads) {
      for (let pos = -1; pos <= text.length; pos++) expect(mayStartWithAt(lead, text, pos), `${pos}`).toBe(mayStartWith(lead, text[pos]));
    }
  });
});

describe('leadChars', () => {
  it('reads the first characters of alternatives, groups, classes and escapes', () => {
    expect([...leadChars('(?:US|U\\.S\\.) dollars?|dollars?|USD', false).chars!].sort()).toEqual(['U', 'd']);
    expect([...leadChars('\\$', false).chars!]).toEqual(['$']);
    expect([...leadChars('[kK]', false).chars!].sort()).toEqual(['K', 'k']);
    expect([...leadChars('км|кв\\.', true).chars!].sort()).toEqual(['К', 'к']);
  });

  it('gives up on starts it cannot tell', () => {
    expect(leadChars('a?b', false).chars).toBeNull();
    expect(leadChars('[а-я]+', false).chars).toBeNull();
    expect(leadChars('\\p{L}+', false).chars).toBeNull();
    expect(leadChars('x|', false).chars).toBeNull();
    expect(leadChars('(?=a)a', false).chars).toBeNull();
  });

  it('answers true for characters that may fold to a lead', () => {
    const lead = leadChars('sq', true);
    expect(mayStartWith(lead, 'S')).toBe(true);
    expect(mayStartWith(lead, 'ſ')).toBe(true); // folds to "s" under /iu
    expect(mayStartWith(lead, 'q')).toBe(false);
    expect(mayStartWith(lead, '\u00A0')).toBe(false);
    expect(mayStartWith(lead, undefined)).toBe(false);
    expect(mayStartWith(leadChars('m', false), 'M')).toBe(false);
  });

  it('never rules out a position where a unit or scale expression matches', () => {
    const samples = ['5 км', '5-процентный', '5 Км/ч', '5%', '5 $', '5 USD', '5 U.S. dollars', '5 euros', '3 тыс.', '3 bn', '4k', '7 m',
      '5 ſq. km', '5\u00A0млн', '5 °C', '5 pp', '5 п. п.', '5 ₽', '5 Тонн', '5 KM'];
    for (const lang of ['ru', 'en'] as const) {
      const tables = [
        ...UNITS[lang].map((u) => ({ pattern: u.pattern, fold: !u.caseSensitive })),
        ...SCALES[lang].map((s) => ({ pattern: s.pattern, fold: !s.attachedOnly })),
      ];
      for (const { pattern, fold } of tables) {
        const re = new RegExp(`(?:${pattern})`, fold ? 'iuy' : 'uy');
        const lead = leadChars(pattern, fold);
        for (const text of samples) {
          for (let pos = 0; pos < text.length; pos++) {
            re.lastIndex = pos;
            if (re.test(text)) expect(mayStartWith(lead, text[pos]), `${pattern} at ${pos} of ${text}`).toBe(true);
          }
        }
      }
    }
  });

  it('gives the entries that may start with a character (by its code) as one bit set, as mayStartWith does each', () => {
    // The unit table is read in runs of 31 entries, a mask's bits (numbers.ts).
    const runs = (['ru', 'en'] as const).flatMap((lang) => [UNITS[lang].slice(0, 31), UNITS[lang].slice(31)].map((run) => [lang, run] as const));
    for (const [lang, run] of runs) {
      const leads = run.map((u) => leadChars(u.pattern, !u.caseSensitive));
      const masks = leadMasks(leads);
      for (const ch of [...'5 %$€кКmMſ\u00A0-–pPдД°', undefined]) {
        const expected = leads.reduce((mask, lead, i) => (mayStartWith(lead, ch) ? mask | (1 << i) : mask), 0);
        const code = ch === undefined ? NaN : ch.charCodeAt(0);
        expect(masks(code), `${lang} ${ch}`).toBe(expected);
        expect(masks(code)).toBe(expected); // from the cache
      }
    }
    expect(() => leadMasks(Array.from({ length: 32 }, () => leadChars('a', false)))).toThrow();
  });

  it('reads the first few characters of alternatives, groups, optional parts and spaces', () => {
    expect([...leadStrings('yuan|renminbi|CNY', true)].sort()).toEqual(['cny', 'ren', 'yua']);
    expect([...leadStrings('(?:US|U\\.S\\.) dollars?|dollars?|USD', false, ' \u00A0')].sort()).toEqual(['U.S', 'US ', 'USD', 'US\u00A0', 'dol']);
    expect([...leadStrings('m(?!/)|met(?:er|re)s?', false)].sort()).toEqual(['m', 'met']); // "m": anything may follow
    expect([...leadStrings('км|километр[а-яё]*', true)].sort()).toEqual(['кил', 'км']);
    expect([...leadStrings('° ?[CF]?', false)].sort()).toEqual(['°', '° ', '° C', '° F', '°C', '°F']);
    expect(leadStrings('\\p{L}+', false).has('')).toBe(true);
  });

  it('never rules out a position where a unit or scale expression matches by its first few characters', () => {
    const samples = ['5 км', '5-процентный', '5 Км/ч', '5%', '5 $', '5 USD', '5 U.S. dollars', '5 U.S.\u00A0dollars', '5 euros', '3 тыс.',
      '3 bn', '4k', '7 m', '5 ſq. km', '5\u00A0млн', '5 °C', '5 pp', '5 п. п.', '5 ₽', '5 Тонн', '5 KM', '5 YUAN', '5 kilometres per hour',
      '5 ДОЛЛ. США', '5 people', '5 years', '5 рублей', '5 р.', '5 т', '5 г'];
    for (const lang of ['ru', 'en'] as const) {
      const tables = [
        ...UNITS[lang].map((u) => ({ pattern: u.pattern.replace(/ /g, '[ \\u00A0]'), raw: u.pattern, fold: !u.caseSensitive })),
        ...SCALES[lang].map((s) => ({ pattern: s.pattern, raw: s.pattern, fold: !s.attachedOnly })),
      ];
      for (const { pattern, raw, fold } of tables) {
        const re = new RegExp(`(?:${pattern})`, fold ? 'iuy' : 'uy');
        const leads = leadStrings(raw, fold, ' \u00A0');
        for (const text of samples) {
          for (let pos = 0; pos < text.length; pos++) {
            re.lastIndex = pos;
            if (re.test(text)) expect(mayStartWithLead(leads, fold, text, pos), `${raw} at ${pos} of ${text}`).toBe(true);
          }
        }
      }
    }
    expect(mayStartWithLead(leadStrings('yuan', true), true, '5 years', 2)).toBe(false);
    expect(mayStartWithLead(leadStrings('percent', true), true, 'people', 0)).toBe(false);
    expect(mayStartWithLead(leadStrings('percent', true), true, 'PERcent', 0)).toBe(true);
    expect(mayStartWithLead(leadStrings('sq', true), true, 'ſq', 0)).toBe(true); // folds to "s" under /iu
    expect(mayStartWithLead(leadStrings('km', false), false, 'k', 0)).toBe(false); // the end of the text
  });

  it('answers as a fresh reading of the text whatever was asked before (its prefixes are kept for two positions)', () => {
    // The answer by definition: the first one, two, three characters (folded), a wild character, the text's end.
    const reference = (leads: ReadonlySet<string>, fold: boolean, text: string, pos: number): boolean => {
      if (leads.has('')) return true;
      let start = '';
      for (let k = 0; k < 3; k++) {
        const code = text.charCodeAt(pos + k);
        if (Number.isNaN(code)) return false;
        if (fold && code >= 0x80 && !(code >= 0x400 && code <= 0x4ff)) return true;
        start += fold ? text[pos + k]!.toLowerCase() : text[pos + k]!;
        if (leads.has(start)) return true;
      }
      return false;
    };
    const tables = [...UNITS.en, ...UNITS.ru].map((u) => ({ leads: leadStrings(u.pattern, !u.caseSensitive, ' \u00A0'), fold: !u.caseSensitive }));
    const texts = ['5 km/h', '5 KM', '10 млн долларов', '3 Percent', '5 ſq', '7 m', 'm', '2 ÷ x', '5 péople', '5 years'];
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let i = 0; i < 5000; i++) {
      const { leads, fold } = tables[next(tables.length)]!;
      const text = texts[next(texts.length)]!;
      const pos = next(text.length + 1);
      expect(mayStartWithLead(leads, fold, text, pos), `${text} at ${pos}`).toBe(reference(leads, fold, text, pos));
    }
  });
});
